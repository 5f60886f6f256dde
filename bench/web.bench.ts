/**
 * `npm run bench:web [-- --quick]`: the web app's weight and the calendar's speed, in headless
 * Chromium against a real Varde (PGlite, or the PostgreSQL server of DATABASE_URL).
 *
 * - first-load: gzipped JavaScript the browser fetches to show the first screen — the log-in page
 *   for a visitor and the month calendar for a logged-in user; the larger is reported.
 * - calendar-5000: from navigation start to the month view drawn (`varde:calendar-ready` mark) for
 *   a month holding 5,000 posts over 3 channels; `empty` is the same page for an empty month.
 *   Median of 3 runs (--quick) or 9, each in a fresh browser context (cold caches).
 *
 * Last line: `web: first-load <KB> KB gz, calendar-5000 <ms> ms, empty <ms> ms`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { DateTime } from 'luxon';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../src/app/config.js';
import { createLogger } from '../src/app/logger.js';
import { startVarde, type Varde } from '../src/app/start.js';
import { ensureBuild } from '../web/scripts/ensure-build.mjs';
import { openBenchDatabase } from './lib/engine.js';

const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 3 : 9;
const POSTS = 5000;
const CHROMIUM = process.env.VARDE_CHROMIUM ?? '/usr/lib/chromium/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DIST = path.resolve('web/dist');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (s: string) => process.stdout.write(`${s}\n`);

async function startServer(): Promise<{ varde: Varde; base: string; drop(): Promise<void> }> {
  const bench = await openBenchDatabase(process.env.DATABASE_URL);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-webbench-'));
  const config = loadConfig({ VARDE_DATA_DIR: dataDir, VARDE_SIGNUP: 'open', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' });
  const varde = await startVarde({ mode: 'serve', config, db: bench.db, logger: createLogger('warn') });
  log(`engine: ${bench.label}`);
  return {
    varde, base: varde.url!.replace('localhost', '127.0.0.1'),
    async drop() {
      await varde.close();
      await bench.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A user, 3 webhook channels and 5,000 posts spread over `month` (08:00–20:00 Oslo), in SQL. */
async function seed(varde: Varde, month: DateTime) {
  const inject = async (method: string, url: string, body: unknown, cookie?: string) => {
    const res = await varde.server!.inject({ method: method as 'POST', url, payload: body as object, headers: { origin: 'http://localhost', host: 'localhost', ...(cookie ? { cookie } : {}) } });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return { body: res.json(), cookie: String(res.headers['set-cookie'] ?? '').split(';')[0] };
  };
  const signup = await inject('POST', '/api/v1/auth/signup', { email: 'bench@example.com', password: 'correct horse battery', name: 'Bench' });
  const ws = signup.body.workspace.id as string;
  const channels: string[] = [];
  for (const name of ['Hook A', 'Hook B', 'Hook C']) {
    channels.push((await inject('POST', `/api/v1/workspaces/${ws}/channels`, { network: 'webhook', url: `https://hooks.example.com/${name.slice(-1)}`, name }, signup.cookie)).body.id);
  }
  const start = month.setZone('Europe/Oslo').startOf('month').set({ hour: 8 });
  const days = month.daysInMonth!;
  await varde.ctx.db.query(
    `WITH p AS (
       INSERT INTO posts (id, workspace_id, status, content, scheduled_at)
       SELECT gen_random_uuid(), $1, 'scheduled',
              jsonb_build_object('text', 'Benchmark post ' || n || ': a launch, a tip, a link to https://example.com/' || n, 'media', '[]'::jsonb, 'link', null, 'followups', '[]'::jsonb),
              $2::timestamptz + ((n % $4) || ' days')::interval + (((n * 7) % 720) || ' minutes')::interval
       FROM generate_series(1, $3) AS n
       RETURNING id, scheduled_at)
     INSERT INTO deliveries (id, workspace_id, post_id, channel_id, state, idempotency_key, due_at, available_at)
     SELECT gen_random_uuid(), $1, p.id, ($5::uuid[])[1 + (row_number() OVER () % 3)], 'scheduled', md5(random()::text || p.id::text), p.scheduled_at, p.scheduled_at
     FROM p`,
    [ws, start.toISO(), POSTS, days, channels],
  );
  return { ws, cookie: signup.cookie };
}

/** Gzipped bytes of every script a fresh page loads to show `url`. */
async function firstLoadKb(browser: Browser, base: string, url: string, cookie?: string): Promise<number> {
  const context = await browser.newContext();
  if (cookie) await context.addCookies([{ name: cookie.split('=')[0], value: cookie.split('=')[1], url: base }]);
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('request', (r) => { if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname); });
  await page.goto(base + url, { waitUntil: 'networkidle' });
  await context.close();
  const sizes = [...scripts].map((p) => ({ name: path.basename(p).replace(/-[\w-]{8}\.js$/, ''), kb: zlib.gzipSync(fs.readFileSync(path.join(DIST, p)), { level: 9 }).length / 1024 }));
  sizes.sort((a, b) => b.kb - a.kb);
  if (process.env.VARDE_BENCH_VERBOSE) log(`  ${url.split('?')[0]}: ${sizes.map((s) => `${s.name} ${s.kb.toFixed(1)}`).join(', ')}`);
  return sizes.reduce((sum, s) => sum + s.kb, 0);
}

/** Milliseconds from navigation start to the month view drawn, and the part spent after the data arrived. */
async function calendarMs(browser: Browser, base: string, ws: string, cookie: string, month: DateTime, expected: number) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/Oslo' });
  await context.addCookies([{ name: cookie.split('=')[0], value: cookie.split('=')[1], url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/w/${ws}/calendar?view=month&date=${month.toISODate()}`);
  await page.locator(`.calendar-grid[data-ready="true"][data-posts="${expected}"]`).waitFor({ timeout: 60_000 });
  const result = await page.evaluate(() => {
    const mark = performance.getEntriesByName('varde:calendar-ready').at(-1)!;
    const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/calendar?')).at(-1) as PerformanceResourceTiming | undefined;
    return { total: mark.startTime, afterData: api ? mark.startTime - api.responseEnd : NaN, api: api ? api.responseEnd - api.requestStart : NaN, apiEnd: api?.responseEnd ?? NaN, events: document.querySelectorAll('.calendar-grid [data-post-id], .calendar-grid .cal-more').length };
  });
  await context.close();
  return result;
}

async function main() {
  await ensureBuild();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set VARDE_CHROMIUM)`);
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const busy = DateTime.now().setZone('Europe/Oslo').plus({ months: 1 }).startOf('month');
    const empty = busy.plus({ months: 2 }); // not adjacent: a month grid shows days of its neighbours
    const { ws, cookie } = await seed(server.varde, busy);
    log(`seeded ${POSTS} posts in ${busy.toFormat('yyyy-MM')}; ${RUNS} runs each`);
    const login = await firstLoadKb(browser, server.base, '/login');
    const calendarScreen = await firstLoadKb(browser, server.base, `/w/${ws}/calendar?view=month`, cookie);
    log(`first screen JS (gzip -9): log-in ${login.toFixed(1)} KB, calendar ${calendarScreen.toFixed(1)} KB`);
    await calendarMs(browser, server.base, ws, cookie, busy, POSTS); // warm the server's caches once
    const busyRuns = [];
    const emptyRuns = [];
    for (let i = 0; i < RUNS; i++) {
      busyRuns.push(await calendarMs(browser, server.base, ws, cookie, busy, POSTS));
      emptyRuns.push(await calendarMs(browser, server.base, ws, cookie, empty, 0));
    }
    const busyMs = median(busyRuns.map((r) => r.total));
    const emptyMs = median(emptyRuns.map((r) => r.total));
    log(`calendar, ${POSTS} posts: ${busyRuns.map((r) => r.total.toFixed(0)).join(', ')} ms (median ${busyMs.toFixed(0)}; ${busyRuns[0].events} entries drawn)`);
    log(`  of which: data answered at ${median(busyRuns.map((r) => r.apiEnd)).toFixed(0)} ms (the request itself ${median(busyRuns.map((r) => r.api)).toFixed(0)} ms), drawn ${median(busyRuns.map((r) => r.afterData)).toFixed(0)} ms after it arrived`);
    log(`calendar, empty month: ${emptyRuns.map((r) => r.total.toFixed(0)).join(', ')} ms (median ${emptyMs.toFixed(0)}; drawn ${median(emptyRuns.map((r) => r.afterData)).toFixed(0)} ms after its data arrived)`);
    log(`targets: first-load ≤ 250 KB, calendar-5000 ≤ 1,000 ms`);
    log(`web: first-load ${Math.max(login, calendarScreen).toFixed(0)} KB gz, calendar-5000 ${busyMs.toFixed(0)} ms, empty ${emptyMs.toFixed(0)} ms`);
  } finally {
    await browser.close();
    await server.drop();
  }
}

await main();
