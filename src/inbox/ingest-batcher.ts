/**
 * Group commit for incoming items. A webhook is answered only once its items are stored (so a
 * network that gets no 200 sends it again, and nothing is lost), but one INSERT per request caps
 * the server at the database's round trips. Here every request that arrives while a write is
 * running (or within `delayMs`) is written together in one statement; up to `parallel` writes
 * run at once, a new one starting as soon as `minRows` are waiting. A failed batch is retried request by
 * request, so one bad request never fails the others.
 */
import type { Db } from '../db/client.js';
import type { IngestRow } from './ingest.js';
import { storeRows } from './ingest.repository.js';

interface Pending {
  rows: IngestRow[];
  resolve(stored: number): void;
  reject(err: unknown): void;
}

export interface IngestBatcherOptions {
  /** Rows per statement (a single larger request still goes in one). */
  maxRows: number;
  /** How long a request waits for company when fewer than `minRows` are waiting. */
  delayMs: number;
  /** Rows worth a write of their own at once (while fewer than `parallel` writes run). */
  minRows: number;
  /** Writes at once (1 on the embedded engine, which has one connection). */
  parallel: number;
}

const keyOf = (channelId: string, externalId: string) => `${channelId}\u0000${externalId}`;

export class IngestBatcher {
  private queue: Pending[] = [];
  private queuedRows = 0;
  private writing = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db, private readonly opts: IngestBatcherOptions) {}

  /** Stores the rows (with everything else waiting); resolves with how many of them were new. */
  store(rows: IngestRow[]): Promise<number> {
    if (rows.length === 0) return Promise.resolve(0);
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.queuedRows += rows.length;
      this.schedule();
    });
  }

  private schedule() {
    if (this.queue.length === 0 || this.writing >= this.opts.parallel) return; // a finishing write takes them
    if (this.queuedRows >= this.opts.minRows) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.opts.delayMs);
  }

  private flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.queue.length === 0 || this.writing >= this.opts.parallel) return;
    const batch: Pending[] = [];
    let n = 0;
    while (this.queue.length > 0 && (batch.length === 0 || n + this.queue[0].rows.length <= this.opts.maxRows)) {
      const p = this.queue.shift()!;
      batch.push(p);
      n += p.rows.length;
    }
    this.queuedRows -= n;
    this.writing += 1;
    void this.write(batch).finally(() => {
      this.writing -= 1;
      if (this.queue.length > 0) this.flush();
    });
  }

  private async write(batch: Pending[]) {
    try {
      const stored = await storeRows(this.db, batch.flatMap((p) => p.rows));
      const fresh = new Set(stored.map((s) => keyOf(s.channel_id, s.external_id)));
      for (const p of batch) {
        let count = 0;
        for (const r of p.rows) if (fresh.delete(keyOf(r.channelId, r.externalId))) count += 1;
        p.resolve(count);
      }
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      for (const p of batch) await this.write([p]);
    }
  }
}
