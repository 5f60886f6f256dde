/**
 * The small API routes the web app relies on: first-run state, the networks this server offers
 * (and what is missing to configure the others), and link previews read through the URL guard.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../test/support/app.js';
import { NETWORKS } from '../core/networks.js';

/** A 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('web app support routes', () => {
  let app: TestApp;
  let user: TestUser;
  let page: http.Server;
  let pageUrl: string;

  beforeAll(async () => {
    app = await createTestApp();
    page = http.createServer((req, res) => {
      if (req.url === '/card.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      if (req.url === '/card.svg') return void res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      if (req.url === '/huge.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(1_200_000));
      if (req.url === '/gone.png') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><meta property="og:title" content="Spring launch"><meta property="og:description" content="All about it"><meta property="og:image" content="/card.png"></head></html>');
    });
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', () => r()));
    pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/launch`;
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((r) => page?.close(r));
  });

  it('tells the sign-in screens whether this is a first run', async () => {
    expect((await app.api('GET', '/api/v1/instance')).body).toEqual({ needsFirstAccount: true, signupOpen: true });
    user = await app.signUp();
    expect((await app.api('GET', '/api/v1/instance')).body).toEqual({ needsFirstAccount: false, signupOpen: true });
  });

  it('lists every network, with what this server offers and how to connect it', async () => {
    expect((await app.api('GET', '/api/v1/networks')).status).toBe(401);
    const { body } = await app.api('GET', '/api/v1/networks', undefined, user.token);
    expect(body.networks.map((n: { network: string }) => n.network)).toEqual([...NETWORKS]);
    const byNetwork = Object.fromEntries(body.networks.map((n: { network: string }) => [n.network, n]));
    expect(byNetwork.webhook).toMatchObject({ name: 'Webhook', offered: true, configured: true, missingSettings: [], connect: 'form' });
    expect(byNetwork.bluesky).toMatchObject({ offered: true, configured: true, connect: 'form' });
    for (const n of body.networks) {
      if (n.offered && !n.configured) expect(n.missingSettings.length).toBeGreaterThan(0);
      if (!n.offered) expect(n).toMatchObject({ configured: false, connect: null });
    }
  });

  it('previews a link from its Open Graph tags, and says why when it cannot', async () => {
    const ok = await app.api('GET', `${user.ws}/link-preview?url=${encodeURIComponent(pageUrl)}`, undefined, user.token);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ url: pageUrl, title: 'Spring launch', description: 'All about it', imageUrl: pageUrl.replace('/launch', '/card.png') });
    const blocked = await app.api('GET', `${user.ws}/link-preview?url=${encodeURIComponent('http://10.1.2.3/private')}`, undefined, user.token);
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.details).toEqual({ reason: 'blocked_address' });
    expect((await app.api('GET', `${user.ws}/link-preview?url=ftp%3A%2F%2Fexample.com`, undefined, user.token)).status).toBe(400);
  });

  it('passes on a card image fetched by the server (http: sites too), raster images only, through the guard', async () => {
    const imageUrl = pageUrl.replace('/launch', '/card.png');
    const path = (u: string) => `${user.ws}/link-preview/image?url=${encodeURIComponent(u)}`;
    const ok = await app.api('GET', path(imageUrl), undefined, user.token);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('image/png');
    expect(Number(ok.headers['content-length'])).toBe(PNG.length);
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['content-security-policy']).toContain('sandbox');
    // Not for strangers, and nothing but raster images of at most 1,000,000 bytes from public addresses.
    expect((await app.api('GET', path(imageUrl))).status).toBe(401);
    const svg = await app.api('GET', path(pageUrl.replace('/launch', '/card.svg')), undefined, user.token);
    expect(svg.status).toBe(422);
    expect(svg.body.error.details).toEqual({ reason: 'not_image' });
    expect((await app.api('GET', path(pageUrl.replace('/launch', '/huge.png')), undefined, user.token)).status).toBe(422);
    expect((await app.api('GET', path(pageUrl), undefined, user.token)).body.error.details).toEqual({ reason: 'not_image' });
    expect((await app.api('GET', path(pageUrl.replace('/launch', '/gone.png')), undefined, user.token)).body.error.details).toEqual({ reason: 'http_status' });
    const blocked = await app.api('GET', path('http://10.1.2.3/card.png'), undefined, user.token);
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.details).toEqual({ reason: 'blocked_address' });
    expect((await app.api('GET', `${user.ws}/link-preview/image?url=javascript%3Aalert(1)`, undefined, user.token)).status).toBe(400);
  });
});
