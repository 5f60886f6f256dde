/**
 * The inbox's per-process state, made on first use for each running Varde (keyed by its context,
 * so the composition root needs no inbox-specific wiring): the ingest batcher, the directory, and
 * the keys of items stored lately.
 */
import type { AppContext } from '../app/context.js';
import { InboxDirectory } from './directory.js';
import { IngestBatcher } from './ingest-batcher.js';
import { inProcessScorer, type Scorer } from './scoring.js';

/** Keys (channel, network id) stored lately by this process, oldest forgotten first. */
export class RecentKeys {
  private keys = new Set<string>();

  constructor(private readonly max = 100_000) {}

  has(channelId: string, externalId: string) {
    return this.keys.has(`${channelId}\u0000${externalId.slice(0, 500)}`);
  }

  add(channelId: string, externalId: string) {
    const key = `${channelId}\u0000${externalId}`;
    this.keys.delete(key);
    this.keys.add(key);
    if (this.keys.size > this.max) this.keys.delete(this.keys.values().next().value!);
  }
}

export interface InboxRuntime {
  directory: InboxDirectory;
  batcher: IngestBatcher;
  recent: RecentKeys;
  /** In-process by default; a worker thread where the server takes webhooks (webhooks.routes.ts). */
  scorer: Scorer;
  /** Set while the periodic inbox task runs, so ticks never overlap. */
  busy: boolean;
}

const runtimes = new WeakMap<AppContext, InboxRuntime>();

export function inboxRuntime(ctx: AppContext): InboxRuntime {
  let rt = runtimes.get(ctx);
  if (!rt) {
    rt = {
      directory: new InboxDirectory(ctx.db),
      batcher: new IngestBatcher(ctx.db, { maxRows: 500, minRows: 32, delayMs: 2, parallel: ctx.db.kind === 'pglite' ? 1 : 2 }),
      recent: new RecentKeys(),
      scorer: inProcessScorer,
      busy: false,
    };
    runtimes.set(ctx, rt);
  }
  return rt;
}
