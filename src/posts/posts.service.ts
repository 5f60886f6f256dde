/**
 * Posts: compose once, tailor per target, schedule; edit, reschedule, cancel; and the view of one
 * post with every delivery and attempt. The publishing worker (src/publishing) takes it from here.
 */
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { newId } from '../app/ids.js';
import { requireScope, type WorkspaceAccess } from '../auth/auth.service.js';
import { newIdempotencyKey } from '../publishing/idempotency.js';
import { mustBeApproved, requestApproval } from '../approvals/approval-gate.js';
import { requireCampaign } from '../campaigns/campaigns.service.js';
import { checkPost, type CheckReport } from './posts.check.js';
import * as repo from './posts.repository.js';
import type { DeliveryRow, PostRow } from './posts.repository.js';
import { earliest, resolveSchedule } from './posts.schedule.js';
import type { DeliveryOverride, PostInput, ScheduleInput } from './posts.schemas.js';

function refuse(report: CheckReport): never {
  const first = [...report.problems, ...report.targets.flatMap((t) => t.problems)].find((p) => p.severity === 'error');
  throw new AppError('validation_failed', first ? first.message : 'The post has problems', { details: report });
}

function overrideOf(t: PostInput['targets'][number]): DeliveryOverride {
  const o: DeliveryOverride = {};
  if (t.text !== undefined) o.text = t.text;
  if (t.media !== undefined) o.media = t.media;
  if (t.followups !== undefined) o.followups = t.followups;
  if (t.title !== undefined) o.title = t.title;
  if (t.options !== undefined) o.options = t.options;
  return o;
}

export async function createPost(ctx: AppContext, access: WorkspaceAccess, input: PostInput) {
  await requireCampaign(ctx.db, access.workspaceId, input.campaignId);
  const { report, base, channels } = await checkPost(ctx, access.workspaceId, input);
  if (!report.ok) refuse(report);
  const postId = newId();
  const gated = await mustBeApproved(ctx.db, access, input.schedule.mode);
  await ctx.db.transaction(async (tx) => {
    const targets = input.targets.map((t) => channels.get(t.channelId)!);
    const schedule = await resolveSchedule(tx, input.schedule, targets);
    const state = gated ? 'awaiting_approval' : schedule.state;
    await repo.insertPost(tx, { id: postId, workspaceId: access.workspaceId, createdBy: access.principal.userId, status: 'draft', content: base, scheduledAt: earliest(schedule.dueAt), campaignId: input.campaignId });
    for (const t of input.targets) {
      await repo.insertDelivery(tx, { id: newId(), workspaceId: access.workspaceId, postId, channelId: t.channelId, state, override: overrideOf(t), idempotencyKey: newIdempotencyKey(), dueAt: schedule.dueAt.get(t.channelId) ?? null });
    }
    if (gated) await requestApproval(tx, access.workspaceId, postId, access.principal.userId, base.text);
    await repo.rollupPost(tx, postId);
  });
  if (input.schedule.mode === 'now' && !gated) ctx.wakeWorker();
  return showPost(ctx, access.workspaceId, postId);
}

const EDITABLE: repo.DeliveryState[] = ['draft', 'awaiting_approval', 'scheduled', 'queued', 'cancelled'];

/** Replaces a draft's or scheduled post's content, targets and schedule. Nothing of it may be publishing or out. */
export async function updatePost(ctx: AppContext, access: WorkspaceAccess, postId: string, input: PostInput) {
  await requireCampaign(ctx.db, access.workspaceId, input.campaignId);
  const { report, base, channels } = await checkPost(ctx, access.workspaceId, input);
  if (!report.ok) refuse(report);
  const gated = await mustBeApproved(ctx.db, access, input.schedule.mode);
  await ctx.db.transaction(async (tx) => {
    const post = await repo.findPostForUpdate(tx, access.workspaceId, postId);
    if (!post) throw new AppError('not_found', 'Post not found');
    const existing = await repo.listDeliveries(tx, access.workspaceId, [postId], true);
    const busy = existing.filter((d) => !EDITABLE.includes(d.state));
    if (busy.length) throw new AppError('conflict', `This post is already ${busy[0].state} on at least one channel; only drafts and scheduled posts can be edited`);
    const targets = input.targets.map((t) => channels.get(t.channelId)!);
    const resolved = await resolveSchedule(tx, input.schedule, targets);
    const schedule = { ...resolved, state: gated ? ('awaiting_approval' as const) : resolved.state };
    await repo.updatePostContent(tx, access.workspaceId, postId, base, earliest(schedule.dueAt), input.campaignId === undefined ? post.campaign_id : input.campaignId);
    // A new revision: approvals given to the old text no longer count.
    await tx.query(`UPDATE posts SET revision = revision + 1, approval_status = 'not_required' WHERE id = $1`, [postId]);
    if (gated) await requestApproval(tx, access.workspaceId, postId, post.created_by, base.text);
    const byChannel = new Map(existing.map((d) => [d.channel_id, d]));
    for (const t of input.targets) {
      const prev = byChannel.get(t.channelId);
      const due = schedule.dueAt.get(t.channelId) ?? null;
      if (prev) {
        await tx.query(`UPDATE deliveries SET override = $2::jsonb, state = $3, due_at = $4, available_at = $4, last_error = NULL, updated_at = now() WHERE id = $1`, [prev.id, JSON.stringify(overrideOf(t)), schedule.state, due]);
        byChannel.delete(t.channelId);
      } else {
        await repo.insertDelivery(tx, { id: newId(), workspaceId: access.workspaceId, postId, channelId: t.channelId, state: schedule.state, override: overrideOf(t), idempotencyKey: newIdempotencyKey(), dueAt: due });
      }
    }
    const removed = [...byChannel.values()].map((d) => d.id);
    if (removed.length) await tx.query(`DELETE FROM deliveries WHERE id = ANY($1::uuid[])`, [removed]);
    await repo.rollupPost(tx, postId);
  });
  if (input.schedule.mode === 'now' && !gated) ctx.wakeWorker();
  return showPost(ctx, access.workspaceId, postId);
}

/** Moves the post's scheduled (or draft) deliveries to a new time. */
export async function reschedulePost(ctx: AppContext, access: WorkspaceAccess, postId: string, schedule: ScheduleInput) {
  if (schedule.mode === 'draft') throw new AppError('bad_request', 'To unschedule a post, cancel it or edit it as a draft');
  await ctx.db.transaction(async (tx) => {
    const post = await repo.findPostForUpdate(tx, access.workspaceId, postId);
    if (!post) throw new AppError('not_found', 'Post not found');
    const deliveries = (await repo.listDeliveries(tx, access.workspaceId, [postId], true)).filter((d) => ['draft', 'awaiting_approval', 'scheduled', 'queued'].includes(d.state));
    if (deliveries.length === 0) throw new AppError('conflict', `Nothing to reschedule: the post is ${post.status}`);
    const channels = await tx.query(`SELECT * FROM channels WHERE id = ANY($1::uuid[])`, [deliveries.map((d) => d.channel_id)]);
    const resolved = await resolveSchedule(tx, schedule, channels as any);
    // A draft being scheduled goes through the gate; a pending or approved post keeps its state.
    const gated = deliveries.some((d) => d.state === 'draft') && post.approval_status !== 'approved' && (await mustBeApproved(tx, access, schedule.mode));
    // Moving what will publish without approval takes the right to publish.
    if (!gated && deliveries.some((d) => d.state !== 'awaiting_approval')) requireScope(access, 'publish');
    if (gated && post.approval_status !== 'pending') await requestApproval(tx, access.workspaceId, postId, post.created_by, post.content.text);
    for (const d of deliveries) {
      const due = resolved.dueAt.get(d.channel_id) ?? null;
      const state = d.state === 'awaiting_approval' || (d.state === 'draft' && gated) ? 'awaiting_approval' : resolved.state;
      await tx.query(`UPDATE deliveries SET state = $2, due_at = $3, available_at = $3, updated_at = now() WHERE id = $1`, [d.id, state, due]);
    }
    await tx.query(`UPDATE posts SET scheduled_at = (SELECT min(due_at) FROM deliveries WHERE post_id = $1 AND state <> 'cancelled'), updated_at = now() WHERE id = $1`, [postId]);
    await repo.rollupPost(tx, postId);
  });
  if (schedule.mode === 'now') ctx.wakeWorker();
  return showPost(ctx, access.workspaceId, postId);
}

/** Cancels whatever has not started publishing. Deliveries already out stay as they are. */
export async function cancelPost(ctx: AppContext, access: WorkspaceAccess, postId: string) {
  await ctx.db.transaction(async (tx) => {
    const post = await repo.findPostForUpdate(tx, access.workspaceId, postId);
    if (!post) throw new AppError('not_found', 'Post not found');
    await repo.listDeliveries(tx, access.workspaceId, [postId], true);
    const n = await repo.setDeliveryStates(tx, access.workspaceId, postId, ['draft', 'awaiting_approval', 'scheduled', 'queued', 'failed', 'needs_attention'], { state: 'cancelled' });
    if (n === 0) throw new AppError('conflict', `Nothing to cancel: the post is ${post.status}`);
    await repo.rollupPost(tx, postId);
  });
  return showPost(ctx, access.workspaceId, postId);
}

/** Deletes a post that never went out (drafts, cancelled, failed). */
export async function deletePost(ctx: AppContext, access: WorkspaceAccess, postId: string) {
  await ctx.db.transaction(async (tx) => {
    const post = await repo.findPostForUpdate(tx, access.workspaceId, postId);
    if (!post) throw new AppError('not_found', 'Post not found');
    const out = (await repo.listDeliveries(tx, access.workspaceId, [postId], true)).filter((d) => ['publishing', 'published', 'needs_attention'].includes(d.state));
    if (out.length) throw new AppError('conflict', 'This post has been published (or may have been) on some channel; cancel it instead, or delete it from the network first');
    await repo.deletePostRow(tx, access.workspaceId, postId);
  });
}

/** Sends a failed (or needs-attention) delivery again, now. The idempotency key stays the same. */
export async function retryDelivery(ctx: AppContext, access: WorkspaceAccess, deliveryId: string) {
  const postId = await ctx.db.transaction(async (tx) => {
    const d = await repo.findDelivery(tx, access.workspaceId, deliveryId, true);
    if (!d) throw new AppError('not_found', 'Delivery not found');
    if (!['failed', 'needs_attention'].includes(d.state)) throw new AppError('conflict', `Only failed deliveries can be retried; this one is ${d.state}`);
    await tx.query(`UPDATE deliveries SET state = 'queued', available_at = now(), attempt_count = 0, updated_at = now() WHERE id = $1`, [d.id]);
    await repo.rollupPost(tx, d.post_id);
    return d.post_id;
  });
  ctx.wakeWorker();
  return showPost(ctx, access.workspaceId, postId);
}

/** A person's verdict on a delivery that needs attention: it did go out (with its URL), or give up. */
export async function resolveDelivery(ctx: AppContext, access: WorkspaceAccess, deliveryId: string, input: { outcome: 'published' | 'failed'; url?: string; note?: string }) {
  const postId = await ctx.db.transaction(async (tx) => {
    const d = await repo.findDelivery(tx, access.workspaceId, deliveryId, true);
    if (!d) throw new AppError('not_found', 'Delivery not found');
    if (d.state !== 'needs_attention') throw new AppError('conflict', `Only deliveries that need attention can be resolved by hand; this one is ${d.state}`);
    if (input.outcome === 'published') {
      await tx.query(`UPDATE deliveries SET state = 'published', published_at = now(), external_url = COALESCE($2, external_url), updated_at = now() WHERE id = $1`, [d.id, input.url ?? null]);
    } else {
      await tx.query(`UPDATE deliveries SET state = 'failed', last_error = $2::jsonb, updated_at = now() WHERE id = $1`, [d.id, JSON.stringify({ kind: 'rejected', message: input.note ?? 'Marked as not published by a person' })]);
    }
    await repo.rollupPost(tx, d.post_id);
    return d.post_id;
  });
  return showPost(ctx, access.workspaceId, postId);
}

export function publicDelivery(d: DeliveryRow, attempts: repo.AttemptRow[], channel?: { name: string; network: string; handle: string | null }) {
  return {
    id: d.id, channelId: d.channel_id, channel: channel ?? null, state: d.state, override: d.override,
    idempotencyKey: d.idempotency_key, dueAt: d.due_at, nextAttemptAt: ['scheduled', 'queued'].includes(d.state) ? d.available_at : null,
    attemptCount: d.attempt_count, externalId: d.external_id, url: d.external_url, publishedAt: d.published_at, error: d.last_error,
    attempts: attempts.map((a) => ({ number: a.number, startedAt: a.started_at, finishedAt: a.finished_at, outcome: a.outcome ?? 'in_flight', errorKind: a.error_kind, errorMessage: a.error_message, detail: a.detail })),
  };
}

export function publicPost(p: PostRow) {
  return { id: p.id, status: p.status, approvalStatus: p.approval_status, revision: p.revision, content: p.content, scheduledAt: p.scheduled_at, campaignId: p.campaign_id, createdBy: p.created_by, createdAt: p.created_at, updatedAt: p.updated_at };
}

export async function showPost(ctx: AppContext, workspaceId: string, postId: string) {
  const post = await repo.findPost(ctx.db, workspaceId, postId);
  if (!post) throw new AppError('not_found', 'Post not found');
  const deliveries = await repo.listDeliveries(ctx.db, workspaceId, [postId]);
  const attempts = await repo.listAttempts(ctx.db, workspaceId, deliveries.map((d) => d.id));
  const channels = new Map((await ctx.db.query<{ id: string; name: string; network: string; handle: string | null }>(`SELECT id, name, network, handle FROM channels WHERE workspace_id = $1`, [workspaceId])).map((c) => [c.id, c]));
  return {
    ...publicPost(post),
    deliveries: deliveries.map((d) => {
      const c = channels.get(d.channel_id);
      return publicDelivery(d, attempts.filter((a) => a.delivery_id === d.id), c && { name: c.name, network: c.network, handle: c.handle });
    }),
  };
}

export async function listPostsWithDeliveries(ctx: AppContext, workspaceId: string, q: Parameters<typeof repo.listPosts>[2]) {
  const posts = await repo.listPosts(ctx.db, workspaceId, q);
  const deliveries = await repo.listDeliveries(ctx.db, workspaceId, posts.map((p) => p.id));
  return posts.map((p) => ({
    ...publicPost(p),
    deliveries: deliveries.filter((d) => d.post_id === p.id).map((d) => ({ id: d.id, channelId: d.channel_id, state: d.state, dueAt: d.due_at, url: d.external_url, error: d.last_error, override: d.override })),
  }));
}
