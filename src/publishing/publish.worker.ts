/**
 * The publishing worker: claims due deliveries in batches and publishes them with bounded
 * concurrency. Any number of workers, in any number of processes, may share one database: each
 * delivery goes to one of them (SKIP LOCKED), and a worker that dies leaves leases that expire.
 *
 * Round trips are what limit a worker, so it spends few per delivery: one claim statement per
 * batch (which also writes each "attempt started" row and reads the posts), channel rows from a
 * cache checked against each claim (read again only when changed), and outcomes written together
 * by the FinishBatcher. When nothing is due it sleeps until the next delivery falls due (at most
 * `pollMs`), so deliveries go out on time without polling hard.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { AppContext } from '../app/context.js';
import { ChannelCache } from './channel-cache.js';
import { FinishBatcher } from './finish-batcher.js';
import { claimDue, extendLeases, msUntilNextDue, reclaimExpired, removeWorker, type ClaimedDelivery } from './publishing.repository.js';
import { publishOne, type PublishCaches } from './publish.service.js';

export interface WorkerOptions {
  /** Most deliveries in flight at once (claimed, not yet finished). */
  concurrency: number;
  /** Longest sleep between looks at the queue. */
  pollMs: number;
  leaseSeconds: number;
  id?: string;
}

/** Most deliveries claimed by one statement, and most outcomes written by one. */
const MAX_BATCH = 200;
/** How long a lone outcome waits for others before it is written. */
const FINISH_DELAY_MS = 2;
/** Shortest sleep while waiting for the next due delivery (clock granularity, skew). */
const MIN_SLEEP_MS = 5;

export class PublishWorker {
  readonly id: string;
  private running = false;
  private inFlight = new Set<Promise<void>>();
  private wakeTimer: NodeJS.Timeout | null = null;
  private wakeResolve: (() => void) | null = null;
  private wakePending = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private loopDone: Promise<void> | null = null;
  private readonly finisher: FinishBatcher;
  private readonly channels: ChannelCache;
  /** The last claim came back full: more is due than the worker has room for. */
  private backlog = false;
  private lastReclaim = 0;
  /** Claim again once this many slots are free: batches stay large under load. */
  private readonly lowWater: number;
  /** Becomes true after the first successful claim round: the queue is up. */
  ready = false;

  constructor(private readonly ctx: AppContext, private readonly opts: WorkerOptions) {
    this.id = opts.id ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
    this.lowWater = Math.max(1, Math.min(MAX_BATCH, Math.ceil(opts.concurrency / 4)));
    this.channels = new ChannelCache(ctx.secrets);
    this.finisher = new FinishBatcher(ctx.db, this.id, { maxBatch: MAX_BATCH, delayMs: FINISH_DELAY_MS });
  }

  start() {
    if (this.running) return;
    this.running = true;
    const beat = () => extendLeases(this.ctx.db, this.id, this.opts.leaseSeconds).catch((err) => this.ctx.logger.warn({ err }, 'worker heartbeat failed'));
    void beat();
    this.heartbeat = setInterval(beat, Math.max(500, (this.opts.leaseSeconds * 1000) / 3));
    this.loopDone = this.loop();
  }

  /** Polls at once instead of waiting for the next tick. */
  wake() {
    if (this.wakeResolve) this.wakeResolve();
    else this.wakePending = true;
  }

  private sleep(ms: number) {
    if (this.wakePending) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      this.wakeResolve = () => {
        if (this.wakeTimer) clearTimeout(this.wakeTimer);
        this.wakeResolve = null;
        resolve();
      };
      this.wakeTimer = setTimeout(() => this.wakeResolve?.(), ms);
    });
  }

  private async loop() {
    while (this.running) {
      const free = this.opts.concurrency - this.inFlight.size;
      const want = Math.min(free, MAX_BATCH);
      let drained = false;
      if (free >= this.lowWater || this.inFlight.size === 0) {
        try {
          const claimed = await this.claim(want);
          this.ready = true;
          drained = claimed.length < want;
          this.backlog = !drained;
          if (claimed.length > 0) await this.dispatch(claimed);
        } catch (err) {
          if (!this.running) break;
          this.ctx.logger.error({ err }, 'claiming due deliveries failed; retrying');
          drained = true;
        }
        if (!drained && this.running) continue; // a full batch: more may be due, claim again at once
      }
      if (!this.running) break;
      // Full: a finishing delivery wakes the loop. Drained: sleep until the next one falls due.
      await this.sleep(drained ? await this.idleMs() : this.opts.pollMs);
    }
  }

  /** Due deliveries; first, at most once per `pollMs`, those a dead worker left behind. */
  private async claim(want: number): Promise<ClaimedDelivery[]> {
    let claimed: ClaimedDelivery[] = [];
    if (Date.now() - this.lastReclaim >= this.opts.pollMs) {
      this.lastReclaim = Date.now();
      claimed = await reclaimExpired(this.ctx.db, this.id, want, this.opts.leaseSeconds);
    }
    if (claimed.length >= want) return claimed;
    try {
      return claimed.concat(await claimDue(this.ctx.db, this.id, want - claimed.length, this.opts.leaseSeconds));
    } catch (err) {
      if (claimed.length === 0) throw err;
      this.ctx.logger.error({ err }, 'claiming due deliveries failed; publishing the reclaimed ones');
      return claimed; // ours now: publish them rather than leave them to expire again
    }
  }

  private async idleMs(): Promise<number> {
    try {
      const ms = await msUntilNextDue(this.ctx.db);
      return ms === null ? this.opts.pollMs : Math.min(this.opts.pollMs, Math.max(MIN_SLEEP_MS, Math.ceil(ms)));
    } catch {
      return this.opts.pollMs;
    }
  }

  /** Starts publishing a claimed batch, its channels read once (or not at all when cached and current). */
  private async dispatch(claimed: ClaimedDelivery[]) {
    const caches: PublishCaches = {
      channels: new Map(),
      blockedUntil: new Map(),
      credentialsFor: (channel) => this.channels.credentials(channel),
      finish: (d, f) => this.finisher.finish(d, f),
    };
    try {
      caches.channels = await this.channels.forBatch(this.ctx.db, claimed);
    } catch (err) {
      // Each delivery then loads what it needs itself.
      this.ctx.logger.warn({ err }, 'loading a claimed batch failed; loading per delivery');
    }
    for (const d of claimed) this.track(d, caches);
  }

  private track(d: ClaimedDelivery, caches: PublishCaches) {
    const p = publishOne(this.ctx, d, this.id, caches)
      .catch((err) => this.ctx.logger.error({ err, deliveryId: d.id }, 'publishing a delivery failed unexpectedly; its lease will expire and it will be retried'))
      .finally(() => {
        this.inFlight.delete(p);
        if (this.backlog && this.opts.concurrency - this.inFlight.size >= this.lowWater) this.wake();
      });
    this.inFlight.add(p);
  }

  get busy() {
    return this.inFlight.size;
  }

  /** Stops claiming, lets in-flight deliveries finish (up to `graceMs`), then deregisters. */
  async stop(graceMs = 10_000) {
    if (!this.running) return;
    this.running = false;
    this.wake();
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.loopDone;
    const all = Promise.allSettled([...this.inFlight]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    if (timer) clearTimeout(timer);
    if (this.inFlight.size > 0) this.ctx.logger.warn({ inFlight: this.inFlight.size }, 'stopping with deliveries still in flight: their leases will expire and they will be reconciled');
    await this.finisher.drain().catch(() => {});
    await removeWorker(this.ctx.db, this.id).catch(() => {});
  }
}
