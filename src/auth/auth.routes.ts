/** Sign-up, log-in, log-out, who am I, and API tokens. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { SESSION_COOKIE, requirePrincipal, workspaceAccess } from '../server/auth.plugin.js';
import { listWorkspacesForUser } from '../workspaces/workspaces.repository.js';
import { findUserById, listTokens, revokeToken } from './auth.repository.js';
import * as auth from './auth.service.js';
import { ApiTokenList, LogInAnswer, Me, NewApiToken, SignUpAnswer } from './auth.schemas.js';
import { WorkspaceParams } from '../server/schemas.js';

const email = z.string().trim().email('must be an e-mail address').max(320);
const password = z.string().min(10, 'must be at least 10 characters').max(1000);
const SignUp = z.object({ email, password, name: z.string().trim().min(1).max(200), workspaceName: z.string().trim().min(1).max(200).optional() });
const LogIn = z.object({
  email,
  password: z.string().min(1).max(1000),
  totp: z.string().regex(/^\d{6}$/, 'must be the 6-digit code').optional(),
  recoveryCode: z.string().trim().min(1).max(100).optional().describe('one of your recovery codes, instead of `totp`'),
}).refine((b) => !(b.totp && b.recoveryCode), { message: 'send either totp or recoveryCode, not both', path: ['recoveryCode'] });
const TokenInput = z.object({ name: z.string().trim().min(1).max(200), scopes: z.array(z.enum(auth.TOKEN_SCOPES)).min(1).optional() });

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: any, token: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, expires });

  r.post('/api/v1/auth/signup', { schema: { tags: ['auth'], summary: 'Create an account (the first one owns the first workspace)', body: SignUp, response: { 201: SignUpAnswer } } }, async (req, reply) => {
    const { user, workspace } = await auth.signUp(ctx.db, req.body, ctx.config.signupOpen);
    const session = await auth.startSession(ctx.db, user.id, { userAgent: req.headers['user-agent'], ip: req.ip });
    setCookie(reply, session.token, session.expiresAt);
    return reply.status(201).send({ user, workspace });
  });

  r.post('/api/v1/auth/login', { schema: { tags: ['auth'], summary: 'Log in; sets the session cookie', body: LogIn, response: { 200: LogInAnswer } } }, async (req, reply) => {
    const { user, recoveryCodesLeft } = await auth.logIn(ctx.db, ctx.secrets, req.body, req.ip);
    const session = await auth.startSession(ctx.db, user.id, { userAgent: req.headers['user-agent'], ip: req.ip });
    if (recoveryCodesLeft !== undefined) await auth.auditRecoveryCodeUse(ctx.db, user.id, session.id, req.ip, recoveryCodesLeft);
    setCookie(reply, session.token, session.expiresAt);
    return { user: auth.publicUser(user), ...(recoveryCodesLeft !== undefined ? { recoveryCodesLeft } : {}) };
  });

  r.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'End the session' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await auth.endSession(ctx.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/api/v1/me', { schema: { tags: ['auth'], summary: 'The caller: user, workspaces, and for a token its workspace and scopes', response: { 200: Me } } }, async (req) => {
    const p = requirePrincipal(req);
    const user = await findUserById(ctx.db, p.userId);
    if (!user) throw new AppError('unauthorized', 'Unknown user');
    const all = await listWorkspacesForUser(ctx.db, p.userId);
    const workspaces = all.filter((w) => !p.tokenWorkspaceId || w.id === p.tokenWorkspaceId).map((w) => ({ id: w.id, name: w.name, role: w.role }));
    return { user: auth.publicUser(user), workspaces, token: p.via === 'token' ? { id: p.tokenId!, workspaceId: p.tokenWorkspaceId!, scopes: p.scopes } : null };
  });

  // API tokens are personal: each member may hold tokens that act as them, with at most their role's rights.
  const isAdmin = (access: auth.WorkspaceAccess) => access.role === 'owner' || access.role === 'admin';

  r.get('/api/v1/workspaces/:workspaceId/tokens', { schema: { tags: ['tokens'], summary: 'List API tokens (yours; all of them for admins) — never their secret', params: WorkspaceParams, response: { 200: ApiTokenList } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    const all = await listTokens(ctx.db, access.workspaceId);
    return { tokens: all.filter((t) => isAdmin(access) || t.user_id === access.principal.userId).map(auth.publicToken) };
  });

  r.post('/api/v1/workspaces/:workspaceId/tokens', { schema: { tags: ['tokens'], summary: 'Create an API token acting as you; the secret is shown once', params: WorkspaceParams, body: TokenInput, response: { 201: NewApiToken } } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    if (access.principal.via === 'token' && !access.principal.scopes.includes('admin')) throw new AppError('forbidden', 'This API token lacks the "admin" scope needed to create tokens');
    return reply.status(201).send(await auth.createApiToken(ctx.db, access, req.body));
  });

  r.delete('/api/v1/workspaces/:workspaceId/tokens/:tokenId', { schema: { tags: ['tokens'], summary: 'Revoke an API token (yours; any for admins)', params: WorkspaceParams.extend({ tokenId: z.uuid() }) } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    const token = (await listTokens(ctx.db, access.workspaceId)).find((t) => t.id === req.params.tokenId);
    if (!token || (!isAdmin(access) && token.user_id !== access.principal.userId)) throw new AppError('not_found', 'Token not found');
    if (!(await revokeToken(ctx.db, access.workspaceId, req.params.tokenId))) throw new AppError('not_found', 'Token not found');
    return reply.status(204).send();
  });
}
