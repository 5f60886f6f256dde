/**
 * Analytics: the rules of metric collection (the cadence that decays with a post's age, backoff,
 * what a network's throttle or an expired login means), collecting a channel's batch of deliveries
 * or its followers through the provider, and the API's views — the latest snapshot per delivery,
 * a post's roll-up, a channel's follower series and per-post totals, and "collect now".
 */
import type { AppContext } from '../app/context.js';
import { AppError, badRequest, findOrFail } from '../app/errors.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import { findChannel, findChannelsByIds, updateChannel, type ChannelRow } from '../channels/channels.repository.js';
import { findPost } from '../posts/posts.repository.js';
import type { PublishedPart, PublishResult } from '../providers/contract.js';
import { ProviderError, type ProviderErrorKind } from '../providers/provider-error.js';
import { buildProviderContext } from '../publishing/provider-context.js';
import * as repo from './metrics.repository.js';
import type { LatestSnapshotRow, MeasuredDelivery, MetricValues } from './metrics.repository.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How often a post is measured, by its age; past the last step collection stops. */
export const METRICS_CADENCE = [
  { untilAge: 6 * HOUR, every: 15 * MINUTE },
  { untilAge: 2 * DAY, every: HOUR },
  { untilAge: 30 * DAY, every: DAY },
] as const;
export const FOLLOWERS_EVERY_MS = DAY;
/** A claimed row is this worker's for this long; then another may take it (a worker that died). */
export const METRICS_LEASE_SECONDS = 600;
/** "Collect now" does not ask the network again about a delivery measured this recently. */
export const REFRESH_MIN_SECONDS = 60;
const MAX_BACKOFF_MS = 6 * HOUR;
/** When a throttled network names no reset time. */
const DEFAULT_THROTTLE_MS = 15 * MINUTE;
/** Channel batches measured at once by one worker. */
const CHANNELS_AT_ONCE = 8;

export const METRIC_KEYS = ['impressions', 'likes', 'comments', 'shares', 'saves', 'clicks'] as const satisfies readonly (keyof MetricValues)[];

/** When a post published at `publishedAt` is measured next, or null when collection stops. */
export function nextCollectionAt(publishedAt: Date, now = new Date()): Date | null {
  const published = new Date(publishedAt).getTime();
  const step = METRICS_CADENCE.find((s) => now.getTime() - published < s.untilAge);
  if (!step) return null;
  // The last reading falls on the post's 30th day, not up to a day after it.
  return new Date(Math.min(now.getTime() + step.every, published + METRICS_CADENCE[METRICS_CADENCE.length - 1].untilAge));
}

/** After `failures` failed readings in a row: doubling waits from 5 minutes, capped at 6 hours. */
export const backoffAt = (failures: number, now = new Date()) => new Date(now.getTime() + Math.min(MAX_BACKOFF_MS, 5 * MINUTE * 2 ** Math.min(Math.max(failures - 1, 0), 10)));

/** Never before the network's reset; a second at the least. */
export const throttledUntil = (err: ProviderError, now = new Date()) => new Date(Math.max(err.retryAt?.getTime() ?? now.getTime() + DEFAULT_THROTTLE_MS, now.getTime() + 1000));

/** Sums over deliveries; a metric stays null ("not offered") when no delivery's network offers it. */
export function rollUp(snapshots: Array<MetricValues | null>): MetricValues {
  const out: MetricValues = { impressions: null, likes: null, comments: null, shares: null, saves: null, clicks: null };
  for (const m of snapshots) {
    if (!m) continue;
    for (const k of METRIC_KEYS) if (typeof m[k] === 'number') out[k] = (out[k] ?? 0) + (m[k] as number);
  }
  return out;
}

export type CollectOutcome =
  | { deliveryId: string; status: 'collected' }
  /** The network answered without this post (deleted there, or not measurable yet). */
  | { deliveryId: string; status: 'missing' }
  | { deliveryId: string; status: 'rate_limited'; retryAt: Date }
  | { deliveryId: string; status: 'failed'; kind: ProviderErrorKind; message: string; retryAt: Date };

const asProviderError = (err: unknown) => (err instanceof ProviderError ? err : new ProviderError('transient', err instanceof Error ? err.message : String(err), { cause: err }));

function toPublishResult(d: MeasuredDelivery): PublishResult {
  const parts: PublishedPart[] = [];
  for (const [k, v] of Object.entries((d.result?.parts ?? {}) as Record<string, PublishedPart>)) parts[Number(k)] = v;
  return { externalId: d.external_id, url: d.external_url ?? undefined, parts };
}

/**
 * An expired login is the token renewal's to handle (src/channels/token-refresh.service.ts): a
 * renewable token is marked as expiring now, so the renewal's next round renews it — or marks the
 * channel `needs_reconnect` and notifies when it cannot.
 */
async function askForTokenRenewal(ctx: AppContext, channel: ChannelRow) {
  const renewable = Boolean(ctx.providers.get(channel.network).refreshCredentials);
  if (!renewable || !channel.token_expires_at || new Date(channel.token_expires_at).getTime() <= Date.now()) return;
  await updateChannel(ctx.db, channel.workspace_id, channel.id, { tokenExpiresAt: new Date() });
}

/**
 * What a failed reading means: a throttle blocks the channel's metric calls until the network's
 * reset (returned as `until`); an expired login is left to the token renewal; the rest backs off.
 */
async function settleFailure(ctx: AppContext, channel: ChannelRow, err: unknown, what: string): Promise<{ pe: ProviderError; until: Date | null }> {
  const pe = asProviderError(err);
  if (err instanceof ProviderError) ctx.logger.warn({ channelId: channel.id, kind: pe.kind, message: pe.networkMessage ?? pe.message }, `reading ${what} failed`);
  else ctx.logger.error({ err, channelId: channel.id }, `reading ${what} failed unexpectedly`);
  if (pe.kind === 'auth_expired') await askForTokenRenewal(ctx, channel);
  if (pe.kind !== 'rate_limited') return { pe, until: null };
  const until = throttledUntil(pe);
  await repo.blockChannelMetrics(ctx.db, channel.id, until, pe.networkMessage ?? pe.message);
  return { pe, until };
}

/** One channel's batch: one provider call, one snapshot per delivery the network answered for. */
async function collectChannelBatch(ctx: AppContext, channel: ChannelRow, batch: MeasuredDelivery[]): Promise<CollectOutcome[]> {
  try {
    const provider = ctx.providers.get(channel.network);
    if (!provider.fetchPostMetrics) throw new ProviderError('rejected', `${channel.network} offers no post metrics`);
    // The context of the batch's first delivery: reading metrics uses only the channel's login and settings.
    const results = await provider.fetchPostMetrics(buildProviderContext(ctx, channel, batch[0]), batch.map(toPublishResult));
    const byExternalId = new Map(results.map((r) => [r.externalId, r]));
    const now = new Date();
    const snapshots = batch.flatMap((d) => {
      const m = byExternalId.get(d.external_id);
      return m ? [{ workspaceId: d.workspace_id, deliveryId: d.id, metrics: m.metrics, raw: m.raw }] : [];
    });
    await repo.insertDeliverySnapshots(ctx.db, snapshots);
    await repo.scheduleDeliveries(ctx.db, batch.map((d) => ({ id: d.id, nextAt: nextCollectionAt(d.published_at, now), failures: 0 })));
    return batch.map((d) => ({ deliveryId: d.id, status: byExternalId.has(d.external_id) ? 'collected' : 'missing' }));
  } catch (err) {
    const { pe, until } = await settleFailure(ctx, channel, err, 'post metrics');
    if (until) {
      await repo.scheduleDeliveries(ctx.db, batch.map((d) => ({ id: d.id, nextAt: until, failures: d.metrics_failures })));
      return batch.map((d) => ({ deliveryId: d.id, status: 'rate_limited', retryAt: until }));
    }
    const next = batch.map((d) => ({ id: d.id, nextAt: backoffAt(d.metrics_failures + 1), failures: d.metrics_failures + 1 }));
    await repo.scheduleDeliveries(ctx.db, next);
    return next.map((n) => ({ deliveryId: n.id, status: 'failed', kind: pe.kind, message: pe.networkMessage ?? pe.message, retryAt: n.nextAt }));
  }
}

/** Runs `fn` over `items`, `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Measures claimed deliveries: grouped per channel, one provider call per channel. Never throws for a network's failure. */
export async function collectDeliveries(ctx: AppContext, claimed: MeasuredDelivery[]): Promise<CollectOutcome[]> {
  const batches = new Map<string, MeasuredDelivery[]>();
  for (const d of claimed) batches.set(d.channel_id, [...(batches.get(d.channel_id) ?? []), d]);
  const channels = new Map<string, ChannelRow>();
  for (const ws of new Set(claimed.map((d) => d.workspace_id))) {
    const ids = [...new Set(claimed.filter((d) => d.workspace_id === ws).map((d) => d.channel_id))];
    for (const ch of await findChannelsByIds(ctx.db, ws, ids)) channels.set(ch.id, ch);
  }
  const outcomes: CollectOutcome[] = [];
  await eachLimited([...batches], CHANNELS_AT_ONCE, async ([channelId, batch]) => {
    const channel = channels.get(channelId);
    if (!channel) return; // deleted since the claim (its deliveries went with it)
    try {
      outcomes.push(...(await collectChannelBatch(ctx, channel, batch)));
    } catch (err) {
      // Only the database can fail here; the leases run out and the batch is taken up again.
      ctx.logger.error({ err, channelId }, 'storing post metrics failed');
    }
  });
  return outcomes;
}

/** Reads a channel's followers (daily), stores the reading, and schedules the next. Never throws for a network's failure. */
export async function collectFollowers(ctx: AppContext, claimed: { channel_id: string; workspace_id: string; failures: number }): Promise<boolean> {
  const channel = await findChannel(ctx.db, claimed.workspace_id, claimed.channel_id);
  if (!channel) return false;
  try {
    const provider = ctx.providers.get(channel.network);
    if (!provider.fetchAccountMetrics) throw new ProviderError('rejected', `${channel.network} offers no account metrics`);
    // The account is read outside any delivery: the context carries a key of its own, never used to publish.
    const reading = await provider.fetchAccountMetrics(buildProviderContext(ctx, channel, { id: channel.id, idempotency_key: `metrics-${channel.id}`, result: null }));
    // Nothing offered (e.g. a Discord webhook has no member count): no empty row every day.
    if (reading.followers !== null || Object.keys(reading.raw).length > 0) await repo.insertChannelSnapshot(ctx.db, { workspaceId: channel.workspace_id, channelId: channel.id, reading });
    await repo.finishChannelReading(ctx.db, channel.id, { nextAt: new Date(Date.now() + FOLLOWERS_EVERY_MS), failures: 0, error: null });
    return true;
  } catch (err) {
    const { pe, until } = await settleFailure(ctx, channel, err, 'followers');
    const failures = until ? claimed.failures : claimed.failures + 1;
    const nextAt = until ?? backoffAt(failures);
    await repo.finishChannelReading(ctx.db, channel.id, { nextAt, failures, error: pe.networkMessage ?? pe.message });
    return false;
  }
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
const offersPostMetrics = (ctx: AppContext, network: string) => ctx.providers.has(network) && Boolean(ctx.providers.get(network).fetchPostMetrics);
const offersFollowers = (ctx: AppContext, network: string) => ctx.providers.has(network) && Boolean(ctx.providers.get(network).fetchAccountMetrics);

/** When the delivery is measured next as the API shows it: due now when never measured yet. */
function plannedCollection(r: LatestSnapshotRow, offered: boolean, now: Date): string | null {
  if (!offered || r.state !== 'published') return null;
  if (r.metrics_next_at) return iso(r.metrics_next_at);
  const young = r.published_at && now.getTime() - new Date(r.published_at).getTime() < METRICS_CADENCE[METRICS_CADENCE.length - 1].untilAge;
  return young ? now.toISOString() : null;
}

function deliveryView(ctx: AppContext, r: LatestSnapshotRow, now: Date) {
  const offered = offersPostMetrics(ctx, r.network);
  return {
    deliveryId: r.delivery_id, postId: r.post_id, channelId: r.channel_id, channelName: r.channel_name, network: r.network, state: r.state,
    url: r.external_url, publishedAt: iso(r.published_at), offered,
    collectedAt: iso(r.collected_at), nextCollectionAt: plannedCollection(r, offered, now),
    metrics: r.metrics, raw: r.raw,
  };
}

/** A post's latest snapshot per delivery and its roll-up. */
export async function showPostMetrics(ctx: AppContext, access: WorkspaceAccess, postId: string) {
  findOrFail(await findPost(ctx.db, access.workspaceId, postId), 'Post');
  const rows = await repo.latestSnapshotsOfPost(ctx.db, access.workspaceId, postId);
  const now = new Date();
  const collected = rows.map((r) => r.collected_at).filter((d): d is Date => d !== null);
  return {
    postId,
    collectedAt: collected.length ? iso(new Date(Math.max(...collected.map((d) => new Date(d).getTime())))) : null,
    totals: rollUp(rows.map((r) => r.metrics)),
    deliveries: rows.map((r) => deliveryView(ctx, r, now)),
  };
}

export const CHANNEL_RANGE_DEFAULT_DAYS = 30;
export const CHANNEL_RANGE_MAX_DAYS = 366;
export const CHANNEL_POSTS_MAX = 500;

/** A channel's follower series and its posts' latest totals, over [from, to) (default: the last 30 days). */
export async function showChannelMetrics(ctx: AppContext, access: WorkspaceAccess, channelId: string, q: { from?: string; to?: string }) {
  const channel = findOrFail(await findChannel(ctx.db, access.workspaceId, channelId), 'Channel');
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - CHANNEL_RANGE_DEFAULT_DAYS * DAY);
  const days = (to.getTime() - from.getTime()) / DAY;
  if (!(days > 0) || days > CHANNEL_RANGE_MAX_DAYS) throw badRequest(`"to" must be after "from", at most ${CHANNEL_RANGE_MAX_DAYS} days later`);
  const followers = await repo.followerSeries(ctx.db, access.workspaceId, channel.id, { from, to });
  const posts = await repo.latestSnapshotsOfChannel(ctx.db, access.workspaceId, channel.id, { from, to, limit: CHANNEL_POSTS_MAX + 1 });
  const shown = posts.slice(0, CHANNEL_POSTS_MAX);
  const now = new Date();
  return {
    channelId: channel.id, network: channel.network, from: from.toISOString(), to: to.toISOString(),
    offered: { posts: offersPostMetrics(ctx, channel.network), followers: offersFollowers(ctx, channel.network) },
    followers: followers.map((f) => ({ collectedAt: iso(f.collected_at)!, followers: f.followers, raw: f.raw })),
    totals: rollUp(shown.map((p) => p.metrics)),
    posts: shown.map((p) => ({ ...deliveryView(ctx, p, now), excerpt: p.excerpt })),
    truncated: posts.length > CHANNEL_POSTS_MAX,
  };
}

export type RefreshOutcome =
  | CollectOutcome
  | { deliveryId: string; status: 'not_offered' | 'channel_inactive' | 'recent' | 'busy' };

/**
 * "Collect now" for a post's deliveries. Never asks a network before its reset: a throttled
 * channel, a delivery measured under a minute ago or one a worker is measuring right now is left
 * alone. Answers 429 (with the reset) when every delivery that could be measured is throttled.
 */
export async function refreshPostMetrics(ctx: AppContext, access: WorkspaceAccess, postId: string) {
  findOrFail(await findPost(ctx.db, access.workspaceId, postId), 'Post');
  const now = Date.now();
  const outcomes: RefreshOutcome[] = [];
  const wanted: string[] = [];
  for (const c of await repo.listRefreshCandidates(ctx.db, access.workspaceId, postId)) {
    if (!offersPostMetrics(ctx, c.network)) outcomes.push({ deliveryId: c.id, status: 'not_offered' });
    else if (c.channel_status !== 'active') outcomes.push({ deliveryId: c.id, status: 'channel_inactive' });
    else if (c.blocked_until) outcomes.push({ deliveryId: c.id, status: 'rate_limited', retryAt: new Date(c.blocked_until) });
    else if (c.last_collected_at && now - new Date(c.last_collected_at).getTime() < REFRESH_MIN_SECONDS * 1000) outcomes.push({ deliveryId: c.id, status: 'recent' });
    else wanted.push(c.id);
  }
  const claimed = await repo.claimDeliveries(ctx.db, access.workspaceId, wanted, METRICS_LEASE_SECONDS);
  const taken = new Set(claimed.map((d) => d.id));
  for (const id of wanted) if (!taken.has(id)) outcomes.push({ deliveryId: id, status: 'busy' });
  outcomes.push(...(await collectDeliveries(ctx, claimed)));

  const measurable = outcomes.filter((o) => o.status !== 'not_offered' && o.status !== 'channel_inactive');
  const throttled = measurable.filter((o): o is Extract<CollectOutcome, { status: 'rate_limited' }> => o.status === 'rate_limited');
  if (throttled.length > 0 && throttled.length === measurable.length) {
    const retryAt = new Date(Math.min(...throttled.map((o) => o.retryAt.getTime())));
    throw new AppError('rate_limited', `The network asks Varde to wait before reading these metrics again, until ${retryAt.toISOString()}`, { details: { retryAt: retryAt.toISOString() } });
  }
  const view = await showPostMetrics(ctx, access, postId);
  return { ...view, refresh: outcomes.map((o) => ('retryAt' in o ? { ...o, retryAt: o.retryAt.toISOString() } : o)) };
}
