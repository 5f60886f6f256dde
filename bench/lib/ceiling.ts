/**
 * The ceiling to compare with: a bare pg-boss 10 loop on the same engine, in the same run. Jobs
 * are enqueued in bulk, then `loops` concurrent loops each fetch a batch of 200, make the same
 * signed webhook POST per job (the webhook provider, through a guarded HTTP client built exactly
 * as Varde builds its own), and complete the batch. No attempt log, no leases, no decryption, no
 * roll-up: the least work that still delivers every job over HTTP.
 *
 * On PGlite, pg-boss gets a hand-written `db` adapter: parameterless SQL (its multi-statement
 * migrations) through `exec()`, the rest through `query()`.
 */
import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import type { HttpClient } from '../../src/net/http.types.js';
import type { ProviderContext } from '../../src/providers/contract.js';
import { newIdempotencyKey } from '../../src/publishing/idempotency.js';
import { webhookProvider } from '../../src/providers/webhook/webhook.provider.js';
import type { SeededChannel } from './seed.js';
import { contextDefaults } from '../../test/support/provider-context.js';

export const CEILING_SCHEMA = 'pgboss_bench';
const QUEUE = 'bench.publish';

interface JobData {
  channel: number;
  key: string;
  n: number;
}

export interface CeilingOptions {
  /** PostgreSQL URL of the run's database, or the PGlite instance. */
  target: { url: string } | { pglite: PGlite };
  http: HttpClient;
  channels: SeededChannel[];
  jobs: number;
  batchSize: number;
  loops: number;
  onProgress?(done: number): void;
}

export interface CeilingResult {
  jobs: number;
  seconds: number;
  perSecond: number;
  /** CPU time of this process while draining, per job (µs). */
  cpuPerJobUs: number;
  failed: number;
  keys: string[];
}

/** pg-boss's `db` option on top of PGlite. */
export function pgliteBossDb(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: any[]) {
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await pglite.query(text, values);
      return { rows: result.rows as any[] };
    },
  };
}

export async function runCeiling(o: CeilingOptions): Promise<CeilingResult> {
  const common = { schema: CEILING_SCHEMA, supervise: false, schedule: false, migrate: true } as const;
  const boss = 'url' in o.target
    ? new PgBoss({ ...common, connectionString: o.target.url, max: 10 })
    : new PgBoss({ ...common, db: pgliteBossDb(o.target.pglite) });
  boss.on('error', (err) => console.error('pg-boss error:', err));
  await boss.start();
  try {
    await boss.createQueue(QUEUE);
    const keys: string[] = [];
    const inserts: PgBoss.JobInsert<JobData>[] = [];
    for (let n = 0; n < o.jobs; n++) {
      const key = newIdempotencyKey();
      keys.push(key);
      inserts.push({ name: QUEUE, data: { channel: n % o.channels.length, key, n } });
    }
    for (let i = 0; i < inserts.length; i += 2_000) await boss.insert(inserts.slice(i, i + 2_000));

    let done = 0;
    let failed = 0;
    const publish = async (job: PgBoss.Job<JobData>) => {
      const channel = o.channels[job.data.channel];
      const ctx = { ...contextDefaults(), idempotencyKey: job.data.key, credentials: { secret: channel.secret }, settings: { url: channel.url }, http: o.http, saveCredentials: async () => {} };
      const content = { parts: [{ text: `ceiling post #${job.data.n}: plan once, publish everywhere exactly once.`, media: [] }], link: null, meta: { postId: job.id, deliveryId: job.id, dueAt: null } };
      await webhookProvider.publish(ctx, content);
    };
    const loop = async () => {
      for (;;) {
        const jobs = await boss.fetch<JobData>(QUEUE, { batchSize: o.batchSize });
        if (!jobs || jobs.length === 0) return;
        const results = await Promise.allSettled(jobs.map(publish));
        const ok = jobs.filter((_, i) => results[i].status === 'fulfilled').map((j) => j.id);
        const bad = jobs.filter((_, i) => results[i].status === 'rejected').map((j) => j.id);
        if (ok.length) await boss.complete(QUEUE, ok);
        if (bad.length) await boss.fail(QUEUE, bad);
        done += ok.length;
        failed += bad.length;
        o.onProgress?.(done);
      }
    };
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(Array.from({ length: o.loops }, loop));
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return { jobs: done, seconds, perSecond: done / seconds, cpuPerJobUs: (used.user + used.system) / Math.max(1, done), failed, keys };
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true }).catch(() => {});
  }
}
