/**
 * Group commit for finished deliveries. Each publish ends with "record the outcome, release the
 * lease, roll the post up"; one transaction per delivery caps a worker at the database's round
 * trips. Here the outcomes that arrive while a write is running (or within `delayMs` of an idle
 * start) go out together, in one transaction: the posts locked, the attempts and deliveries
 * written by one statement, the posts rolled up by another. A post's status therefore never lags
 * its deliveries. The caller's promise resolves once its outcome is committed.
 *
 * One write at a time: measured, a second concurrent write only made the batches smaller (more
 * statements per delivery) and the worker slower.
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
}

export class FinishBatcher {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly db: Db, private readonly workerId: string, private readonly opts: FinishBatcherOptions) {}

  /** Records the outcome; true when the delivery changed (this worker still held it). */
  finish(d: ClaimedDelivery, f: Finish): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ d, f, resolve, reject });
      this.pump();
    });
  }

  /** Resolves once every outcome handed in so far is written. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.writing) return Promise.resolve();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.startWrite();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump() {
    if (this.queue.length === 0 || this.writing) return; // a running write takes them next
    if (this.queue.length >= this.opts.maxBatch) this.startWrite();
    else this.timer ??= setTimeout(() => this.startWrite(), this.opts.delayMs);
  }

  private startWrite() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.writing || this.queue.length === 0) return;
    const items = this.queue.splice(0, this.opts.maxBatch);
    this.writing = true;
    void this.write(items).finally(() => {
      this.writing = false;
      if (this.queue.length > 0) this.startWrite(); // what arrived meanwhile goes at once
      else for (const resolve of this.idleWaiters.splice(0)) resolve();
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
