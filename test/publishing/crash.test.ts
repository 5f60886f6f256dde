/**
 * The crash test (issue 2): a real `varde start` on an embedded database publishes a batch of 60
 * deliveries — to four webhook channels and, as three-part threads, to two Bluesky accounts on a
 * real local PDS — and is killed with SIGKILL at five different moments, then started again on
 * the same data directory. In the end every delivery is published, and the receiving side counts
 * exactly one of each: one webhook id per delivery (a repeat only ever under the same id, which
 * the receiver drops), and exactly the threads' records on the PDS, at the keys derived from each
 * delivery's idempotency key. Set VARDE_TEST_TRACE=1 to follow it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deriveTid } from '../../src/core/tid.js';
import { openPglite } from '../../src/db/client.js';
import { startPds, type AccountName, type TestPds } from '../support/pds.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { startPdsProxy, type PdsProxy } from './pds-proxy.js';
import { apiClient, sleep, spawnVarde, type VardeProcess } from './varde-process.js';

const WEBHOOK_CHANNELS = 4;
const WEBHOOK_POSTS = 24; // two channels each: 48 deliveries
const BLUESKY_POSTS = 6; // to alice and to bob, as three-part threads: 12 deliveries
const THREAD_PARTS = 3;
const POSTS = WEBHOOK_POSTS + BLUESKY_POSTS;
const TOTAL = WEBHOOK_POSTS * 2 + BLUESKY_POSTS * 2;
const POST = 'app.bsky.feed.post';

type Api = <T = any>(method: string, pathname: string, body?: unknown) => Promise<{ status: number; body: T }>;

interface Delivery {
  id: string;
  idempotencyKey: string;
  channelId: string;
}

interface ThreadDelivery extends Delivery {
  account: AccountName;
  parts: string[];
}

interface Batch {
  hooks: string[];
  webhooks: Delivery[];
  threads: ThreadDelivery[];
}

describe('crash test: SIGKILL at five moments, then restart on the same data directory', () => {
  let receiver: Receiver;
  let pds: TestPds;
  let proxy: PdsProxy;
  let dataDir: string;
  let proc: VardeProcess | null = null;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-crash-'));
    // The embedded database created and migrated ahead (from the suite's template, as `varde
    // migrate` would): the test is about restarts, and a first start's initdb costs seconds.
    const db = await openPglite(path.join(dataDir, 'db'), { loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) });
    await db.close();
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

  it('publishes every delivery exactly once', { timeout: 240_000 }, async () => {
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
    const api: Api = (method, pathname, body) => apiClient(proc!.url!, token)(method, pathname, body);
    const batch = await seedBatch(api, ws, receiver, pds, proxy.url);
    const setupMs = Date.now() - started;

    // Progress as the receiving side sees it.
    const webhookKeys = new Set(batch.webhooks.map((d) => d.idempotencyKey));
    const done = () => {
      const created = new Set(proxy.created);
      const threads = batch.threads.filter((d) => partKeys(d).every((k) => created.has(k))).length;
      return receiver.uniqueIds().filter((id) => webhookKeys.has(id)).length + threads;
    };
    const kills: string[] = [];
    const crashWhen = async (moment: string, ready: () => boolean) => {
      const deadline = Date.now() + 25_000;
      while (!ready()) {
        if (Date.now() > deadline) throw new Error(`never reached "${moment}" (${done()}/${TOTAL} done)\n${proc!.output()}`);
        await sleep(5);
      }
      expect((await proc!.kill('SIGKILL')).signal).toBe('SIGKILL');
      kills.push(`${moment} @${Date.now() - started} ms (${done()}/${TOTAL} done)`);
      trace(`killed: ${kills.at(-1)}`);
    };
    const restart = async () => {
      const t = Date.now();
      proc = await spawnVarde('start', env);
      trace(`restarted in ${Date.now() - t} ms (${done()}/${TOTAL} done)`);
    };

    // 1. Right after the first requests reach the receiver.
    await crashWhen('first webhook events received', () => receiver.events.length >= 1);

    // 2. During a Bluesky thread: a reply is written on the PDS, the worker never hears back.
    let held: { rkey: string; status: number } | null = null;
    void proxy.holdNextReply().then((h) => (held = h));
    await restart();
    await crashWhen('a Bluesky reply written, its answer withheld', () => held !== null);
    expect(held!.status).toBe(200);

    // 3. While the receiver hangs on an event it has accepted.
    const pending = batch.webhooks.filter((d) => receiver.count(d.idempotencyKey) === 0);
    expect(pending.length, 'webhook deliveries left for the hang').toBeGreaterThan(0);
    const hangPath = `/crash/w${batch.hooks.indexOf(pending[pending.length - 1].channelId)}`;
    receiver.script([{ path: hangPath, acceptThenHang: true }]);
    await restart();
    const hung = () => receiver.requests.find((r) => r.path === hangPath && r.status === 0);
    await crashWhen('the receiver hangs on an accepted event', () => hung() !== undefined);

    // 4. Mid-batch: well under way, with deliveries in flight.
    await restart();
    const before = done();
    await crashWhen('mid-batch', () => done() >= Math.min(before + 10, TOTAL - 8));

    // 5. After most are done.
    await restart();
    await crashWhen('most deliveries done', () => done() >= TOTAL * 0.9);

    // Started once more: everything goes out, and a SIGTERM then stops it cleanly.
    await restart();
    const posts = await waitForAllPublished(api, ws);
    trace('all published');
    const exit = await proc!.kill('SIGTERM');
    expect(exit, proc!.output()).toEqual({ code: 0, signal: null });
    proc = null;

    const stale = posts.filter((p) => p.status !== 'published').map((p) => ({ post: p.id, status: p.status, deliveries: p.deliveries.map((d: any) => d.state) }));
    expect(stale, `posts whose status did not roll up from their published deliveries: ${JSON.stringify(stale)}`).toEqual([]);
    const shown = new Map<string, any>(posts.flatMap((p) => p.deliveries.map((d: any) => [d.id, d])));
    expect(shown.size).toBe(TOTAL);

    expectWebhooksExactlyOnce(receiver, batch.webhooks, shown);
    // The hung event was accepted once and sent again under the same id after the restart.
    expect(receiver.count(hung()!.id)).toBeGreaterThanOrEqual(2);
    await expectThreadsExactlyOnce(pds, batch.threads, shown);

    // The kills left evidence: attempts the worker never finished, marked interrupted — among
    // them the thread whose reply was written while the worker was killed waiting for the answer.
    const interrupted = [...shown.values()].filter((d) => d.attempts.some((a: any) => a.outcome === 'interrupted'));
    expect(interrupted.length).toBeGreaterThan(0);
    const heldThread = batch.threads.find((d) => partKeys(d).includes(held!.rkey))!;
    expect(shown.get(heldThread.id).attempts.map((a: any) => a.outcome)).toContain('interrupted');

    console.info(
      `crash test: setup ${setupMs} ms, total ${Date.now() - started} ms; ${interrupted.length} deliveries interrupted, ` +
        `${receiver.duplicateIds().length} webhook ids repeated (same id); kills: ${kills.join('; ')}`,
    );
  });
});

const partKeys = (d: ThreadDelivery) => d.parts.map((_, i) => deriveTid(d.idempotencyKey, i));

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

/**
 * Connects the channels and creates the batch: 30 posts, webhook and Bluesky interleaved, due
 * 20 ms apart from a moment 3 s ahead (so that they fall due together, once all exist).
 */
async function seedBatch(api: Api, ws: string, receiver: Receiver, pds: TestPds, pdsUrl: string): Promise<Batch> {
  const connect = async (input: Record<string, unknown>) => {
    const res = await api('POST', `${ws}/channels`, input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const hooks: string[] = [];
  for (let i = 0; i < WEBHOOK_CHANNELS; i++) hooks.push(await connect({ network: 'webhook', url: receiver.url(`/crash/w${i}`), secret: receiver.secret, name: `Hook ${i}` }));
  const sky = {} as Record<AccountName, string>;
  for (const name of ['alice', 'bob'] as const) sky[name] = await connect({ network: 'bluesky', handle: pds.accounts[name].handle, appPassword: pds.accounts[name].appPassword, pdsUrl });

  const batch: Batch = { hooks, webhooks: [], threads: [] };
  const dueFrom = Date.now() + 3_000;
  let w = 0;
  for (let k = 0; k < POSTS; k++) {
    const isThread = k % 5 === 4;
    const parts = [`Beacon ${k}: part 1 of a thread`, `Beacon ${k}: part 2`, `Beacon ${k}: part 3`];
    const targets = isThread ? [sky.alice, sky.bob] : [hooks[w % WEBHOOK_CHANNELS], hooks[++w % WEBHOOK_CHANNELS]];
    const content = isThread ? { text: parts[0], followups: parts.slice(1).map((text) => ({ text })) } : { text: `Webhook post ${k}` };
    const res = await api('POST', `${ws}/posts`, { ...content, targets: targets.map((channelId) => ({ channelId })), schedule: { mode: 'at', at: new Date(dueFrom + k * 20).toISOString() } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    for (const d of res.body.deliveries) {
      const delivery = { id: d.id, idempotencyKey: d.idempotencyKey, channelId: d.channelId };
      if (isThread) batch.threads.push({ ...delivery, account: d.channelId === sky.alice ? 'alice' : 'bob', parts });
      else batch.webhooks.push(delivery);
    }
  }
  expect(batch.webhooks.length + batch.threads.length).toBe(TOTAL);
  return batch;
}

/** Every post with every delivery and attempt, once all deliveries are published (posts' status given a moment to roll up). */
async function waitForAllPublished(api: Api, ws: string): Promise<any[]> {
  const deadline = Date.now() + 40_000;
  let allOutAt = 0;
  for (;;) {
    const posts: any[] = (await api('GET', `${ws}/posts?limit=100`)).body.posts;
    const out = posts.length === POSTS && posts.every((p) => p.deliveries.every((d: any) => d.state === 'published'));
    allOutAt ||= out ? Date.now() : 0;
    if (out && (posts.every((p) => p.status === 'published') || Date.now() - allOutAt > 3_000)) {
      return Promise.all(posts.map(async (p) => (await api('GET', `${ws}/posts/${p.id}`)).body));
    }
    if (Date.now() > deadline) throw new Error(`not all published: ${JSON.stringify(posts.flatMap((p) => p.deliveries.filter((d: any) => d.state !== 'published'))).slice(0, 4000)}`);
    await sleep(100);
  }
}

/** One webhook id per delivery, the delivery's own; its content never under another id. */
function expectWebhooksExactlyOnce(receiver: Receiver, webhooks: Delivery[], shown: Map<string, any>) {
  expect(new Set(receiver.uniqueIds())).toEqual(new Set(webhooks.map((d) => d.idempotencyKey)));
  for (const d of webhooks) {
    const ids = new Set(receiver.events.filter((e) => e.body.data.deliveryId === d.id).map((e) => e.id));
    expect(ids, `webhook ids carrying delivery ${d.id}`).toEqual(new Set([d.idempotencyKey]));
  }
  expect(receiver.requests.every((r) => r.status === 200 || r.status === 0)).toBe(true);
  // The receiver answers a repeat with its first answer, so each delivery kept one URL.
  expect(new Set(webhooks.map((d) => shown.get(d.id).url)).size).toBe(webhooks.length);
}

/** Exactly the threads' records on the PDS, at the derived keys, with their text, chained as replies. */
async function expectThreadsExactlyOnce(pds: TestPds, threads: ThreadDelivery[], shown: Map<string, any>) {
  for (const account of ['alice', 'bob'] as const) {
    const did = pds.accounts[account].did;
    const listed = await pds.agentFor(account).com.atproto.repo.listRecords({ repo: did, collection: POST, limit: 100 });
    const records = new Map(listed.data.records.map((r) => [r.uri.split('/').pop()!, r.value as { text: string; reply?: unknown }]));
    const mine = threads.filter((d) => d.account === account);
    expect(records.size, `records of ${account}`).toBe(mine.length * THREAD_PARTS);
    for (const d of mine) {
      const uris = partKeys(d).map((rkey) => `at://${did}/${POST}/${rkey}`);
      expect(shown.get(d.id).externalId).toBe(uris[0]);
      partKeys(d).forEach((rkey, i) => {
        const record = records.get(rkey);
        expect(record, `${account}: part ${i} of delivery ${d.id}`).toBeDefined();
        expect(record!.text).toBe(d.parts[i]);
        if (i === 0) expect(record!.reply).toBeUndefined();
        else expect(record!.reply).toMatchObject({ root: { uri: uris[0] }, parent: { uri: uris[i - 1] } });
      });
    }
  }
}
