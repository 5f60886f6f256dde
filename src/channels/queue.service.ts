/**
 * Reordering a channel's queue: the posts keep the channel's posting times, and take them in the
 * order given. Only this channel's deliveries move (a post's other channels keep their times), in
 * one transaction, so two people reordering at once never leave two posts on one time.
 */
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { requireScope, type WorkspaceAccess } from '../auth/auth.service.js';
import { rollupPost } from '../posts/posts.repository.js';
import { getChannel } from './channels.service.js';

const MOVABLE = ['scheduled', 'queued'];

/** `deliveryIds`: waiting deliveries of the channel in their new order; they share out their own due times, earliest first. */
export async function reorderQueue(ctx: AppContext, access: WorkspaceAccess, channelId: string, deliveryIds: string[]) {
  // Moving what will publish takes the right to publish, as rescheduling does.
  requireScope(access, 'publish');
  const channel = await getChannel(ctx, access.workspaceId, channelId);
  if (new Set(deliveryIds).size !== deliveryIds.length) throw new AppError('bad_request', 'deliveryIds: each delivery may appear once');
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; post_id: string; state: string; due_at: Date | null }>(
      `SELECT id, post_id, state, due_at FROM deliveries WHERE workspace_id = $1 AND channel_id = $2 AND id = ANY($3::uuid[]) ORDER BY due_at FOR UPDATE`,
      [access.workspaceId, channel.id, deliveryIds],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = deliveryIds.find((id) => !byId.has(id));
    if (missing) throw new AppError('bad_request', `deliveryIds: ${missing} is not a delivery of this channel`);
    const stuck = rows.find((r) => !MOVABLE.includes(r.state) || !r.due_at);
    if (stuck) throw new AppError('conflict', `Only waiting posts can be moved; ${stuck.id} is ${stuck.state}`);
    const times = rows.map((r) => r.due_at!);
    for (const [i, id] of deliveryIds.entries()) {
      if (byId.get(id)!.due_at!.getTime() === times[i].getTime()) continue;
      await tx.query(`UPDATE deliveries SET due_at = $2, available_at = $2, updated_at = now() WHERE id = $1`, [id, times[i]]);
    }
    for (const postId of new Set(rows.map((r) => r.post_id))) {
      await tx.query(`UPDATE posts SET scheduled_at = (SELECT min(due_at) FROM deliveries WHERE post_id = $1 AND state <> 'cancelled'), updated_at = now() WHERE id = $1`, [postId]);
      await rollupPost(tx, postId);
    }
  });
}
