/**
 * The deliveries table as its own queue. Due deliveries are claimed with FOR UPDATE SKIP LOCKED,
 * and in the same statement each gets its "attempt started" row: the attempt is on record before
 * any network call. Deliveries whose worker died (lease expired) are claimed again, and their
 * unfinished attempt is marked interrupted.
 */
import type { ChannelRow } from '../channels/channels.repository.js';
import type { Db, Queryable } from '../db/client.js';
import { lockPosts, rollupPostStatuses, type DeliveryRow, type DeliveryState } from '../posts/posts.repository.js';
import type { PostContent } from '../posts/posts.schemas.js';
import type { InboxItem } from '../providers/contract.js';

/** What the worker reads of a claimed delivery: only what publishing needs (fewer columns, faster). */
export interface ClaimedDelivery extends Pick<DeliveryRow, 'id' | 'workspace_id' | 'post_id' | 'channel_id' | 'override' | 'idempotency_key' | 'due_at' | 'attempt_count' | 'result'> {
  attempt_id: string;
  /** The post's base content, read by the claim (no lookup per delivery). */
  post_content: PostContent;
  /** The channel's version when claimed (see ChannelCache). */
  channel_version: number;
  /** The previous attempt ended without a known outcome (worker died, or the network timed out). */
  outcome_unknown: boolean;
  /** A reply from the inbox: the item it answers (published with the provider's replyTo). */
  reply_to: InboxItem | null;
}

/** A row version as a number: a timestamp in µs since the epoch (exact in a float8). */
const VERSION_SQL = (column: string) => `(extract(epoch FROM ${column}) * 1000000)::float8`;

const NOT_THROTTLED = `NOT EXISTS (SELECT 1 FROM channel_limits cl WHERE cl.channel_id = d.channel_id AND cl.blocked_until > now())`;

// Due deliveries are read in the order of the claim index with an early stop; expired leases,
// which only a dead worker leaves, by a second statement the worker runs now and then (one OR-ed
// scan would read and sort every due row on every claim, and a bigger statement costs more to plan).
const FRESH = `
  SELECT d.id, d.state AS prev_state FROM deliveries d
  WHERE d.state IN ('scheduled', 'queued') AND d.available_at <= now() AND ${NOT_THROTTLED}
  ORDER BY d.available_at
  LIMIT $2
  FOR UPDATE OF d SKIP LOCKED`;

const EXPIRED = `
  SELECT d.id, d.state AS prev_state FROM deliveries d
  WHERE d.state = 'publishing' AND d.locked_until < now() AND ${NOT_THROTTLED}
  ORDER BY d.locked_until
  LIMIT $2
  FOR UPDATE OF d SKIP LOCKED`;

/** Claims the rows `due` selects: lease, attempt on record, and what publishing reads. */
const claimSql = (due: string, interrupted: boolean) => `
WITH due AS (${due}
)${interrupted ? `, interrupted AS (
  UPDATE delivery_attempts a SET outcome = 'interrupted', finished_at = now(),
    error_message = 'The worker stopped before the network''s answer was recorded'
  FROM due WHERE a.delivery_id = due.id AND a.outcome IS NULL
)` : ''}, claimed AS (
  UPDATE deliveries d SET state = 'publishing', locked_by = $1, locked_until = now() + make_interval(secs => $3),
    attempt_count = d.attempt_count + 1, updated_at = now()
  FROM due WHERE d.id = due.id AND d.id = ANY (ARRAY(SELECT id FROM due)) -- by primary key, not a scan
  RETURNING d.id, d.workspace_id, d.post_id, d.channel_id, d.override, d.idempotency_key, d.due_at, d.attempt_count, d.result, d.reply_to,
    due.prev_state, gen_random_uuid() AS attempt_id
), attempts AS (
  -- Runs although nothing reads it: PostgreSQL always completes data-modifying WITH statements.
  INSERT INTO delivery_attempts (id, delivery_id, workspace_id, number, worker_id)
  SELECT c.attempt_id, c.id, c.workspace_id, c.attempt_count, $1 FROM claimed c
)
SELECT c.id, c.workspace_id, c.post_id, c.channel_id, c.override, c.idempotency_key, c.due_at, c.attempt_count, c.result, c.reply_to,
  c.attempt_id, p.content AS post_content, ${VERSION_SQL('ch.updated_at')} AS channel_version,
  (c.prev_state = 'publishing' OR (c.attempt_count > 1 AND (
    SELECT pa.outcome FROM delivery_attempts pa WHERE pa.delivery_id = c.id AND pa.number < c.attempt_count
    ORDER BY pa.number DESC LIMIT 1) = 'unknown')) AS outcome_unknown
FROM claimed c JOIN posts p ON p.id = c.post_id JOIN channels ch ON ch.id = c.channel_id`;

const CLAIM_DUE_SQL = claimSql(FRESH, false);
const RECLAIM_EXPIRED_SQL = claimSql(EXPIRED, true);

/** Claims up to `limit` due deliveries (scheduled or queued), oldest first. */
export function claimDue(db: Queryable, workerId: string, limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
  return db.query<ClaimedDelivery>(CLAIM_DUE_SQL, [workerId, limit, leaseSeconds]);
}

/**
 * Claims deliveries whose worker stopped heart-beating (lease expired): their unfinished attempt
 * is marked interrupted, and they come back with an unknown outcome.
 */
export function reclaimExpired(db: Queryable, workerId: string, limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
  return db.query<ClaimedDelivery>(RECLAIM_EXPIRED_SQL, [workerId, limit, leaseSeconds]);
}

/**
 * Extends the lease of everything this worker is publishing: its heartbeat. Rows locked right now
 * (being finished) are skipped, not waited for: they are about to lose their lease anyway, and
 * waiting could deadlock with the finishing transaction.
 */
export async function extendLeases(db: Queryable, workerId: string, leaseSeconds: number) {
  await db.query(
    `UPDATE deliveries SET locked_until = now() + make_interval(secs => $2)
     WHERE id IN (SELECT id FROM deliveries WHERE locked_by = $1 AND state = 'publishing' FOR UPDATE SKIP LOCKED)`,
    [workerId, leaseSeconds],
  );
  await db.query(`INSERT INTO workers (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`, [workerId]);
}

/** Embedded mode holds the only handle on the database: whatever was publishing belonged to a dead process. */
export async function releaseAllLeases(db: Queryable) {
  await db.query(`UPDATE deliveries SET locked_until = now() - interval '1 second' WHERE state = 'publishing'`);
}

export async function removeWorker(db: Queryable, workerId: string) {
  await db.query(`DELETE FROM workers WHERE id = $1`, [workerId]);
}

/** Records one part of a thread as published, so a crash mid-thread never posts it twice. */
export async function recordPart(db: Queryable, deliveryId: string, index: number, part: unknown) {
  await db.query(
    // jsonb_set creates only the last key of a path: make sure `parts` exists first.
    `UPDATE deliveries SET result = jsonb_set(
       COALESCE(result, '{}'::jsonb) || jsonb_build_object('parts', COALESCE(result->'parts', '{}'::jsonb)),
       ARRAY['parts', $2::text], $3::jsonb, true) WHERE id = $1`,
    [deliveryId, String(index), JSON.stringify(part)],
  );
}

export interface Finish {
  state: DeliveryState;
  availableAt?: Date | null;
  externalId?: string | null;
  externalUrl?: string | null;
  result?: Record<string, unknown> | null;
  error?: { kind: string; message: string; networkMessage?: string } | null;
  attempt: { outcome: string; errorKind?: string | null; errorMessage?: string | null; detail?: Record<string, unknown> | null };
}

/**
 * Writes many attempts' outcomes and their deliveries' new states in one statement. A delivery
 * changes only while `workerId` still holds it (a worker whose lease was taken over changes
 * nothing but its own attempt's record). Returns the ids of the deliveries that changed, with
 * their posts, which the caller rolls up in the same transaction (finishAndRollUp).
 */
export async function finishMany(db: Queryable, workerId: string, items: Array<{ d: ClaimedDelivery; f: Finish }>): Promise<Array<{ id: string; post_id: string }>> {
  if (items.length === 0) return [];
  // One JSON document rather than an array per column: no per-element escaping, a smaller message.
  const input = items.map(({ d, f }) => ({
    delivery_id: d.id, attempt_id: d.attempt_id, outcome: f.attempt.outcome, error_kind: f.attempt.errorKind ?? null,
    error_message: f.attempt.errorMessage ?? null, detail: f.attempt.detail ?? null, state: f.state, available_at: f.availableAt ?? null,
    external_id: f.externalId ?? null, external_url: f.externalUrl ?? null, result: f.result ?? null, last_error: f.error ?? null,
  }));
  return db.query<{ id: string; post_id: string }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS i(delivery_id uuid, attempt_id uuid, outcome text, error_kind text, error_message text,
         detail jsonb, state text, available_at timestamptz, external_id text, external_url text, result jsonb, last_error jsonb)
     ), att AS (
       UPDATE delivery_attempts a SET outcome = i.outcome, error_kind = i.error_kind, error_message = i.error_message,
         detail = i.detail, finished_at = now()
       FROM input i WHERE a.id = i.attempt_id AND a.id = ANY (ARRAY(SELECT attempt_id FROM input)) -- by primary key, not a scan
     )
     UPDATE deliveries d SET state = i.state, available_at = COALESCE(i.available_at, d.available_at),
       external_id = COALESCE(i.external_id, d.external_id), external_url = COALESCE(i.external_url, d.external_url),
       result = CASE WHEN i.result IS NULL THEN d.result ELSE COALESCE(d.result, '{}'::jsonb) || i.result END,
       last_error = i.last_error,
       published_at = CASE WHEN i.state = 'published' THEN now() ELSE d.published_at END,
       locked_by = NULL, locked_until = NULL, updated_at = now()
     FROM input i
     WHERE d.id = i.delivery_id AND d.id = ANY (ARRAY(SELECT delivery_id FROM input)) AND d.locked_by = $1 AND d.state = 'publishing'
     RETURNING d.id, d.post_id`,
    [workerId, JSON.stringify(input)],
  );
}

/**
 * Finishes deliveries and rolls their posts up in one transaction, so a post's status never lags
 * its deliveries. On a server the posts are locked first (see lockPosts).
 */
export async function finishAndRollUp(db: Db, workerId: string, items: Array<{ d: ClaimedDelivery; f: Finish }>): Promise<Array<{ id: string; post_id: string }>> {
  if (items.length === 0) return [];
  return db.transaction(async (tx) => {
    if (db.kind !== 'pglite') await lockPosts(tx, items.map((it) => it.d.post_id));
    const rows = await finishMany(tx, workerId, items);
    await rollupPostStatuses(tx, rows.map((r) => r.post_id));
    return rows;
  });
}

/** Finishes one delivery (the worker batches them: see FinishBatcher). True while this worker held it. */
export async function finishDelivery(db: Db, d: ClaimedDelivery, workerId: string, f: Finish): Promise<boolean> {
  return (await finishAndRollUp(db, workerId, [{ d, f }])).length > 0;
}

/**
 * Channel rows by id, each with its version (`updated_at` in µs, as the claim reports it), for
 * the worker's channel cache.
 */
export async function findChannelVersions(db: Queryable, ids: string[]): Promise<Array<{ row: ChannelRow; version: number }>> {
  if (ids.length === 0) return [];
  const rows = await db.query<ChannelRow & { _version: number }>(
    `SELECT *, ${VERSION_SQL('updated_at')} AS _version FROM channels WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return rows.map(({ _version, ...row }) => ({ row, version: Number(_version) }));
}

/**
 * Milliseconds until the next scheduled or queued delivery falls due, by the database's clock
 * (null: none), so an idle worker wakes on time whatever its own clock says.
 */
export async function msUntilNextDue(db: Queryable): Promise<number | null> {
  const rows = await db.query<{ ms: number | null }>(
    `SELECT (extract(epoch FROM min(available_at) - now()) * 1000)::float8 AS ms
     FROM deliveries WHERE state IN ('scheduled', 'queued') AND available_at > now()`,
  );
  const ms = rows[0]?.ms;
  return ms === null || ms === undefined ? null : Number(ms);
}
