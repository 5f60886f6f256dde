/**
 * The periodic task that collects metrics, run by every worker (src/app/maintenance.ts): claim the
 * published deliveries due for a reading (SKIP LOCKED, so workers share them), measure them a
 * channel batch at a time, then read the followers of the channels due for their daily reading.
 * A network's failure only reschedules its rows; the task itself never fails.
 */
import type { AppContext } from '../app/context.js';
import { claimDueChannels, claimDueDeliveries, ensureChannelStates } from './metrics.repository.js';
import { collectDeliveries, collectFollowers, METRICS_LEASE_SECONDS } from './metrics.service.js';

/** How often the task looks for due readings (the shortest cadence step is 15 minutes). */
export const METRICS_TICK_MS = 2 * 60_000;
/** Deliveries claimed at once; a round claims again until nothing is due or the round is long. */
const DELIVERY_BATCH = 200;
const CHANNEL_BATCH = 20;
/** A round stops claiming after this long, leaving the rest to the next round (or other workers). */
const ROUND_BUDGET_MS = 60_000;

const running = new WeakSet<AppContext>();

export interface MetricsRound {
  /** Deliveries whose reading was attempted. */
  deliveries: number;
  /** Channels whose followers were read. */
  channels: number;
}

/** One round: every due delivery and channel, as far as the round's budget goes. Never throws. */
export async function collectDueMetrics(ctx: AppContext): Promise<MetricsRound> {
  const round: MetricsRound = { deliveries: 0, channels: 0 };
  if (running.has(ctx)) return round; // within one process a round never overlaps the previous one
  running.add(ctx);
  const deadline = Date.now() + ROUND_BUDGET_MS;
  try {
    const providers = ctx.providers.list();
    const postNetworks = providers.filter((p) => p.fetchPostMetrics).map((p) => p.network);
    const accountNetworks = providers.filter((p) => p.fetchAccountMetrics).map((p) => p.network);
    for (;;) {
      const claimed = await claimDueDeliveries(ctx.db, postNetworks, DELIVERY_BATCH, METRICS_LEASE_SECONDS);
      await collectDeliveries(ctx, claimed);
      round.deliveries += claimed.length;
      if (claimed.length < DELIVERY_BATCH || Date.now() > deadline) break;
    }
    await ensureChannelStates(ctx.db, accountNetworks);
    for (;;) {
      const claimed = await claimDueChannels(ctx.db, accountNetworks, CHANNEL_BATCH, METRICS_LEASE_SECONDS);
      for (const r of await Promise.allSettled(claimed.map((c) => collectFollowers(ctx, c)))) {
        if (r.status === 'rejected') ctx.logger.error({ err: r.reason }, 'storing a follower reading failed');
        else if (r.value) round.channels += 1;
      }
      if (claimed.length < CHANNEL_BATCH || Date.now() > deadline) break;
    }
  } catch (err) {
    // The database failed: claimed rows keep their lease and are taken up again when it runs out.
    ctx.logger.error({ err }, 'metric collection round failed');
  } finally {
    running.delete(ctx);
  }
  return round;
}
