/**
 * The inbox's periodic task, run by every worker (src/app/maintenance.ts): poll the channels that
 * are due, then carry out the network calls rules decided. Rows are claimed with SKIP LOCKED, so
 * workers share the work; within one process a round never overlaps the previous one.
 */
import type { AppContext } from '../app/context.js';
import { runRuleActions } from './actions.job.js';
import { pollDueChannels } from './poll.job.js';
import { inboxRuntime } from './runtime.js';

/** How often the task looks for due work; each channel's own poll interval is VARDE_INBOX_POLL_SECONDS. */
export const INBOX_TICK_MS = 1_000;

export async function runInboxTasks(ctx: AppContext): Promise<void> {
  const rt = inboxRuntime(ctx);
  if (rt.busy) return;
  rt.busy = true;
  try {
    await pollDueChannels(ctx);
    await runRuleActions(ctx);
  } finally {
    rt.busy = false;
  }
}
