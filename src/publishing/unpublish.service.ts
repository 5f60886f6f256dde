/** Deleting a published post from its network (every part of a thread), where the network allows it. */
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import { findChannel } from '../channels/channels.repository.js';
import { findDelivery, rollupPost } from '../posts/posts.repository.js';
import { showPost } from '../posts/posts.service.js';
import type { PublishResult, PublishedPart } from '../providers/contract.js';
import { ProviderError } from '../providers/provider-error.js';
import { buildProviderContext } from './provider-context.js';

export async function unpublishDelivery(ctx: AppContext, access: WorkspaceAccess, deliveryId: string) {
  const d = await findDelivery(ctx.db, access.workspaceId, deliveryId);
  if (!d) throw new AppError('not_found', 'Delivery not found');
  if (d.state !== 'published') throw new AppError('conflict', `Only published deliveries can be deleted from the network; this one is ${d.state}`);
  const channel = await findChannel(ctx.db, access.workspaceId, d.channel_id);
  if (!channel) throw new AppError('not_found', 'Channel not found');
  const provider = ctx.providers.get(channel.network);
  if (!provider.deletePost) throw new AppError('bad_request', `${channel.network} does not let Varde delete posts; delete it on the network itself`);
  const parts = Object.values((d.result?.parts ?? {}) as Record<string, PublishedPart>);
  const result: PublishResult = { externalId: d.external_id ?? '', url: d.external_url ?? undefined, parts };
  try {
    await provider.deletePost(buildProviderContext(ctx, channel, d), result);
  } catch (err) {
    if (err instanceof ProviderError) throw new AppError(err.kind === 'rejected' ? 'validation_failed' : 'unavailable', `${channel.network} did not delete the post: ${err.networkMessage ?? err.message}`);
    throw err;
  }
  await ctx.db.transaction(async (tx) => {
    await tx.query(`UPDATE deliveries SET state = 'deleted', updated_at = now() WHERE id = $1`, [d.id]);
    await rollupPost(tx, d.post_id);
  });
  return showPost(ctx, access.workspaceId, d.post_id);
}
