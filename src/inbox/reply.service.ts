/**
 * Replying from the inbox, through the publishing pipeline: the reply becomes a post of kind
 * 'reply' with one queued delivery carrying the item answered, so the worker records each attempt
 * before it calls the network, retries by the same rules, and the network dedupes a retry where it
 * can (Bluesky: the record key comes from the delivery's idempotency key). A repeated API request
 * with the same Idempotency-Key returns the first reply instead of making a second.
 */
import type { AppContext } from '../app/context.js';
import { AppError, findOrFail } from '../app/errors.js';
import { newId } from '../app/ids.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import { findChannel, type ChannelRow } from '../channels/channels.repository.js';
import type { Queryable } from '../db/client.js';
import { isNetworkSlug } from '../core/networks.js';
import { POST_SCOPE } from '../core/problem-factory.js';
import { checkTextLength } from '../core/validate-text.js';
import type { InboxItem } from '../providers/contract.js';
import { newIdempotencyKey } from '../publishing/idempotency.js';
import { notOffered } from './channel-context.js';
import type { ReplyInput } from './inbox.schemas.js';
import { publicReply } from './inbox.view.js';
import { findItem, changeItems, type ItemRow } from './items.repository.js';
import { findReply, findReplyByClientKey, insertReply } from './replies.repository.js';
import { findSavedReply } from './saved-replies.repository.js';
import { renderTemplate, TemplateError } from './template.js';

/** The item as the provider gave it, for `replyTo` (kept on the delivery). */
export function itemOf(row: ItemRow): InboxItem {
  return {
    externalId: row.external_id, kind: row.kind, conversationId: row.conversation_id, parentExternalId: row.parent_external_id, postExternalId: row.post_external_id,
    author: { id: row.author_id, handle: row.author_handle, name: row.author_name, avatarUrl: row.author_avatar_url, url: row.author_url, followers: row.author_followers },
    text: row.text, createdAt: new Date(row.created_at).toISOString(), url: row.url, raw: row.raw ?? undefined,
  };
}

/** Fills in the variables and checks the text against the network's limit. */
export function replyText(template: string, item: ItemRow, channel: ChannelRow): string {
  let text: string;
  try {
    text = renderTemplate(template, { author: { id: item.author_id, name: item.author_name, handle: item.author_handle }, channel: { name: channel.name } });
  } catch (err) {
    if (err instanceof TemplateError) throw new AppError('bad_request', err.message);
    throw err;
  }
  if (isNetworkSlug(channel.network)) {
    const [problem] = checkTextLength(channel.network, POST_SCOPE, text, { media: [] });
    if (problem?.severity === 'error') throw new AppError('validation_failed', `The reply is too long for ${problem.message}`, { details: { problems: [problem] } });
  }
  return text;
}

export interface QueueReplyInput {
  item: ItemRow;
  channel: ChannelRow;
  text: string;
  createdBy: string | null;
  ruleId?: string | null;
  clientKey?: string | null;
  /** Checked in the same transaction first; false: nothing is queued (an auto-reply already sent). */
  guard?(tx: Queryable): Promise<boolean>;
}

/** Queues the reply for the worker; returns its id, or null when the guard said no. */
export async function queueReply(ctx: AppContext, r: QueueReplyInput): Promise<string | null> {
  if (!ctx.providers.get(r.channel.network).replyTo) throw notOffered('Replying', r.channel.network);
  const id = newId();
  const queued = await ctx.db.transaction(async (tx) => {
    if (r.guard && !(await r.guard(tx))) return false;
    await insertReply(tx, {
      id, workspaceId: r.item.workspace_id, itemId: r.item.id, channelId: r.channel.id, postId: newId(), deliveryId: newId(), text: r.text,
      replyTo: itemOf(r.item), idempotencyKey: newIdempotencyKey(), createdBy: r.createdBy, ruleId: r.ruleId ?? null, clientKey: r.clientKey ?? null,
    });
    return true;
  });
  if (!queued) return null;
  ctx.wakeWorker();
  return id;
}

export async function replyToItem(ctx: AppContext, access: WorkspaceAccess, itemId: string, input: ReplyInput, clientKey?: string) {
  const ws = access.workspaceId;
  if (clientKey) {
    const earlier = await findReplyByClientKey(ctx.db, ws, clientKey);
    if (earlier && earlier.item_id !== itemId) throw new AppError('conflict', 'This Idempotency-Key was already used for a reply to another item');
    if (earlier) return publicReply(earlier);
  }
  const item = findOrFail(await findItem(ctx.db, ws, itemId), 'Inbox item');
  const channel = findOrFail(await findChannel(ctx.db, ws, item.channel_id), 'Channel');
  const template = input.savedReplyId ? findOrFail(await findSavedReply(ctx.db, ws, input.savedReplyId), 'Saved reply').body : input.text!;
  let id: string;
  try {
    id = (await queueReply(ctx, { item, channel, text: replyText(template, item, channel), createdBy: access.principal.userId, clientKey }))!;
  } catch (err) {
    // Two requests with one key at the same moment: the second finds the first's reply.
    const raced = clientKey && /duplicate key|unique/i.test(String((err as Error).message)) ? await findReplyByClientKey(ctx.db, ws, clientKey) : null;
    if (raced) return publicReply(raced);
    throw err;
  }
  await changeItems(ctx.db, ws, [item.id], { action: 'read' });
  return publicReply(findOrFail(await findReply(ctx.db, ws, id), 'Reply'));
}
