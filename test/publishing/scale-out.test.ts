/**
 * Scale-out (issue 2, item 11): on a PostgreSQL server, three `varde worker` processes share one
 * database and 2,000 due webhook deliveries. Each delivery goes out exactly once (counted at the
 * receiver), the work is spread over the workers, and SIGTERM stops each of them cleanly.
 * Needs VARDE_TEST_DATABASE_URL; skipped otherwise (the global setup says so).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, hasPostgres, type TestDatabase } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { sleep, spawnVarde, type VardeProcess } from './varde-process.js';

const WORKERS = 3;
const CHANNELS = 20;
const POSTS = 100; // each to every channel: 2,000 deliveries
const TOTAL = CHANNELS * POSTS;

(hasPostgres ? describe : describe.skip)('scale-out: three worker processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let app: TestApp;
  let receiver: Receiver;
  const workers: VardeProcess[] = [];
  const dirs: string[] = [];
  const secretKey = crypto.randomBytes(32).toString('hex');

  beforeAll(async () => {
    database = await createPostgresDatabase();
    receiver = await startWebhookReceiver();
    // The API alone (`serve`), sharing the key the workers will decrypt credentials with.
    app = await createTestApp({ mode: 'serve', database, env: { VARDE_SECRET_KEY: secretKey } });
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
    await app?.close();
    await database?.drop();
    await receiver?.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes 2,000 due deliveries exactly once, spread over the workers, which then stop cleanly', { timeout: 90_000 }, async () => {
    const user = await app.signUp();
    const channelIds: string[] = [];
    for (let i = 0; i < CHANNELS; i++) {
      const res = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: receiver.url(`/scale/${i}`), secret: receiver.secret, name: `Hook ${i}` }, user.token);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      channelIds.push(res.body.id);
    }
    // Seeded through the API for an hour from now, so that nothing is due before every worker runs.
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const keys = new Set<string>();
    for (let p = 0; p < POSTS; p++) {
      const res = await app.api('POST', `${user.ws}/posts`, { text: `Scale post ${p}`, targets: channelIds.map((channelId) => ({ channelId })), schedule: { mode: 'at', at: later } }, user.token);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      for (const d of res.body.deliveries) keys.add(d.idempotencyKey);
    }
    expect(keys.size).toBe(TOTAL);

    const started = await Promise.all(
      Array.from({ length: WORKERS }, () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-worker-'));
        dirs.push(dir);
        return spawnVarde('worker', { DATABASE_URL: database.url!, VARDE_SECRET_KEY: secretKey, VARDE_DATA_DIR: dir, VARDE_ALLOW_HOSTS: '127.0.0.1', VARDE_WORKER_POLL_MS: '50' });
      }),
    );
    workers.push(...started);
    const db = database.db;
    const ids = workers.map((w) => w.workerId!);
    await waitUntil(async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM workers WHERE id = ANY($1)`, [ids]))[0].n === WORKERS, 20_000, 'every worker to register');

    // Everything falls due at once.
    const dueAt = Date.now();
    await db.query(`UPDATE deliveries SET due_at = now(), available_at = now() WHERE workspace_id = $1`, [user.workspaceId]);
    await waitUntil(async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE state = 'published'`))[0].n === TOTAL, 60_000, 'every delivery to be published');
    const drainMs = Date.now() - dueAt;

    // Exactly once, counted at the receiver: 2,000 distinct ids, the deliveries' own, none twice.
    expect(receiver.acceptedCount()).toBe(TOTAL);
    expect(receiver.duplicateIds()).toEqual([]);
    expect(new Set(receiver.uniqueIds())).toEqual(keys);
    expect(receiver.requests.every((r) => r.status === 200)).toBe(true);

    // Every post rolled up from its 20 deliveries, finished concurrently by different workers (the
    // roll-up is the statement after each delivery's; a moment for the last one).
    const statuses = () => db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM posts WHERE workspace_id = $1 GROUP BY status`, [user.workspaceId]);
    await waitUntil(async () => (await statuses()).length === 1, 2_000, 'the posts to roll up').catch(() => {});
    expect(await statuses()).toEqual([{ status: 'published', n: POSTS }]);

    // One attempt each, by one of the three workers, and more than one worker did the work.
    const attempts = await db.query<{ worker_id: string; outcome: string; n: number }>(
      `SELECT worker_id, outcome, count(*)::int AS n FROM delivery_attempts GROUP BY worker_id, outcome ORDER BY worker_id`,
    );
    expect(attempts.every((a) => a.outcome === 'published' && ids.includes(a.worker_id))).toBe(true);
    expect(attempts.reduce((sum, a) => sum + a.n, 0)).toBe(TOTAL);
    expect(attempts.length).toBeGreaterThan(1);

    // SIGTERM: each finishes what it holds, deregisters and exits 0.
    const exits = await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    for (const [i, exit] of exits.entries()) expect(exit, workers[i].output()).toEqual({ code: 0, signal: null });
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM workers WHERE id = ANY($1)`, [ids]))[0].n).toBe(0);

    console.info(`scale-out: ${TOTAL} deliveries drained in ${drainMs} ms (${Math.round(TOTAL / (drainMs / 1000))}/s) by ${attempts.map((a) => `${a.worker_id.split(':').pop()}=${a.n}`).join(', ')}`);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
