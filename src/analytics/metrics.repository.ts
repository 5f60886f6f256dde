/**
 * Metric snapshots in the database: claiming the published deliveries and the channels due for a
 * reading, storing one snapshot row per delivery (delivery_metrics) or per channel
 * (channel_metrics), scheduling the next reading, and reading the latest snapshots back.
 *
 * A claim is one statement: due rows are picked with FOR UPDATE SKIP LOCKED and their next
 * reading pushed a lease ahead, so several workers share the work without doing it twice, and a
 * worker that dies leaves a lease that runs out. Channels the network throttled — for publishing
 * (channel_limits) or for metrics (channel_metrics_state) — wait for the reset.
 */
import type { Queryable } from '../db/client.js';
import type { DeliveryRow } from '../posts/posts.repository.js';
import type { AccountMetrics, PostMetrics } from '../providers/contract.js';

export type MetricValues = PostMetrics['metrics'];
export type RawMetrics = PostMetrics['raw'];

/** What collecting reads of a claimed delivery. */
export interface MeasuredDelivery extends Pick<DeliveryRow, 'id' | 'workspace_id' | 'post_id' | 'channel_id' | 'idempotency_key' | 'result' | 'external_url'> {
  external_id: string;
  published_at: Date;
  metrics_failures: number;
}

const MEASURED_COLUMNS = `d.id, d.workspace_id, d.post_id, d.channel_id, d.idempotency_key, d.result, d.external_id, d.external_url,
  COALESCE(d.published_at, d.updated_at) AS published_at, d.metrics_failures`;

/** A channel is not asked while the network throttles it (for publishing or for metrics). */
const NOT_THROTTLED = (channelColumn: string) => `
  NOT EXISTS (SELECT 1 FROM channel_limits cl WHERE cl.channel_id = ${channelColumn} AND cl.blocked_until > now())
  AND NOT EXISTS (SELECT 1 FROM channel_metrics_state ms WHERE ms.channel_id = ${channelColumn} AND ms.blocked_until > now())`;

// Deliveries whose reading is due, and those published in the last 30 days never measured yet,
// each looked up in the order of its own partial index with an early stop.
const CLAIM_DUE_SQL = `
WITH scheduled AS (
  SELECT d.id, d.metrics_next_at AS at FROM deliveries d
  JOIN channels ch ON ch.id = d.channel_id JOIN posts p ON p.id = d.post_id
  WHERE d.state = 'published' AND d.metrics_next_at IS NOT NULL AND d.metrics_next_at <= now()
    AND d.external_id IS NOT NULL AND p.kind = 'post' AND ch.status = 'active' AND ch.network = ANY($1::text[])
    AND ${NOT_THROTTLED('d.channel_id')}
  ORDER BY d.metrics_next_at LIMIT $2
  FOR UPDATE OF d SKIP LOCKED
), fresh AS (
  SELECT d.id, d.published_at AS at FROM deliveries d
  JOIN channels ch ON ch.id = d.channel_id JOIN posts p ON p.id = d.post_id
  WHERE d.state = 'published' AND d.metrics_next_at IS NULL AND d.published_at > now() - interval '30 days'
    AND d.external_id IS NOT NULL AND p.kind = 'post' AND ch.status = 'active' AND ch.network = ANY($1::text[])
    AND ${NOT_THROTTLED('d.channel_id')}
  ORDER BY d.published_at LIMIT $2
  FOR UPDATE OF d SKIP LOCKED
), due AS (
  SELECT u.id FROM (SELECT * FROM scheduled UNION ALL SELECT * FROM fresh) u ORDER BY u.at LIMIT $2
)
UPDATE deliveries d SET metrics_next_at = now() + make_interval(secs => $3)
FROM due WHERE d.id = due.id
RETURNING ${MEASURED_COLUMNS}`;

/** Claims up to `limit` deliveries due for a reading, on channels of these networks. */
export function claimDueDeliveries(db: Queryable, networks: string[], limit: number, leaseSeconds: number): Promise<MeasuredDelivery[]> {
  if (networks.length === 0) return Promise.resolve([]);
  return db.query<MeasuredDelivery>(CLAIM_DUE_SQL, [networks, limit, leaseSeconds]);
}

/** Claims these deliveries of the workspace, whatever their schedule ("collect now"); skips rows another worker holds. */
export async function claimDeliveries(db: Queryable, workspaceId: string, ids: string[], leaseSeconds: number): Promise<MeasuredDelivery[]> {
  if (ids.length === 0) return [];
  return db.query<MeasuredDelivery>(
    `UPDATE deliveries d SET metrics_next_at = now() + make_interval(secs => $3)
     FROM (SELECT d2.id FROM deliveries d2 WHERE d2.workspace_id = $1 AND d2.id = ANY($2::uuid[]) AND d2.state = 'published' AND d2.external_id IS NOT NULL
           FOR UPDATE OF d2 SKIP LOCKED) due
     WHERE d.id = due.id
     RETURNING ${MEASURED_COLUMNS}`,
    [workspaceId, ids, leaseSeconds],
  );
}

export interface DeliverySnapshot {
  workspaceId: string;
  deliveryId: string;
  metrics: MetricValues;
  raw: RawMetrics;
}

export async function insertDeliverySnapshots(db: Queryable, rows: DeliverySnapshot[]) {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO delivery_metrics (id, workspace_id, delivery_id, metrics, raw)
     SELECT gen_random_uuid(), i.workspace_id, i.delivery_id, i.metrics::jsonb, i.raw::jsonb
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS i(workspace_id, delivery_id, metrics, raw)`,
    [rows.map((r) => r.workspaceId), rows.map((r) => r.deliveryId), rows.map((r) => JSON.stringify(r.metrics)), rows.map((r) => JSON.stringify(r.raw))],
  );
}

/** Sets when each delivery is measured next (null: no more) and its count of failures in a row. */
export async function scheduleDeliveries(db: Queryable, items: Array<{ id: string; nextAt: Date | null; failures: number }>) {
  if (items.length === 0) return;
  await db.query(
    `UPDATE deliveries d SET metrics_next_at = i.next_at, metrics_failures = i.failures
     FROM unnest($1::uuid[], $2::timestamptz[], $3::int[]) AS i(id, next_at, failures)
     WHERE d.id = i.id AND d.id = ANY($1::uuid[])`,
    [items.map((i) => i.id), items.map((i) => i.nextAt), items.map((i) => i.failures)],
  );
}

/** Adds the follower-reading state of every active channel of these networks that has none yet. */
export async function ensureChannelStates(db: Queryable, networks: string[]) {
  if (networks.length === 0) return;
  await db.query(
    `INSERT INTO channel_metrics_state (channel_id) SELECT ch.id FROM channels ch
     WHERE ch.network = ANY($1::text[]) AND ch.status = 'active' AND NOT EXISTS (SELECT 1 FROM channel_metrics_state s WHERE s.channel_id = ch.id)
     ON CONFLICT DO NOTHING`,
    [networks],
  );
}

/** Claims up to `limit` channels due for a follower reading. */
export function claimDueChannels(db: Queryable, networks: string[], limit: number, leaseSeconds: number): Promise<Array<{ channel_id: string; workspace_id: string; failures: number }>> {
  if (networks.length === 0) return Promise.resolve([]);
  return db.query(
    `UPDATE channel_metrics_state s SET followers_next_at = now() + make_interval(secs => $3)
     FROM (SELECT s2.channel_id, ch.workspace_id FROM channel_metrics_state s2 JOIN channels ch ON ch.id = s2.channel_id
           WHERE s2.followers_next_at <= now() AND ch.status = 'active' AND ch.network = ANY($1::text[])
             AND ${NOT_THROTTLED('s2.channel_id')}
           ORDER BY s2.followers_next_at LIMIT $2 FOR UPDATE OF s2 SKIP LOCKED) due
     WHERE s.channel_id = due.channel_id
     RETURNING s.channel_id, due.workspace_id, s.failures`,
    [networks, limit, leaseSeconds],
  );
}

export async function finishChannelReading(db: Queryable, channelId: string, f: { nextAt: Date; failures: number; error: string | null }) {
  await db.query(`UPDATE channel_metrics_state SET followers_next_at = $2, failures = $3, last_error = $4 WHERE channel_id = $1`, [channelId, f.nextAt, f.failures, f.error]);
}

/** No metric call for this channel before `until` (a later block already there is kept). */
export async function blockChannelMetrics(db: Queryable, channelId: string, until: Date, reason: string) {
  await db.query(
    `INSERT INTO channel_metrics_state (channel_id, blocked_until, last_error) VALUES ($1, $2, $3)
     ON CONFLICT (channel_id) DO UPDATE SET blocked_until = GREATEST(channel_metrics_state.blocked_until, EXCLUDED.blocked_until), last_error = EXCLUDED.last_error`,
    [channelId, until, reason],
  );
}

export async function insertChannelSnapshot(db: Queryable, s: { workspaceId: string; channelId: string; reading: AccountMetrics }) {
  await db.query(
    `INSERT INTO channel_metrics (id, workspace_id, channel_id, followers, raw) VALUES (gen_random_uuid(), $1, $2, $3, $4::jsonb)`,
    [s.workspaceId, s.channelId, s.reading.followers, JSON.stringify(s.reading.raw)],
  );
}

/** A delivery of a post as "collect now" sees it: its network, and whether it may be asked now. */
export interface RefreshCandidate {
  id: string;
  network: string;
  channel_status: string;
  /** The latest of the channel's throttles still running, if any. */
  blocked_until: Date | null;
  last_collected_at: Date | null;
}

export const listRefreshCandidates = (db: Queryable, workspaceId: string, postId: string) =>
  db.query<RefreshCandidate>(
    `SELECT d.id, ch.network, ch.status AS channel_status,
       GREATEST(cl.blocked_until, ms.blocked_until) AS blocked_until, -- GREATEST ignores nulls
       (SELECT max(dm.collected_at) FROM delivery_metrics dm WHERE dm.delivery_id = d.id) AS last_collected_at
     FROM deliveries d JOIN channels ch ON ch.id = d.channel_id
     LEFT JOIN channel_limits cl ON cl.channel_id = d.channel_id AND cl.blocked_until > now()
     LEFT JOIN channel_metrics_state ms ON ms.channel_id = d.channel_id AND ms.blocked_until > now()
     WHERE d.workspace_id = $1 AND d.post_id = $2 AND d.state = 'published' AND d.external_id IS NOT NULL
     ORDER BY d.created_at, d.id`,
    [workspaceId, postId],
  );

/** A delivery with its latest snapshot (all null when it was never measured). */
export interface LatestSnapshotRow {
  delivery_id: string;
  post_id: string;
  channel_id: string;
  channel_name: string;
  network: string;
  state: string;
  external_url: string | null;
  published_at: Date | null;
  metrics_next_at: Date | null;
  excerpt: string;
  collected_at: Date | null;
  metrics: MetricValues | null;
  raw: RawMetrics | null;
}

const LATEST_SQL = (where: string, order: string) => `
  SELECT d.id AS delivery_id, d.post_id, d.channel_id, ch.name AS channel_name, ch.network, d.state, d.external_url, d.published_at,
    d.metrics_next_at, left(coalesce(p.content->>'text', ''), 140) AS excerpt, m.collected_at, m.metrics, m.raw
  FROM deliveries d JOIN channels ch ON ch.id = d.channel_id JOIN posts p ON p.id = d.post_id
  LEFT JOIN LATERAL (SELECT dm.collected_at, dm.metrics, dm.raw FROM delivery_metrics dm WHERE dm.delivery_id = d.id
                     ORDER BY dm.collected_at DESC LIMIT 1) m ON true
  WHERE d.workspace_id = $1 AND ${where} AND (d.state = 'published' OR m.collected_at IS NOT NULL)
  ORDER BY ${order}`;

/** The post's published (or once measured) deliveries, each with its latest snapshot. */
export const latestSnapshotsOfPost = (db: Queryable, workspaceId: string, postId: string) =>
  db.query<LatestSnapshotRow>(LATEST_SQL('d.post_id = $2', 'd.created_at, d.id'), [workspaceId, postId]);

/** The channel's deliveries published in [from, to), newest first, each with its latest snapshot; up to `limit`. */
export const latestSnapshotsOfChannel = (db: Queryable, workspaceId: string, channelId: string, range: { from: Date; to: Date; limit: number }) =>
  db.query<LatestSnapshotRow>(`${LATEST_SQL('d.channel_id = $2 AND d.published_at >= $3 AND d.published_at < $4', 'd.published_at DESC, d.id')} LIMIT $5`, [workspaceId, channelId, range.from, range.to, range.limit]);

export const followerSeries = (db: Queryable, workspaceId: string, channelId: string, range: { from: Date; to: Date }) =>
  db.query<{ collected_at: Date; followers: number | null; raw: RawMetrics }>(
    `SELECT collected_at, followers, raw FROM channel_metrics
     WHERE workspace_id = $1 AND channel_id = $2 AND collected_at >= $3 AND collected_at < $4 ORDER BY collected_at`,
    [workspaceId, channelId, range.from, range.to],
  );
