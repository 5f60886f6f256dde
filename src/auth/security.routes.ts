/** The caller's own security: sessions (listed, revoked) and the optional TOTP second factor. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verify } from '@node-rs/argon2';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { requirePrincipal } from '../server/auth.plugin.js';
import { deleteSessionById, findUserById, listSessions } from './auth.repository.js';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.js';

const Code = z.object({ code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code') });

export function securityRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const sessionUser = (req: Parameters<typeof requirePrincipal>[0]) => {
    const p = requirePrincipal(req);
    if (p.via !== 'session') throw new AppError('forbidden', 'Manage sessions and two-factor log-in while logged in, not with an API token');
    return p;
  };

  r.get('/api/v1/me/sessions', { schema: { tags: ['auth'], summary: 'Your active log-in sessions' } }, async (req) => {
    const p = sessionUser(req);
    const rows = await listSessions(ctx.db, p.userId);
    return { sessions: rows.map((s) => ({ id: s.id, createdAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at, userAgent: s.user_agent, ip: s.ip, current: s.id === p.sessionId })) };
  });

  r.delete('/api/v1/me/sessions/:id', { schema: { tags: ['auth'], summary: 'Log a session out', params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
    const p = sessionUser(req);
    if (!(await deleteSessionById(ctx.db, p.userId, req.params.id))) throw new AppError('not_found', 'Session not found');
    return reply.status(204).send();
  });

  r.get('/api/v1/me/totp', { schema: { tags: ['auth'], summary: 'Whether two-factor log-in is on for you' } }, async (req) => {
    const user = (await findUserById(ctx.db, sessionUser(req).userId))!;
    return { enabled: Boolean(user.totp_enabled_at), since: user.totp_enabled_at ?? null };
  });

  r.post('/api/v1/me/totp/setup', { schema: { tags: ['auth'], summary: 'Start two-factor log-in: a new secret to add to an authenticator app' } }, async (req) => {
    const p = sessionUser(req);
    const user = (await findUserById(ctx.db, p.userId))!;
    if (user.totp_enabled_at) throw new AppError('conflict', 'Two-factor log-in is already on; turn it off first to change the secret');
    const secret = newTotpSecret();
    await ctx.db.query(`UPDATE users SET totp_secret = $2 WHERE id = $1`, [p.userId, ctx.secrets.encrypt(secret)]);
    return { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  });

  r.post('/api/v1/me/totp/enable', { schema: { tags: ['auth'], summary: 'Turn two-factor log-in on by entering a code from the app', body: Code } }, async (req) => {
    const p = sessionUser(req);
    const user = (await findUserById(ctx.db, p.userId))!;
    if (!user.totp_secret) throw new AppError('conflict', 'Call /me/totp/setup first');
    if (!verifyTotp(ctx.secrets.decrypt<string>(user.totp_secret), req.body.code)) throw new AppError('validation_failed', 'The code does not match; check the time on your phone and try the next code');
    await ctx.db.query(`UPDATE users SET totp_enabled_at = now() WHERE id = $1`, [p.userId]);
    return { enabled: true };
  });

  r.post('/api/v1/me/totp/disable', { schema: { tags: ['auth'], summary: 'Turn two-factor log-in off (needs your password)', body: z.object({ password: z.string().min(1).max(1000) }) } }, async (req) => {
    const p = sessionUser(req);
    const user = (await findUserById(ctx.db, p.userId))!;
    if (!(await verify(user.password_hash, req.body.password))) throw new AppError('unauthorized', 'Wrong password');
    await ctx.db.query(`UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL WHERE id = $1`, [p.userId]);
    return { enabled: false };
  });
}
