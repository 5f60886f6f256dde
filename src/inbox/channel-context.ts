/**
 * What a provider needs to act on a channel outside a delivery (reading the inbox, hiding, liking,
 * deleting): decrypted credentials (re-encrypted when the provider renews them), settings, the
 * guarded HTTP client; and the one place a provider's failure becomes the API's error.
 */
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { updateChannel, type ChannelRow } from '../channels/channels.repository.js';
import { isNetworkSlug, NETWORK_NAMES } from '../core/networks.js';
import { createTid } from '../core/tid.js';
import { mediaUrl } from '../media/signed-url.js';
import type { Credentials, ProviderContext } from '../providers/contract.js';
import { ProviderError } from '../providers/provider-error.js';

export function channelContext(ctx: AppContext, channel: ChannelRow): ProviderContext {
  return {
    idempotencyKey: createTid(),
    credentials: ctx.secrets.decrypt<Credentials>(channel.credentials),
    settings: channel.settings,
    app: ctx.providers.appFor(channel.network),
    account: { externalId: channel.external_id, handle: channel.handle },
    http: ctx.http,
    mediaUrl: (item) => mediaUrl(ctx.config.publicUrl, ctx.secrets, item.id),
    async saveCredentials(next) {
      const sealed = ctx.secrets.encrypt(next);
      channel.credentials = sealed;
      await updateChannel(ctx.db, channel.workspace_id, channel.id, { credentials: sealed });
    },
  };
}

export const networkName = (network: string) => (isNetworkSlug(network) ? NETWORK_NAMES[network] : network);

/** "Hiding comments is not offered by Bluesky": a clear 4xx for what a network does not allow. */
export const notOffered = (what: string, network: string) => new AppError('bad_request', `${what} is not offered by ${networkName(network)}`, { details: { code: 'not_offered', network } });

/** A provider's failure as the API answers it. */
export function asAppError(err: unknown, network: string, doing: string): unknown {
  if (!(err instanceof ProviderError)) return err;
  const message = `${networkName(network)} did not ${doing}: ${err.networkMessage ?? err.message}`;
  const code = err.kind === 'rejected' ? 'validation_failed' : err.kind === 'rate_limited' ? 'rate_limited' : err.kind === 'auth_expired' ? 'conflict' : 'unavailable';
  return new AppError(code, message, { details: { kind: err.kind, ...(err.retryAt ? { retryAt: err.retryAt.toISOString() } : {}) } });
}
