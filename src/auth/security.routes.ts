/**
 * The caller's own security: sessions (listed, revoked one by one or all others at once) and the
 * optional TOTP second factor with its single-use recovery codes.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verify } from '@node-rs/argon2';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { requirePrincipal } from '../server/auth.plugin.js';
import { Instant } from '../server/schemas.js';
import { deleteOtherSessions, deleteSessionById, findUserById, listSessions } from './auth.repository.js';
import { assertNotLocked, clearAccount, recordFailure } from './login-throttle.js';
import { deleteRecoveryCodes, recoveryCodesLeft, replaceRecoveryCodes } from './recovery-codes.js';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.js';

const sixDigits = z.string().regex(/^\d{6}$/, 'must be the 6-digit code');
const Code = z.object({ code: sixDigits });
const Proof = z.object({ password: z.string().min(1).max(1000).optional(), code: sixDigits.optional() })
  .refine((b) => b.password !== undefined || b.code !== undefined, { message: 'send your password or a current authenticator code', path: ['password'] });

const SessionList = z.object({
  sessions: z.array(z.object({ id: z.string(), createdAt: Instant, lastSeenAt: Instant, expiresAt: Instant, userAgent: z.string().nullable(), ip: z.string().nullable(), current: z.boolean().describe('The session making this request') })),
});
const TotpStatus = z.object({ enabled: z.boolean(), since: Instant.nullable(), recoveryCodesLeft: z.number().int() });
// The secret is in this answer only (to set up the authenticator); afterwards it is stored encrypted and never shown.
const TotpSetup = z.object({ secret: z.string().describe('Base32; shown only this once'), otpauthUrl: z.string().describe('The same secret as an otpauth:// link (for a QR code)') });
const RecoveryCodes = z.array(z.string()).describe('Single-use codes, shown only this once');

export function securityRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const sessionUser = (req: Parameters<typeof requirePrincipal>[0]) => {
    const p = requirePrincipal(req);
    if (p.via !== 'session') throw new AppError('forbidden', 'Manage sessions and two-factor log-in while logged in, not with an API token');
    return p;
  };

  r.get('/api/v1/me/sessions', { schema: { tags: ['auth'], summary: 'Your active log-in sessions', response: { 200: SessionList } } }, async (req) => {
    const p = sessionUser(req);
    const rows = await listSessions(ctx.db, p.userId);
    return { sessions: rows.map((s) => ({ id: s.id, createdAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at, userAgent: s.user_agent, ip: s.ip, current: s.id === p.sessionId })) };
  });

  r.delete('/api/v1/me/sessions/:id', { schema: { tags: ['auth'], summary: 'Log a session out', params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
    const p = sessionUser(req);
    if (!(await deleteSessionById(ctx.db, p.userId, req.params.id))) throw new AppError('not_found', 'Session not found');
    return reply.status(204).send();
  });

  r.post('/api/v1/me/sessions/log-out-others', { schema: { tags: ['auth'], summary: 'Log out all your other sessions (this one stays)', response: { 200: z.object({ loggedOut: z.number().int() }) } } }, async (req) => {
    const p = sessionUser(req);
    return { loggedOut: await deleteOtherSessions(ctx.db, p.userId, p.sessionId!) };
  });

  r.get('/api/v1/me/totp', { schema: { tags: ['auth'], summary: 'Whether two-factor log-in is on for you', response: { 200: TotpStatus } } }, async (req) => {
    const user = (await findUserById(ctx.db, sessionUser(req).userId))!;
    return { enabled: Boolean(user.totp_enabled_at), since: user.totp_enabled_at ?? null, recoveryCodesLeft: user.totp_enabled_at ? await recoveryCodesLeft(ctx.db, user.id) : 0 };
  });

  r.post('/api/v1/me/totp/setup', { schema: { tags: ['auth'], summary: 'Start two-factor log-in: a new secret to add to an authenticator app (shown only in this answer)', response: { 200: TotpSetup } } }, async (req) => {
    const p = sessionUser(req);
    const user = (await findUserById(ctx.db, p.userId))!;
    if (user.totp_enabled_at) throw new AppError('conflict', 'Two-factor log-in is already on; turn it off first to change the secret');
    const secret = newTotpSecret();
    await ctx.db.query(`UPDATE users SET totp_secret = $2 WHERE id = $1`, [p.userId, ctx.secrets.encrypt(secret)]);
    return { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  });

  r.post('/api/v1/me/totp/enable', { schema: { tags: ['auth'], summary: 'Turn two-factor log-in on by entering a code from the app; answers the recovery codes, shown only this once', body: Code, response: { 200: z.object({ enabled: z.boolean(), recoveryCodes: RecoveryCodes }) } } }, async (req) => {
    const p = sessionUser(req);
    const user = (await findUserById(ctx.db, p.userId))!;
    if (!user.totp_secret) throw new AppError('conflict', 'Call /me/totp/setup first');
    if (!verifyTotp(ctx.secrets.decrypt<string>(user.totp_secret), req.body.code)) throw new AppError('validation_failed', 'The code does not match; check the time on your phone and try the next code');
    if (user.totp_enabled_at) throw new AppError('conflict', 'Two-factor log-in is already on');
    const recoveryCodes = await ctx.db.transaction(async (tx) => {
      await tx.query(`UPDATE users SET totp_enabled_at = now() WHERE id = $1`, [p.userId]);
      return replaceRecoveryCodes(tx, p.userId);
    });
    return { enabled: true, recoveryCodes };
  });

  r.post('/api/v1/me/totp/recovery-codes', {
    schema: { tags: ['auth'], summary: 'Replace your recovery codes with ten new ones (needs your password or a current code); the old ones stop working', body: Proof, response: { 200: z.object({ recoveryCodes: RecoveryCodes }) } },
  }, async (req) => {
    const p = sessionUser(req);
    const user = (await findUserById(ctx.db, p.userId))!;
    if (!user.totp_enabled_at || !user.totp_secret) throw new AppError('conflict', 'Two-factor log-in is off; recovery codes come when you turn it on');
    await assertNotLocked(ctx.db, user.email, req.ip);
    const ok = req.body.code !== undefined
      ? verifyTotp(ctx.secrets.decrypt<string>(user.totp_secret), req.body.code)
      : await verify(user.password_hash, req.body.password!);
    if (!ok) {
      await recordFailure(ctx.db, user.email, req.ip);
      throw new AppError('unauthorized', req.body.code !== undefined ? 'The authenticator code is wrong or has expired' : 'Wrong password');
    }
    await clearAccount(ctx.db, user.email);
    return { recoveryCodes: await ctx.db.transaction((tx) => replaceRecoveryCodes(tx, p.userId)) };
  });

  r.post('/api/v1/me/totp/disable', { schema: { tags: ['auth'], summary: 'Turn two-factor log-in off (needs your password); deletes the recovery codes', body: z.object({ password: z.string().min(1).max(1000) }), response: { 200: z.object({ enabled: z.boolean() }) } } }, async (req) => {
    const p = sessionUser(req);
    const user = (await findUserById(ctx.db, p.userId))!;
    if (!(await verify(user.password_hash, req.body.password))) throw new AppError('unauthorized', 'Wrong password');
    await ctx.db.transaction(async (tx) => {
      await tx.query(`UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL WHERE id = $1`, [p.userId]);
      await deleteRecoveryCodes(tx, p.userId);
    });
    return { enabled: false };
  });
}
