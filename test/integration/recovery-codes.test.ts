/**
 * Two-factor recovery codes (made on enabling, stored as hashes, each usable once at log-in,
 * throttled, audited, regenerated with the password or a code, deleted when TOTP goes off),
 * logging out all other sessions at once, and muting a kind of notification in the app.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { totpCode } from '../../src/auth/totp.js';
import { notify } from '../../src/notifications/notifications.repository.js';

describe.each(ENGINES)('recovery codes, sessions and in-app preferences on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ engine, env: { VARDE_TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const password = 'correct horse battery';
  const login = (email: string, extra: Record<string, string> = {}, ip = '10.20.0.1', pw = password) =>
    app.api('POST', '/api/v1/auth/login', { email, password: pw, ...extra }, undefined, { 'x-forwarded-for': ip });
  const cookieOf = (res: { headers: Record<string, unknown> }) => `cookie:${String(res.headers['set-cookie']).split(';')[0]}`;

  async function withTotp() {
    const email = `rc-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
    const su = await app.api('POST', '/api/v1/auth/signup', { email, password, name: 'R' });
    const cookie = cookieOf(su);
    const setup = await app.api('POST', '/api/v1/me/totp/setup', {}, cookie);
    const enabled = await app.api('POST', '/api/v1/me/totp/enable', { code: totpCode(setup.body.secret) }, cookie);
    expect(enabled.status).toBe(200);
    return { email, cookie, secret: setup.body.secret as string, codes: enabled.body.recoveryCodes as string[], userId: su.body.user.id as string, ws: `/api/v1/workspaces/${su.body.workspace.id}` };
  }

  it('makes ten codes on enabling, stores only hashes, and counts what is left', async () => {
    const u = await withTotp();
    expect(u.codes).toHaveLength(10);
    expect(new Set(u.codes).size).toBe(10);
    for (const c of u.codes) expect(c).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    const rows = await app.db.db.query(`SELECT * FROM recovery_codes WHERE user_id = $1`, [u.userId]);
    expect(rows).toHaveLength(10);
    const raw = JSON.stringify(rows);
    for (const c of u.codes) {
      expect(raw).not.toContain(c);
      expect(raw).not.toContain(c.replace(/-/g, ''));
    }
    expect((await app.api('GET', '/api/v1/me/totp', undefined, u.cookie)).body.recoveryCodesLeft).toBe(10);
    // Enabling again is refused (and would not silently replace the codes).
    expect((await app.api('POST', '/api/v1/me/totp/enable', { code: totpCode(u.secret) }, u.cookie)).status).toBe(409);
  });

  it('logs in with a recovery code instead of the authenticator code, once per code, and audits it', async () => {
    const u = await withTotp();
    const ok = await login(u.email, { recoveryCode: u.codes[0].toUpperCase().replace(/-/g, ' ') }, '10.20.1.1');
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodesLeft).toBe(9);
    const again = await login(u.email, { recoveryCode: u.codes[0] }, '10.20.1.1');
    expect(again.status).toBe(401);
    expect(again.body.error.details.code).toBe('recovery_code_invalid');
    expect((await login(u.email, { recoveryCode: 'not-a-code' }, '10.20.1.1')).status).toBe(401);
    const other = await withTotp();
    expect((await login(u.email, { recoveryCode: other.codes[0] }, '10.20.1.1')).body.error.details.code).toBe('recovery_code_invalid');
    expect((await login(u.email, { recoveryCode: u.codes[1] }, '10.20.1.1')).status).toBe(200);
    expect((await app.api('GET', '/api/v1/me/totp', undefined, u.cookie)).body.recoveryCodesLeft).toBe(8);
    // Both at once is a malformed request.
    expect((await login(u.email, { recoveryCode: u.codes[2], totp: '123456' }, '10.20.1.1')).status).toBe(400);
    const audit = await app.api('GET', `${u.ws}/audit?action=recovery_code`, undefined, u.cookie);
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toHaveLength(2);
    expect(audit.body.entries[0]).toMatchObject({ action: 'auth.recovery_code_used', actorKind: 'session', actorUserId: u.userId, subjectId: u.userId, ip: '10.20.1.1' });
    expect(audit.body.entries.map((e: any) => e.summary).sort()).toEqual(['Logged in with a recovery code (8 left)', 'Logged in with a recovery code (9 left)']);
  });

  it('throttles wrong recovery codes like wrong authenticator codes', async () => {
    const u = await withTotp();
    for (let i = 0; i < 5; i++) expect((await login(u.email, { recoveryCode: 'aaaa-bbbb-cccc-dddd' }, '10.20.2.1')).status).toBe(401);
    const locked = await login(u.email, { recoveryCode: u.codes[0] }, '10.20.2.1');
    expect(locked.status).toBe(429);
    // The lock refused the code before looking at it: it is still unused.
    expect((await app.api('GET', '/api/v1/me/totp', undefined, u.cookie)).body.recoveryCodesLeft).toBe(10);
  });

  it('regenerates codes with the password or a current code; the old ones stop working', async () => {
    const u = await withTotp();
    const path = '/api/v1/me/totp/recovery-codes';
    expect((await app.api('POST', path, {}, u.cookie)).status).toBe(400);
    expect((await app.api('POST', path, { code: '12345' }, u.cookie)).status).toBe(400);
    expect((await app.api('POST', path, { password: 'wrong password!' }, u.cookie)).status).toBe(401);
    expect((await app.api('POST', path, { code: totpCode(u.secret, Date.now() + 10 * 60_000) }, u.cookie)).status).toBe(401);
    const signedUp = await app.signUp();
    expect((await app.api('POST', path, { password }, signedUp.token)).status).toBe(403);
    expect((await app.api('POST', path, { password: 'correct horse battery' }, signedUp.cookie)).status).toBe(409);
    const byPassword = await app.api('POST', path, { password }, u.cookie);
    expect(byPassword.status).toBe(200);
    expect(byPassword.body.recoveryCodes).toHaveLength(10);
    expect((await login(u.email, { recoveryCode: u.codes[3] }, '10.20.3.1')).status).toBe(401);
    const byCode = await app.api('POST', path, { code: totpCode(u.secret) }, u.cookie);
    expect(byCode.status).toBe(200);
    expect((await login(u.email, { recoveryCode: byPassword.body.recoveryCodes[0] }, '10.20.3.1')).status).toBe(401);
    expect((await login(u.email, { recoveryCode: byCode.body.recoveryCodes[0] }, '10.20.3.1')).status).toBe(200);
    expect((await app.db.db.query(`SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1`, [u.userId]))[0].n).toBe(10);
  });

  it('deletes the codes when two-factor log-in goes off', async () => {
    const u = await withTotp();
    expect((await app.api('POST', '/api/v1/me/totp/disable', { password }, u.cookie)).status).toBe(200);
    expect((await app.db.db.query(`SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1`, [u.userId]))[0].n).toBe(0);
    expect((await app.api('GET', '/api/v1/me/totp', undefined, u.cookie)).body).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    // Without a second factor the code is simply not needed; it unlocks nothing by itself.
    expect((await login(u.email, { recoveryCode: u.codes[0] }, '10.20.4.1', 'wrong password!')).status).toBe(401);
  });

  it('logs out all other sessions in one call, keeping this one', async () => {
    const u = await app.signUp();
    const [me] = await app.db.db.query(`SELECT email FROM users WHERE id = $1`, [u.userId]);
    const second = cookieOf(await login(me.email, {}, '10.20.5.1'));
    const third = cookieOf(await login(me.email, {}, '10.20.5.2'));
    const other = await app.signUp();
    expect((await app.api('GET', '/api/v1/me/sessions', undefined, u.cookie)).body.sessions).toHaveLength(3);
    expect((await app.api('POST', '/api/v1/me/sessions/log-out-others', {}, u.token)).status).toBe(403);
    const res = await app.api('POST', '/api/v1/me/sessions/log-out-others', {}, u.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ loggedOut: 2 });
    expect((await app.api('GET', '/api/v1/me', undefined, second)).status).toBe(401);
    expect((await app.api('GET', '/api/v1/me', undefined, third)).status).toBe(401);
    expect((await app.api('GET', '/api/v1/me', undefined, u.cookie)).status).toBe(200);
    expect((await app.api('GET', '/api/v1/me', undefined, other.cookie)).status).toBe(200);
    const left = (await app.api('GET', '/api/v1/me/sessions', undefined, u.cookie)).body.sessions;
    expect(left).toHaveLength(1);
    expect(left[0].current).toBe(true);
    expect((await app.api('POST', '/api/v1/me/sessions/log-out-others', {}, u.cookie)).body).toEqual({ loggedOut: 0 });
  });

  it('mutes a kind of notification in the app per member, apart from e-mail', async () => {
    const u = await app.signUp();
    const defaults = await app.api('GET', '/api/v1/me/notification-settings', undefined, u.cookie);
    expect(defaults.body.inApp['delivery.failed']).toBe(true);
    expect(defaults.body.email['delivery.failed']).toBe(true);
    const workspaceId = u.ws.split('/').pop()!;
    await notify(app.varde.ctx.db, { workspaceId, kind: 'delivery.failed', subjectId: crypto.randomUUID(), message: 'A post failed' });
    await notify(app.varde.ctx.db, { workspaceId, kind: 'channel.needs_reconnect', subjectId: crypto.randomUUID(), message: 'Reconnect it' });
    const kinds = async (q = '') => (await app.api('GET', `${u.ws}/notifications${q}`, undefined, u.cookie)).body.notifications.map((n: any) => n.kind).sort();
    expect(await kinds()).toEqual(['channel.needs_reconnect', 'delivery.failed']);
    const put = await app.api('PUT', '/api/v1/me/notification-settings', { inApp: { 'delivery.failed': false } }, u.cookie);
    expect(put.status).toBe(200);
    expect(put.body.inApp['delivery.failed']).toBe(false);
    expect(put.body.email['delivery.failed']).toBe(true);
    expect(await kinds()).toEqual(['channel.needs_reconnect']);
    expect(await kinds('?unread=true')).toEqual(['channel.needs_reconnect']);
    // E-mail is a separate switch: turning it off leaves the in-app one as it was, and back.
    const mail = await app.api('PUT', '/api/v1/me/notification-settings', { email: { 'delivery.failed': false } }, u.cookie);
    expect(mail.body).toMatchObject({ email: { 'delivery.failed': false }, inApp: { 'delivery.failed': false } });
    await app.api('PUT', '/api/v1/me/notification-settings', { inApp: { 'delivery.failed': true } }, u.cookie);
    expect(await kinds()).toEqual(['channel.needs_reconnect', 'delivery.failed']);
    expect((await app.api('GET', '/api/v1/me/notification-settings', undefined, u.cookie)).body.email['delivery.failed']).toBe(false);
    expect((await app.api('PUT', '/api/v1/me/notification-settings', {}, u.cookie)).status).toBe(400);
    expect((await app.api('PUT', '/api/v1/me/notification-settings', { inApp: { 'no.such.kind': false } }, u.cookie)).status).toBe(400);
  });
});
