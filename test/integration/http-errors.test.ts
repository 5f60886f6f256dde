/**
 * The HTTP edge: every error is `{"error":{"code","message","details"}}` with the right status,
 * nothing is saved on bad input, no response ever carries a stack trace or a file path (the 500
 * path included), security headers are on every answer, and the health check and the OpenAPI
 * document are served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, makePng, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { countRows } from './fixtures.js';

/** A stack frame or a source path, in any response body. */
const LEAK = /\bat [\w$.<>]+ \(|\bat (file:\/\/|\/)|node_modules|\/src\/[\w/.-]+\.(ts|js)|\.ts:\d+/;

const MEDIA_LIMIT = 300_000;

describe.each(ENGINES)('HTTP errors on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;
  const seen: Array<{ what: string; status: number; raw: string }> = [];

  beforeAll(async () => {
    app = await createTestApp({ engine, env: { VARDE_MEDIA_LIMIT_BYTES: String(MEDIA_LIMIT) } });
    user = await app.signUp();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A raw request (no JSON encoding by the helper); remembers every answer for the leak check. */
  async function raw(what: string, method: string, url: string, payload?: string | Buffer, headers: Record<string, string> = {}) {
    const res = await app.varde.server!.inject({ method: method as any, url, payload, headers: { authorization: `Bearer ${user.token}`, ...headers } });
    seen.push({ what, status: res.statusCode, raw: res.body });
    let body: any;
    try {
      body = JSON.parse(res.body);
    } catch {
      body = res.body;
    }
    return { status: res.statusCode, body, headers: res.headers };
  }

  it('answers malformed JSON with 400 bad_request and saves nothing', async () => {
    const before = await countRows(app, 'posts');
    const res = await raw('malformed JSON', 'POST', `${user.ws}/posts`, '{"text": "unfinished', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: 'The request body is not valid JSON' } });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(await countRows(app, 'posts')).toBe(before);
  });

  it('answers an empty JSON body with 400 saying so', async () => {
    const res = await raw('empty JSON', 'POST', `${user.ws}/posts`, '', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(/empty/);
  });

  it('answers a JSON body over the 1 MB limit with 413 and saves nothing', async () => {
    const before = await countRows(app, 'posts');
    const big = JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) });
    const res = await raw('1 MB JSON', 'POST', `${user.ws}/posts`, big, { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: { code: 'payload_too_large', message: 'The request body is too large' } });
    expect(await countRows(app, 'posts')).toBe(before);
  });

  it.each([
    ['application/xml', '<post><text>hi</text></post>'],
    ['text/plain', 'hi'],
    ['application/x-www-form-urlencoded', 'text=hi'],
    ['multipart/form-data; boundary=x', '--x--'],
  ])('answers a %s body on a JSON route with 415 and saves nothing', async (type, payload) => {
    const before = await countRows(app, 'posts');
    const res = await raw(`content type ${type}`, 'POST', `${user.ws}/posts`, payload, { 'content-type': type });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    expect(res.body.error.message).toContain(type.split(';')[0]);
    expect(await countRows(app, 'posts')).toBe(before);
  });

  describe('uploads', () => {
    it('checks the content, not the claimed type: text sent as image/png is 415', async () => {
      const before = await countRows(app, 'media');
      const res = await raw('fake PNG', 'POST', `${user.ws}/media?filename=cat.png`, Buffer.from('I am not a picture, just text.\n'), { 'content-type': 'image/png' });
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
      expect(res.body.error.message).toMatch(/JPEG, PNG/);
      expect(await countRows(app, 'media')).toBe(before);
    });

    it('reads the real type from the bytes whatever the header says', async () => {
      const res = await raw('PNG as octet-stream', 'POST', `${user.ws}/media?filename=x.bin`, Buffer.from(makePng(3, 2)), { 'content-type': 'application/octet-stream' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ mime: 'image/png', kind: 'image', width: 3, height: 2, filename: 'x.bin' });
    });

    it('refuses an empty upload (400) and one over the media limit (413), saving nothing', async () => {
      const before = await countRows(app, 'media');
      const empty = await raw('empty upload', 'POST', `${user.ws}/media`, Buffer.alloc(0), { 'content-type': 'image/png' });
      expect(empty.status).toBe(400);
      const big = await raw('big upload', 'POST', `${user.ws}/media`, Buffer.from(makePng(8, 8, MEDIA_LIMIT + 1000)), { 'content-type': 'image/png' });
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('payload_too_large');
      expect(await countRows(app, 'media')).toBe(before);
    });
  });

  it('answers an unknown API route with a JSON 404', async () => {
    for (const [method, url] of [['GET', '/api/v1/nope'], ['POST', '/api/v1/workspaces/x/teleport'], ['DELETE', '/api/v1/me'], ['GET', '/api/nope'], ['PUT', '/no/such/page']]) {
      const res = await raw('unknown route', method, url);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: `No route for ${method} ${url}` } });
    }
  });

  it('lists every invalid field in details', async () => {
    const res = await raw('validation', 'POST', `${user.ws}/posts`, JSON.stringify({ text: 42, media: [{ mediaId: 'nope' }], targets: 'all', schedule: { mode: 'at', at: 5 } }), { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    const fields = res.body.error.details.map((d: any) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.text', 'body.media.0.mediaId', 'body.targets', 'body.schedule.at']));
    for (const d of res.body.error.details) expect(d.message).toEqual(expect.any(String));
    expect(res.body.error.message).toMatch(/^Invalid request: body\./);
    const query = await raw('bad query', 'GET', `${user.ws}/posts?limit=0&status=nope`);
    expect(query.body.error.details.map((d: any) => d.field)).toEqual(expect.arrayContaining(['querystring.limit', 'querystring.status']));
    const params = await raw('bad params', 'GET', '/api/v1/workspaces/not-a-uuid/posts');
    expect(params.status).toBe(400);
    expect(params.body.error.details).toEqual([expect.objectContaining({ field: 'params.workspaceId', message: 'must be a workspace id (uuid)' })]);
  });

  it('answers an unexpected failure with a generic 500 and no internals, and /healthz with 503', async () => {
    const db = app.varde.ctx.db;
    const query = db.query;
    const secret = 'password authentication failed for user "varde" at /work/main/src/db/client.ts:42';
    db.query = (async () => {
      throw new Error(secret);
    }) as typeof db.query;
    try {
      const res = await raw('database down', 'GET', `${user.ws}/posts`);
      expect([500, 503]).toContain(res.status);
      expect(res.body).toEqual({ error: { code: 'internal', message: 'Something went wrong on the server; it has been logged' } });
      expect(JSON.stringify(res.body)).not.toContain('password');
      const health = await raw('health while down', 'GET', '/healthz');
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ status: 'unavailable', database: 'down' });
    } finally {
      db.query = query;
    }
    expect((await raw('after recovery', 'GET', `${user.ws}/posts`)).status).toBe(200);
  });

  it('answers a closed database with 5xx and a generic message', async () => {
    const throwaway = await createTestApp({ engine });
    const who = await throwaway.signUp();
    const close = throwaway.db.db.close.bind(throwaway.db.db);
    await throwaway.varde.worker?.stop();
    await close();
    throwaway.db.db.close = async () => {}; // already closed: let the app's own shutdown through
    try {
      const res = await throwaway.api('GET', `${who.ws}/channels`, undefined, who.token);
      seen.push({ what: 'closed database', status: res.status, raw: JSON.stringify(res.body) });
      expect([500, 503]).toContain(res.status);
      expect(res.body.error.message).toBe('Something went wrong on the server; it has been logged');
    } finally {
      await throwaway.close().catch(() => {});
    }
  });

  it('sends security headers on every answer', async () => {
    for (const url of ['/healthz', `${user.ws}/posts`, '/api/v1/nope', '/api/openapi.json']) {
      const res = await raw('headers', 'GET', url);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });

  it('answers /healthz with {"status":"ok"}', async () => {
    const res = await waitFor(async () => {
      const r = await app.api('GET', '/healthz');
      return r.status === 200 && r;
    }, 10_000, 'healthz');
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('serves an OpenAPI 3.1 document listing the routes, and a browsable reference', async () => {
    const doc = await app.api('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.info.title).toBe('Varde API');
    const paths = Object.keys(doc.body.paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/v1/auth/signup', '/api/v1/me', '/api/v1/workspaces/{workspaceId}/channels', '/api/v1/workspaces/{workspaceId}/posts',
      '/api/v1/workspaces/{workspaceId}/posts/check', '/api/v1/workspaces/{workspaceId}/posts/{id}', '/api/v1/workspaces/{workspaceId}/media',
      '/api/v1/workspaces/{workspaceId}/deliveries/{id}/retry',
    ]));
    expect(paths).not.toContain('/healthz');
    const create = doc.body.paths['/api/v1/workspaces/{workspaceId}/posts'].post;
    expect(create.requestBody.content['application/json'].schema.properties).toHaveProperty('targets');
    expect(doc.body.components.securitySchemes).toHaveProperty('bearer');

    let page = await app.api('GET', '/api/docs');
    if (page.status >= 300 && page.status < 400) page = await app.api('GET', new URL(page.headers.location, 'http://x/api/docs').pathname);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(String(page.body)).toMatch(/<html/i);
  });

  it('never put a stack trace or a source path in any answer above', () => {
    expect(seen.length).toBeGreaterThan(15);
    const leaks = seen.filter((s) => LEAK.test(s.raw)).map((s) => `${s.what} (${s.status}): ${s.raw.slice(0, 300)}`);
    expect(leaks).toEqual([]);
    expect(seen.filter((s) => s.status >= 400).every((s) => /^\{"error":\{"code":"\w+","message":/.test(s.raw) || s.what === 'health while down')).toBe(true);
  });
});
