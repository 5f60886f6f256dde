/**
 * Bluesky end to end through Varde itself: connect over the API, compose with every facet kind,
 * images with alt text, a link card and a thread, let the worker publish, then read the records
 * back from a real local PDS; delete them again through the API.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uploadPng, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { startPds, type TestPds } from '../support/pds.js';

describe('Bluesky through the publishing pipeline', () => {
  let pds: TestPds;
  let app: TestApp;
  let user: TestUser;
  let channelId: string;
  let site: http.Server;
  let siteUrl: string;

  beforeAll(async () => {
    pds = await startPds();
    site = http.createServer((req, res) => {
      if (req.url === '/og.png') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><meta property="og:title" content="Varde launch"><meta property="og:description" content="Plan once, publish everywhere."></head><body>hi</body></html>');
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/launch`;
    app = await createTestApp();
    user = await app.signUp();
    const ch = await app.api('POST', `${user.ws}/channels`, { network: 'bluesky', handle: pds.accounts.alice.handle, appPassword: pds.accounts.alice.appPassword, pdsUrl: pds.url }, user.token);
    expect(ch.status, JSON.stringify(ch.body)).toBe(201);
    expect(JSON.stringify(ch.body)).not.toContain(pds.accounts.alice.appPassword);
    channelId = ch.body.id;
  });

  afterAll(async () => {
    await app?.close();
    await pds?.close();
    site?.close();
  });

  const listPosts = async () => {
    const res = await pds.agentFor('alice').com.atproto.repo.listRecords({ repo: pds.accounts.alice.did, collection: 'app.bsky.feed.post', limit: 100 });
    return res.data.records;
  };

  const publishAndWait = async (body: Record<string, unknown>) => {
    const post = await app.api('POST', `${user.ws}/posts`, { ...body, targets: [{ channelId }], schedule: { mode: 'now' } }, user.token);
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    return waitFor(async () => {
      const p = await app.api('GET', `${user.ws}/posts/${post.body.id}`, undefined, user.token);
      return ['published', 'failed', 'needs_attention'].includes(p.body.status) && p.body;
    }, 20_000, 'the post to be published');
  };

  it('publishes facets, images with alt text and a thread, exactly as composed', async () => {
    const before = (await listPosts()).length;
    const img1 = await uploadPng(app, user, { width: 12, height: 8 });
    const img2 = await uploadPng(app, user, { width: 8, height: 8 });
    const text = `Hei 👨‍👩‍👧 日本語 @${pds.accounts.bob.handle} see https://example.com/a #Varde`;
    const done = await publishAndWait({ text, media: [{ mediaId: img1, alt: 'first' }, { mediaId: img2, alt: 'second' }], followups: [{ text: 'Part two 🧵', media: [] }] });
    expect(done.status).toBe('published');
    const d = done.deliveries[0];
    expect(d.url).toMatch(/^https:\/\/bsky\.app\/profile\/alice\.test\/post\//);

    const records = await listPosts();
    expect(records.length - before).toBe(2);
    const root = records.find((r) => (r.value as any).text === text)!;
    const reply = records.find((r) => (r.value as any).text === 'Part two 🧵')!;
    const value = root.value as any;
    const bytes = Buffer.from(text, 'utf8');
    const slice = (f: any) => bytes.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8');
    const kinds = Object.fromEntries(value.facets.map((f: any) => [f.features[0].$type, f]));
    expect(slice(kinds['app.bsky.richtext.facet#mention'])).toBe(`@${pds.accounts.bob.handle}`);
    expect(kinds['app.bsky.richtext.facet#mention'].features[0].did).toBe(pds.accounts.bob.did);
    expect(slice(kinds['app.bsky.richtext.facet#link'])).toBe('https://example.com/a');
    expect(slice(kinds['app.bsky.richtext.facet#tag'])).toBe('#Varde');
    expect(kinds['app.bsky.richtext.facet#tag'].features[0].tag).toBe('Varde');
    expect(value.embed.$type).toBe('app.bsky.embed.images');
    expect(value.embed.images.map((i: any) => i.alt)).toEqual(['first', 'second']);
    expect((reply.value as any).reply.root.uri).toBe(root.uri);
    expect((reply.value as any).reply.parent.uri).toBe(root.uri);
    // The record key is derived from the delivery's idempotency key.
    expect(root.uri.endsWith(`/${d.idempotencyKey}`)).toBe(true);
  });

  it('builds a link card from the page’s Open Graph tags', async () => {
    const done = await publishAndWait({ text: 'Read about the launch', link: siteUrl });
    expect(done.status).toBe('published');
    const rec = (await listPosts()).find((r) => (r.value as any).text === 'Read about the launch')!;
    const embed = (rec.value as any).embed;
    expect(embed.$type).toBe('app.bsky.embed.external');
    expect(embed.external).toMatchObject({ uri: siteUrl, title: 'Varde launch', description: 'Plan once, publish everywhere.' });
  });

  it('deletes every part of a published thread from the network', async () => {
    const done = await publishAndWait({ text: 'Short-lived', followups: [{ text: 'Also short-lived', media: [] }] });
    const before = (await listPosts()).length;
    const res = await app.api('POST', `${user.ws}/deliveries/${done.deliveries[0].id}/unpublish`, undefined, user.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.deliveries[0].state).toBe('deleted');
    expect(res.body.status).toBe('deleted');
    expect((await listPosts()).length).toBe(before - 2);
  });

  it('refuses a wrong app password at connect with the PDS’s reason, saving nothing', async () => {
    const res = await app.api('POST', `${user.ws}/channels`, { network: 'bluesky', handle: pds.accounts.bob.handle, appPassword: 'wrong-wrong-wrong', pdsUrl: pds.url }, user.token);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/Bluesky/);
    const list = await app.api('GET', `${user.ws}/channels`, undefined, user.token);
    expect(list.body.channels).toHaveLength(1);
  });
});
