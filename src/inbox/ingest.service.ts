/**
 * Ingesting items, by webhook or by poll, through one path: each item is filed under every channel
 * its account belongs to, scored and run through the workspace's rules, and stored once.
 */
import type { AppContext } from '../app/context.js';
import type { InboxItem } from '../providers/contract.js';
import { prepareItem, textOf, type ChannelRef, type IngestRow, type ItemSource } from './ingest.js';
import { inboxRuntime } from './runtime.js';

export interface IngestResult {
  received: number;
  stored: number;
}

/**
 * Stores a channel's items; resolves once they are committed. Items this process stored a moment
 * ago (a network redelivering, a poll overlapping a webhook) are known without asking the
 * database; anything else is settled by its unique key there.
 */
export async function ingestItems(ctx: AppContext, channel: ChannelRef, items: InboxItem[], source: ItemSource): Promise<IngestResult> {
  const rt = inboxRuntime(ctx);
  const fresh = items.filter((item) => !rt.recent.has(channel.id, String(item.externalId)));
  if (fresh.length === 0) return { received: items.length, stored: 0 };
  const [config, scores] = await Promise.all([rt.directory.configFor(channel.workspaceId), rt.scorer.score(fresh.map(textOf))]);
  const rows = fresh.map((item, i) => prepareItem(channel, config, item, source, scores[i])).filter((r): r is IngestRow => r !== null);
  const stored = await rt.batcher.store(rows);
  for (const r of rows) rt.recent.add(r.channelId, r.externalId);
  return { received: items.length, stored };
}

export interface WebhookResult extends IngestResult {
  /** Account ids the event named that no channel here belongs to (ignored). */
  unknownAccounts: string[];
}

/** The items of a verified webhook, grouped by account as the provider parsed them. */
export async function ingestWebhook(ctx: AppContext, network: string, groups: { accountId: string; items: InboxItem[] }[]): Promise<WebhookResult> {
  const rt = inboxRuntime(ctx);
  const result: WebhookResult = { received: 0, stored: 0, unknownAccounts: [] };
  const work: Promise<IngestResult>[] = [];
  for (const group of groups) {
    result.received += group.items.length;
    const channels = await rt.directory.channelsFor(network, group.accountId);
    if (channels.length === 0) result.unknownAccounts.push(group.accountId);
    for (const channel of channels) work.push(ingestItems(ctx, channel, group.items, 'webhook'));
  }
  for (const r of await Promise.all(work)) result.stored += r.stored;
  return result;
}
