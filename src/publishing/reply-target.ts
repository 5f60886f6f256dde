/**
 * A reply from the inbox is a delivery like any other, whose `reply_to` holds the item it answers:
 * the worker publishes it through the provider's `replyTo` instead of `publish`, with everything
 * else unchanged (attempt recorded first, retries, rate limits, the channel's login renewed once).
 * There is no `reconcile` for a reply: where the network cannot dedupe a retry, an unknown outcome
 * goes to a person (needs_attention); where it can (Bluesky's record key), the retry is safe.
 */
import type { InboxItem, Provider } from '../providers/contract.js';
import { ProviderError } from '../providers/provider-error.js';

export function publishingTarget(provider: Provider, replyTo: InboxItem | null | undefined): Provider {
  if (!replyTo) return provider;
  return {
    network: provider.network,
    idempotentPublish: provider.idempotentPublish,
    refreshCredentials: provider.refreshCredentials?.bind(provider),
    async publish(ctx, content) {
      if (!provider.replyTo) throw new ProviderError('rejected', `Replying is not offered by ${provider.network}`);
      const part = await provider.replyTo(ctx, replyTo, content.parts[0]);
      return { externalId: part.externalId, url: part.url, parts: [part] };
    },
  };
}
