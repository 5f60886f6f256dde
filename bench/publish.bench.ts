/**
 * `npm run bench:publish [-- --quick]`: how fast Varde's publishing worker drains due webhook
 * deliveries, against a bare pg-boss loop making the same HTTP calls on the same engine in the
 * same run, and how late it publishes under a steady load. Runs on the PostgreSQL server named by
 * DATABASE_URL (in a fresh database), else on PGlite (in a temporary data directory).
 *
 *   burst   10,000 deliveries over 200 webhook channels, all due at one instant (then the ceiling)
 *   steady  100 deliveries/s falling due evenly for 30 s (10 s with --quick); lateness =
 *           published_at − due_at
 *
 * The webhook receiver (verifies every signature, counts ids) runs in a child process; this
 * process runs Varde's worker, so its max RSS is the worker's (taken before the ceiling runs).
 * Progress goes to stderr; detailed figures, then ONE summary line last, to stdout.
 * See bench/README.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/app/config.js';
import { createLogger } from '../src/app/logger.js';
import { createSecrets, parseKey } from '../src/app/secrets.js';
import { startVarde } from '../src/app/start.js';
import type { Queryable } from '../src/db/client.js';
import { createGuardedHttp } from '../src/net/guarded-http.js';
import { VERSION } from '../src/app/version.js';
import { runCeiling } from './lib/ceiling.js';
import { openBenchDatabase } from './lib/engine.js';
import { startRemoteReceiver, type RemoteReceiver } from './lib/receiver-client.js';
import { createProgress, fmt, percentile, sleep } from './lib/report.js';
import { scheduleSeeded, seedDeliveries, seedWorkspace } from './lib/seed.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    burst: { type: 'string' },
    'steady-seconds': { type: 'string' },
    rate: { type: 'string', default: '100' },
    channels: { type: 'string', default: '200' },
    'ceiling-batch': { type: 'string', default: '200' },
    'ceiling-loops': { type: 'string', default: '2' },
    'skip-ceiling': { type: 'boolean', default: false },
  },
});

const QUICK = args.quick;
const BURST = Number(args.burst ?? 10_000);
const STEADY_SECONDS = Number(args['steady-seconds'] ?? (QUICK ? 10 : 30));
const RATE = Number(args.rate);
const CHANNELS = Number(args.channels);
const CEILING_BATCH = Number(args['ceiling-batch']);
const CEILING_LOOPS = Number(args['ceiling-loops']);
/** From scheduling the seeded deliveries to their due instant: the worker is idle by then. */
const LEAD_MS = 2_000;
/** Give up waiting when nothing was published for this long: what is left is "lost". */
const STALL_MS = QUICK ? 10_000 : 30_000;

const out = (line = '') => process.stdout.write(`${line}\n`);
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
const progress = createProgress();

interface PhaseWindow {
  from: Date;
  to: Date;
  n: number;
}

interface PhaseCount {
  total: number;
  published: number;
  last: Date | null;
}

async function countPhase(db: Queryable, w: PhaseWindow): Promise<PhaseCount> {
  const [row] = await db.query<PhaseCount>(
    `SELECT count(*)::int AS total, (count(*) FILTER (WHERE state = 'published'))::int AS published, max(published_at) AS last
     FROM deliveries WHERE due_at >= $1 AND due_at <= $2`,
    [w.from, w.to],
  );
  return row;
}

/**
 * Waits until every delivery of the window is published, or nothing moved for STALL_MS after
 * the last one fell due. Watches the receiver (cheap, another process) and asks the database only
 * once the receiver has seen them all.
 */
async function waitForPhase(db: Queryable, receiver: RemoteReceiver, w: PhaseWindow, label: string, startedAt: number): Promise<PhaseCount> {
  let lastChange = Date.now();
  let lastSeen = -1;
  for (;;) {
    await sleep(100);
    const { accepted } = await receiver.count();
    const seconds = (Date.now() - startedAt) / 1000;
    progress.update(`${label}: ${fmt(accepted)}/${fmt(w.n)} received, ${fmt(seconds, 1)} s${seconds > 0 ? `, ${fmt(accepted / seconds)}/s` : ''}`);
    let count: PhaseCount | null = null;
    if (accepted >= w.n || Date.now() - lastChange > 1_000) count = await countPhase(db, w);
    if (count && count.published >= w.n) return count;
    const seen = accepted + (count?.published ?? 0);
    if (seen !== lastSeen) {
      lastSeen = seen;
      lastChange = Date.now();
    }
    if (Date.now() > w.to.getTime() && Date.now() - lastChange > STALL_MS) return count ?? countPhase(db, w);
  }
}

/** Receiver-side duplicates: extra copies of an id, plus ids that belong to no delivery of the phase. */
async function receiverDuplicates(receiver: RemoteReceiver, seeded: { key: string }[]) {
  const stats = await receiver.stats();
  const keys = new Set(seeded.map((d) => d.key));
  const extraCopies = stats.accepted - stats.uniqueIds.length;
  const strangers = stats.uniqueIds.filter((id) => !keys.has(id)).length;
  const delivered = stats.uniqueIds.length - strangers;
  return { duplicates: extraCopies + strangers, delivered, rejected: stats.rejected, accepted: stats.accepted };
}

async function main() {
  const adminUrl = process.env.DATABASE_URL || undefined;
  const started = Date.now();
  const loadAtStart = os.loadavg()[0];
  const mode = QUICK ? 'quick' : 'full';
  progress.done(`bench:publish (${mode}) on ${adminUrl ? 'PostgreSQL server' : 'PGlite'}: starting receiver and database…`);
  const receiver = await startRemoteReceiver();
  const bdb = await openBenchDatabase(adminUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-bench-data-'));
  const db = bdb.db;
  let varde: Awaited<ReturnType<typeof startVarde>> | null = null;
  try {
    const secretKey = crypto.randomBytes(32).toString('hex');
    const pick = (name: string) => (process.env[name] ? { [name]: process.env[name] } : {});
    const config = loadConfig(
      {
        VARDE_DATA_DIR: dataDir,
        VARDE_SECRET_KEY: secretKey,
        VARDE_ALLOW_HOSTS: '127.0.0.1',
        LOG_LEVEL: 'warn',
        // Worker tuning can be tried from the environment; unset, the bench runs Varde's defaults.
        ...pick('VARDE_WORKER_CONCURRENCY'), ...pick('VARDE_WORKER_POLL_MS'), ...pick('VARDE_LEASE_SECONDS'),
      },
      { databaseUrl: bdb.url },
    );
    const secrets = createSecrets(parseKey(secretKey));
    const ws = await seedWorkspace(db, secrets, CHANNELS, (p) => receiver.url(p));
    await receiver.setSecrets(Object.fromEntries(ws.channels.map((c) => [c.path, c.secret])));

    // ---- burst: ours ----
    let t = Date.now();
    const burstSeed = await seedDeliveries(db, ws, Array.from({ length: BURST }, () => 0), 'burst');
    const burst = burstSeed.deliveries;
    progress.done(`burst: seeded ${fmt(BURST)} deliveries over ${CHANNELS} channels in ${fmt(Date.now() - t)} ms`);
    const logger = createLogger('warn', process.stderr);
    varde = await startVarde({ mode: 'worker', config, db, logger });
    const rssAtStart = maxRssMb();
    const dueAt = new Date(Date.now() + LEAD_MS);
    await scheduleSeeded(db, burstSeed.parkedAt, dueAt);
    if (Date.now() > dueAt.getTime() - 100) throw new Error('scheduling the burst took longer than the lead time; raise LEAD_MS');
    progress.done(`burst: all due at ${dueAt.toISOString()}; worker started`);
    await sleep(dueAt.getTime() - Date.now());
    const burstCpu = process.cpuUsage();
    const burstWindow = { from: dueAt, to: dueAt, n: BURST };
    const burstCount = await waitForPhase(db, receiver, burstWindow, 'burst (Varde)', dueAt.getTime());
    const burstCpuUsed = process.cpuUsage(burstCpu);
    const burstCpuPerDelivery = (burstCpuUsed.user + burstCpuUsed.system) / Math.max(1, burstCount.published);
    progress.done();
    const burstSeconds = burstCount.last ? (burstCount.last.getTime() - dueAt.getTime()) / 1000 : NaN;
    const burstRate = burstCount.published / burstSeconds;
    const burstRecv = await receiverDuplicates(receiver, burst);
    const burstLost = BURST - burstCount.published;
    const rssAfterBurst = maxRssMb();
    await receiver.reset();

    // ---- steady ----
    t = Date.now();
    const steadyN = Math.round(RATE * STEADY_SECONDS);
    const intervalMs = 1000 / RATE;
    const offsets = Array.from({ length: steadyN }, (_, i) => Math.round(i * intervalMs));
    const steadySeed = await seedDeliveries(db, ws, offsets, 'steady');
    const steady = steadySeed.deliveries;
    const steadyStart = Date.now() + LEAD_MS;
    await scheduleSeeded(db, steadySeed.parkedAt, new Date(steadyStart));
    if (Date.now() > steadyStart - 100) throw new Error('scheduling the steady phase took longer than the lead time; raise LEAD_MS');
    progress.done(`steady: seeded ${fmt(steadyN)} deliveries in ${fmt(Date.now() - t)} ms, due ${RATE}/s over ${STEADY_SECONDS} s from ${new Date(steadyStart).toISOString()}`);
    const dueTimes = offsets.map((o) => new Date(steadyStart + o));
    const steadyWindow = { from: dueTimes[0], to: dueTimes[dueTimes.length - 1], n: steadyN };
    const steadyCount = await waitForPhase(db, receiver, steadyWindow, 'steady (Varde)', steadyStart);
    progress.done();
    const lateness = (
      await db.query<{ ms: number }>(
        `SELECT (extract(epoch FROM (published_at - due_at)) * 1000)::float8 AS ms FROM deliveries
         WHERE due_at >= $1 AND due_at <= $2 AND state = 'published' ORDER BY 1`,
        [steadyWindow.from, steadyWindow.to],
      )
    ).map((r) => Number(r.ms));
    const steadyRecv = await receiverDuplicates(receiver, steady);
    const steadyLost = steadyN - steadyCount.published;
    const p50 = percentile(lateness, 50);
    const p99 = percentile(lateness, 99);
    const max = lateness.at(-1) ?? NaN;
    const late = lateness.filter((ms) => ms > 1000).length;
    await receiver.reset();

    const rssMb = maxRssMb();
    const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
    await varde.close();
    varde = null;

    // ---- burst: the ceiling ----
    let ceiling: Awaited<ReturnType<typeof runCeiling>> | null = null;
    let ceilingRecv: Awaited<ReturnType<typeof receiverDuplicates>> | null = null;
    if (!args['skip-ceiling']) {
      progress.done(`ceiling: bare pg-boss loop, ${fmt(BURST)} jobs, ${CEILING_LOOPS} loops × batches of ${CEILING_BATCH}…`);
      const http = createGuardedHttp({ allowHosts: config.allowHosts, userAgent: `Varde/${VERSION}` });
      const cStart = Date.now();
      ceiling = await runCeiling({
        target: bdb.url ? { url: bdb.url } : { pglite: bdb.pglite! },
        http, channels: ws.channels, jobs: BURST, batchSize: CEILING_BATCH, loops: CEILING_LOOPS,
        onProgress: (done) => progress.update(`ceiling (pg-boss): ${fmt(done)}/${fmt(BURST)} completed, ${fmt((Date.now() - cStart) / 1000, 1)} s`),
      });
      http.close();
      progress.done();
      ceilingRecv = await receiverDuplicates(receiver, ceiling.keys.map((key) => ({ key })));
    }

    const ratio = ceiling ? burstRate / ceiling.perSecond : NaN;
    const duplicates = burstRecv.duplicates + steadyRecv.duplicates;
    const lost = burstLost + steadyLost;

    out(`bench:publish ${mode} — ${new Date().toISOString()} — ${bdb.label}; ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`);
    out(`worker: concurrency ${config.worker.concurrency}, poll ${config.worker.pollMs} ms, lease ${config.worker.leaseSeconds} s; receiver in a child process`);
    const cpuNote = bdb.engine === 'pglite' ? 'database included' : 'the server\'s own CPU not included';
    out(`burst    Varde     ${fmt(burstCount.published)}/${fmt(BURST)} published in ${fmt(burstSeconds, 2)} s from the due instant = ${fmt(burstRate)}/s; receiver: ${fmt(burstRecv.delivered)} distinct, ${burstRecv.duplicates} duplicates, ${burstRecv.rejected} refused; CPU ${fmt(burstCpuPerDelivery)} µs per delivery (${cpuNote})`);
    if (ceiling && ceilingRecv) {
      out(`burst    pg-boss   ${fmt(ceiling.jobs)}/${fmt(BURST)} completed in ${fmt(ceiling.seconds, 2)} s = ${fmt(ceiling.perSecond)}/s (${CEILING_LOOPS} loops, batches of ${CEILING_BATCH}, ${ceiling.failed} failed); receiver: ${fmt(ceilingRecv.delivered)} distinct, ${ceilingRecv.duplicates} duplicates; CPU ${fmt(ceiling.cpuPerJobUs)} µs per job`);
      out(`burst    ratio     ${fmt(ratio, 2)} (Varde / bare pg-boss)`);
    }
    out(`steady   ${RATE}/s for ${STEADY_SECONDS} s: ${fmt(steadyCount.published)}/${fmt(steadyN)} published; lateness p50 ${fmt(p50)} ms, p99 ${fmt(p99)} ms, max ${fmt(max)} ms; ${late} later than 1 s; receiver: ${steadyRecv.duplicates} duplicates`);
    out(`memory   max RSS of the worker process ${fmt(rssMb)} MB (${fmt(rssAtStart)} MB when the worker started, ${fmt(rssAfterBurst)} MB after the burst; heap in use at the end ${fmt(heapMb)} MB)${bdb.engine === 'pglite' ? '; includes the in-process PGlite engine' : ''}`);
    out(`run      ${fmt((Date.now() - started) / 1000, 1)} s in total; load average (1 min) ${fmt(loadAtStart, 1)} at start, ${fmt(os.loadavg()[0], 1)} at end (2 cores: above ~2, other processes were competing)`);
    out(`publish: ${fmt(burstRate).replace(/,/g, '')}/s ratio ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'} steady-p99 ${Math.round(p99)} ms duplicates ${duplicates} lost ${lost} rss ${Math.round(rssMb)} MB`);
  } finally {
    await varde?.close().catch(() => {});
    await receiver.close().catch(() => {});
    await bdb.drop().catch((err) => console.error('dropping the bench database failed:', err));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    progress.done();
    console.error(err);
    process.exit(1);
  },
);
