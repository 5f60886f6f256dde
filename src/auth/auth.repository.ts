/** Users, sessions and API tokens in the database. */
import type { Queryable } from '../db/client.js';
import type { TokenScope } from './scopes.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  totp_secret?: string | null;
  totp_enabled_at?: Date | null;
  created_at: Date;
}

export interface TokenRow {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export const countUsers = async (db: Queryable) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users`))[0].n;

export const findUserByEmail = async (db: Queryable, email: string) =>
  (await db.query<UserRow>(`SELECT * FROM users WHERE email = $1`, [email.toLowerCase()]))[0] ?? null;

export const findUserById = async (db: Queryable, id: string) =>
  (await db.query<UserRow>(`SELECT * FROM users WHERE id = $1`, [id]))[0] ?? null;

export async function insertUser(db: Queryable, u: { id: string; email: string; name: string; passwordHash: string }) {
  await db.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)`, [u.id, u.email.toLowerCase(), u.name, u.passwordHash]);
}

export async function insertSession(db: Queryable, s: { id: string; tokenHash: string; userId: string; expiresAt: Date; userAgent?: string; ip?: string }) {
  await db.query(`INSERT INTO sessions (id, token_hash, user_id, expires_at, user_agent, ip) VALUES ($1, $2, $3, $4, $5, $6)`, [
    s.id, s.tokenHash, s.userId, s.expiresAt, s.userAgent ?? null, s.ip ?? null,
  ]);
}

export interface SessionRow {
  id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  user_agent: string | null;
  ip: string | null;
}

export const listSessions = (db: Queryable, userId: string) =>
  db.query<SessionRow>(`SELECT id, created_at, last_seen_at, expires_at, user_agent, ip FROM sessions WHERE user_id = $1 AND expires_at > now() ORDER BY last_seen_at DESC`, [userId]);

export async function deleteSessionById(db: Queryable, userId: string, id: string) {
  return (await db.query(`DELETE FROM sessions WHERE user_id = $1 AND id = $2 RETURNING id`, [userId, id])).length > 0;
}

export async function findSessionUser(db: Queryable, tokenHash: string) {
  const rows = await db.query<UserRow & { session_id: string }>(
    `UPDATE sessions s SET last_seen_at = now() FROM users u
     WHERE s.token_hash = $1 AND s.expires_at > now() AND u.id = s.user_id
     RETURNING u.id, u.email, u.name, u.password_hash, u.created_at, u.totp_secret, u.totp_enabled_at, s.id AS session_id`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export const deleteSession = (db: Queryable, tokenHash: string) => db.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);

export async function insertToken(db: Queryable, t: { id: string; workspaceId: string; userId: string; name: string; tokenHash: string; prefix: string; scopes: string[] }) {
  await db.query(
    `INSERT INTO api_tokens (id, workspace_id, user_id, name, token_hash, prefix, scopes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [t.id, t.workspaceId, t.userId, t.name, t.tokenHash, t.prefix, t.scopes],
  );
}

/** Finds a live token and records its use. */
export async function useToken(db: Queryable, tokenHash: string) {
  const rows = await db.query<TokenRow>(
    `UPDATE api_tokens SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL
     RETURNING id, workspace_id, user_id, name, prefix, scopes, created_at, last_used_at, revoked_at`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export const listTokens = (db: Queryable, workspaceId: string) =>
  db.query<TokenRow>(
    `SELECT id, workspace_id, user_id, name, prefix, scopes, created_at, last_used_at, revoked_at
     FROM api_tokens WHERE workspace_id = $1 ORDER BY created_at`,
    [workspaceId],
  );

export async function revokeToken(db: Queryable, workspaceId: string, id: string) {
  const rows = await db.query(`UPDATE api_tokens SET revoked_at = now() WHERE workspace_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id`, [workspaceId, id]);
  return rows.length > 0;
}

/** Logs out every session of the user but one; returns how many ended. */
export async function deleteOtherSessions(db: Queryable, userId: string, keepId: string) {
  return (await db.query(`DELETE FROM sessions WHERE user_id = $1 AND id <> $2 RETURNING id`, [userId, keepId])).length;
}
