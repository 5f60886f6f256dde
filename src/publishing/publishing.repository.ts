/**
 * The deliveries table as its own queue. Due deliveries are claimed with FOR UPDATE SKIP LOCKED,
 * and in the same statement each gets its "attempt started" row: the attempt is on record before
 * any network call. Deliveries whose worker died (lease expired) are claimed again, and their
 * unfinished attempt is marked interrupted.
 */
import type { Queryable } from '../db/client.js';
import type { DeliveryRow, DeliveryState } from '../posts/posts.repository.js';
import { ROLLUP_SQL } from '../posts/posts.repository.js';

export interface ClaimedDelivery extends DeliveryRow {
  attempt_id: string;
  /** The previous attempt ended without a known outcome (worker died, or the network timed out). */
  outcome_unknown: boolean;
}

const CLAIM_SQL = `
WITH due AS (
  SELECT d.id, d.state AS prev_state FROM deliveries d
  WHERE ((d.state IN ('scheduled', 'queued') AND d.available_at <= now())
      OR (d.state = 'publishing' AND d.locked_until < now()))
    AND NOT EXISTS (SELECT 1 FROM channel_limits cl WHERE cl.channel_id = d.channel_id AND cl.blocked_until > now())
  ORDER BY d.available_at
  LIMIT $2
  FOR UPDATE OF d SKIP LOCKED
), interrupted AS (
  UPDATE delivery_attempts a SET outcome = 'interrupted', finished_at = now(),
    error_message = 'The worker stopped before the network''s answer was recorded'
  FROM due WHERE a.delivery_id = due.id AND due.prev_state = 'publishing' AND a.outcome IS NULL
  RETURNING a.delivery_id
), previous AS (
  SELECT DISTINCT ON (a.delivery_id) a.delivery_id, a.outcome
  FROM delivery_attempts a JOIN due ON due.id = a.delivery_id
  ORDER BY a.delivery_id, a.number DESC
), claimed AS (
  UPDATE deliveries d SET state = 'publishing', locked_by = $1, locked_until = now() + make_interval(secs => $3),
    attempt_count = d.attempt_count + 1, updated_at = now()
  FROM due WHERE d.id = due.id
  RETURNING d.*, due.prev_state
), attempts AS (
  INSERT INTO delivery_attempts (id, delivery_id, workspace_id, number, worker_id)
  SELECT gen_random_uuid(), c.id, c.workspace_id, c.attempt_count, $1 FROM claimed c
  RETURNING id, delivery_id
)
SELECT c.*, a.id AS attempt_id,
  (c.prev_state = 'publishing' OR p.outcome = 'unknown') AS outcome_unknown
FROM claimed c JOIN attempts a ON a.delivery_id = c.id LEFT JOIN previous p ON p.delivery_id = c.id`;

export function claimDue(db: Queryable, workerId: string, limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
  return db.query<ClaimedDelivery>(CLAIM_SQL, [workerId, limit, leaseSeconds]);
}

/** Extends the lease of everything this worker is publishing: its heartbeat. */
export async function extendLeases(db: Queryable, workerId: string, leaseSeconds: number) {
  await db.query(`UPDATE deliveries SET locked_until = now() + make_interval(secs => $2) WHERE locked_by = $1 AND state = 'publishing'`, [workerId, leaseSeconds]);
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
    `UPDATE deliveries SET result = jsonb_set(COALESCE(result, '{}'::jsonb), ARRAY['parts', $2::text], $3::jsonb, true) WHERE id = $1`,
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
 * Writes an attempt's outcome and the delivery's new state, then the post's roll-up. Only while this
 * worker still holds the delivery (a worker whose lease was taken over changes nothing).
 */
export async function finishDelivery(db: Queryable, d: ClaimedDelivery, workerId: string, f: Finish): Promise<boolean> {
  const rows = await db.query<{ post_id: string }>(
    `WITH att AS (
       UPDATE delivery_attempts SET outcome = $3, error_kind = $4, error_message = $5, detail = $6::jsonb, finished_at = now() WHERE id = $2
     )
     UPDATE deliveries SET state = $7, available_at = COALESCE($8, available_at),
       external_id = COALESCE($9, external_id), external_url = COALESCE($10, external_url),
       result = CASE WHEN $11::jsonb IS NULL THEN result ELSE COALESCE(result, '{}'::jsonb) || $11::jsonb END,
       last_error = $12::jsonb,
       published_at = CASE WHEN $7 = 'published' THEN now() ELSE published_at END,
       locked_by = NULL, locked_until = NULL, updated_at = now()
     WHERE id = $1 AND locked_by = $13 AND state = 'publishing'
     RETURNING post_id`,
    [
      d.id, d.attempt_id, f.attempt.outcome, f.attempt.errorKind ?? null, f.attempt.errorMessage ?? null,
      f.attempt.detail ? JSON.stringify(f.attempt.detail) : null, f.state, f.availableAt ?? null,
      f.externalId ?? null, f.externalUrl ?? null, f.result ? JSON.stringify(f.result) : null,
      f.error ? JSON.stringify(f.error) : null, workerId,
    ],
  );
  if (rows.length === 0) return false;
  await db.query(ROLLUP_SQL, [rows[0].post_id]);
  return true;
}
