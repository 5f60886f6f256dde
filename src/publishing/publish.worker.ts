/**
 * The publishing worker: claims due deliveries in batches and publishes them with bounded
 * concurrency. Any number of workers, in any number of processes, may share one database: each
 * delivery goes to one of them (SKIP LOCKED), and a worker that dies leaves leases that expire.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { AppContext } from '../app/context.js';
import { claimDue, extendLeases, removeWorker, type ClaimedDelivery } from './publishing.repository.js';
import { publishOne, type PublishCaches } from './publish.service.js';

export interface WorkerOptions {
  concurrency: number;
  pollMs: number;
  leaseSeconds: number;
  id?: string;
}

export class PublishWorker {
  readonly id: string;
  private running = false;
  private inFlight = new Set<Promise<void>>();
  private wakeTimer: NodeJS.Timeout | null = null;
  private wakeResolve: (() => void) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private loopDone: Promise<void> | null = null;
  /** Becomes true after the first successful claim round: the queue is up. */
  ready = false;

  constructor(private readonly ctx: AppContext, private readonly opts: WorkerOptions) {
    this.id = opts.id ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
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

  private wakePending = false;

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
      let claimed: ClaimedDelivery[] = [];
      if (free > 0) {
        try {
          claimed = await claimDue(this.ctx.db, this.id, free, this.opts.leaseSeconds);
          this.ready = true;
        } catch (err) {
          if (!this.running) break;
          this.ctx.logger.error({ err }, 'claiming due deliveries failed; retrying');
        }
      }
      const caches: PublishCaches = { channels: new Map(), blockedUntil: new Map() };
      for (const d of claimed) this.track(d, caches);
      if (claimed.length > 0 && claimed.length === free) continue; // more may be due: claim again at once
      if (free <= 0) await Promise.race([...this.inFlight, this.sleep(this.opts.pollMs)]);
      else await this.sleep(this.opts.pollMs);
    }
  }

  private track(d: ClaimedDelivery, caches: PublishCaches) {
    const p = publishOne(this.ctx, d, this.id, caches)
      .catch((err) => this.ctx.logger.error({ err, deliveryId: d.id }, 'publishing a delivery failed unexpectedly; its lease will expire and it will be retried'))
      .finally(() => {
        this.inFlight.delete(p);
        if (this.inFlight.size < this.opts.concurrency) this.wake();
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
    await removeWorker(this.ctx.db, this.id).catch(() => {});
  }
}
