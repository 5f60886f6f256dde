/**
 * The inbox's per-process state, made on first use for each running Varde (keyed by its context,
 * so the composition root needs no inbox-specific wiring): the ingest batcher and the directory.
 */
import type { AppContext } from '../app/context.js';
import { InboxDirectory } from './directory.js';
import { IngestBatcher } from './ingest-batcher.js';

export interface InboxRuntime {
  directory: InboxDirectory;
  batcher: IngestBatcher;
  /** Set while the periodic inbox task runs, so ticks never overlap. */
  busy: boolean;
}

const runtimes = new WeakMap<AppContext, InboxRuntime>();

export function inboxRuntime(ctx: AppContext): InboxRuntime {
  let rt = runtimes.get(ctx);
  if (!rt) {
    rt = {
      directory: new InboxDirectory(ctx.db),
      batcher: new IngestBatcher(ctx.db, { maxRows: 500, delayMs: 2, parallel: ctx.db.kind === 'pglite' ? 1 : 3 }),
      busy: false,
    };
    runtimes.set(ctx, rt);
  }
  return rt;
}
