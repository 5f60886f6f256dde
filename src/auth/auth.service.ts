/**
 * Accounts: sign-up, log-in, sessions, API tokens, and who a request is. Passwords are hashed
 * with argon2id; session and API tokens are stored only as SHA-256 hashes.
 */
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../app/errors.js';
import { hashToken, newId, newToken } from '../app/ids.js';
import type { Db, Queryable } from '../db/client.js';
import * as repo from './auth.repository.js';
import { assertNotLocked, clearAccount, recordFailure } from './login-throttle.js';
import { verifyTotp } from './totp.js';
import { recoveryCodesLeft, useRecoveryCode } from './recovery-codes.js';
import { insertAudit } from '../audit/audit.repository.js';
import type { Secrets } from '../app/secrets.js';
import * as workspaces from '../workspaces/workspaces.repository.js';
import type { Role } from '../workspaces/workspaces.repository.js';
import { TOKEN_SCOPES, type TokenScope } from './scopes.js';

export { TOKEN_SCOPES, type TokenScope };

export const SESSION_DAYS = 30;

export interface Principal {
  userId: string;
  via: 'session' | 'token';
  /** Set for API tokens: the only workspace the token may touch. */
  tokenWorkspaceId?: string;
  tokenId?: string;
  /** Set for browser sessions: the session's public id (listed and revoked by it). */
  sessionId?: string;
  scopes: TokenScope[];
}

export interface WorkspaceAccess {
  workspaceId: string;
  role: Role;
  principal: Principal;
}

// argon2id, OWASP's second recommended profile (19 MiB, t=2).
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON);

export function publicUser(u: repo.UserRow) {
  return { id: u.id, email: u.email, name: u.name, createdAt: u.created_at };
}

/** Creates a user and their first workspace (they own it). */
export async function createUser(db: Db, input: { email: string; password: string; name: string; workspaceName?: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await repo.findUserByEmail(tx, input.email)) throw new AppError('conflict', 'An account with this e-mail already exists');
    const user = { id: newId(), email: input.email, name: input.name, passwordHash };
    await repo.insertUser(tx, user);
    const workspace = { id: newId(), name: input.workspaceName ?? `${input.name}'s workspace` };
    await workspaces.insertWorkspace(tx, workspace, user.id);
    return { user: { id: user.id, email: user.email.toLowerCase(), name: user.name }, workspace };
  });
}

/** Creates an account without a workspace of its own (someone joining by invitation). */
export async function createUserOnly(db: Db, input: { email: string; password: string; name: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await repo.findUserByEmail(tx, input.email)) throw new AppError('conflict', 'An account with this e-mail already exists; log in first, then accept the invitation');
    const user = { id: newId(), email: input.email, name: input.name, passwordHash };
    await repo.insertUser(tx, user);
    return { id: user.id, email: user.email.toLowerCase(), name: user.name };
  });
}

/** Sign-up from the web or API: open for the first account; afterwards only when VARDE_SIGNUP=open. */
export async function signUp(db: Db, input: { email: string; password: string; name: string; workspaceName?: string }, signupOpen: boolean) {
  if (!signupOpen && (await repo.countUsers(db)) > 0) {
    throw new AppError('forbidden', 'Sign-up is closed on this server. Ask its operator for an account (varde user create), or set VARDE_SIGNUP=open.');
  }
  return createUser(db, input);
}

/**
 * Checks e-mail and password (and, when the account has a second factor, the TOTP code or one of
 * its single-use recovery codes), throttled per account and per address. Failures say nothing
 * about which part was wrong. `recoveryCodesLeft` is set when a recovery code was used.
 */
export async function logIn(db: Queryable, secrets: Secrets, input: { email: string; password: string; totp?: string; recoveryCode?: string }, ip = 'unknown'): Promise<{ user: repo.UserRow; recoveryCodesLeft?: number }> {
  await assertNotLocked(db, input.email, ip);
  const user = await repo.findUserByEmail(db, input.email);
  // Verify against a dummy hash when the user is unknown, so timing does not reveal accounts.
  const ok = user ? await verify(user.password_hash, input.password) : await verify(DUMMY_HASH, input.password).then(() => false);
  if (!user || !ok) {
    await recordFailure(db, input.email, ip);
    throw new AppError('unauthorized', 'Wrong e-mail or password');
  }
  let left: number | undefined;
  if (user.totp_enabled_at && user.totp_secret) {
    if (input.recoveryCode) {
      if (!(await useRecoveryCode(db, user.id, input.recoveryCode))) {
        await recordFailure(db, input.email, ip);
        throw new AppError('unauthorized', 'The recovery code is wrong or has already been used', { details: { code: 'recovery_code_invalid' } });
      }
      left = await recoveryCodesLeft(db, user.id);
    } else {
      if (!input.totp) throw new AppError('unauthorized', 'Enter the 6-digit code from your authenticator app, or a recovery code', { details: { code: 'totp_required' } });
      if (!verifyTotp(secrets.decrypt<string>(user.totp_secret), input.totp)) {
        await recordFailure(db, input.email, ip);
        throw new AppError('unauthorized', 'The authenticator code is wrong or has expired', { details: { code: 'totp_invalid' } });
      }
    }
  }
  await clearAccount(db, input.email);
  return { user, recoveryCodesLeft: left };
}
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$B/9qdJWMF5WFHYaSbmFguA$z3XGm3jH9I5zkTEafks9taW2Hlx0zIPZidHcU/IEbuI';

export async function startSession(db: Queryable, userId: string, meta: { userAgent?: string; ip?: string } = {}) {
  const token = newToken('vs_');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86400_000);
  const id = newId();
  await repo.insertSession(db, { id, tokenHash: hashToken(token), userId, expiresAt, ...meta });
  return { id, token, expiresAt };
}

export const endSession = (db: Queryable, token: string) => repo.deleteSession(db, hashToken(token));

export async function principalFromSession(db: Queryable, token: string): Promise<Principal | null> {
  const user = await repo.findSessionUser(db, hashToken(token));
  return user ? { userId: user.id, via: 'session', sessionId: user.session_id, scopes: [...TOKEN_SCOPES] } : null;
}

export async function principalFromApiToken(db: Queryable, token: string): Promise<Principal | null> {
  const row = await repo.useToken(db, hashToken(token));
  if (!row) return null;
  return { userId: row.user_id, via: 'token', tokenWorkspaceId: row.workspace_id, tokenId: row.id, scopes: row.scopes as TokenScope[] };
}

/** Resolves the caller's access to a workspace; anything else answers 404 (never "exists but forbidden"). */
export async function accessWorkspace(db: Queryable, principal: Principal, workspaceId: string): Promise<WorkspaceAccess> {
  if (principal.tokenWorkspaceId && principal.tokenWorkspaceId !== workspaceId) throw new AppError('not_found', 'Workspace not found');
  const m = await workspaces.findMembership(db, workspaceId, principal.userId);
  if (!m?.role) throw new AppError('not_found', 'Workspace not found');
  return { workspaceId, role: m.role, principal };
}

/** What each role may do; issue-level approvals for contributors come on top of this. */
const ROLE_ACTIONS: Record<Role, ReadonlyArray<'read' | 'write' | 'publish' | 'admin'>> = {
  owner: ['read', 'write', 'publish', 'admin'],
  admin: ['read', 'write', 'publish', 'admin'],
  editor: ['read', 'write', 'publish'],
  contributor: ['read', 'write'],
  viewer: ['read'],
};

/** Throws 403 unless the caller's role and token scopes allow `action` in the workspace. */
export function requireScope(access: WorkspaceAccess, action: 'read' | 'write' | 'publish' | 'admin') {
  if (!ROLE_ACTIONS[access.role].includes(action)) {
    throw new AppError('forbidden', `Your role in this workspace (${access.role}) does not allow this (${action})`);
  }
  if (!access.principal.scopes.includes(action) && !access.principal.scopes.includes('admin')) {
    throw new AppError('forbidden', `This API token lacks the "${action}" scope`);
  }
}

export async function createApiToken(db: Queryable, access: WorkspaceAccess, input: { name: string; scopes?: TokenScope[] }) {
  const allowed = ROLE_ACTIONS[access.role];
  const scopes = input.scopes ?? (['read', 'write', 'publish'] as TokenScope[]).filter((s) => allowed.includes(s));
  const mine = access.principal.scopes;
  for (const s of scopes) {
    if (!allowed.includes(s)) throw new AppError('forbidden', `Your role (${access.role}) cannot grant the "${s}" scope`);
    if (!mine.includes(s) && !mine.includes('admin')) throw new AppError('forbidden', `You cannot grant the "${s}" scope`);
  }
  const token = newToken('vrd_');
  const id = newId();
  await repo.insertToken(db, { id, workspaceId: access.workspaceId, userId: access.principal.userId, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 10), scopes });
  return { id, name: input.name, scopes, prefix: token.slice(0, 10), token };
}

export function publicToken(t: repo.TokenRow) {
  return { id: t.id, name: t.name, prefix: t.prefix, scopes: t.scopes, createdAt: t.created_at, lastUsedAt: t.last_used_at, revokedAt: t.revoked_at };
}

/**
 * Records a log-in with a recovery code in the audit log of every workspace the user belongs to
 * (so its admins see it), or once without a workspace when they belong to none.
 */
export async function auditRecoveryCodeUse(db: Queryable, userId: string, sessionId: string, ip: string, left: number) {
  const memberOf = await workspaces.listWorkspacesForUser(db, userId);
  for (const workspaceId of memberOf.length ? memberOf.map((w) => w.id) : [null]) {
    await insertAudit(db, {
      workspaceId,
      actorUserId: userId,
      actorKind: 'session',
      actorSessionId: sessionId,
      action: 'auth.recovery_code_used',
      summary: `Logged in with a recovery code (${left} left)`,
      subjectType: 'users',
      subjectId: userId,
      status: 200,
      ip,
      detail: { recoveryCodesLeft: left },
    });
  }
}
