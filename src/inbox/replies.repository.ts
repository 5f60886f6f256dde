/**
 * Replies sent from the inbox. A reply is a post of kind 'reply' (never shown in the calendar or
 * post lists) with one delivery whose `reply_to` holds the item answered: the publishing worker
 * sends it with the same exactly-once rules as any post. Written in one transaction by the caller.
 */
import type { Queryable } from '../db/client.js';
import type { InboxItem } from '../providers/contract.js';

export interface ReplyRow {
  id: string;
  item_id: string;
  post_id: string;
  delivery_id: string;
  rule_id: string | null;
  created_by: string | null;
  created_at: Date;
  text: string;
  state: string;
  external_id: string | null;
  external_url: string | null;
  last_error: { kind: string; message: string; networkMessage?: string } | null;
  attempt_count: number;
  published_at: Date | null;
  idempotency_key: string;
  channel_id: string;
}

export interface NewReply {
  id: string;
  workspaceId: string;
  itemId: string;
  channelId: string;
  postId: string;
  deliveryId: string;
  text: string;
  replyTo: InboxItem;
  idempotencyKey: string;
  createdBy: string | null;
  ruleId: string | null;
  clientKey: string | null;
}

/** The post, its one delivery (queued now) and the inbox's record of it. */
export async function insertReply(tx: Queryable, r: NewReply) {
  const content = { text: r.text, media: [], link: null, followups: [] };
  await tx.query(
    `INSERT INTO posts (id, workspace_id, created_by, status, content, scheduled_at, kind) VALUES ($1, $2, $3, 'publishing', $4::jsonb, NULL, 'reply')`,
    [r.postId, r.workspaceId, r.createdBy, JSON.stringify(content)],
  );
  await tx.query(
    `INSERT INTO deliveries (id, workspace_id, post_id, channel_id, state, idempotency_key, due_at, available_at, reply_to)
     VALUES ($1, $2, $3, $4, 'queued', $5, now(), now(), $6::jsonb)`,
    [r.deliveryId, r.workspaceId, r.postId, r.channelId, r.idempotencyKey, JSON.stringify(r.replyTo)],
  );
  await tx.query(
    `INSERT INTO inbox_replies (id, workspace_id, item_id, post_id, delivery_id, created_by, rule_id, client_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [r.id, r.workspaceId, r.itemId, r.postId, r.deliveryId, r.createdBy, r.ruleId, r.clientKey],
  );
}

const SELECT = `SELECT r.id, r.item_id, r.post_id, r.delivery_id, r.rule_id, r.created_by, r.created_at, p.content->>'text' AS text,
  d.state, d.external_id, d.external_url, d.last_error, d.attempt_count, d.published_at, d.idempotency_key, d.channel_id
  FROM inbox_replies r JOIN deliveries d ON d.id = r.delivery_id JOIN posts p ON p.id = r.post_id`;

export const listReplies = (db: Queryable, workspaceId: string, itemIds: string[]) =>
  itemIds.length === 0 ? Promise.resolve([] as ReplyRow[]) : db.query<ReplyRow>(`${SELECT} WHERE r.workspace_id = $1 AND r.item_id = ANY($2::uuid[]) ORDER BY r.created_at`, [workspaceId, itemIds]);

export const findReply = async (db: Queryable, workspaceId: string, id: string) =>
  (await db.query<ReplyRow>(`${SELECT} WHERE r.workspace_id = $1 AND r.id = $2`, [workspaceId, id]))[0] ?? null;

export const findReplyByClientKey = async (db: Queryable, workspaceId: string, clientKey: string) =>
  (await db.query<ReplyRow>(`${SELECT} WHERE r.workspace_id = $1 AND r.client_key = $2`, [workspaceId, clientKey]))[0] ?? null;

/** A reply removed from the network: its delivery is 'deleted' (the post rolls up with it). */
export async function markReplyDeleted(db: Queryable, deliveryId: string, postId: string) {
  await db.query(`UPDATE deliveries SET state = 'deleted', updated_at = now() WHERE id = $1`, [deliveryId]);
  await db.query(`UPDATE posts SET status = 'deleted', updated_at = now() WHERE id = $1`, [postId]);
}
