/**
 * The two measured phases against Varde's worker: a burst (every delivery due at one instant;
 * drain rate from the due instant to the last published_at) and a steady load (deliveries falling
 * due evenly; lateness = published_at − due_at). Both count on the receiving side too: copies of
 * an id and ids that belong to no delivery are duplicates; deliveries not published in the end
 * are lost.
 */
import type { Queryable } from '../../src/db/client.js';
import type { RemoteReceiver } from './receiver-client.js';
import { fmt, percentile, sleep, type Progress } from './report.js';
import { scheduleSeeded, seedDeliveries, type SeededDelivery, type SeededWorkspace } from './seed.js';

export interface PhaseContext {
  db: Queryable;
  receiver: RemoteReceiver;
  ws: SeededWorkspace;
  progress: Progress;
  /** From scheduling the seeded deliveries to their first due time. */
  leadMs: number;
  /** Give up when nothing was published for this long after the last one fell due. */
  stallMs: number;
}

export interface ReceiverCount {
  /** Distinct ids that belong to the phase's deliveries. */
  delivered: number;
  /** Extra copies of an id, plus ids that belong to no delivery of the phase. */
  duplicates: number;
  /** Requests the receiver answered with anything but 200 (a bad signature would show here). */
  refused: number;
}

export interface BurstResult extends ReceiverCount {
  n: number;
  published: number;
  seconds: number;
  perSecond: number;
  cpuPerDeliveryUs: number;
  lost: number;
}

export interface SteadyResult extends ReceiverCount {
  n: number;
  published: number;
  p50: number;
  p99: number;
  max: number;
  /** Published more than 1 s after falling due. */
  late: number;
  lost: number;
}

interface Window {
  from: Date;
  to: Date;
  n: number;
}

interface WindowCount {
  published: number;
  last: Date | null;
}

/** `n` deliveries all due at one instant, with the worker already running. */
export async function runBurst(pc: PhaseContext, n: number, label = 'burst'): Promise<BurstResult> {
  const t = Date.now();
  const seeded = await seedDeliveries(pc.db, pc.ws, Array.from({ length: n }, () => 0), label);
  const dueAt = new Date(Date.now() + pc.leadMs);
  await scheduleSeeded(pc.db, seeded.parkedAt, dueAt);
  if (Date.now() > dueAt.getTime() - 100) throw new Error(`scheduling the ${label} took longer than the lead time`);
  pc.progress.done(`${label}: seeded ${fmt(n)} deliveries over ${pc.ws.channels.length} channels in ${fmt(Date.now() - t)} ms, all due at ${dueAt.toISOString()}`);
  await sleep(dueAt.getTime() - Date.now());
  const cpu = process.cpuUsage();
  const count = await waitForWindow(pc, { from: dueAt, to: dueAt, n }, `${label} (Varde)`, dueAt.getTime());
  const used = process.cpuUsage(cpu);
  const seconds = count.last ? (count.last.getTime() - dueAt.getTime()) / 1000 : NaN;
  const received = await countReceived(pc.receiver, seeded.deliveries);
  await pc.receiver.reset();
  return {
    n, published: count.published, seconds, perSecond: count.published / seconds,
    cpuPerDeliveryUs: (used.user + used.system) / Math.max(1, count.published),
    lost: n - count.published, ...received,
  };
}

/** `rate` deliveries a second falling due evenly for `seconds`, with the worker already running. */
export async function runSteady(pc: PhaseContext, rate: number, seconds: number): Promise<SteadyResult> {
  const t = Date.now();
  const n = Math.round(rate * seconds);
  const offsets = Array.from({ length: n }, (_, i) => Math.round((i * 1000) / rate));
  const seeded = await seedDeliveries(pc.db, pc.ws, offsets, 'steady');
  const start = Date.now() + pc.leadMs;
  await scheduleSeeded(pc.db, seeded.parkedAt, new Date(start));
  if (Date.now() > start - 100) throw new Error('scheduling the steady phase took longer than the lead time');
  pc.progress.done(`steady: seeded ${fmt(n)} deliveries in ${fmt(Date.now() - t)} ms, due ${rate}/s over ${seconds} s from ${new Date(start).toISOString()}`);
  const window = { from: new Date(start), to: new Date(start + offsets[n - 1]), n };
  const count = await waitForWindow(pc, window, 'steady (Varde)', start);
  const lateness = (
    await pc.db.query<{ ms: number }>(
      `SELECT (extract(epoch FROM (published_at - due_at)) * 1000)::float8 AS ms FROM deliveries
       WHERE due_at >= $1 AND due_at <= $2 AND state = 'published' ORDER BY 1`,
      [window.from, window.to],
    )
  ).map((r) => Number(r.ms));
  const received = await countReceived(pc.receiver, seeded.deliveries);
  await pc.receiver.reset();
  return {
    n, published: count.published,
    p50: percentile(lateness, 50), p99: percentile(lateness, 99), max: lateness.at(-1) ?? NaN,
    late: lateness.filter((ms) => ms > 1000).length, lost: n - count.published, ...received,
  };
}

/** What the receiver saw, against the keys that were sent. */
export async function countReceived(receiver: RemoteReceiver, sent: Pick<SeededDelivery, 'key'>[]): Promise<ReceiverCount> {
  const stats = await receiver.stats();
  const keys = new Set(sent.map((d) => d.key));
  const strangers = stats.uniqueIds.filter((id) => !keys.has(id)).length;
  return {
    delivered: stats.uniqueIds.length - strangers,
    duplicates: stats.accepted - stats.uniqueIds.length + strangers,
    refused: stats.rejected,
  };
}

async function countWindow(db: Queryable, w: Window): Promise<WindowCount> {
  const [row] = await db.query<WindowCount>(
    `SELECT (count(*) FILTER (WHERE state = 'published'))::int AS published, max(published_at) AS last
     FROM deliveries WHERE due_at >= $1 AND due_at <= $2`,
    [w.from, w.to],
  );
  return row;
}

/**
 * Waits until every delivery of the window is published, or nothing moved for `stallMs` after the
 * last one fell due. Watches the receiver (cheap: another process) and asks the database once the
 * receiver has seen them all, or progress stalls.
 */
async function waitForWindow(pc: PhaseContext, w: Window, label: string, startedAt: number): Promise<WindowCount> {
  let lastChange = Date.now();
  let lastSeen = -1;
  for (;;) {
    await sleep(100);
    const { accepted } = await pc.receiver.count();
    const seconds = (Date.now() - startedAt) / 1000;
    pc.progress.update(`${label}: ${fmt(accepted)}/${fmt(w.n)} received, ${fmt(seconds, 1)} s${seconds > 0 ? `, ${fmt(accepted / seconds)}/s` : ''}`);
    const count = accepted >= w.n || Date.now() - lastChange > 1_000 ? await countWindow(pc.db, w) : null;
    if (count && count.published >= w.n) {
      pc.progress.done();
      return count;
    }
    const seen = accepted + (count?.published ?? 0);
    if (seen !== lastSeen) {
      lastSeen = seen;
      lastChange = Date.now();
    }
    if (Date.now() > w.to.getTime() && Date.now() - lastChange > pc.stallMs) {
      pc.progress.done();
      return count ?? countWindow(pc.db, w);
    }
  }
}
