/**
 * Group commit for finished deliveries. Each publish ends with "record the outcome, release the
 * lease, roll the post up"; one transaction per delivery caps a worker at the database's round
 * trips. Here the outcomes that arrive while a write is running (or within `delayMs` of an idle
 * start) go out together, in one transaction: the posts locked, the attempts and deliveries
 * written by one statement, the posts rolled up by another. A post's status therefore never lags
 * its deliveries. The caller's promise resolves once its outcome is committed.
 *
 * Up to `maxWrites` transactions run at once: they touch different deliveries, and lock posts in
 * id order, so they cannot deadlock one another.
 */
import type { Db } from '../db/client.js';
import { finishAndRollUp, type ClaimedDelivery, type Finish } from './publishing.repository.js';

interface Pending {
  d: ClaimedDelivery;
  f: Finish;
  resolve(changed: boolean): void;
  reject(err: unknown): void;
}

export interface FinishBatcherOptions {
  /** Most outcomes written by one transaction. */
  maxBatch: number;
  /** How long a lone outcome waits for company when nothing is being written. */
  delayMs: number;
  /** Transactions in flight at once. */
  maxWrites?: number;
}

/** While one write runs, a second starts only once this many outcomes wait (else they wait for the first). */
const MIN_SECOND_BATCH = 20;

export class FinishBatcher {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writes = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly maxWrites: number;

  constructor(private readonly db: Db, private readonly workerId: string, private readonly opts: FinishBatcherOptions) {
    this.maxWrites = Math.max(1, opts.maxWrites ?? 2);
  }

  /** Records the outcome; true when the delivery changed (this worker still held it). */
  finish(d: ClaimedDelivery, f: Finish): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ d, f, resolve, reject });
      this.pump();
    });
  }

  /** Resolves once every outcome handed in so far is written. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && this.writes === 0) return Promise.resolve();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.startWrite();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump() {
    if (this.queue.length === 0 || this.writes >= this.maxWrites) return;
    if (this.writes === 0) {
      if (this.queue.length >= this.opts.maxBatch) this.startWrite();
      else this.timer ??= setTimeout(() => this.startWrite(), this.opts.delayMs);
    } else if (this.queue.length >= Math.min(MIN_SECOND_BATCH, this.opts.maxBatch)) {
      this.startWrite();
    }
  }

  private startWrite() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const items = this.queue.splice(0, this.opts.maxBatch);
    if (items.length === 0) return;
    this.writes++;
    void this.write(items).finally(() => {
      this.writes--;
      if (this.queue.length > 0) this.startWrite(); // what arrived meanwhile goes at once
      else if (this.writes === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    });
  }

  private async write(items: Pending[]) {
    try {
      const changed = await finishAndRollUp(this.db, this.workerId, items);
      const ids = new Set(changed.map((r) => r.id));
      for (const it of items) it.resolve(ids.has(it.d.id));
    } catch (err) {
      for (const it of items) it.reject(err);
    }
  }
}
