/** Workspaces and memberships in the database. */
import type { Queryable } from '../db/client.js';

export type Role = 'owner' | 'admin' | 'editor' | 'contributor' | 'viewer';

export interface WorkspaceRow {
  id: string;
  name: string;
  created_at: Date;
  role?: Role;
}

export async function insertWorkspace(db: Queryable, w: { id: string; name: string }, ownerId: string) {
  await db.query(`INSERT INTO workspaces (id, name) VALUES ($1, $2)`, [w.id, w.name]);
  await db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [w.id, ownerId]);
}

/** A workspace as one member sees it: with their role. */
export type MembershipRow = Required<WorkspaceRow>;

export const listWorkspacesForUser = (db: Queryable, userId: string) =>
  db.query<MembershipRow>(
    `SELECT w.id, w.name, w.created_at, m.role FROM workspaces w JOIN memberships m ON m.workspace_id = w.id
     WHERE m.user_id = $1 ORDER BY w.created_at`,
    [userId],
  );

export async function findMembership(db: Queryable, workspaceId: string, userId: string) {
  const rows = await db.query<MembershipRow>(
    `SELECT w.id, w.name, w.created_at, m.role FROM workspaces w JOIN memberships m ON m.workspace_id = w.id
     WHERE w.id = $1 AND m.user_id = $2`,
    [workspaceId, userId],
  );
  return rows[0] ?? null;
}

export const findWorkspace = async (db: Queryable, id: string) =>
  (await db.query<WorkspaceRow>(`SELECT id, name, created_at FROM workspaces WHERE id = $1`, [id]))[0] ?? null;

export async function renameWorkspace(db: Queryable, id: string, name: string) {
  await db.query(`UPDATE workspaces SET name = $2 WHERE id = $1`, [id, name]);
}
