/** Members of a workspace and their invitations. */
import type { Queryable } from '../db/client.js';
import type { Role } from '../workspaces/workspaces.repository.js';

export interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: Date;
}

export const listMembers = (db: Queryable, workspaceId: string) =>
  db.query<MemberRow>(
    `SELECT m.user_id, u.email, u.name, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.workspace_id = $1 ORDER BY m.created_at`,
    [workspaceId],
  );

export const findMember = async (db: Queryable, workspaceId: string, userId: string) =>
  (await db.query<MemberRow>(
    `SELECT m.user_id, u.email, u.name, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND m.user_id = $2`,
    [workspaceId, userId],
  ))[0] ?? null;

export async function setRole(db: Queryable, workspaceId: string, userId: string, role: Role) {
  await db.query(`UPDATE memberships SET role = $3 WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, userId, role]);
}

export async function addMember(db: Queryable, workspaceId: string, userId: string, role: Role) {
  await db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (workspace_id, user_id) DO NOTHING`, [workspaceId, userId, role]);
}

export async function removeMember(db: Queryable, workspaceId: string, userId: string) {
  await db.query(`DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, userId]);
  // Their API tokens for this workspace stop working with them.
  await db.query(`UPDATE api_tokens SET revoked_at = now() WHERE workspace_id = $1 AND user_id = $2 AND revoked_at IS NULL`, [workspaceId, userId]);
}

export interface InvitationRow {
  id: string;
  workspace_id: string;
  email: string | null;
  role: Exclude<Role, 'owner'>;
  invited_by: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
}

export async function insertInvitation(db: Queryable, i: { id: string; workspaceId: string; email: string | null; role: string; tokenHash: string; invitedBy: string; expiresAt: Date }) {
  await db.query(
    `INSERT INTO invitations (id, workspace_id, email, role, token_hash, invited_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [i.id, i.workspaceId, i.email, i.role, i.tokenHash, i.invitedBy, i.expiresAt],
  );
}

export const listInvitations = (db: Queryable, workspaceId: string) =>
  db.query<InvitationRow>(`SELECT * FROM invitations WHERE workspace_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() ORDER BY created_at DESC`, [workspaceId]);

export const findInvitationByHash = async (db: Queryable, tokenHash: string) =>
  (await db.query<InvitationRow & { workspace_name: string; inviter_name: string | null }>(
    `SELECT i.*, w.name AS workspace_name, u.name AS inviter_name FROM invitations i JOIN workspaces w ON w.id = i.workspace_id
     LEFT JOIN users u ON u.id = i.invited_by WHERE i.token_hash = $1`,
    [tokenHash],
  ))[0] ?? null;

export async function revokeInvitation(db: Queryable, workspaceId: string, id: string) {
  return (await db.query(`UPDATE invitations SET revoked_at = now() WHERE workspace_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`, [workspaceId, id])).length > 0;
}

/** Marks an invitation used, once: a second acceptance finds nothing. */
export async function claimInvitation(db: Queryable, id: string, userId: string) {
  return (await db.query(`UPDATE invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING id`, [id, userId])).length > 0;
}
