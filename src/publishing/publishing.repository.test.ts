/**
 * The deliveries table as a queue, on the real engines: claiming in batches with the attempt on
 * record, finishing many outcomes in one write (only where the worker still holds the lease),
 * posts rolled up, channels re-read once they change, and the next due time.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecrets } from '../app/secrets.js';
import { updateChannel } from '../channels/channels.repository.js';
import type { Db, Queryable } from '../db/client.js';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { ChannelCache } from './channel-cache.js';
import { FinishBatcher } from './finish-batcher.js';
import { claimDue, finishMany, msUntilNextDue, reclaimExpired, type Finish } from './publishing.repository.js';

const published: Finish = { state: 'published', externalId: 'evt_1', externalUrl: 'https://receiver.example/p/1', result: { parts: [] }, error: null, attempt: { outcome: 'published', detail: { status: 200 } } };

describe.each(ENGINES)('publishing queue on %s', (engine) => {
  let tdb: TestDatabase;
  let db: Db;
  const secrets = createSecrets(crypto.randomBytes(32));
  let workspaceId: string;
  let channelId: string;

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    db = tdb.db;
    workspaceId = crypto.randomUUID();
    channelId = crypto.randomUUID();
    await db.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'Queue')`, [workspaceId]);
    await db.query(
      `INSERT INTO channels (id, workspace_id, network, name, credentials, settings) VALUES ($1, $2, 'webhook', 'Hook', $3, '{"url":"http://127.0.0.1:9/h"}'::jsonb)`,
      [channelId, workspaceId, secrets.encrypt({ secret: 'shh' })],
    );
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  /** A scheduled post with one delivery per due time (seconds from now). */
  async function schedulePost(...dueInSeconds: number[]) {
    const postId = crypto.randomUUID();
    await db.query(`INSERT INTO posts (id, workspace_id, status, content) VALUES ($1, $2, 'scheduled', '{"text":"Hi","media":[],"link":null,"followups":[]}'::jsonb)`, [postId, workspaceId]);
    const ids: string[] = [];
    for (const s of dueInSeconds) {
      const id = crypto.randomUUID();
      const channel = ids.length === 0 ? channelId : await extraChannel();
      await db.query(
        `INSERT INTO deliveries (id, workspace_id, post_id, channel_id, state, idempotency_key, due_at, available_at)
         VALUES ($1, $2, $3, $4, 'scheduled', $5, now() + make_interval(secs => $6), now() + make_interval(secs => $6))`,
        [id, workspaceId, postId, channel, crypto.randomUUID(), s],
      );
      ids.push(id);
    }
    return { postId, ids };
  }

  async function extraChannel() {
    const id = crypto.randomUUID();
    await db.query(`INSERT INTO channels (id, workspace_id, network, name, credentials) VALUES ($1, $2, 'webhook', 'Other', $3)`, [id, workspaceId, secrets.encrypt({ secret: 'x' })]);
    return id;
  }

  const attemptsOf = (id: string) => db.query<{ outcome: string | null; worker_id: string }>(`SELECT outcome, worker_id FROM delivery_attempts WHERE delivery_id = $1 ORDER BY number`, [id]);
  const stateOf = async (id: string) => (await db.query<{ state: string }>(`SELECT state FROM deliveries WHERE id = $1`, [id]))[0].state;
  const postStatus = async (id: string) => (await db.query<{ status: string }>(`SELECT status FROM posts WHERE id = $1`, [id]))[0].status;

  it('claims due deliveries oldest first, each with its attempt on record, never twice; the future waits', async () => {
    const older = await schedulePost(-20);
    const newer = await schedulePost(-10);
    const later = await schedulePost(3600);
    const first = await claimDue(db, 'w1', 1, 60);
    expect(first.map((d) => d.id)).toEqual(older.ids);
    expect(first[0]).toMatchObject({ attempt_count: 1, outcome_unknown: false, post_content: { text: 'Hi' } });
    expect(await attemptsOf(older.ids[0])).toEqual([{ outcome: null, worker_id: 'w1' }]);
    const rest = await claimDue(db, 'w2', 10, 60);
    expect(rest.map((d) => d.id)).toEqual(newer.ids);
    expect(await claimDue(db, 'w3', 10, 60)).toEqual([]);
    expect(await stateOf(later.ids[0])).toBe('scheduled');
    const ms = await msUntilNextDue(db);
    expect(ms).toBeGreaterThan(3_500_000);
    expect(ms).toBeLessThanOrEqual(3_600_000);
    await finishMany(db, 'w1', first.map((d) => ({ d, f: published })));
    await finishMany(db, 'w2', rest.map((d) => ({ d, f: published })));
    await db.query(`UPDATE deliveries SET state = 'cancelled' WHERE id = $1`, [later.ids[0]]);
  });

  it('gives back what a dead worker left: its attempt marked interrupted, the outcome unknown', async () => {
    const left = await schedulePost(-5);
    const [mine] = await claimDue(db, 'dead', 1, 60);
    await db.query(`UPDATE deliveries SET locked_until = now() - interval '1 second' WHERE id = $1`, [mine.id]);
    expect(await claimDue(db, 'w1', 10, 60)).toEqual([]); // not due: publishing
    const [back] = await reclaimExpired(db, 'w1', 10, 60);
    expect(back).toMatchObject({ id: left.ids[0], attempt_count: 2, outcome_unknown: true });
    expect((await attemptsOf(mine.id)).map((a) => [a.outcome, a.worker_id])).toEqual([['interrupted', 'dead'], [null, 'w1']]);
    expect(await reclaimExpired(db, 'w2', 10, 60)).toEqual([]);
    await finishMany(db, 'w1', [{ d: back, f: published }]);
  });

  it('finishes many in one write, but not a delivery another worker has taken over', async () => {
    const a = await schedulePost(-1);
    const b = await schedulePost(-1);
    const claimed = await claimDue(db, 'w1', 10, 60);
    expect(claimed.map((d) => d.id).sort()).toEqual([...a.ids, ...b.ids].sort());
    await db.query(`UPDATE deliveries SET locked_by = 'w9' WHERE id = $1`, [b.ids[0]]); // taken over
    const changed = await finishMany(db, 'w1', claimed.map((d) => ({ d, f: published })));
    expect(changed.map((r) => r.id)).toEqual(a.ids);
    expect(await stateOf(a.ids[0])).toBe('published');
    expect(await stateOf(b.ids[0])).toBe('publishing');
    // Its own attempt still records what happened.
    expect((await attemptsOf(b.ids[0]))[0].outcome).toBe('published');
    await db.query(`UPDATE deliveries SET state = 'cancelled' WHERE id = $1`, [b.ids[0]]);
  });

  it('writes outcomes that arrive together in one statement and rolls their posts up', async () => {
    const post = await schedulePost(-1, -1, -1);
    const claimed = await claimDue(db, 'w1', 10, 60);
    expect(claimed).toHaveLength(3);
    let writes = 0;
    const count = (q: Queryable): Queryable => ({ ...q, query: (sql, params) => ((writes += sql.includes('jsonb_to_recordset') ? 1 : 0), q.query(sql, params)) });
    const counting: Db = { ...db, query: count(db).query, transaction: (fn) => db.transaction((tx) => fn(count(tx))) };
    const batcher = new FinishBatcher(counting, 'w1', { maxBatch: 200, delayMs: 5 });
    const results = await Promise.all(claimed.map((d) => batcher.finish(d, published)));
    expect(results).toEqual([true, true, true]);
    expect(writes).toBe(1);
    expect(await postStatus(post.postId)).toBe('published');
    await batcher.drain();
  });

  it('keeps channel rows between batches, and reads one again once it changed', async () => {
    const cache = new ChannelCache(secrets);
    const one = await schedulePost(-1);
    const [d1] = await claimDue(db, 'w1', 10, 60);
    const first = await cache.forBatch(db, [d1]);
    expect(first.get(channelId)?.status).toBe('active');
    expect(cache.credentials(first.get(channelId)!)).toEqual({ secret: 'shh' });
    const again = await cache.forBatch(db, [d1]);
    expect(again.get(channelId)).toBe(first.get(channelId)); // same version: not read again

    await updateChannel(db, workspaceId, channelId, { status: 'needs_reconnect', statusReason: 'Token expired' });
    const two = await schedulePost(-1);
    const [d2] = await claimDue(db, 'w1', 10, 60);
    expect((await cache.forBatch(db, [d2])).get(channelId)?.status).toBe('needs_reconnect');
    const done = await finishMany(db, 'w1', [d1, d2].map((d) => ({ d, f: published })));
    expect(done.map((r) => r.id).sort()).toEqual([...one.ids, ...two.ids].sort());
    await updateChannel(db, workspaceId, channelId, { status: 'active' });
  });
});
