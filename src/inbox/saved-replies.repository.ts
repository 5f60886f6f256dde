/** Saved replies: a workspace's canned answers, by name. */
import type { Queryable } from '../db/client.js';

export interface SavedReplyRow {
  id: string;
  workspace_id: string;
  name: string;
  body: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export const publicSavedReply = (r: SavedReplyRow) => ({ id: r.id, name: r.name, body: r.body, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at });

export const listSavedReplies = (db: Queryable, workspaceId: string) =>
  db.query<SavedReplyRow>(`SELECT * FROM saved_replies WHERE workspace_id = $1 ORDER BY name`, [workspaceId]);

export const findSavedReply = async (db: Queryable, workspaceId: string, id: string) =>
  (await db.query<SavedReplyRow>(`SELECT * FROM saved_replies WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]))[0] ?? null;

/** Inserts or, with `id`, updates; null when the name is taken by another saved reply. */
export async function saveSavedReply(db: Queryable, r: { id: string; workspaceId: string; name: string; body: string; createdBy: string | null }, update: boolean) {
  const sql = update
    ? `UPDATE saved_replies SET name = $3, body = $4, updated_at = now() WHERE workspace_id = $2 AND id = $1
       AND NOT EXISTS (SELECT 1 FROM saved_replies o WHERE o.workspace_id = $2 AND o.name = $3 AND o.id <> $1) RETURNING *`
    : `INSERT INTO saved_replies (id, workspace_id, name, body, created_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (workspace_id, name) DO NOTHING RETURNING *`;
  const rows = await db.query<SavedReplyRow>(sql, update ? [r.id, r.workspaceId, r.name, r.body] : [r.id, r.workspaceId, r.name, r.body, r.createdBy]);
  return rows[0] ?? null;
}

export async function deleteSavedReply(db: Queryable, workspaceId: string, id: string) {
  return (await db.query(`DELETE FROM saved_replies WHERE workspace_id = $1 AND id = $2 RETURNING id`, [workspaceId, id])).length > 0;
}
