/**
 * The network calls rules decided when an item arrived: hide it, or auto-reply. Claimed with SKIP
 * LOCKED by any worker. An auto-reply goes once per author per conversation (a row claimed in the
 * same transaction that queues the reply) and at most `maxPerHour` per rule; beyond that it is
 * skipped, with the reason kept. Replies then go through the publishing pipeline like any other.
 */
import type { AppContext } from '../app/context.js';
import type { ChannelRow } from '../channels/channels.repository.js';
import type { Queryable } from '../db/client.js';
import { ProviderError } from '../providers/provider-error.js';
import { channelContext } from './channel-context.js';
import { markNetworkAction, type ItemRow } from './items.repository.js';
import { nextPollAfter } from './poll.job.js';
import { itemOf, queueReply, replyText } from './reply.service.js';
import { countRecentAutoReplies, findRule } from './rules.repository.js';

const BATCH = 20;
const MAX_ATTEMPTS = 5;

interface ActionRow {
  id: string;
  workspace_id: string;
  item_id: string;
  rule_id: string | null;
  kind: 'hide' | 'auto_reply';
  attempts: number;
}

const claimActions = (db: Queryable, limit: number) =>
  db.query<ActionRow>(
    `UPDATE inbox_actions a SET available_at = now() + interval '5 minutes', attempts = a.attempts + 1
     FROM (SELECT x.id FROM inbox_actions x JOIN inbox_items i ON i.id = x.item_id WHERE x.done_at IS NULL AND x.available_at <= now()
           ORDER BY x.available_at, i.created_at, i.external_id LIMIT $1 FOR UPDATE OF x SKIP LOCKED) due
     WHERE a.id = due.id RETURNING a.id, a.workspace_id, a.item_id, a.rule_id, a.kind, a.attempts`,
    [limit],
  );

async function settle(db: Queryable, id: string, outcome: string, error: string | null = null) {
  await db.query(`UPDATE inbox_actions SET done_at = now(), outcome = $2, last_error = $3 WHERE id = $1`, [id, outcome, error]);
}

async function hide(ctx: AppContext, a: ActionRow, item: ItemRow, channel: ChannelRow): Promise<string> {
  const provider = ctx.providers.get(channel.network);
  if (!provider.hideItem) return 'not_offered';
  await provider.hideItem(channelContext(ctx, channel), itemOf(item), true);
  await markNetworkAction(ctx.db, item.id, 'hidden');
  return 'hidden';
}

async function autoReply(ctx: AppContext, a: ActionRow, item: ItemRow, channel: ChannelRow): Promise<string> {
  const rule = a.rule_id ? await findRule(ctx.db, a.workspace_id, a.rule_id) : null;
  const auto = rule?.enabled ? rule.actions.autoReply : undefined;
  if (!rule || !auto) return 'skipped: the rule was changed or removed';
  if (!ctx.providers.get(channel.network).replyTo) return 'not_offered';
  if ((await countRecentAutoReplies(ctx.db, rule.id)) >= (auto.maxPerHour ?? 20)) return 'skipped: the rule reached its hourly limit';
  const claimOnce = async (tx: Queryable) =>
    (await tx.query(
      `INSERT INTO inbox_auto_replies (channel_id, conversation_id, author_id, rule_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING channel_id`,
      [channel.id, item.conversation_id, item.author_id, rule.id],
    )).length > 0;
  const id = await queueReply(ctx, { item, channel, text: replyText(auto.text, item, channel), createdBy: null, ruleId: rule.id, guard: claimOnce });
  return id ? 'reply_queued' : 'skipped: this author was already answered in this conversation';
}

async function runAction(ctx: AppContext, a: ActionRow) {
  const [item] = await ctx.db.query<ItemRow>(`SELECT * FROM inbox_items WHERE id = $1`, [a.item_id]);
  const [channel] = item ? await ctx.db.query<ChannelRow>(`SELECT * FROM channels WHERE id = $1`, [item.channel_id]) : [];
  if (!item || !channel) return settle(ctx.db, a.id, 'skipped: gone');
  try {
    await settle(ctx.db, a.id, a.kind === 'hide' ? await hide(ctx, a, item, channel) : await autoReply(ctx, a, item, channel));
  } catch (err) {
    const pe = err instanceof ProviderError ? err : null;
    const message = pe?.networkMessage ?? (err instanceof Error ? err.message : String(err));
    if (pe?.kind === 'rejected' || a.attempts >= MAX_ATTEMPTS || !pe) return settle(ctx.db, a.id, 'failed', message);
    await ctx.db.query(`UPDATE inbox_actions SET available_at = $2, last_error = $3 WHERE id = $1`, [a.id, nextPollAfter(pe, a.attempts, 30_000), message]);
  }
}

/** One round of rule actions; returns how many were handled. */
export async function runRuleActions(ctx: AppContext): Promise<number> {
  const due = await claimActions(ctx.db, BATCH);
  for (const a of due) await runAction(ctx, a);
  return due.length;
}
