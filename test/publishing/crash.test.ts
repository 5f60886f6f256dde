/**
 * The crash test (issue 2): a real `varde start` on an embedded database publishes a batch of 60
 * deliveries — to four webhook channels and, as three-part threads, to two Bluesky accounts on a
 * real local PDS — and is killed with SIGKILL at five different moments, then started again on
 * the same data directory. In the end every delivery is published, and the receiving side counts
 * exactly one of each: one webhook id per delivery (a repeat only ever under the same id, which
 * the receiver drops), and exactly the thread's records on the PDS, at the keys derived from the
 * delivery's idempotency key.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveTid } from '../../src/core/tid.js';
import { startPds, type AccountName, type TestPds } from '../support/pds.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { startPdsProxy, type PdsProxy } from './pds-proxy.js';
import { apiClient, sleep, spawnVarde, type VardeProcess } from './varde-process.js';

const WEBHOOK_CHANNELS = 4;
const WEBHOOK_POSTS = 24; // two channels each: 48 deliveries
const BLUESKY_POSTS = 6; // alice and bob each, as three-part threads: 12 deliveries
const THREAD_PARTS = 3;
const TOTAL = WEBHOOK_POSTS * 2 + BLUESKY_POSTS * 2;
const POST = 'app.bsky.feed.post';

interface Delivery {
  id: string;
  postId: string;
  idempotencyKey: string;
  channelId: string;
}

describe('crash test: SIGKILL at five moments, then restart on the same data directory', () => {
  let receiver: Receiver;
  let pds: TestPds;
  let proxy: PdsProxy;
  let dataDir: string;
  let proc: VardeProcess | null = null;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-crash-'));
    receiver = await startWebhookReceiver();
    pds = await startPds();
    proxy = await startPdsProxy(pds.url);
  });

  afterAll(async () => {
    await proc?.kill('SIGKILL');
    await proxy?.close();
    await pds?.close();
    await receiver?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes every delivery exactly once', { timeout: 90_000 }, async () => {
    const started = Date.now();
    const trace = (line: string) => process.env.VARDE_TEST_TRACE && console.info(`[crash +${Date.now() - started} ms] ${line}`);
    const env = {
      VARDE_DATA_DIR: dataDir,
      VARDE_SECRET_KEY: crypto.randomBytes(32).toString('hex'),
      VARDE_SIGNUP: 'open',
      VARDE_ALLOW_HOSTS: '127.0.0.1',
      VARDE_LEASE_SECONDS: '2',
      VARDE_WORKER_CONCURRENCY: '4',
      VARDE_WORKER_POLL_MS: '50',
      VARDE_RETRY_BASE_MS: '200',
      VARDE_WEBHOOK_TIMEOUT_MS: '5000',
    };
    // Slow enough that a kill lands mid-batch: every webhook answer and every record write waits.
    receiver.script(Array.from({ length: 2_000 }, () => ({ delayMs: 120 })));
    proxy.createDelayMs = 100;

    proc = await spawnVarde('start', env);
    const { token, ws } = await signUp(proc.url!);
    // Each start listens on a new port: always call the process that is running now.
    const api = <T = any>(method: string, pathname: string, body?: unknown) => apiClient(proc!.url!, token)<T>(method, pathname, body);
    const hooks: string[] = [];
    for (let i = 0; i < WEBHOOK_CHANNELS; i++) {
      const res = await api('POST', `${ws}/channels`, { network: 'webhook', url: receiver.url(`/crash/w${i}`), secret: receiver.secret, name: `Hook ${i}` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      hooks.push(res.body.id);
    }
    const sky = {} as Record<AccountName, string>;
    for (const name of ['alice', 'bob'] as const) {
      const res = await api('POST', `${ws}/channels`, { network: 'bluesky', handle: pds.accounts[name].handle, appPassword: pds.accounts[name].appPassword, pdsUrl: proxy.url });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      sky[name] = res.body.id;
    }

    // The batch: 30 posts, webhook and Bluesky interleaved, all due within 0.6 s of one moment.
    const dueFrom = Date.now() + 3_000;
    const webhookDeliveries: Delivery[] = [];
    const blueskyDeliveries: Array<Delivery & { account: AccountName; parts: string[] }> = [];
    let w = 0;
    for (let k = 0; k < WEBHOOK_POSTS + BLUESKY_POSTS; k++) {
      const at = new Date(dueFrom + k * 20).toISOString();
      const isSky = k % 5 === 4;
      const body = isSky
        ? { text: `Beacon ${k}: part 1 of a thread`, followups: [{ text: `Beacon ${k}: part 2` }, { text: `Beacon ${k}: part 3` }], targets: [{ channelId: sky.alice }, { channelId: sky.bob }] }
        : { text: `Webhook post ${k}`, targets: [{ channelId: hooks[w % WEBHOOK_CHANNELS] }, { channelId: hooks[(w + 1) % WEBHOOK_CHANNELS] }] };
      if (!isSky) w++;
      const res = await api('POST', `${ws}/posts`, { ...body, schedule: { mode: 'at', at } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      for (const d of res.body.deliveries) {
        const delivery = { id: d.id, postId: res.body.id, idempotencyKey: d.idempotencyKey, channelId: d.channelId };
        if (!isSky) webhookDeliveries.push(delivery);
        else {
          const account = d.channelId === sky.alice ? 'alice' : 'bob';
          blueskyDeliveries.push({ ...delivery, account, parts: [body.text, ...(body as { followups: Array<{ text: string }> }).followups.map((f) => f.text)] });
        }
      }
    }
    expect(webhookDeliveries.length + blueskyDeliveries.length).toBe(TOTAL);
    const setupMs = Date.now() - started;

    // Progress as the receiving side sees it.
    const webhookKeys = new Set(webhookDeliveries.map((d) => d.idempotencyKey));
    const webhooksDone = () => receiver.uniqueIds().filter((id) => webhookKeys.has(id)).length;
    const threadsDone = () => {
      const created = new Set(proxy.created);
      return blueskyDeliveries.filter((d) => Array.from({ length: THREAD_PARTS }, (_, i) => deriveTid(d.idempotencyKey, i)).every((k) => created.has(k))).length;
    };
    const done = () => webhooksDone() + threadsDone();

    const kills: Array<{ moment: string; atMs: number; done: number; inFlightWebhooks: number }> = [];
    const crashWhen = async (moment: string, ready: () => boolean) => {
      const deadline = Date.now() + 25_000;
      while (!ready()) {
        if (Date.now() > deadline) throw new Error(`never reached "${moment}" (${done()}/${TOTAL} done)\n${proc!.output()}`);
        await sleep(5);
      }
      const exit = await proc!.kill('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
      kills.push({ moment, atMs: Date.now() - started, done: done(), inFlightWebhooks: receiver.requests.length - receiver.events.length });
      trace(`killed: ${moment} (${done()}/${TOTAL} done)`);
    };
    const restart = async () => {
      const t = Date.now();
      proc = await spawnVarde('start', env);
      trace(`restarted in ${Date.now() - t} ms (${done()}/${TOTAL} done)`);
    };

    // 1. Right after the first requests reach the receiver.
    await crashWhen('first webhook requests received', () => receiver.events.length >= 1);

    // 2. During a Bluesky thread: a reply is written on the PDS, the worker never hears back.
    let held: { rkey: string; status: number } | null = null;
    void proxy.holdNextReply().then((h) => (held = h));
    await restart();
    await crashWhen('a Bluesky reply written, its answer withheld', () => held !== null);
    expect(held!.status).toBe(200);

    // 3. While the receiver hangs on a request it has accepted.
    const pending = webhookDeliveries.filter((d) => receiver.count(d.idempotencyKey) === 0);
    const hangPath = `/crash/w${hooks.indexOf(pending[pending.length - 1].channelId)}`;
    receiver.script([{ path: hangPath, acceptThenHang: true }]);
    await restart();
    await crashWhen('the receiver hangs on an accepted event', () => receiver.requests.some((r) => r.path === hangPath && r.status === 0));
    const hungId = receiver.requests.find((r) => r.path === hangPath && r.status === 0)!.id;

    // 4. Mid-batch: well under way, with deliveries in flight.
    await restart();
    const before = done();
    await crashWhen('mid-batch', () => done() >= Math.min(before + 10, TOTAL - 8));

    // 5. After most are done.
    await restart();
    await crashWhen('most deliveries done', () => done() >= TOTAL * 0.9);

    // Started once more: everything goes out, and a SIGTERM then stops it cleanly.
    await restart();
    const deadline = Date.now() + 40_000;
    let posts: any[] = [];
    let allOut = 0;
    for (;;) {
      posts = (await api('GET', `${ws}/posts?limit=100`)).body.posts;
      const delivered = posts.length === WEBHOOK_POSTS + BLUESKY_POSTS && posts.every((p) => p.deliveries.every((d: any) => d.state === 'published'));
      allOut ||= delivered ? Date.now() : 0;
      // A post's status rolls up right after its deliveries': give the last ones a moment.
      if (delivered && (posts.every((p) => p.status === 'published') || Date.now() - allOut > 3_000)) break;
      if (Date.now() > deadline) throw new Error(`not all published: ${JSON.stringify(posts.flatMap((p) => p.deliveries.filter((d: any) => d.state !== 'published')), null, 1).slice(0, 4000)}`);
      await sleep(100);
    }
    trace('all published');
    posts = await Promise.all(posts.map(async (p) => (await api('GET', `${ws}/posts/${p.id}`)).body));
    const exit = await proc!.kill('SIGTERM');
    expect(exit, proc!.output()).toEqual({ code: 0, signal: null });
    proc = null;

    // Every post and delivery is published.
    const stale = posts.filter((p) => p.status !== 'published').map((p) => ({ post: p.id, status: p.status, deliveries: p.deliveries.map((d: any) => d.state) }));
    expect(stale, 'posts whose status did not roll up from their published deliveries').toEqual([]);
    const shown = new Map<string, any>(posts.flatMap((p) => p.deliveries.map((d: any) => [d.id, d])));
    expect(shown.size).toBe(TOTAL);

    // Webhooks: one id per delivery, every id the delivery's own; content never under two ids.
    expect(new Set(receiver.uniqueIds())).toEqual(webhookKeys);
    for (const d of webhookDeliveries) {
      const ids = new Set(receiver.events.filter((e) => e.body.data.deliveryId === d.id).map((e) => e.id));
      expect(ids, `delivery ${d.id}`).toEqual(new Set([d.idempotencyKey]));
    }
    expect(receiver.requests.every((r) => r.status === 200 || r.status === 0)).toBe(true);
    // The hang was accepted once and retried under the same id after the restart.
    expect(receiver.count(hungId)).toBeGreaterThanOrEqual(2);
    // The receiver answers a repeat with its first answer, so each delivery keeps one URL.
    expect(new Set(webhookDeliveries.map((d) => shown.get(d.id).url)).size).toBe(webhookDeliveries.length);

    // Bluesky: exactly the threads' records, at the derived keys, chained as replies.
    for (const account of ['alice', 'bob'] as const) {
      const did = pds.accounts[account].did;
      const listed = await pds.agentFor(account).com.atproto.repo.listRecords({ repo: did, collection: POST, limit: 100 });
      const records = new Map(listed.data.records.map((r) => [r.uri.split('/').pop()!, r]));
      const mine = blueskyDeliveries.filter((d) => d.account === account);
      expect(records.size).toBe(mine.length * THREAD_PARTS);
      for (const d of mine) {
        const uris = d.parts.map((_, i) => `at://${did}/${POST}/${deriveTid(d.idempotencyKey, i)}`);
        expect(shown.get(d.id).externalId).toBe(uris[0]);
        d.parts.forEach((text, i) => {
          const record = records.get(deriveTid(d.idempotencyKey, i));
          expect(record, `${account} part ${i} of ${d.id}`).toBeDefined();
          const value = record!.value as { text: string; reply?: { root: { uri: string }; parent: { uri: string } } };
          expect(value.text).toBe(text);
          if (i === 0) expect(value.reply).toBeUndefined();
          else expect(value.reply).toMatchObject({ root: { uri: uris[0] }, parent: { uri: uris[i - 1] } });
        });
      }
    }

    // The kills left evidence: attempts the worker never finished, marked interrupted.
    const interrupted = [...shown.values()].filter((d) => d.attempts.some((a: any) => a.outcome === 'interrupted'));
    expect(interrupted.length).toBeGreaterThan(0);
    const heldDelivery = blueskyDeliveries.find((d) => Array.from({ length: THREAD_PARTS }, (_, i) => deriveTid(d.idempotencyKey, i)).includes(held!.rkey))!;
    expect(shown.get(heldDelivery.id).attempts.map((a: any) => a.outcome)).toContain('interrupted');

    console.info(
      `crash test: setup ${setupMs} ms, total ${Date.now() - started} ms; ${interrupted.length} deliveries interrupted, ` +
        `${receiver.duplicateIds().length} webhook ids repeated (same id); kills: ${kills.map((k) => `${k.moment} @${k.atMs} ms (${k.done}/${TOTAL} done)`).join('; ')}`,
    );
  });
});

/** Signs up on the child over HTTP and makes an API token. */
async function signUp(url: string) {
  const email = `crash-${crypto.randomBytes(3).toString('hex')}@example.com`;
  const res = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery', name: 'Crash Tester' }),
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${JSON.stringify(body)}`);
  const cookie = String(res.headers.get('set-cookie')).split(';')[0];
  const ws = `/api/v1/workspaces/${body.workspace.id}`;
  const tok = await fetch(`${url}${ws}/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: url },
    body: JSON.stringify({ name: 'crash', scopes: ['read', 'write', 'publish', 'admin'] }),
  });
  const token = await tok.json();
  if (tok.status !== 201) throw new Error(`token: ${tok.status} ${JSON.stringify(token)}`);
  return { ws, token: token.token as string };
}
