/**
 * Serving the web app: hashed assets cached for a year (precompressed when asked), index.html for
 * every deep link outside /api (revalidated, with a CSP), JSON 404s under /api, and a page that
 * says how to build the app when web/dist is missing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app/context.js';
import { createRegistry } from '../providers/registry.js';
import { registerErrorHandler } from './errors.plugin.js';
import { registerWebApp } from './web.plugin.js';

const JS = 'console.log("varde");'.repeat(100);

async function serve(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await registerWebApp(app, { providers: createRegistry(), db: null } as unknown as AppContext, { distDir });
  await app.ready();
  return app;
}

describe('web app serving', () => {
  let dist: string;
  let app: FastifyInstance;
  let missing: FastifyInstance;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), JS);
    fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js.gz'), zlib.gzipSync(JS));
    app = await serve(dist);
    missing = await serve(path.join(dist, 'nothing-here'));
  });
  afterAll(async () => {
    await app?.close();
    await missing?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('sends hashed assets with a year of caching, gzipped when the browser accepts it', async () => {
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(JS);
    const gz = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(JS);
  });

  it('answers deep links with index.html, revalidated and with a content security policy', async () => {
    for (const url of ['/', '/w/123/calendar', '/login?next=%2F']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.body).toContain('<div id="root">');
    }
    expect((await app.inject({ url: '/favicon.svg' })).headers['cache-control']).toBe('public, max-age=3600');
  });

  it('keeps /api and unknown assets JSON 404s', async () => {
    const api = await app.inject({ url: '/api/v1/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /api/v1/nothing' } });
    expect((await app.inject({ url: '/assets/gone-123.js' })).statusCode).toBe(404);
  });

  it('explains how to build the app when web/dist is missing', async () => {
    const res = await missing.inject({ url: '/w/123/calendar' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
  });
});
