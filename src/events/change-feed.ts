/**
 * Live status for the web app: while anyone watches a workspace, one poller per process reads
 * what changed in posts and deliveries (every second by default, one query for all watched
 * workspaces) and hands each watcher its workspace's changes. Works the same on PGlite and on a
 * PostgreSQL server shared by many workers, since the deliveries table is the source of truth.
 *
 * `updated_at` is a transaction's start time, so a transaction that commits a little after the
 * cursor passed it would be missed: each poll looks back `lookbackMs` and drops what it already sent.
 */
import type { Queryable } from '../db/client.js';
import { databaseNow, findChangesSince, type ChangeRow } from './events.repository.js';

export interface ChangeBatch {
  posts: { id: string; status: string }[];
  deliveries: { id: string; postId: string; state: string }[];
  /** Inbox items new or changed (state, assignee, tags, read…): an open inbox refetches them. */
  inbox: { id: string; state: string }[];
}

export type ChangeListener = (batch: ChangeBatch) => void;

export interface ChangeFeedOptions {
  intervalMs?: number;
  lookbackMs?: number;
  onError?: (err: unknown) => void;
}

export class ChangeFeed {
  private readonly listeners = new Map<string, Set<ChangeListener>>();
  private readonly sent = new Map<string, number>();
  private since: Date | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private readonly intervalMs: number;
  private readonly lookbackMs: number;

  constructor(private readonly db: Queryable, private readonly opts: ChangeFeedOptions = {}) {
    this.intervalMs = opts.intervalMs ?? 1000;
    this.lookbackMs = opts.lookbackMs ?? 3000;
  }

  /** Starts watching a workspace; returns the function that stops. */
  subscribe(workspaceId: string, listener: ChangeListener): () => void {
    let set = this.listeners.get(workspaceId);
    if (!set) this.listeners.set(workspaceId, (set = new Set()));
    set.add(listener);
    if (!this.timer) this.timer = setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(workspaceId);
      if (this.listeners.size === 0) this.stop();
    };
  }

  get watcherCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.since = null;
    this.sent.clear();
  }

  /** One round: read changes, hand them out. Public so tests can step it. */
  async poll(): Promise<void> {
    if (this.polling || this.listeners.size === 0) return;
    this.polling = true;
    try {
      const now = await databaseNow(this.db);
      if (!this.since) this.since = new Date(now.getTime() - this.lookbackMs);
      const rows = await findChangesSince(this.db, [...this.listeners.keys()], this.since);
      this.since = new Date(now.getTime() - this.lookbackMs);
      this.dispatch(rows.filter((r) => this.isNew(r)));
      this.forgetBefore(this.since.getTime());
    } catch (err) {
      this.opts.onError?.(err);
    } finally {
      this.polling = false;
    }
  }

  private isNew(row: ChangeRow): boolean {
    const key = `${row.kind}:${row.id}`;
    const at = new Date(row.updated_at).getTime();
    if (this.sent.get(key) === at) return false;
    this.sent.set(key, at);
    return true;
  }

  private forgetBefore(cutoff: number) {
    for (const [key, at] of this.sent) if (at < cutoff) this.sent.delete(key);
  }

  private dispatch(rows: ChangeRow[]) {
    const byWorkspace = new Map<string, ChangeBatch>();
    for (const r of rows) {
      let batch = byWorkspace.get(r.workspace_id);
      if (!batch) byWorkspace.set(r.workspace_id, (batch = { posts: [], deliveries: [], inbox: [] }));
      if (r.kind === 'post') batch.posts.push({ id: r.id, status: r.state });
      else if (r.kind === 'inbox_item') batch.inbox.push({ id: r.id, state: r.state });
      else batch.deliveries.push({ id: r.id, postId: r.post_id, state: r.state });
    }
    for (const [workspaceId, batch] of byWorkspace) {
      for (const listener of this.listeners.get(workspaceId) ?? []) listener(batch);
    }
  }
}
