/**
 * Account security through the API: log-in throttling per account and address, sessions listed
 * and revoked, the TOTP second factor, the audit log (with CSV export), and network credentials
 * that never appear in plaintext in the database, the logs or any response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { totpCode } from '../../src/auth/totp.js';

describe.each(ENGINES)('security on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ engine, env: { LOG_LEVEL: 'debug', VARDE_TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const login = (email: string, password: string, extra: Record<string, string> = {}, ip = '10.9.8.7') =>
    app.api('POST', '/api/v1/auth/login', { email, password, ...extra }, undefined, { 'x-forwarded-for': ip });

  it('locks an account after five failed log-ins, with a clear message, even for the right password', async () => {
    const email = `locked-${Date.now()}@example.com`;
    await app.api('POST', '/api/v1/auth/signup', { email, password: 'correct horse battery', name: 'L' });
    for (let i = 0; i < 5; i++) expect((await login(email, 'wrong password!')).status).toBe(401);
    const locked = await login(email, 'correct horse battery');
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/Too many failed log-ins for this account\. Try again in \d+ minutes?/);
    await app.db.db.query(`UPDATE login_failures SET locked_until = now() - interval '1 second'`);
    expect((await login(email, 'correct horse battery')).status).toBe(200);
  });

  it('locks an address that fails across many accounts', async () => {
    const ip = '10.77.0.1';
    for (let i = 0; i < 30; i++) await login(`nobody${i}@example.com`, 'wrong password!', {}, ip);
    const res = await login('someone-else@example.com', 'whatever it is', {}, ip);
    expect(res.status).toBe(429);
    expect(res.body.error.message).toMatch(/for your address/);
    expect((await login('someone-else@example.com', 'whatever it is', {}, '10.77.0.2')).status).toBe(401);
  });

  it('lists sessions and logs one out', async () => {
    const u = await app.signUp();
    const me = await app.api('GET', '/api/v1/me/sessions', undefined, u.cookie);
    expect(me.status).toBe(200);
    expect(me.body.sessions).toHaveLength(1);
    expect(me.body.sessions[0].current).toBe(true);
    const byToken = await app.api('GET', '/api/v1/me/sessions', undefined, u.token);
    expect(byToken.status).toBe(403);
    const del = await app.api('DELETE', `/api/v1/me/sessions/${me.body.sessions[0].id}`, undefined, u.cookie);
    expect(del.status).toBe(204);
    expect((await app.api('GET', '/api/v1/me', undefined, u.cookie)).status).toBe(401);
  });

  it('asks for the authenticator code once two-factor log-in is on', async () => {
    const email = `totp-${Date.now()}@example.com`;
    const su = await app.api('POST', '/api/v1/auth/signup', { email, password: 'correct horse battery', name: 'T' });
    const cookie = `cookie:${String(su.headers['set-cookie']).split(';')[0]}`;
    const setup = await app.api('POST', '/api/v1/me/totp/setup', {}, cookie);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Varde:/);
    expect((await app.api('POST', '/api/v1/me/totp/enable', { code: '000000' }, cookie)).status).toBe(422);
    expect((await app.api('POST', '/api/v1/me/totp/enable', { code: totpCode(setup.body.secret) }, cookie)).status).toBe(200);
    const [row] = await app.db.db.query(`SELECT totp_secret FROM users WHERE email = $1`, [email]);
    expect(row.totp_secret).not.toContain(setup.body.secret);
    const noCode = await login(email, 'correct horse battery', {}, '10.1.1.1');
    expect(noCode.status).toBe(401);
    expect(noCode.body.error.details.code).toBe('totp_required');
    expect((await login(email, 'correct horse battery', { totp: '123456' }, '10.1.1.1')).status).toBe(401);
    expect((await login(email, 'correct horse battery', { totp: totpCode(setup.body.secret) }, '10.1.1.1')).status).toBe(200);
  });

  it('records every change in the audit log with its actor, and exports it as CSV', async () => {
    const u = await app.signUp();
    const ch = await app.api('POST', `${u.ws}/channels`, { network: 'webhook', url: 'https://hooks.example.com/varde', secret: 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0' }, u.token);
    expect(ch.status).toBe(201);
    await app.api('PATCH', `${u.ws}/channels/${ch.body.id}`, { name: 'Renamed' }, u.cookie);
    await app.api('POST', `${u.ws}/posts/check`, { text: 'only a check', targets: [] }, u.token);
    const log = await app.api('GET', `${u.ws}/audit`, undefined, u.token);
    expect(log.status).toBe(200);
    const actions = log.body.entries.map((e: any) => e.action);
    expect(actions).toContain('POST /api/v1/workspaces/:workspaceId/channels');
    expect(actions).toContain('PATCH /api/v1/workspaces/:workspaceId/channels/:id');
    expect(actions.some((a: string) => a.endsWith('/posts/check'))).toBe(false);
    const created = log.body.entries.find((e: any) => e.action === 'POST /api/v1/workspaces/:workspaceId/channels');
    expect(created).toMatchObject({ actorKind: 'token', subjectId: ch.body.id });
    expect(created.tokenId).toBeTruthy();
    const renamed = log.body.entries.find((e: any) => e.action.startsWith('PATCH'));
    expect(renamed).toMatchObject({ actorKind: 'session', subjectType: 'channels', subjectId: ch.body.id });
    expect(renamed.sessionId).toBeTruthy();
    const csv = await app.api('GET', `${u.ws}/audit?format=csv`, undefined, u.token);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(String(csv.body).split('\r\n')[0]).toBe('at,actorKind,actorEmail,actorUserId,tokenId,sessionId,action,summary,subjectType,subjectId,status,ip');
    const other = await app.signUp();
    expect((await app.api('GET', `${u.ws}/audit`, undefined, other.token)).status).toBe(404);
  });

  it('never shows network credentials or recovery codes in plaintext: not in the database, the logs or any response', async () => {
    const u = await app.signUp();
    const setup = await app.api('POST', '/api/v1/me/totp/setup', {}, u.cookie);
    const codes: string[] = (await app.api('POST', '/api/v1/me/totp/enable', { code: totpCode(setup.body.secret) }, u.cookie)).body.recoveryCodes;
    expect(codes).toHaveLength(10);
    const secret = 'whsec_' + Buffer.from('a-very-recognisable-signing-secret').toString('base64');
    const res = await app.api('POST', `${u.ws}/channels`, { network: 'webhook', url: 'https://hooks.example.com/x?token=abc', secret }, u.token);
    expect(res.status).toBe(201);
    const everything = JSON.stringify([res.body, (await app.api('GET', `${u.ws}/channels`, undefined, u.token)).body, (await app.api('GET', `${u.ws}/channels/${res.body.id}`, undefined, u.token)).body]);
    expect(everything).not.toContain(secret);
    const tables = ['channels', 'oauth_states', 'network_apps', 'audit_log', 'notifications', 'delivery_attempts', 'users', 'recovery_codes'];
    for (const t of tables) {
      const rows = JSON.stringify(await app.db.db.query(`SELECT * FROM ${t}`));
      expect(rows, t).not.toContain(secret);
      expect(rows, t).not.toContain('a-very-recognisable');
      expect(rows, t).not.toContain(setup.body.secret);
      for (const c of codes) expect(rows, t).not.toContain(c.replace(/-/g, ''));
    }
    const logs = app.logs();
    for (const c of codes) expect(logs).not.toContain(c.replace(/-/g, ''));
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(u.token);
  });
});
