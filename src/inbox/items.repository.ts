/**
 * Reading and changing stored inbox items: filtered lists with full-text search, one
 * conversation, work states, tags, snoozes, read marks, notes, and the unread count. Every query
 * is scoped by workspace.
 */
import type { Queryable } from '../db/client.js';
import type { ItemListQuery } from './inbox.schemas.js';

export interface ItemRow {
  id: string;
  workspace_id: string;
  channel_id: string;
  network: string;
  external_id: string;
  kind: 'comment' | 'reply' | 'mention' | 'quote' | 'message';
  conversation_id: string;
  parent_external_id: string | null;
  post_external_id: string | null;
  post_id: string | null;
  author_id: string;
  author_handle: string | null;
  author_name: string | null;
  author_avatar_url: string | null;
  author_url: string | null;
  author_followers: number | null;
  text: string;
  url: string | null;
  raw: Record<string, unknown> | null;
  created_at: Date;
  received_at: Date;
  source: 'webhook' | 'poll';
  language: string;
  sentiment: 'positive' | 'neutral' | 'negative' | 'unscored';
  sentiment_score: number | null;
  priority: number;
  state: 'open' | 'assigned' | 'done';
  assignee_id: string | null;
  snoozed_until: Date | null;
  tags: string[];
  read_at: Date | null;
  hidden: boolean;
  liked_at: Date | null;
  deleted_at: Date | null;
  updated_at: Date;
}

const COLUMNS = `i.id, i.workspace_id, i.channel_id, i.network, i.external_id, i.kind, i.conversation_id, i.parent_external_id, i.post_external_id,
  i.post_id, i.author_id, i.author_handle, i.author_name, i.author_avatar_url, i.author_url, i.author_followers, i.text, i.url, i.raw,
  i.created_at, i.received_at, i.source, i.language, i.sentiment, i.sentiment_score, i.priority, i.state, i.assignee_id, i.snoozed_until,
  i.tags, i.read_at, i.hidden, i.liked_at, i.deleted_at, i.updated_at`;

const PRIORITY_RANGES = { high: [50, 100], medium: [20, 49], low: [0, 19] } as const;

/** The list's WHERE clause and parameters ($1 is the workspace). */
function listFilter(workspaceId: string, q: ItemListQuery, userId: string): { where: string; params: unknown[] } {
  const params: unknown[] = [workspaceId];
  const where = ['i.workspace_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (q.channelId) add((p) => `i.channel_id = ${p}`, q.channelId);
  if (q.network) add((p) => `i.network = ${p}`, q.network);
  if (q.state) add((p) => `i.state = ${p}`, q.state);
  if (q.assignee === 'none') where.push('i.assignee_id IS NULL');
  else if (q.assignee) add((p) => `i.assignee_id = ${p}`, q.assignee === 'me' ? userId : q.assignee);
  if (q.tag) add((p) => `${p} = ANY(i.tags)`, q.tag);
  if (q.sentiment) add((p) => `i.sentiment = ${p}`, q.sentiment);
  if (q.kind) add((p) => `i.kind = ${p}`, q.kind);
  if (q.priority) {
    add((p) => `i.priority >= ${p}`, PRIORITY_RANGES[q.priority][0]);
    add((p) => `i.priority <= ${p}`, PRIORITY_RANGES[q.priority][1]);
  }
  if (q.postId) add((p) => `i.post_id = ${p}`, q.postId);
  if (q.q) add((p) => `i.search @@ websearch_to_tsquery('simple', ${p})`, q.q);
  if (q.unread !== undefined) where.push(q.unread ? 'i.read_at IS NULL' : 'i.read_at IS NOT NULL');
  if (q.snoozed === 'exclude') where.push('(i.snoozed_until IS NULL OR i.snoozed_until <= now())');
  if (q.snoozed === 'only') where.push('i.snoozed_until > now()');
  return { where: where.join(' AND '), params };
}

const ORDER = { newest: 'i.created_at DESC, i.id DESC', oldest: 'i.created_at, i.id', priority: 'i.priority DESC, i.created_at DESC, i.id DESC' } as const;

export async function listItems(db: Queryable, workspaceId: string, q: ItemListQuery, userId: string): Promise<{ items: ItemRow[]; total: number }> {
  const { where, params } = listFilter(workspaceId, q, userId);
  const items = await db.query<ItemRow>(
    `SELECT ${COLUMNS} FROM inbox_items i WHERE ${where} ORDER BY ${ORDER[q.sort]} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, q.limit, q.offset],
  );
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox_items i WHERE ${where}`, params);
  return { items, total: count.n };
}

export const findItem = async (db: Queryable, workspaceId: string, id: string) =>
  (await db.query<ItemRow>(`SELECT ${COLUMNS} FROM inbox_items i WHERE i.workspace_id = $1 AND i.id = $2`, [workspaceId, id]))[0] ?? null;

export const findItemsByIds = (db: Queryable, workspaceId: string, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([] as ItemRow[]) : db.query<ItemRow>(`SELECT ${COLUMNS} FROM inbox_items i WHERE i.workspace_id = $1 AND i.id = ANY($2::uuid[])`, [workspaceId, ids]);

/** The items of one conversation on one channel, oldest first. */
export const listConversation = (db: Queryable, workspaceId: string, channelId: string, conversationId: string) =>
  db.query<ItemRow>(
    `SELECT ${COLUMNS} FROM inbox_items i WHERE i.workspace_id = $1 AND i.channel_id = $2 AND i.conversation_id = $3 ORDER BY i.created_at, i.id LIMIT 1000`,
    [workspaceId, channelId, conversationId],
  );

/** Recent items, for a rule's dry run. */
export const listRecentItems = (db: Queryable, workspaceId: string, limit: number) =>
  db.query<ItemRow>(`SELECT ${COLUMNS} FROM inbox_items i WHERE i.workspace_id = $1 ORDER BY i.created_at DESC LIMIT $2`, [workspaceId, limit]);

export type BulkChange =
  | { action: 'done' | 'reopen' | 'unassign' | 'unsnooze' | 'read' | 'unread' }
  | { action: 'assign'; assigneeId: string }
  | { action: 'tag' | 'untag'; tag: string }
  | { action: 'snooze'; until: Date }
  | { action: 'set_tags'; tags: string[] };

function changeSql(change: BulkChange): { set: string; value?: unknown } {
  switch (change.action) {
    case 'done': return { set: `state = 'done'` };
    case 'reopen': return { set: `state = CASE WHEN assignee_id IS NULL THEN 'open' ELSE 'assigned' END, snoozed_until = NULL` };
    case 'assign': return { set: `assignee_id = $3, state = 'assigned'`, value: change.assigneeId };
    case 'unassign': return { set: `assignee_id = NULL, state = CASE WHEN state = 'assigned' THEN 'open' ELSE state END` };
    case 'tag': return { set: `tags = CASE WHEN $3 = ANY(tags) THEN tags ELSE array_append(tags, $3::text) END`, value: change.tag };
    case 'untag': return { set: `tags = array_remove(tags, $3::text)`, value: change.tag };
    case 'set_tags': return { set: `tags = $3::text[]`, value: change.tags };
    case 'snooze': return { set: `snoozed_until = $3`, value: change.until };
    case 'unsnooze': return { set: `snoozed_until = NULL` };
    case 'read': return { set: `read_at = COALESCE(read_at, now())` };
    case 'unread': return { set: `read_at = NULL` };
  }
}

/** Applies one change to many items; returns the ids changed (others were not this workspace's). */
export async function changeItems(db: Queryable, workspaceId: string, ids: string[], change: BulkChange): Promise<string[]> {
  if (ids.length === 0) return [];
  const { set, value } = changeSql(change);
  const rows = await db.query<{ id: string }>(
    `UPDATE inbox_items SET ${set}, updated_at = now() WHERE workspace_id = $1 AND id = ANY($2::uuid[]) RETURNING id`,
    value === undefined ? [workspaceId, ids] : [workspaceId, ids, value],
  );
  return rows.map((r) => r.id);
}

/** Records what Varde did on the network (hidden, liked, deleted). */
export async function markNetworkAction(db: Queryable, id: string, action: 'hidden' | 'shown' | 'liked' | 'deleted') {
  const set = { hidden: 'hidden = true', shown: 'hidden = false', liked: 'liked_at = now()', deleted: 'deleted_at = now()' }[action];
  await db.query(`UPDATE inbox_items SET ${set}, updated_at = now() WHERE id = $1`, [id]);
}

export async function countUnread(db: Queryable, workspaceId: string, userId: string) {
  const [row] = await db.query<{ unread: number; open: number; mine: number }>(
    `SELECT count(*) FILTER (WHERE read_at IS NULL)::int AS unread, count(*)::int AS open, count(*) FILTER (WHERE assignee_id = $2)::int AS mine
     FROM inbox_items WHERE workspace_id = $1 AND state <> 'done' AND deleted_at IS NULL AND (snoozed_until IS NULL OR snoozed_until <= now())`,
    [workspaceId, userId],
  );
  return row;
}

export interface NoteRow {
  id: string;
  item_id: string;
  author_user_id: string | null;
  author_name: string | null;
  body: string;
  created_at: Date;
}

export async function insertNote(db: Queryable, n: { id: string; workspaceId: string; itemId: string; userId: string; body: string }) {
  await db.query(`INSERT INTO inbox_notes (id, workspace_id, item_id, author_user_id, body) VALUES ($1, $2, $3, $4, $5)`, [n.id, n.workspaceId, n.itemId, n.userId, n.body]);
  await db.query(`UPDATE inbox_items SET updated_at = now() WHERE id = $1`, [n.itemId]);
}

export const listNotes = (db: Queryable, workspaceId: string, itemIds: string[]) =>
  itemIds.length === 0
    ? Promise.resolve([] as NoteRow[])
    : db.query<NoteRow>(
        `SELECT n.id, n.item_id, n.author_user_id, u.name AS author_name, n.body, n.created_at FROM inbox_notes n LEFT JOIN users u ON u.id = n.author_user_id
         WHERE n.workspace_id = $1 AND n.item_id = ANY($2::uuid[]) ORDER BY n.created_at`,
        [workspaceId, itemIds],
      );
