/**
 * `npm run bench:publish [-- --quick]`: how fast Varde's publishing worker drains due webhook
 * deliveries, against a bare pg-boss loop making the same HTTP calls on the same engine in the
 * same run, and how late it publishes under a steady load. Runs on the PostgreSQL server named by
 * DATABASE_URL (in a fresh database), else on PGlite (in a temporary data directory).
 *
 *   burst   10,000 deliveries over 200 webhook channels, all due at one instant, after a warm-up
 *           of 1,000 (not counted); then the ceiling, warmed up the same way
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
import { loadConfig, type Config } from '../src/app/config.js';
import { createLogger } from '../src/app/logger.js';
import { createSecrets, parseKey } from '../src/app/secrets.js';
import { startVarde, type Varde } from '../src/app/start.js';
import { VERSION } from '../src/app/version.js';
import { createGuardedHttp } from '../src/net/guarded-http.js';
import { runCeiling, type CeilingResult } from './lib/ceiling.js';
import { openBenchDatabase, type BenchDatabase } from './lib/engine.js';
import { countReceived, runBurst, runSteady, type BurstResult, type PhaseContext, type ReceiverCount, type SteadyResult } from './lib/phases.js';
import { startRemoteReceiver } from './lib/receiver-client.js';
import { createProgress, fmt } from './lib/report.js';
import { seedWorkspace } from './lib/seed.js';

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
/** Deliveries published before the burst, not measured. */
const WARM_UP = 1_000;
/** From scheduling the seeded deliveries to their due instant: the worker is idle by then. */
const LEAD_MS = 2_000;

const out = (line = '') => process.stdout.write(`${line}\n`);
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

interface Figures {
  engine: BenchDatabase;
  config: Config;
  warmUp: BurstResult;
  burst: BurstResult;
  ceiling: CeilingResult | null;
  ceilingReceived: ReceiverCount | null;
  steady: SteadyResult;
  rss: { atStart: number; afterBurst: number; max: number; heapEnd: number };
  started: number;
  loadAtStart: number;
}

async function main() {
  const adminUrl = process.env.DATABASE_URL || undefined;
  const started = Date.now();
  const loadAtStart = os.loadavg()[0];
  const progress = createProgress();
  progress.done(`bench:publish (${QUICK ? 'quick' : 'full'}) on ${adminUrl ? 'PostgreSQL server' : 'PGlite'}: starting receiver and database…`);
  const receiver = await startRemoteReceiver();
  const engine = await openBenchDatabase(adminUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-bench-data-'));
  let varde: Varde | null = null;
  try {
    const secretKey = crypto.randomBytes(32).toString('hex');
    const config = benchConfig(dataDir, secretKey, engine.url);
    const ws = await seedWorkspace(engine.db, createSecrets(parseKey(secretKey)), CHANNELS, (p) => receiver.url(p));
    await receiver.setSecrets(Object.fromEntries(ws.channels.map((c) => [c.path, c.secret])));
    const pc: PhaseContext = { db: engine.db, receiver, ws, progress, leadMs: LEAD_MS, stallMs: QUICK ? 10_000 : 30_000 };

    varde = await startVarde({ mode: 'worker', config, db: engine.db, logger: createLogger('warn', process.stderr) });
    const rssAtStart = maxRssMb();
    // A warm worker, as in production, and as warm as the ceiling will find the shared HTTP and
    // signing code when it runs later in this process (it gets its own warm-up too).
    const warmUp = await runBurst(pc, WARM_UP, 'warm-up');
    const burst = await runBurst(pc, BURST);
    const rssAfterBurst = maxRssMb();
    const steady = await runSteady(pc, RATE, STEADY_SECONDS);
    // The worker's figures end here: the ceiling below runs in this process too.
    const rss = { atStart: rssAtStart, afterBurst: rssAfterBurst, max: maxRssMb(), heapEnd: process.memoryUsage().heapUsed / 2 ** 20 };
    await varde!.close();
    varde = null;

    let ceiling: CeilingResult | null = null;
    let ceilingReceived: ReceiverCount | null = null;
    if (!args['skip-ceiling']) {
      progress.done(`ceiling: bare pg-boss loop, ${fmt(BURST)} jobs, ${CEILING_LOOPS} loops × batches of ${CEILING_BATCH}…`);
      const http = createGuardedHttp({ allowHosts: config.allowHosts, userAgent: `Varde/${VERSION}` });
      const target = engine.url ? { url: engine.url } : { pglite: engine.pglite! };
      const common = { target, http, channels: ws.channels, batchSize: CEILING_BATCH, loops: CEILING_LOOPS };
      await runCeiling({ ...common, jobs: WARM_UP });
      await receiver.reset();
      const t = Date.now();
      ceiling = await runCeiling({
        ...common, jobs: BURST,
        onProgress: (done) => progress.update(`ceiling (pg-boss): ${fmt(done)}/${fmt(BURST)} completed, ${fmt((Date.now() - t) / 1000, 1)} s`),
      });
      http.close();
      progress.done();
      ceilingReceived = await countReceived(receiver, ceiling.keys.map((key) => ({ key })));
    }
    report({ engine, config, warmUp, burst, ceiling, ceilingReceived, steady, rss, started, loadAtStart });
  } finally {
    await (varde as Varde | null)?.close().catch(() => {});
    await receiver.close().catch(() => {});
    await engine.drop().catch((err) => console.error('dropping the bench database failed:', err));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Varde's configuration for the run: defaults, loopback allowed; worker settings may come from the environment. */
function benchConfig(dataDir: string, secretKey: string, databaseUrl: string | undefined): Config {
  const pick = (name: string) => (process.env[name] ? { [name]: process.env[name] } : {});
  return loadConfig(
    {
      VARDE_DATA_DIR: dataDir,
      VARDE_SECRET_KEY: secretKey,
      VARDE_ALLOW_HOSTS: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...pick('VARDE_WORKER_CONCURRENCY'), ...pick('VARDE_WORKER_POLL_MS'), ...pick('VARDE_LEASE_SECONDS'),
    },
    { databaseUrl },
  );
}

/** Detailed figures, then the one summary line, last. */
function report(f: Figures) {
  const { burst, ceiling, steady, rss } = f;
  const ratio = ceiling ? burst.perSecond / ceiling.perSecond : NaN;
  const pglite = f.engine.engine === 'pglite';
  out(`bench:publish ${QUICK ? 'quick' : 'full'} — ${new Date().toISOString()} — ${f.engine.label}; ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`);
  out(`worker   concurrency ${f.config.worker.concurrency}, poll ${f.config.worker.pollMs} ms, lease ${f.config.worker.leaseSeconds} s; receiver in a child process`);
  out(`warm-up  Varde     ${fmt(f.warmUp.published)}/${fmt(f.warmUp.n)} published at ${fmt(f.warmUp.perSecond)}/s (not counted)`);
  out(`burst    Varde     ${fmt(burst.published)}/${fmt(burst.n)} published in ${fmt(burst.seconds, 2)} s from the due instant = ${fmt(burst.perSecond)}/s; receiver: ${fmt(burst.delivered)} distinct, ${burst.duplicates} duplicates, ${burst.refused} refused; CPU ${fmt(burst.cpuPerDeliveryUs)} µs per delivery (${pglite ? 'database included' : "the server's own CPU not included"})`);
  if (ceiling && f.ceilingReceived) {
    out(`burst    pg-boss   ${fmt(ceiling.jobs)}/${fmt(burst.n)} completed in ${fmt(ceiling.seconds, 2)} s = ${fmt(ceiling.perSecond)}/s (${CEILING_LOOPS} loops, batches of ${CEILING_BATCH}, ${ceiling.failed} failed); receiver: ${fmt(f.ceilingReceived.delivered)} distinct, ${f.ceilingReceived.duplicates} duplicates; CPU ${fmt(ceiling.cpuPerJobUs)} µs per job`);
    out(`burst    ratio     ${fmt(ratio, 2)} (Varde / bare pg-boss)`);
  }
  out(`steady   ${RATE}/s for ${STEADY_SECONDS} s: ${fmt(steady.published)}/${fmt(steady.n)} published; lateness p50 ${fmt(steady.p50)} ms, p99 ${fmt(steady.p99)} ms, max ${fmt(steady.max)} ms; ${steady.late} later than 1 s; receiver: ${steady.duplicates} duplicates`);
  out(`memory   max RSS of the worker process ${fmt(rss.max)} MB (${fmt(rss.atStart)} MB when the worker started, ${fmt(rss.afterBurst)} MB after the burst; heap in use at the end ${fmt(rss.heapEnd)} MB)${pglite ? '; includes the in-process PGlite engine' : ''}`);
  out(`run      ${fmt((Date.now() - f.started) / 1000, 1)} s in total; load average (1 min) ${fmt(f.loadAtStart, 1)} at start, ${fmt(os.loadavg()[0], 1)} at end (2 cores: above ~2, other processes were competing)`);
  const duplicates = f.warmUp.duplicates + burst.duplicates + steady.duplicates;
  const lost = f.warmUp.lost + burst.lost + steady.lost;
  out(`publish: ${Math.round(burst.perSecond)}/s ratio ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'} steady-p99 ${Math.round(steady.p99)} ms duplicates ${duplicates} lost ${lost} rss ${Math.round(rss.max)} MB`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
