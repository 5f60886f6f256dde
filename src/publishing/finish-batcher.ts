/**
 * Group commit for finished deliveries. Each publish ends with "record the outcome, release the
 * lease, roll the post up"; one statement per delivery caps a worker at the database's round
 * trips. Here every outcome that arrives while a write is running (or within `delayMs` of an idle
 * start) goes out together: one statement for the attempts and deliveries, one transaction for
 * the posts' roll-ups. The caller's promise resolves only once its outcome is committed.
 *
 * The same lane runs the worker's lease heartbeat (`exclusive`): both update this worker's
 * deliveries, and two multi-row updates taking row locks in different orders could deadlock.
 */
import type { Db } from '../db/client.js';
import { rollupPosts } from '../posts/posts.repository.js';
import { finishMany, type ClaimedDelivery, type Finish } from './publishing.repository.js';

interface Pending {
  d: ClaimedDelivery;
  f: Finish;
  resolve(changed: boolean): void;
  reject(err: unknown): void;
}

export interface FinishBatcherOptions {
  /** Most outcomes written by one statement. */
  maxBatch: number;
  /** How long a lone outcome waits for company when nothing is being written. */
  delayMs: number;
  onRollupError(err: unknown): void;
}

export class FinishBatcher {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lane: Promise<void> = Promise.resolve();
  private writing = false;

  constructor(private readonly db: Db, private readonly workerId: string, private readonly opts: FinishBatcherOptions) {}

  /** Records the outcome; true when the delivery changed (this worker still held it). */
  finish(d: ClaimedDelivery, f: Finish): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ d, f, resolve, reject });
      if (this.writing) return; // the running write takes this one next
      if (this.queue.length >= this.opts.maxBatch) this.flushSoon(0);
      else if (!this.timer) this.flushSoon(this.opts.delayMs);
    });
  }

  /** Runs `fn` alone on the lane: never alongside a write of outcomes. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lane.then(fn);
    this.lane = run.then(() => {}, () => {});
    return run;
  }

  /** Resolves once every outcome handed in so far is written. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.writing) {
      if (!this.writing) this.flushSoon(0);
      await this.lane;
      await new Promise((r) => setImmediate(r));
    }
  }

  private flushSoon(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private async flush() {
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const items = this.queue.splice(0, this.opts.maxBatch);
        await this.exclusive(() => this.write(items));
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(items: Pending[]) {
    let changed: Array<{ id: string; post_id: string }>;
    try {
      changed = await finishMany(this.db, this.workerId, items);
    } catch (err) {
      for (const it of items) it.reject(err);
      return;
    }
    try {
      await rollupPosts(this.db, changed.map((r) => r.post_id));
    } catch (err) {
      // The deliveries' outcomes are committed; a post's status is derived and is rolled up again
      // by the next change to any of its deliveries.
      this.opts.onRollupError(err);
    }
    const ids = new Set(changed.map((r) => r.id));
    for (const it of items) it.resolve(ids.has(it.d.id));
  }
}
