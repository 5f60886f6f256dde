/**
 * Acting on an item on its network, where the network allows: hide (or show again), like, delete;
 * and deleting a reply Varde sent. What a network does not offer is a clear 4xx naming it.
 */
import type { AppContext } from '../app/context.js';
import { AppError, findOrFail } from '../app/errors.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import { findChannel } from '../channels/channels.repository.js';
import type { InboxItem, Provider, ProviderContext } from '../providers/contract.js';
import { asAppError, channelContext, notOffered } from './channel-context.js';
import { publicItem, publicReply } from './inbox.view.js';
import { findItem, markNetworkAction } from './items.repository.js';
import { findReply, markReplyDeleted } from './replies.repository.js';
import { itemOf } from './reply.service.js';

export type ItemAction = 'hide' | 'show' | 'like' | 'delete';

const WHAT: Record<ItemAction, [keyof Provider, string, string]> = {
  hide: ['hideItem', 'Hiding', 'hide it'],
  show: ['hideItem', 'Hiding', 'show it again'],
  like: ['likeItem', 'Liking', 'like it'],
  delete: ['deleteItem', 'Deleting', 'delete it'],
};

async function call(provider: Provider, action: ItemAction, pctx: ProviderContext, item: InboxItem) {
  if (action === 'hide' || action === 'show') return provider.hideItem!(pctx, item, action === 'hide');
  if (action === 'like') return provider.likeItem!(pctx, item);
  return provider.deleteItem!(pctx, item);
}

/** Runs the action on the network, then records it on the item. */
export async function actOnItem(ctx: AppContext, access: WorkspaceAccess, itemId: string, action: ItemAction) {
  const item = findOrFail(await findItem(ctx.db, access.workspaceId, itemId), 'Inbox item');
  const channel = findOrFail(await findChannel(ctx.db, access.workspaceId, item.channel_id), 'Channel');
  const provider = ctx.providers.get(channel.network);
  const [method, what, doing] = WHAT[action];
  if (!provider[method]) throw notOffered(`${what} ${item.kind === 'message' ? 'messages' : 'comments'}`, channel.network);
  try {
    await call(provider, action, channelContext(ctx, channel), itemOf(item));
  } catch (err) {
    throw asAppError(err, channel.network, doing);
  }
  await markNetworkAction(ctx.db, item.id, action === 'hide' ? 'hidden' : action === 'show' ? 'shown' : action === 'like' ? 'liked' : 'deleted');
  return publicItem(findOrFail(await findItem(ctx.db, access.workspaceId, itemId), 'Inbox item'));
}

/** Deletes a reply Varde sent from the network (the provider's deleteItem on Varde's own post). */
export async function deleteReply(ctx: AppContext, access: WorkspaceAccess, replyId: string) {
  const reply = findOrFail(await findReply(ctx.db, access.workspaceId, replyId), 'Reply');
  if (reply.state !== 'published' || !reply.external_id) throw new AppError('conflict', `Only a published reply can be deleted from the network; this one is ${reply.state}`);
  const channel = findOrFail(await findChannel(ctx.db, access.workspaceId, reply.channel_id), 'Channel');
  const provider = ctx.providers.get(channel.network);
  if (!provider.deleteItem) throw notOffered('Deleting replies', channel.network);
  const own: InboxItem = { externalId: reply.external_id, kind: 'reply', conversationId: reply.external_id, author: { id: channel.external_id ?? '' }, text: reply.text, createdAt: new Date(reply.created_at).toISOString() };
  try {
    await provider.deleteItem(channelContext(ctx, channel), own);
  } catch (err) {
    throw asAppError(err, channel.network, 'delete the reply');
  }
  await markReplyDeleted(ctx.db, reply.delivery_id, reply.post_id);
  return publicReply(findOrFail(await findReply(ctx.db, access.workspaceId, replyId), 'Reply'));
}
