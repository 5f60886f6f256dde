/** Posts and their deliveries in the database. Every query is scoped by workspace. */
import type { Db, Queryable } from '../db/client.js';
import type { ProviderErrorKind } from '../providers/provider-error.js';
import type { DeliveryOverride, PostContent } from './posts.schemas.js';

export type PostStatus = 'draft' | 'awaiting_approval' | 'scheduled' | 'publishing' | 'published' | 'partially_failed' | 'failed' | 'needs_attention' | 'cancelled' | 'deleted';
export type DeliveryState = 'draft' | 'awaiting_approval' | 'scheduled' | 'queued' | 'publishing' | 'published' | 'failed' | 'needs_attention' | 'cancelled' | 'deleted';

export interface PostRow {
  id: string;
  workspace_id: string;
  campaign_id: string | null;
  created_by: string | null;
  status: PostStatus;
  approval_status: 'not_required' | 'pending' | 'approved' | 'rejected';
  revision: number;
  content: PostContent;
  scheduled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface DeliveryRow {
  id: string;
  workspace_id: string;
  post_id: string;
  channel_id: string;
  state: DeliveryState;
  override: DeliveryOverride;
  idempotency_key: string;
  due_at: Date | null;
  available_at: Date | null;
  attempt_count: number;
  locked_by: string | null;
  locked_until: Date | null;
  external_id: string | null;
  external_url: string | null;
  result: Record<string, any> | null;
  last_error: { kind: ProviderErrorKind; message: string; networkMessage?: string } | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface AttemptRow {
  id: string;
  delivery_id: string;
  number: number;
  worker_id: string;
  started_at: Date;
  finished_at: Date | null;
  outcome: string | null;
  error_kind: ProviderErrorKind | null;
  error_message: string | null;
  detail: Record<string, unknown> | null;
}

export async function insertPost(db: Queryable, p: { id: string; workspaceId: string; createdBy: string | null; status: PostStatus; content: PostContent; scheduledAt: Date | null; campaignId?: string | null }) {
  await db.query(
    `INSERT INTO posts (id, workspace_id, created_by, status, content, scheduled_at, campaign_id) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
    [p.id, p.workspaceId, p.createdBy, p.status, JSON.stringify(p.content), p.scheduledAt, p.campaignId ?? null],
  );
}

export async function updatePostContent(db: Queryable, workspaceId: string, id: string, content: PostContent, scheduledAt: Date | null, campaignId: string | null) {
  await db.query(`UPDATE posts SET content = $3::jsonb, scheduled_at = $4, campaign_id = $5, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, JSON.stringify(content), scheduledAt, campaignId]);
}

export async function insertDelivery(db: Queryable, d: { id: string; workspaceId: string; postId: string; channelId: string; state: DeliveryState; override: DeliveryOverride; idempotencyKey: string; dueAt: Date | null }) {
  await db.query(
    `INSERT INTO deliveries (id, workspace_id, post_id, channel_id, state, override, idempotency_key, due_at, available_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $8)`,
    [d.id, d.workspaceId, d.postId, d.channelId, d.state, JSON.stringify(d.override), d.idempotencyKey, d.dueAt],
  );
}

export const findPost = async (db: Queryable, workspaceId: string, id: string) =>
  (await db.query<PostRow>(`SELECT * FROM posts WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]))[0] ?? null;

export const findPostForUpdate = async (db: Queryable, workspaceId: string, id: string) =>
  (await db.query<PostRow>(`SELECT * FROM posts WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [workspaceId, id]))[0] ?? null;

export const listDeliveries = (db: Queryable, workspaceId: string, postIds: string[], lock = false) =>
  postIds.length === 0
    ? Promise.resolve([] as DeliveryRow[])
    : db.query<DeliveryRow>(`SELECT * FROM deliveries WHERE workspace_id = $1 AND post_id = ANY($2::uuid[]) ORDER BY created_at, id${lock ? ' FOR UPDATE' : ''}`, [workspaceId, postIds]);

export const findDelivery = async (db: Queryable, workspaceId: string, id: string, lock = false) =>
  (await db.query<DeliveryRow>(`SELECT * FROM deliveries WHERE workspace_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [workspaceId, id]))[0] ?? null;

export const listAttempts = (db: Queryable, workspaceId: string, deliveryIds: string[]) =>
  deliveryIds.length === 0
    ? Promise.resolve([] as AttemptRow[])
    : db.query<AttemptRow>(`SELECT * FROM delivery_attempts WHERE workspace_id = $1 AND delivery_id = ANY($2::uuid[]) ORDER BY delivery_id, number`, [workspaceId, deliveryIds]);

export async function listPosts(db: Queryable, workspaceId: string, q: { from?: string; to?: string; status?: string; channelId?: string; limit: number; offset: number }) {
  return db.query<PostRow>(
    `SELECT p.* FROM posts p
     WHERE p.workspace_id = $1 AND p.kind = 'post'
       AND ($2::timestamptz IS NULL OR p.scheduled_at >= $2)
       AND ($3::timestamptz IS NULL OR p.scheduled_at < $3)
       AND ($4::text IS NULL OR p.status = $4)
       AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM deliveries d WHERE d.post_id = p.id AND d.channel_id = $5))
     ORDER BY p.scheduled_at NULLS LAST, p.created_at
     LIMIT $6 OFFSET $7`,
    [workspaceId, q.from ?? null, q.to ?? null, q.status ?? null, q.channelId ?? null, q.limit, q.offset],
  );
}

/** Updates the deliveries in `fromStates` of one post. Returns how many changed. */
export async function setDeliveryStates(db: Queryable, workspaceId: string, postId: string, fromStates: DeliveryState[], to: { state: DeliveryState; dueAt?: Date | null }) {
  const rows = await db.query(
    `UPDATE deliveries SET state = $4, due_at = CASE WHEN $5::boolean THEN $6 ELSE due_at END,
       available_at = CASE WHEN $5::boolean THEN $6 ELSE available_at END, updated_at = now()
     WHERE workspace_id = $1 AND post_id = $2 AND state = ANY($3::text[]) RETURNING id`,
    [workspaceId, postId, fromStates, to.state, to.dueAt !== undefined, to.dueAt ?? null],
  );
  return rows.length;
}

export const deletePostRow = (db: Queryable, workspaceId: string, id: string) => db.query(`DELETE FROM posts WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);

/**
 * Recomputes a post's status from its deliveries: the roll-up users see (published,
 * partially_failed, needs_attention…), and the post's time as its earliest delivery.
 */
export async function rollupPost(db: Queryable, postId: string) {
  await db.query(ROLLUP_SQL, [postId]);
}

/** A post's status from its deliveries' states (aggregate over `state`). */
const ROLLUP_STATUS = `CASE
      WHEN count(*) = 0 THEN 'draft'
      WHEN bool_and(state IN ('cancelled')) THEN 'cancelled'
      WHEN bool_and(state IN ('deleted', 'cancelled')) THEN 'deleted'
      WHEN bool_or(state = 'needs_attention') THEN 'needs_attention'
      WHEN bool_or(state = 'awaiting_approval') THEN 'awaiting_approval'
      WHEN bool_and(state IN ('draft', 'cancelled', 'deleted')) THEN 'draft'
      WHEN bool_or(state IN ('scheduled', 'queued', 'publishing', 'draft')) THEN
        CASE WHEN bool_or(state IN ('queued', 'publishing', 'published', 'failed')) THEN 'publishing' ELSE 'scheduled' END
      WHEN bool_and(state IN ('published', 'cancelled', 'deleted')) THEN 'published'
      WHEN bool_and(state IN ('failed', 'cancelled', 'deleted')) THEN 'failed'
      ELSE 'partially_failed' END`;

export const ROLLUP_SQL = `
  UPDATE posts p SET status = s.status, updated_at = now() FROM (
    SELECT ${ROLLUP_STATUS} AS status
    FROM deliveries WHERE post_id = $1
  ) s WHERE p.id = $1 AND p.status IS DISTINCT FROM s.status`;

/**
 * Locks posts in id order. Whoever changes deliveries and rolls their posts up in one transaction
 * locks the posts first: two transactions finishing deliveries of one post then run one after the
 * other, and the second computes from a snapshot that includes the first's delivery.
 */
export async function lockPosts(q: Queryable, postIds: string[]) {
  if (postIds.length === 0) return;
  await q.query(`SELECT id FROM posts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[...new Set(postIds)].sort()]);
}

/** The roll-up of many posts in one statement; see lockPosts for when to lock them first. */
export async function rollupPostStatuses(q: Queryable, postIds: string[]) {
  if (postIds.length === 0) return;
  await q.query(
    `UPDATE posts p SET status = s.status, updated_at = now() FROM (
       SELECT post_id, ${ROLLUP_STATUS} AS status FROM deliveries WHERE post_id = ANY($1::uuid[]) GROUP BY post_id
     ) s WHERE p.id = s.post_id AND p.id = ANY($1::uuid[]) AND p.status IS DISTINCT FROM s.status`,
    [[...new Set(postIds)]],
  );
}

/** Rolls many posts up, locked first (the embedded engine has one connection: nothing to lock against). */
export async function rollupPosts(db: Db, postIds: string[]) {
  if (postIds.length === 0) return;
  if (db.kind === 'pglite') return rollupPostStatuses(db, postIds);
  await db.transaction(async (tx) => {
    await lockPosts(tx, postIds);
    await rollupPostStatuses(tx, postIds);
  });
}

/**
 * Rolls up again the posts still shown as scheduled or publishing although some delivery has
 * settled: what a worker killed between recording an outcome and rolling its post up leaves
 * behind (nothing else would ever change such a post again). Run periodically by every worker.
 */
export async function rollupUnsettledPosts(db: Db): Promise<void> {
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT d.post_id AS id FROM posts p JOIN deliveries d ON d.post_id = p.id
     WHERE p.status IN ('scheduled', 'publishing') AND d.state IN ('published', 'failed', 'needs_attention')`,
  );
  await rollupPosts(db, rows.map((r) => r.id));
}
