/**
 * `npm run bench:inbox [-- --quick]`: how fast Varde takes in signed webhook events (Facebook page
 * comments, `X-Hub-Signature-256`), 10 % of them repeats, posted on loopback by concurrent
 * clients (in a child process); and, in the same run, the ceiling: the same requests against a
 * bare Fastify route that only verifies the signature. Each event is verified over the raw body,
 * parsed, scored (language, sentiment, priority), run through the rules and stored once — the
 * answer is sent only once it is committed. On the PostgreSQL server named by DATABASE_URL (a
 * fresh database, dropped after), else on PGlite.
 *
 * Within a round, ours and the ceiling take turns on fifths of the same requests, so both meet the
 * same moments of a machine shared with other work. Full runs report medians over 3 rounds;
 * --quick runs one (≤ 60 s). Details, then ONE summary line last:
 * `inbox: <events/s>/s ratio <ours/ceiling> p99 <ms> ms stored <n> duplicates-stored <n>`
 * (stored: the unique events of that round, each stored once). See bench/README.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/app/config.js';
import { newId } from '../src/app/ids.js';
import { createLogger } from '../src/app/logger.js';
import { startVarde } from '../src/app/start.js';
import type { Queryable } from '../src/db/client.js';
import { openBenchDatabase } from './lib/engine.js';
import { metaCommentEvents, startCeiling, startLoadGenerator, type LoadGenerator } from './lib/inbox-load.js';
import type { LoadRequest, LoadResult } from './lib/webhook-load.process.js';
import { fmt, percentile } from './lib/report.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    events: { type: 'string', default: '10000' },
    duplicates: { type: 'string', default: '0.1' },
    concurrency: { type: 'string', default: '64' },
    pages: { type: 'string', default: '20' },
    rounds: { type: 'string' },
  },
});
const EVENTS = Number(args.events);
const DUPLICATES = Number(args.duplicates);
const CONCURRENCY = Number(args.concurrency);
const PAGES = Number(args.pages);
const ROUNDS = Number(args.rounds ?? (args.quick ? 1 : 3));
/** Turns each side takes per round. */
const SEGMENTS = 5;
const APP_SECRET = crypto.randomBytes(16).toString('hex');
const out = (line = '') => process.stdout.write(`${line}\n`);

async function seedPages(db: Queryable, secrets: { encrypt(v: unknown): string }): Promise<string[]> {
  const userId = newId();
  const workspaceId = newId();
  await db.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'Bench', 'not-a-hash')`, [userId, `bench-${userId}@example.com`]);
  await db.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'Bench')`, [workspaceId]);
  await db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [workspaceId, userId]);
  const pages = Array.from({ length: PAGES }, (_, i) => `10400000000${String(i).padStart(4, '0')}`);
  for (const page of pages) {
    await db.query(`INSERT INTO channels (id, workspace_id, network, name, external_id, credentials) VALUES ($1, $2, 'facebook', $3, $3, $4)`, [newId(), workspaceId, page, secrets.encrypt({ pageId: page, pageToken: 'bench' })]);
  }
  return pages;
}

const rate = (n: number, ms: number) => n / (ms / 1000);

interface RoundResult {
  r: number;
  unique: number;
  stored: number;
  dupes: number;
  ours: number;
  top: number;
  p50: number;
  p99: number;
}

/**
 * Ours and the ceiling, taking turns in SEGMENTS slices of the same requests (the order flipped
 * each time), so that both meet the same moments of a machine shared with other work.
 */
async function interleaved(load: LoadGenerator, ours: string, ceiling: string, requests: LoadRequest[]): Promise<{ ours: LoadResult; ceiling: LoadResult }> {
  const total = (): LoadResult => ({ durationMs: 0, latenciesMs: [], statuses: {} });
  const acc = { ours: total(), ceiling: total() };
  const size = Math.ceil(requests.length / SEGMENTS);
  for (let i = 0; i < SEGMENTS; i++) {
    const slice = requests.slice(i * size, (i + 1) * size);
    for (const side of i % 2 === 0 ? (['ceiling', 'ours'] as const) : (['ours', 'ceiling'] as const)) {
      const res = await load.run(side === 'ours' ? ours : ceiling, slice, CONCURRENCY);
      acc[side].durationMs += res.durationMs;
      acc[side].latenciesMs.push(...res.latenciesMs);
      for (const [k, v] of Object.entries(res.statuses)) acc[side].statuses[k] = (acc[side].statuses[k] ?? 0) + v;
    }
  }
  return acc;
}

async function main() {
  const bench = await openBenchDatabase(process.env.DATABASE_URL);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-inbox-bench-'));
  const config = loadConfig({ VARDE_DATA_DIR: dataDir, VARDE_SECRET_KEY: crypto.randomBytes(32).toString('hex'), HOST: '127.0.0.1', LOG_LEVEL: 'silent', VARDE_FACEBOOK_APP_ID: 'bench', VARDE_FACEBOOK_APP_SECRET: APP_SECRET }, { port: 0 });
  const varde = await startVarde({ mode: 'serve', config, db: bench.db, logger: createLogger('silent') });
  const load = await startLoadGenerator();
  const ceiling = await startCeiling(APP_SECRET);
  const ours = `${varde.url!.replace('localhost', '127.0.0.1')}/api/v1/webhooks/facebook`;
  try {
    const pages = await seedPages(bench.db, varde.ctx.secrets);
    out(`bench:inbox on ${bench.label}; ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}`);
    out(`${fmt(EVENTS)} signed events per round (${DUPLICATES * 100} % repeats) from ${CONCURRENCY} concurrent clients, ${PAGES} pages, ${ROUNDS} round(s)`);
    const warm = metaCommentEvents(pages, 1_000, 0, APP_SECRET, 'warm');
    await load.run(ceiling.url, warm.requests, CONCURRENCY);
    await load.run(ours, warm.requests, CONCURRENCY);

    const rounds: RoundResult[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      const label = `r${r}x`;
      const set = metaCommentEvents(pages, EVENTS, DUPLICATES, APP_SECRET, label);
      const { ours: mine, ceiling: top } = await interleaved(load, ours, ceiling.url, set.requests);
      const [row] = await bench.db.query<{ stored: number; distinct: number }>(
        `SELECT count(*)::int AS stored, count(DISTINCT (channel_id, external_id))::int AS distinct FROM inbox_items WHERE external_id LIKE $1`,
        [`%\\_1\\_${label}%`],
      );
      const lat = [...mine.latenciesMs].sort((a, b) => a - b);
      const result: RoundResult = { r, unique: set.unique, stored: row.stored, dupes: row.stored - row.distinct, ours: rate(EVENTS, mine.durationMs), top: rate(EVENTS, top.durationMs), p50: percentile(lat, 50), p99: percentile(lat, 99) };
      rounds.push(result);
      out(`round ${r}: ours ${fmt(result.ours)}/s (p50 ${fmt(result.p50, 1)} ms, p99 ${fmt(result.p99, 1)} ms, answers ${JSON.stringify(mine.statuses)}); ceiling ${fmt(result.top)}/s (answers ${JSON.stringify(top.statuses)}); ratio ${(result.ours / result.top).toFixed(2)}; stored ${result.stored} of ${result.unique} unique`);
      if (result.stored !== result.unique) out(`  MISMATCH: ${result.unique} unique events, ${result.stored} stored`);
    }
    const median = (f: (x: RoundResult) => number) => [...rounds].map(f).sort((a, b) => a - b)[Math.floor(rounds.length / 2)];
    const stored = rounds.reduce((n, x) => n + x.stored, 0);
    const dupes = rounds.reduce((n, x) => n + x.dupes, 0);
    const lost = rounds.reduce((n, x) => n + Math.max(0, x.unique - x.stored), 0);
    out(`${fmt(stored)} events stored in all rounds, each once; ${lost} lost; medians over ${rounds.length} round(s) below (each round pairs ours with the ceiling)`);
    out(`inbox: ${Math.round(median((x) => x.ours))}/s ratio ${median((x) => x.ours / x.top).toFixed(2)} p99 ${Math.round(median((x) => x.p99))} ms stored ${median((x) => x.stored)} duplicates-stored ${dupes}`);
  } finally {
    await load.close();
    await ceiling.app.close();
    await varde.close();
    await bench.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
