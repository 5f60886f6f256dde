/**
 * Publishing one claimed delivery, by DESIGN.md's rule: exactly once, or a state a person can see.
 * The attempt is already on record (claimDue). A previous attempt whose outcome is unknown is
 * reconciled first where the network cannot dedupe; failures go through the retry policy.
 */
import type { AppContext } from '../app/context.js';
import { blockChannel, findChannel, type ChannelRow } from '../channels/channels.repository.js';
import { notify } from '../notifications/notifications.repository.js';
import { findPost } from '../posts/posts.repository.js';
import type { Credentials, Provider, ProviderContext, PublishContent, PublishResult } from '../providers/contract.js';
import { callRenewing, markNeedsReconnect } from '../channels/token-refresh.service.js';
import { ProviderError } from '../providers/provider-error.js';
import { buildContent, buildProviderContext, type PostContentRow } from './provider-context.js';
import { finishDelivery, type ClaimedDelivery, type Finish } from './publishing.repository.js';
import { decide } from './retry-policy.js';
import { publishingTarget } from './reply-target.js';

/** What the deliveries of one claimed batch share. */
export interface PublishCaches {
  channels: Map<string, ChannelRow | null>;
  /** Decrypted credentials, from the worker's cache (decrypted once per channel). */
  credentialsFor?(channel: ChannelRow): Credentials;
  /** Channels a network throttled during this batch: no further calls to them before the reset. */
  blockedUntil: Map<string, Date>;
  /** Writes an outcome together with others (the worker's FinishBatcher); else one by one. */
  finish?(d: ClaimedDelivery, f: Finish): Promise<boolean>;
}

function finish(ctx: AppContext, caches: PublishCaches | undefined, d: ClaimedDelivery, workerId: string, f: Finish): Promise<boolean> {
  return caches?.finish ? caches.finish(d, f) : finishDelivery(ctx.db, d, workerId, f);
}

function credentialsFor(ctx: AppContext, channel: ChannelRow, caches?: PublishCaches): Credentials {
  return caches?.credentialsFor ? caches.credentialsFor(channel) : ctx.secrets.decrypt<Credentials>(channel.credentials);
}

async function loadChannel(ctx: AppContext, d: ClaimedDelivery, caches?: PublishCaches) {
  if (caches?.channels.has(d.channel_id)) return caches.channels.get(d.channel_id) ?? null;
  const c = await findChannel(ctx.db, d.workspace_id, d.channel_id);
  caches?.channels.set(d.channel_id, c);
  return c;
}

function publishedFinish(result: PublishResult, outcome: 'published' | 'reconciled') {
  return {
    state: 'published' as const,
    externalId: result.externalId,
    externalUrl: result.url ?? null,
    result: { parts: result.parts },
    error: null,
    attempt: { outcome, detail: result.detail ?? null },
  };
}

export async function publishOne(ctx: AppContext, d: ClaimedDelivery, workerId: string, caches?: PublishCaches): Promise<void> {
  const channel = await loadChannel(ctx, d, caches);
  const post: PostContentRow | null = d.post_content ? { id: d.post_id, workspace_id: d.workspace_id, content: d.post_content } : await findPost(ctx.db, d.workspace_id, d.post_id);
  if (!channel || !post) return; // deleted meanwhile: the cascade removed the delivery too
  if (channel.status !== 'active') {
    const message = `The ${channel.network} channel "${channel.name}" needs reconnecting before it can publish`;
    await finish(ctx, caches, d, workerId, { state: 'failed', error: { kind: 'auth_expired', message }, attempt: { outcome: 'failed', errorKind: 'auth_expired', errorMessage: message } });
    return;
  }
  const blocked = caches?.blockedUntil.get(channel.id);
  if (blocked && blocked > new Date()) {
    const message = 'Waiting for the network\'s rate-limit reset';
    await finish(ctx, caches, d, workerId, { state: 'queued', availableAt: blocked, error: { kind: 'rate_limited', message }, attempt: { outcome: 'deferred', errorKind: 'rate_limited', errorMessage: message } });
    return;
  }
  const provider = publishingTarget(ctx.providers.get(channel.network), d.reply_to);
  const pctx = buildProviderContext(ctx, channel, d, credentialsFor(ctx, channel, caches));
  const content = await buildContent(ctx, post, d);

  if (d.outcome_unknown && !provider.idempotentPublish) {
    const settled = await reconcile(ctx, d, workerId, provider, pctx, content, channel, caches);
    if (settled) return;
  }
  let result: PublishResult;
  try {
    result = await publishRenewing(ctx, provider, channel, pctx, content);
  } catch (err) {
    await handleFailure(ctx, d, workerId, provider, channel, err, caches);
    return;
  }
  // Outside the try: failing to record a publish is not a failed publish (the lease expires and
  // the next attempt, seeing an unknown outcome, retries idempotently or reconciles first).
  const ok = await finish(ctx, caches, d, workerId, publishedFinish(result, 'published'));
  if (!ok) ctx.logger.warn({ deliveryId: d.id }, 'published, but the delivery was taken over by another worker meanwhile');
}

/** Publishes; when the network says the token expired, renews the login and publishes again. */
async function publishRenewing(ctx: AppContext, provider: Provider, channel: ChannelRow, pctx: ProviderContext, content: PublishContent) {
  return callRenewing(ctx, channel, pctx, () => provider.publish(pctx, content));
}

/** Returns true when the delivery is settled (found, or handed to a person). */
async function reconcile(ctx: AppContext, d: ClaimedDelivery, workerId: string, provider: Provider, pctx: ReturnType<typeof buildProviderContext>, content: Awaited<ReturnType<typeof buildContent>>, channel: ChannelRow, caches?: PublishCaches): Promise<boolean> {
  let outcome;
  try {
    outcome = provider.reconcile ? await provider.reconcile(pctx, content) : { status: 'unknown' as const, evidence: `${channel.network} offers no way to look the post up` };
  } catch (err) {
    outcome = { status: 'unknown' as const, evidence: err instanceof Error ? err.message : String(err) };
  }
  if (outcome.status === 'published') {
    await finish(ctx, caches, d, workerId, publishedFinish(outcome.result, 'reconciled'));
    return true;
  }
  if (outcome.status === 'not_found') return false;
  const message = `Varde cannot tell whether this post reached ${channel.network}: ${outcome.evidence}. Check the account, then mark it published or retry.`;
  await finish(ctx, caches, d, workerId, { state: 'needs_attention', error: { kind: 'unknown_outcome', message }, attempt: { outcome: 'needs_attention', errorKind: 'unknown_outcome', errorMessage: message } });
  await notify(ctx.db, { workspaceId: d.workspace_id, kind: 'delivery.needs_attention', subjectId: d.id, message, detail: { postId: d.post_id, channelId: d.channel_id } });
  return true;
}

async function handleFailure(ctx: AppContext, d: ClaimedDelivery, workerId: string, provider: Provider, channel: ChannelRow, err: unknown, caches?: PublishCaches) {
  const pe = err instanceof ProviderError ? err : new ProviderError('transient', 'Unexpected error while publishing', { cause: err });
  if (!(err instanceof ProviderError)) ctx.logger.error({ err, deliveryId: d.id }, 'provider threw an unclassified error');
  const decision = decide({ kind: pe.kind, attempt: d.attempt_count, retryAt: pe.retryAt, idempotent: provider.idempotentPublish, baseMs: ctx.config.retryBaseMs });
  const error = { kind: pe.kind, message: pe.message, ...(pe.networkMessage ? { networkMessage: pe.networkMessage } : {}) };
  const attempt = { errorKind: pe.kind, errorMessage: pe.networkMessage ?? pe.message, detail: { ...(pe.status ? { status: pe.status } : {}), ...(pe.detail ?? {}) } };
  if (decision.type === 'retry' || decision.type === 'reconcile') {
    if (decision.type === 'retry' && decision.blockChannelUntil) {
      caches?.blockedUntil.set(channel.id, decision.blockChannelUntil);
      await blockChannel(ctx.db, channel.id, decision.blockChannelUntil, pe.message);
    }
    await finish(ctx, caches, d, workerId, { state: 'queued', availableAt: decision.at, error, attempt: { ...attempt, outcome: decision.type === 'reconcile' ? 'unknown' : 'retry' } });
    return;
  }
  await finish(ctx, caches, d, workerId, { state: 'failed', error, attempt: { ...attempt, outcome: 'failed' } });
  if (decision.reconnect) {
    if (channel.status === 'active') await markNeedsReconnect(ctx.db, channel, pe.networkMessage ?? pe.message);
  } else {
    await notify(ctx.db, { workspaceId: d.workspace_id, kind: 'delivery.failed', subjectId: d.id, message: `A post to "${channel.name}" failed: ${pe.networkMessage ?? pe.message}`, detail: { postId: d.post_id } });
  }
}
