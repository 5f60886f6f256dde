/**
 * Accounts through the HTTP API: sign-up (closed after the first account by default), log-in
 * cookies, log-out, who am I, workspaces, API tokens (shown once, stored hashed, revocable,
 * scoped) and the CSRF check on cookie-authenticated writes.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, type TestApp, type TestUser } from '../support/app.js';
import { allStrings } from './fixtures.js';

const PASSWORD = 'correct horse battery';

describe.each(ENGINES)('accounts on %s', (engine) => {
  let app: TestApp;
  let owner: TestUser;
  const email = `owner-${crypto.randomBytes(3).toString('hex')}@example.com`;

  beforeAll(async () => {
    app = await createTestApp({ engine, env: { VARDE_SIGNUP: 'first' } });
    owner = await app.signUp({ email, name: 'Olga Owner' });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A real HTTP request to the listening server (for Origin/Host/cookie behaviour as browsers send it). */
  const http = (method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) =>
    fetch(`${app.url}${path}`, {
      method,
      headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  const sessionOf = (res: { headers: Record<string, any> }) => String(res.headers['set-cookie']).split(';')[0];

  describe('sign-up', () => {
    it('makes the first user the owner of the first workspace', async () => {
      const me = await app.api('GET', '/api/v1/me', undefined, owner.cookie);
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({ email, name: 'Olga Owner' });
      expect(me.body.user.password_hash).toBeUndefined();
      expect(allStrings(me.body).some((s) => s.startsWith('$argon2'))).toBe(false);
      expect(me.body.workspaces).toEqual([expect.objectContaining({ id: owner.workspaceId, role: 'owner' })]);
      expect(me.body.token).toBeNull();
    });

    it('refuses a second sign-up with 403 and says how to get an account', async () => {
      const res = await app.api('POST', '/api/v1/auth/signup', { email: 'second@example.com', password: PASSWORD, name: 'Second' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(res.body.error.message).toMatch(/sign-up is closed/i);
      expect(res.body.error.message).toMatch(/varde user create|VARDE_SIGNUP=open/);
      expect(res.headers['set-cookie']).toBeUndefined();
      const users = await app.db.db.query(`SELECT email FROM users WHERE email = 'second@example.com'`);
      expect(users).toHaveLength(0);
    });

    it('rejects a short password naming the field', async () => {
      const res = await app.api('POST', '/api/v1/auth/signup', { email: 'x@example.com', password: 'short', name: 'X' });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.password' })]));
    });
  });

  describe('log-in and log-out', () => {
    it('sets an httpOnly, SameSite session cookie that works for /me', async () => {
      const res = await app.api('POST', '/api/v1/auth/login', { email: email.toUpperCase(), password: PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user.email).toBe(email);
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/^varde_session=vs_/);
      expect(setCookie).toMatch(/;\s*HttpOnly/i);
      expect(setCookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
      expect(setCookie).toMatch(/;\s*Path=\//i);
      const me = await app.api('GET', '/api/v1/me', undefined, `cookie:${sessionOf(res)}`);
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe(email);
    });

    it('answers a wrong password and an unknown e-mail alike: 401, no hint which part was wrong', async () => {
      const wrongPassword = await app.api('POST', '/api/v1/auth/login', { email, password: 'not the password' });
      const unknownEmail = await app.api('POST', '/api/v1/auth/login', { email: 'nobody@example.com', password: PASSWORD });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      expect(wrongPassword.body).toEqual(unknownEmail.body);
      expect(wrongPassword.body.error.message).toBe('Wrong e-mail or password');
      expect(wrongPassword.headers['set-cookie']).toBeUndefined();
    });

    it('ends the session on log-out', async () => {
      const login = await app.api('POST', '/api/v1/auth/login', { email, password: PASSWORD });
      const cookie = `cookie:${sessionOf(login)}`;
      const out = await app.api('POST', '/api/v1/auth/logout', undefined, cookie);
      expect(out.status).toBe(204);
      expect(String(out.headers['set-cookie'])).toMatch(/varde_session=;/);
      const me = await app.api('GET', '/api/v1/me', undefined, cookie);
      expect(me.status).toBe(401);
    });

    it('answers /me without credentials with 401 and how to authenticate', async () => {
      const me = await app.api('GET', '/api/v1/me');
      expect(me.status).toBe(401);
      expect(me.body.error.message).toMatch(/Bearer/);
    });
  });

  describe('workspaces', () => {
    it('lets a logged-in user create a second workspace, which they own', async () => {
      const res = await app.api('POST', '/api/v1/workspaces', { name: 'Client B' }, owner.cookie);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: 'Client B', role: 'owner' });
      const list = await app.api('GET', '/api/v1/workspaces', undefined, owner.cookie);
      expect(list.body.workspaces.map((w: any) => w.id)).toEqual([owner.workspaceId, res.body.id]);
      const one = await app.api('GET', `/api/v1/workspaces/${res.body.id}`, undefined, owner.cookie);
      expect(one.status).toBe(200);
      expect(one.body.name).toBe('Client B');
    });

    it('keeps an API token to its own workspace', async () => {
      const create = await app.api('POST', '/api/v1/workspaces', { name: 'Not by token' }, owner.token);
      expect(create.status).toBe(403);
      const list = await app.api('GET', '/api/v1/workspaces', undefined, owner.token);
      expect(list.body.workspaces.map((w: any) => w.id)).toEqual([owner.workspaceId]);
      const me = await app.api('GET', '/api/v1/me', undefined, owner.token);
      expect(me.body.token).toMatchObject({ workspaceId: owner.workspaceId, scopes: ['read', 'write', 'publish', 'admin'] });
    });
  });

  describe('API tokens', () => {
    it('shows the secret once, lists tokens without it and stores only a hash', async () => {
      const created = await app.api('POST', `${owner.ws}/tokens`, { name: 'ci', scopes: ['read', 'write'] }, owner.cookie);
      expect(created.status).toBe(201);
      const secret: string = created.body.token;
      expect(secret).toMatch(/^vrd_[A-Za-z0-9_-]{40,}$/);
      expect(created.body).toMatchObject({ name: 'ci', scopes: ['read', 'write'], prefix: secret.slice(0, 10) });

      const list = await app.api('GET', `${owner.ws}/tokens`, undefined, owner.cookie);
      expect(list.status).toBe(200);
      const listed = list.body.tokens.find((t: any) => t.id === created.body.id);
      expect(listed).toMatchObject({ name: 'ci', prefix: secret.slice(0, 10), revokedAt: null });
      expect(listed.token).toBeUndefined();
      expect(JSON.stringify(list.body)).not.toContain(secret);
      expect(JSON.stringify(list.body)).not.toContain('token_hash');

      const [row] = await app.db.db.query(`SELECT * FROM api_tokens WHERE id = $1`, [created.body.id]);
      expect(row.token_hash).toBe(crypto.createHash('sha256').update(secret).digest('hex'));
      expect(Object.values(row).map(String).some((v) => v.includes(secret))).toBe(false);

      const me = await app.api('GET', '/api/v1/me', undefined, secret);
      expect(me.status).toBe(200);
      expect(me.body.token.id).toBe(created.body.id);
    });

    it('refuses a revoked token with 401', async () => {
      const created = await app.api('POST', `${owner.ws}/tokens`, { name: 'short-lived' }, owner.token);
      expect(created.status).toBe(201);
      expect((await app.api('GET', `${owner.ws}/channels`, undefined, created.body.token)).status).toBe(200);
      const revoke = await app.api('DELETE', `${owner.ws}/tokens/${created.body.id}`, undefined, owner.token);
      expect(revoke.status).toBe(204);
      const after = await app.api('GET', `${owner.ws}/channels`, undefined, created.body.token);
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('unauthorized');
      const again = await app.api('DELETE', `${owner.ws}/tokens/${created.body.id}`, undefined, owner.token);
      expect(again.status).toBe(404);
      const list = await app.api('GET', `${owner.ws}/tokens`, undefined, owner.token);
      expect(list.body.tokens.find((t: any) => t.id === created.body.id).revokedAt).not.toBeNull();
    });

    it('refuses an unknown or malformed token with 401', async () => {
      expect((await app.api('GET', '/api/v1/me', undefined, 'vrd_not-a-real-token')).status).toBe(401);
      const malformed = await app.api('GET', '/api/v1/me', undefined, undefined, { authorization: 'Basic abc' });
      expect(malformed.status).toBe(401);
      expect(malformed.body.error.message).toMatch(/Bearer/);
    });

    it('lets a read-only token read but not write (403)', async () => {
      const created = await app.api('POST', `${owner.ws}/tokens`, { name: 'dashboard', scopes: ['read'] }, owner.token);
      const readOnly: string = created.body.token;
      expect((await app.api('GET', `${owner.ws}/channels`, undefined, readOnly)).status).toBe(200);
      expect((await app.api('GET', `${owner.ws}/posts`, undefined, readOnly)).status).toBe(200);
      const channel = await app.api('POST', `${owner.ws}/channels`, { network: 'webhook', url: 'https://example.com/hook' }, readOnly);
      expect(channel.status).toBe(403);
      expect(channel.body.error.message).toMatch(/scope/);
      const post = await app.api('POST', `${owner.ws}/posts`, { text: 'hi' }, readOnly);
      expect(post.status).toBe(403);
      const token = await app.api('POST', `${owner.ws}/tokens`, { name: 'escalate', scopes: ['read'] }, readOnly);
      expect(token.status).toBe(403);
      expect((await app.db.db.query(`SELECT 1 FROM posts WHERE workspace_id = $1`, [owner.workspaceId])).length).toBe(0);
    });

    it('does not let a token without the admin scope mint tokens', async () => {
      const writer = await app.api('POST', `${owner.ws}/tokens`, { name: 'writer', scopes: ['read', 'write'] }, owner.token);
      // A read/write token cannot even manage tokens (admin), let alone mint a publish token.
      const escalate = await app.api('POST', `${owner.ws}/tokens`, { name: 'more', scopes: ['publish'] }, writer.body.token);
      expect(escalate.status).toBe(403);
    });
  });

  describe('CSRF', () => {
    const body = () => ({ name: `ws-${crypto.randomBytes(3).toString('hex')}` });

    it('refuses a cookie-authenticated POST without Origin, or from another origin', async () => {
      const before = (await app.db.db.query(`SELECT count(*)::int AS n FROM workspaces`))[0].n;
      const cookie = owner.cookie.slice('cookie:'.length);
      const none = await http('POST', '/api/v1/workspaces', { body: body(), headers: { cookie } });
      expect(none.status).toBe(403);
      expect((await none.json()).error.message).toMatch(/Cross-site/);
      const evil = await http('POST', '/api/v1/workspaces', { body: body(), headers: { cookie, origin: 'https://evil.example' } });
      expect(evil.status).toBe(403);
      const after = (await app.db.db.query(`SELECT count(*)::int AS n FROM workspaces`))[0].n;
      expect(after).toBe(before);
    });

    it('accepts the same POST from our own origin', async () => {
      const cookie = owner.cookie.slice('cookie:'.length);
      const res = await http('POST', '/api/v1/workspaces', { body: body(), headers: { cookie, origin: app.url } });
      expect(res.status).toBe(201);
      const viaReferer = await http('POST', '/api/v1/workspaces', { body: body(), headers: { cookie, referer: `${app.url}/calendar` } });
      expect(viaReferer.status).toBe(201);
    });

    it('lets cookie GETs through without Origin', async () => {
      const cookie = owner.cookie.slice('cookie:'.length);
      const res = await http('GET', '/api/v1/me', { headers: { cookie } });
      expect(res.status).toBe(200);
    });

    it('does not ask Bearer requests for an Origin', async () => {
      const res = await http('POST', `${owner.ws}/tokens`, { body: { name: 'script' }, headers: { authorization: `Bearer ${owner.token}` } });
      expect(res.status).toBe(201);
    });
  });
});
