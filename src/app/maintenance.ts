/**
 * Periodic tasks that run in every worker process next to publishing (token renewal; later metric
 * collection and inbox polling). Each task claims its rows with SKIP LOCKED, so several workers
 * share the work without doing it twice.
 */
import type { AppContext } from './context.js';

export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(ctx: AppContext): Promise<unknown>;
}

export class Maintenance {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly ctx: AppContext, private readonly tasks: PeriodicTask[]) {}

  start() {
    for (const task of this.tasks) {
      const tick = () => {
        if (this.stopped) return;
        const p = task.run(this.ctx).catch((err) => this.ctx.logger.error({ err, task: task.name }, 'periodic task failed'));
        this.running.add(p);
        void p.finally(() => this.running.delete(p));
      };
      this.timers.push(setInterval(tick, task.everyMs));
      setTimeout(tick, 1000).unref();
    }
  }

  async stop() {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    await Promise.allSettled([...this.running]);
  }
}
