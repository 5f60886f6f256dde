/**
 * The Bluesky provider against a real PDS (@atproto/dev-env) on local ports, through Varde's
 * guarded HTTP client with the PDS and a local web page allow-listed. Records are read back from
 * the PDS, so facets, embeds, reply chains and exactly-once publishing are checked as stored.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTid, deriveTid } from '../../src/core/tid.js';
import { createGuardedHttp, type GuardedHttpClient } from '../../src/net/guarded-http.js';
import { HttpFailure, type HttpClient } from '../../src/net/http.types.js';
import type { ConnectResult, Credentials, MediaItem, PublishContent, PublishedPart, ProviderContext } from '../../src/providers/contract.js';
import { ProviderError } from '../../src/providers/provider-error.js';
import { blueskyProvider } from '../../src/providers/bluesky/bluesky.provider.js';
import { fetchLinkPreview } from '../../src/providers/bluesky/link-preview.js';
import { encodePng } from '../support/png.js';
import { startPds, type TestPds } from '../support/pds.js';
import { contextDefaults } from '../support/provider-context.js';

const POST = 'app.bsky.feed.post';

let pds: TestPds;
let site: http.Server;
let siteUrl: string;
let closedPort: number;
let guarded: GuardedHttpClient;
let alice: ConnectResult;

const OG_IMAGE = encodePng(120, 63, 7);

function startSite(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><title>Fallback</title>
        <meta property="og:title" content="Varde &amp; the beacon fires">
        <meta property="og:description" content="One message across a whole country — 日本語 too.">
        <meta property="og:image" content="/og.png"></head><body>Hi</body></html>`);
    } else if (req.url === '/og.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(OG_IMAGE);
    } else {
      res.writeHead(404).end('not here');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  const started = Date.now();
  pds = await startPds();
  console.info(`PDS with two accounts ready in ${Date.now() - started} ms at ${pds.url}`);
  site = await startSite();
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  closedPort = await freePort();
  guarded = createGuardedHttp({
    allowHosts: [`localhost:${pds.port}`, `127.0.0.1:${pds.port}`, new URL(siteUrl).host, `localhost:${closedPort}`],
  });
  alice = await connect('alice');
}, 60_000);

afterAll(async () => {
  guarded?.close();
  await new Promise((resolve) => site?.close(resolve));
  await pds?.close();
});

function connect(name: 'alice' | 'bob', password = pds.accounts[name].appPassword, httpClient: HttpClient = guarded) {
  return blueskyProvider.connect({ handle: pds.accounts[name].handle, appPassword: password, pdsUrl: pds.url }, httpClient);
}

interface TestContext extends ProviderContext {
  saved: Credentials[];
  announced: [number, PublishedPart][];
}

function contextFor(connected: ConnectResult, overrides: Partial<ProviderContext> = {}): TestContext {
  const saved: Credentials[] = [];
  const announced: [number, PublishedPart][] = [];
  return {
    ...contextDefaults(),
    idempotencyKey: createTid(),
    credentials: connected.credentials,
    settings: connected.settings ?? {},
    http: guarded,
    saveCredentials: async (next) => void saved.push(next),
    onPartPublished: async (i, part) => void announced.push([i, part]),
    ...overrides,
    saved,
    announced,
  };
}

function content(parts: (string | { text: string; media: MediaItem[] })[], link?: string): PublishContent {
  return {
    parts: parts.map((p) => (typeof p === 'string' ? { text: p, media: [] } : p)),
    link: link ?? null,
    meta: { postId: randomUUID(), deliveryId: randomUUID(), dueAt: null },
  };
}

function pngItem(width: number, height: number, alt: string | null, seed: number): MediaItem {
  const bytes = encodePng(width, height, seed);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { id: randomUUID(), mime: 'image/png', kind: 'image', size: bytes.length, width, height, alt, sha256, read: async () => bytes };
}

function rkeyOf(uri: string): string {
  return uri.split('/').pop() ?? '';
}

async function readRecord(uri: string): Promise<{ uri: string; cid?: string; value: any }> {
  const { data } = await pds.agentFor('alice').com.atproto.repo.getRecord({ repo: alice.account.externalId, collection: POST, rkey: rkeyOf(uri) });
  return data;
}

/** Alice's posts whose text is `text`, counted on the PDS. */
async function countPosts(text: string): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const { data } = await pds.agentFor('alice').com.atproto.repo.listRecords({ repo: alice.account.externalId, collection: POST, limit: 100, cursor });
    count += data.records.filter((r) => (r.value as { text?: string }).text === text).length;
    cursor = data.records.length === 100 ? data.cursor : undefined;
  } while (cursor);
  return count;
}

function unique(text: string): string {
  return `${text} ${randomUUID().slice(0, 8)}`;
}

function byteRange(text: string, needle: string) {
  const byteStart = Buffer.from(text).indexOf(Buffer.from(needle));
  return { byteStart, byteEnd: byteStart + Buffer.byteLength(needle) };
}

async function expectProviderError(promise: Promise<unknown>, kind: ProviderError['kind']): Promise<ProviderError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  expect((err as ProviderError).kind).toBe(kind);
  return err as ProviderError;
}

describe('Bluesky provider on a real PDS', { timeout: 60_000 }, () => {
  describe('connect', () => {
    it('logs in with an app password and returns what to store', () => {
      expect(alice.account).toEqual({
        externalId: pds.accounts.alice.did,
        handle: 'alice.test',
        name: 'alice.test', // no app view in dev-env: getProfile fails, the handle stands in
        profileUrl: 'https://bsky.app/profile/alice.test',
      });
      expect(alice.settings).toEqual({ pdsUrl: pds.url });
      expect(alice.credentials).toMatchObject({ did: pds.accounts.alice.did, handle: 'alice.test', appPassword: pds.accounts.alice.appPassword });
      expect(alice.credentials.accessJwt).toEqual(expect.any(String));
      expect(alice.credentials.refreshJwt).toEqual(expect.any(String));
    });

    it('refuses a wrong app password with the network’s message', async () => {
      const err = await expectProviderError(connect('alice', 'wrong-pass-word-xxxx'), 'rejected');
      expect(err.message).toBe('Bluesky refused the handle or app password: Invalid identifier or password');
    });

    it('refuses the account password: only app passwords are stored', async () => {
      const err = await expectProviderError(connect('alice', pds.accounts.alice.password), 'rejected');
      expect(err.message).toMatch(/app password/);
    });

    it('reports a PDS that is down as transient', async () => {
      const attempt = blueskyProvider.connect(
        { handle: 'alice.test', appPassword: pds.accounts.alice.appPassword, pdsUrl: `http://localhost:${closedPort}` },
        guarded,
      );
      await expectProviderError(attempt, 'transient');
    });
  });

  describe('publish', () => {
    it('stores link, mention and hashtag facets at the right UTF-8 byte offsets', async () => {
      const text = unique('👨‍👩‍👧 家族で日本へ！ @bob.test 見て https://varde.example/旅. #旅行 (not @ghost.test)');
      const ctx = contextFor(alice);
      const result = await blueskyProvider.publish(ctx, content([text]));

      const rkey = deriveTid(ctx.idempotencyKey, 0);
      expect(result.externalId).toBe(`at://${pds.accounts.alice.did}/${POST}/${rkey}`);
      expect(result.url).toBe(`https://bsky.app/profile/alice.test/post/${rkey}`);
      const record = await readRecord(result.externalId);
      expect(result.parts).toEqual([{ externalId: result.externalId, url: result.url, ref: { uri: result.externalId, cid: record.cid } }]);
      expect(record.value.text).toBe(text);
      expect(record.value.facets).toEqual([
        { $type: 'app.bsky.richtext.facet', index: byteRange(text, '@bob.test'), features: [{ $type: 'app.bsky.richtext.facet#mention', did: pds.accounts.bob.did }] },
        { $type: 'app.bsky.richtext.facet', index: byteRange(text, 'https://varde.example/旅'), features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://varde.example/旅' }] },
        { $type: 'app.bsky.richtext.facet', index: byteRange(text, '#旅行'), features: [{ $type: 'app.bsky.richtext.facet#tag', tag: '旅行' }] },
      ]);
      expect(ctx.announced).toEqual([[0, result.parts[0]]]);
    });

    it('uploads two images with alt text and aspect ratios', async () => {
      const images = [pngItem(64, 48, 'A gradient, wide', 1), pngItem(30, 60, null, 2)];
      const result = await blueskyProvider.publish(contextFor(alice), content([{ text: unique('Two pictures'), media: images }]));
      const { value } = await readRecord(result.externalId);
      expect(value.embed.$type).toBe('app.bsky.embed.images');
      expect(value.embed.images.map((i: any) => [i.alt, i.aspectRatio, i.image.mimeType, i.image.size])).toEqual([
        ['A gradient, wide', { width: 64, height: 48 }, 'image/png', images[0].size],
        ['', { width: 30, height: 60 }, 'image/png', images[1].size],
      ]);
      const blob = await pds.agentFor('alice').com.atproto.sync.getBlob({ did: alice.account.externalId, cid: value.embed.images[0].image.ref.toString() });
      expect(Buffer.from(blob.data).equals(Buffer.from(await images[0].read()))).toBe(true);
    });

    it('refuses five images, an image over 2 MB, an over-long follow-up or a bad link before calling the PDS', async () => {
      const calls: string[] = [];
      const spy: HttpClient = (url, req) => (calls.push(url), guarded(url, req));
      const five = Array.from({ length: 5 }, (_, i) => pngItem(8, 8, null, i));
      await expectProviderError(blueskyProvider.publish(contextFor(alice, { http: spy }), content([{ text: 'five', media: five }])), 'rejected');
      const huge = { ...pngItem(8, 8, null, 9), size: 2_000_001 };
      await expectProviderError(blueskyProvider.publish(contextFor(alice, { http: spy }), content(['ok', { text: 'huge', media: [huge] }])), 'rejected');
      const longFollowUp = content(['ok', 'fine', 'é'.repeat(301)]);
      const err = await expectProviderError(blueskyProvider.publish(contextFor(alice, { http: spy }), longFollowUp), 'rejected');
      expect(err.message).toMatch(/Follow-up 2 is longer than Bluesky's 300 characters/);
      await expectProviderError(blueskyProvider.publish(contextFor(alice, { http: spy }), content(['ok'], 'javascript:alert(1)')), 'rejected');
      expect(calls).toEqual([]);
    });

    it('builds a link card from the page’s Open Graph tags, with its image as thumb', async () => {
      const link = `${siteUrl}/article`;
      const result = await blueskyProvider.publish(contextFor(alice), content([unique('Read this')], link));
      const { value } = await readRecord(result.externalId);
      expect(value.embed.$type).toBe('app.bsky.embed.external');
      expect(value.embed.external).toMatchObject({
        uri: link,
        title: 'Varde & the beacon fires',
        description: 'One message across a whole country — 日本語 too.',
        thumb: { mimeType: 'image/png', size: OG_IMAGE.length },
      });
    });

    it('still posts, with the URL as the card title, when the page cannot be fetched', async () => {
      for (const link of ['http://192.168.77.1/blocked', `${siteUrl}/missing`]) {
        const result = await blueskyProvider.publish(contextFor(alice), content([unique('Card fallback')], link));
        const { value } = await readRecord(result.externalId);
        expect(value.embed.external).toEqual({ uri: link, title: link, description: '' });
      }
    });

    it('previews a link for the dry-run, and reports a blocked one', async () => {
      await expect(fetchLinkPreview(guarded, `${siteUrl}/article`)).resolves.toEqual({
        url: `${siteUrl}/article`,
        title: 'Varde & the beacon fires',
        description: 'One message across a whole country — 日本語 too.',
        imageUrl: `${siteUrl}/og.png`,
      });
      const err = await fetchLinkPreview(guarded, 'http://10.1.2.3/').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpFailure);
      expect((err as HttpFailure).kind).toBe('blocked_address');
    });

    it('publishes a thread as a reply chain', async () => {
      const ctx = contextFor(alice);
      const texts = [unique('Thread 1/3'), unique('Thread 2/3'), unique('Thread 3/3')];
      const result = await blueskyProvider.publish(ctx, content(texts));
      expect(result.parts.map((p) => rkeyOf(p.externalId))).toEqual([0, 1, 2].map((i) => deriveTid(ctx.idempotencyKey, i)));
      const records = await Promise.all(result.parts.map((p) => readRecord(p.externalId)));
      const ref = (i: number) => ({ uri: records[i].uri, cid: records[i].cid });
      expect(records.map((r) => r.value.text)).toEqual(texts);
      expect(records[0].value.reply).toBeUndefined();
      expect(records[1].value.reply).toEqual({ root: ref(0), parent: ref(0) });
      expect(records[2].value.reply).toEqual({ root: ref(0), parent: ref(1) });
      expect(ctx.announced.map(([i, part]) => [i, part.externalId])).toEqual(result.parts.map((p, i) => [i, p.externalId]));
    });
  });

  describe('exactly once', () => {
    it('publishing the same content with the same key twice leaves one post', async () => {
      const text = unique('Only once');
      const key = createTid();
      const first = await blueskyProvider.publish(contextFor(alice, { idempotencyKey: key }), content([text]));
      const second = await blueskyProvider.publish(contextFor(alice, { idempotencyKey: key }), content([text]));
      expect(second.parts).toEqual(first.parts);
      expect(await countPosts(text)).toBe(1);
    });

    it('completes a half-published thread without duplicating its first part', async () => {
      const texts = [unique('Half 1/3'), unique('Half 2/3'), unique('Half 3/3')];
      const key = createTid();
      const crashed = await blueskyProvider.publish(contextFor(alice, { idempotencyKey: key }), content(texts.slice(0, 1)));
      const ctx = contextFor(alice, { idempotencyKey: key });
      const result = await blueskyProvider.publish(ctx, content(texts));
      expect(result.parts[0]).toEqual(crashed.parts[0]);
      for (const text of texts) expect(await countPosts(text)).toBe(1);
      expect(ctx.announced.map(([i]) => i)).toEqual([0, 1, 2]); // part 0 found on the PDS: new evidence
      expect((await readRecord(result.parts[2].externalId)).value.reply.root.uri).toBe(crashed.externalId);
    });

    it('trusts previousParts and neither recreates nor re-announces them', async () => {
      const texts = [unique('Prev 1/2'), unique('Prev 2/2')];
      const key = createTid();
      const crashed = await blueskyProvider.publish(contextFor(alice, { idempotencyKey: key }), content(texts.slice(0, 1)));
      const ctx = contextFor(alice, { idempotencyKey: key, previousParts: crashed.parts });
      const result = await blueskyProvider.publish(ctx, content(texts));
      expect(ctx.announced.map(([i]) => i)).toEqual([1]);
      expect(result.parts[0]).toEqual(crashed.parts[0]);
      expect(await countPosts(texts[0])).toBe(1);
      expect(await countPosts(texts[1])).toBe(1);
    });

    it('a create whose answer was lost is found on the PDS, not repeated', async () => {
      const text = unique('Lost answer');
      let dropped = 0;
      const lossy: HttpClient = async (url, req) => {
        const res = await guarded(url, req);
        if (url.includes('com.atproto.repo.createRecord') && dropped++ === 0) throw new HttpFailure('timeout', 'simulated timeout', true);
        return res;
      };
      const result = await blueskyProvider.publish(contextFor(alice, { http: lossy }), content([text]));
      expect(dropped).toBe(1);
      expect(result.externalId).toMatch(/^at:\/\//);
      expect(await countPosts(text)).toBe(1);
    });

    it('when the PDS cannot be asked either, fails transient; the retry leaves one post', async () => {
      const text = unique('Retry later');
      const key = createTid();
      const broken: HttpClient = async (url, req) => {
        if (url.includes('com.atproto.repo.getRecord')) throw new HttpFailure('connect_failed', 'simulated outage', false);
        const res = await guarded(url, req);
        if (url.includes('com.atproto.repo.createRecord')) throw new HttpFailure('network', 'simulated reset', true);
        return res;
      };
      await expectProviderError(blueskyProvider.publish(contextFor(alice, { idempotencyKey: key, http: broken }), content([text])), 'transient');
      expect(await countPosts(text)).toBe(1); // it did reach the PDS
      await blueskyProvider.publish(contextFor(alice, { idempotencyKey: key }), content([text]));
      expect(await countPosts(text)).toBe(1);
    });
  });

  describe('reconcile and delete', () => {
    it('reconcile finds a published thread and reports a missing one', async () => {
      const ctx = contextFor(alice);
      const post = content([unique('Reconcile 1/2'), unique('Reconcile 2/2')]);
      const result = await blueskyProvider.publish(ctx, post);
      await expect(blueskyProvider.reconcile!(contextFor(alice, { idempotencyKey: ctx.idempotencyKey }), post)).resolves.toEqual({
        status: 'published',
        result: { externalId: result.externalId, url: result.url, parts: result.parts },
      });
      await expect(blueskyProvider.reconcile!(contextFor(alice), post)).resolves.toEqual({ status: 'not_found' });
    });

    it('reconcile says unknown when the PDS is unreachable', async () => {
      const down = contextFor(alice, { settings: { pdsUrl: `http://localhost:${closedPort}` } });
      const outcome = await blueskyProvider.reconcile!(down, content(['x']));
      expect(outcome.status).toBe('unknown');
    });

    it('deletes every part of a thread, and deleting again succeeds', async () => {
      const texts = [unique('Delete 1/3'), unique('Delete 2/3'), unique('Delete 3/3')];
      const result = await blueskyProvider.publish(contextFor(alice), content(texts));
      await blueskyProvider.deletePost!(contextFor(alice), result);
      for (const text of texts) expect(await countPosts(text)).toBe(0);
      await blueskyProvider.deletePost!(contextFor(alice), result);
    });
  });

  describe('session renewal', () => {
    it('refreshes an access token about to expire and saves the new credentials', async () => {
      const expired = pds.resignJwt(String(alice.credentials.accessJwt), { exp: Math.floor(Date.now() / 1000) - 60 });
      const ctx = contextFor(alice, { credentials: { ...alice.credentials, accessJwt: expired } });
      await blueskyProvider.publish(ctx, content([unique('After refresh')]));
      expect(ctx.saved).toHaveLength(1);
      expect(ctx.saved[0]).toMatchObject({ did: alice.account.externalId, handle: 'alice.test', appPassword: alice.credentials.appPassword });
      expect(ctx.saved[0].accessJwt).not.toBe(expired);
      expect(ctx.saved[0].refreshJwt).not.toBe(alice.credentials.refreshJwt);
    });

    it('renews and retries once when the PDS refuses a token that looked valid', async () => {
      const forged = pds.resignJwt(String(alice.credentials.accessJwt), { sub: 'did:plc:someoneelse' });
      const ctx = contextFor(alice, { credentials: { ...alice.credentials, accessJwt: `${forged}x` } });
      const text = unique('After InvalidToken');
      await blueskyProvider.publish(ctx, content([text]));
      expect(ctx.saved).toHaveLength(1);
      expect(await countPosts(text)).toBe(1);
    });

    it('logs in again with the app password when the refresh token is dead', async () => {
      const expired = pds.resignJwt(String(alice.credentials.accessJwt), { exp: 1 });
      const ctx = contextFor(alice, { credentials: { ...alice.credentials, accessJwt: expired, refreshJwt: 'dead.refresh.token' } });
      await blueskyProvider.publish(ctx, content([unique('After login')]));
      expect(ctx.saved).toHaveLength(1);
      expect(ctx.saved[0].refreshJwt).not.toBe('dead.refresh.token');
    });

    it('is auth_expired when the app password was revoked too', async () => {
      const agent = pds.agentFor('alice');
      const { data } = await agent.com.atproto.server.createAppPassword({ name: 'to-revoke' });
      const connected = await connect('alice', data.password);
      await agent.com.atproto.server.revokeAppPassword({ name: 'to-revoke' });
      const expired = pds.resignJwt(String(connected.credentials.accessJwt), { exp: 1 });
      const ctx = contextFor(connected, { credentials: { ...connected.credentials, accessJwt: expired } });
      const err = await expectProviderError(blueskyProvider.publish(ctx, content([unique('Never')])), 'auth_expired');
      expect(err.message).toMatch(/reconnect/);
      expect(ctx.saved).toEqual([]);
    });
  });

  it('a PDS that is down is transient', async () => {
    const ctx = contextFor(alice, { settings: { pdsUrl: `http://localhost:${closedPort}` } });
    await expectProviderError(blueskyProvider.publish(ctx, content(['Nobody home'])), 'transient');
  });
});
