/**
 * Polling the channels whose network is read by polling (every provider with `listInbox`): each
 * due channel is claimed by one worker, read from its stored cursor, and its items stored through
 * the same path as webhooks (an item seen both ways is stored once). Failures back off: a
 * rate-limited network is not asked again before its reset time, other failures wait twice as
 * long each time (capped), and an expired login is renewed once through the provider.
 */
import type { AppContext } from '../app/context.js';
import type { ChannelRow } from '../channels/channels.repository.js';
import { callRenewing } from '../channels/token-refresh.service.js';
import type { InboxPage, Provider, ProviderContext } from '../providers/contract.js';
import { ProviderError } from '../providers/provider-error.js';
import { channelContext } from './channel-context.js';
import { ingestItems } from './ingest.service.js';
import { claimDueCursors, ensureCursors, finishPoll, recentPublished, type ClaimedCursor } from './poll.repository.js';

/** Channels polled at once by one worker. */
const BATCH = 10;
/** How long a claimed channel is this worker's before another may take it. */
const LEASE_SECONDS = 300;
const MAX_BACKOFF_MS = 3600_000;
/** How often new channels get a cursor. */
const ENSURE_EVERY_MS = 15_000;

const lastEnsured = new WeakMap<AppContext, number>();

/** When to poll again after a failure: never before a rate limit's reset, else doubling waits. */
export function nextPollAfter(err: ProviderError, failures: number, intervalMs: number, now = Date.now()): Date {
  if (err.kind === 'rate_limited') return new Date(Math.max(err.retryAt?.getTime() ?? now + intervalMs, now + 1000));
  return new Date(now + Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(failures, 12)));
}

async function listRenewing(ctx: AppContext, provider: Provider, channel: ChannelRow, pctx: ProviderContext, cursor: ClaimedCursor): Promise<InboxPage> {
  const opts = { cursor: cursor.cursor, kinds: provider.inboxKinds, recentPosts: await recentPublished(ctx.db, channel.id) };
  return callRenewing(ctx, channel, pctx, () => provider.listInbox!(pctx, opts));
}

async function pollOne(ctx: AppContext, cursor: ClaimedCursor) {
  const [channel] = await ctx.db.query<ChannelRow>(`SELECT * FROM channels WHERE id = $1`, [cursor.channel_id]);
  if (!channel) return;
  const provider = ctx.providers.get(channel.network);
  const intervalMs = ctx.config.inboxPollSeconds * 1000;
  try {
    const page = await listRenewing(ctx, provider, channel, channelContext(ctx, channel), cursor);
    const ref = { id: channel.id, workspaceId: channel.workspace_id, network: channel.network, name: channel.name, externalId: channel.external_id };
    await ingestItems(ctx, ref, page.items, 'poll');
    await finishPoll(ctx.db, channel.id, { cursor: page.cursor ?? cursor.cursor, nextAt: new Date(Date.now() + intervalMs), failures: 0, error: null });
  } catch (err) {
    const pe = err instanceof ProviderError ? err : new ProviderError('transient', err instanceof Error ? err.message : String(err), { cause: err });
    if (!(err instanceof ProviderError)) ctx.logger.error({ err, channelId: channel.id }, 'inbox poll failed unexpectedly');
    const failures = cursor.failures + 1;
    const nextAt = nextPollAfter(pe, failures, intervalMs);
    // A rate limit is the network's word: "check now" leaves the channel alone until then.
    await finishPoll(ctx.db, channel.id, { cursor: cursor.cursor, nextAt, failures, error: pe.networkMessage ?? pe.message, limitedUntil: pe.kind === 'rate_limited' ? nextAt : null });
  }
}

/** One round: claims due channels (SKIP LOCKED) and polls them. Returns how many were polled. */
export async function pollDueChannels(ctx: AppContext): Promise<number> {
  const networks = ctx.providers.list().filter((p) => p.listInbox).map((p) => p.network);
  if (networks.length === 0) return 0;
  if (Date.now() - (lastEnsured.get(ctx) ?? 0) > ENSURE_EVERY_MS) {
    await ensureCursors(ctx.db, networks);
    lastEnsured.set(ctx, Date.now());
  }
  const due = await claimDueCursors(ctx.db, networks, BATCH, LEASE_SECONDS);
  await Promise.all(due.map((c) => pollOne(ctx, c)));
  return due.length;
}
