/**
 * Approving and rejecting posts, by members who may publish (never the author) or through a client
 * review link. Approvals count only for the post's current revision; when enough are in, the
 * deliveries leave `awaiting_approval` and are scheduled (or queued at once if their time has
 * passed). A rejection sends the post back to draft. Either way the author is told.
 */
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { newId } from '../app/ids.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import type { Queryable } from '../db/client.js';
import { notify } from '../notifications/notifications.repository.js';
import { findPostForUpdate, listPosts, rollupPost, type PostRow } from '../posts/posts.repository.js';
import { getWorkspaceSettings } from '../workspaces/workspace-settings.js';
import { loadPreviews } from './previews.js';

export type Reviewer =
  | { via: 'member'; userId: string; name: string; access: WorkspaceAccess }
  | { via: 'review_link'; reviewLinkId: string; name: string };

export interface Decision {
  decision: 'approved' | 'rejected';
  comment?: string;
}

async function countApprovals(db: Queryable, post: PostRow): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(DISTINCT COALESCE(reviewer_user_id::text, 'link:' || review_link_id::text || ':' || lower(reviewer_name)))::int AS n
     FROM post_reviews WHERE post_id = $1 AND revision = $2 AND decision = 'approved'`,
    [post.id, post.revision],
  );
  return row.n;
}

/** Records a decision; returns the post's approval status afterwards. */
export async function reviewPost(ctx: AppContext, workspaceId: string, postId: string, reviewer: Reviewer, d: Decision) {
  let released = false;
  const status = await ctx.db.transaction(async (tx) => {
    const post = await findPostForUpdate(tx, workspaceId, postId);
    if (!post) throw new AppError('not_found', 'Post not found');
    if (post.approval_status !== 'pending') throw new AppError('conflict', `This post is not waiting for approval (it is ${post.approval_status.replace('_', ' ')})`);
    if (reviewer.via === 'member') {
      if (!['owner', 'admin', 'editor'].includes(reviewer.access.role)) throw new AppError('forbidden', `Your role (${reviewer.access.role}) cannot approve posts`);
      if (post.created_by === reviewer.userId) throw new AppError('forbidden', 'You cannot approve or reject your own post; another member must');
      const [already] = await tx.query(`SELECT 1 FROM post_reviews WHERE post_id = $1 AND revision = $2 AND reviewer_user_id = $3`, [post.id, post.revision, reviewer.userId]);
      if (already) throw new AppError('conflict', 'You have already reviewed this version of the post');
    }
    await tx.query(
      `INSERT INTO post_reviews (id, workspace_id, post_id, revision, reviewer_user_id, reviewer_name, via, review_link_id, decision, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [newId(), workspaceId, post.id, post.revision, reviewer.via === 'member' ? reviewer.userId : null, reviewer.name, reviewer.via, reviewer.via === 'review_link' ? reviewer.reviewLinkId : null, d.decision, d.comment ?? null],
    );
    const who = reviewer.via === 'member' ? reviewer.name : `${reviewer.name} (review link)`;
    const preview = post.content.text.length > 60 ? `${post.content.text.slice(0, 59)}…` : post.content.text;
    if (d.decision === 'rejected') {
      await tx.query(`UPDATE posts SET approval_status = 'rejected' WHERE id = $1`, [post.id]);
      await tx.query(`UPDATE deliveries SET state = 'draft', updated_at = now() WHERE post_id = $1 AND state = 'awaiting_approval'`, [post.id]);
      await rollupPost(tx, post.id);
      if (post.created_by) await notify(tx, { workspaceId, kind: 'approval.decided', subjectId: post.id, userIds: [post.created_by], message: `${who} rejected “${preview}”${d.comment ? `: ${d.comment}` : ''}`, detail: { postId: post.id, decision: 'rejected' } });
      return 'rejected' as const;
    }
    const needed = (await getWorkspaceSettings(tx, workspaceId)).approvals.approvers;
    if ((await countApprovals(tx, post)) < needed) return 'pending' as const;
    await tx.query(`UPDATE posts SET approval_status = 'approved' WHERE id = $1`, [post.id]);
    await tx.query(
      `UPDATE deliveries SET state = CASE WHEN due_at IS NULL OR due_at <= now() THEN 'queued' ELSE 'scheduled' END,
         available_at = GREATEST(COALESCE(due_at, now()), now()), updated_at = now()
       WHERE post_id = $1 AND state = 'awaiting_approval'`,
      [post.id],
    );
    await rollupPost(tx, post.id);
    released = true;
    if (post.created_by) await notify(tx, { workspaceId, kind: 'approval.decided', subjectId: post.id, userIds: [post.created_by], message: `${who} approved “${preview}”; it will be published as scheduled`, detail: { postId: post.id, decision: 'approved' } });
    return 'approved' as const;
  });
  if (released) ctx.wakeWorker();
  return status;
}

/** One decision on a post, as the API shows it; `current` is false once the post was edited after it. */
export interface ReviewEntry {
  id: string;
  revision: number;
  reviewerUserId: string | null;
  reviewerName: string;
  via: 'member' | 'review_link';
  decision: 'approved' | 'rejected';
  comment: string | null;
  createdAt: Date;
  current: boolean;
}

export async function listReviews(db: Queryable, workspaceId: string, postId: string) {
  return db.query<ReviewEntry>(
    `SELECT r.id, r.revision, r.reviewer_user_id AS "reviewerUserId", r.reviewer_name AS "reviewerName", r.via, r.decision, r.comment, r.created_at AS "createdAt",
            r.revision = p.revision AS current
     FROM post_reviews r JOIN posts p ON p.id = r.post_id WHERE r.workspace_id = $1 AND r.post_id = $2 ORDER BY r.created_at`,
    [workspaceId, postId],
  );
}

/** At most this many posts waiting for approval are listed at once. */
export const AWAITING_LIMIT = 200;

/** Posts waiting for approval, soonest first, each previewed per target for the members deciding on it. */
export async function listAwaitingApproval(db: Queryable, workspaceId: string) {
  const posts = await listPosts(db, workspaceId, { status: 'awaiting_approval', limit: AWAITING_LIMIT, offset: 0 });
  const previews = await loadPreviews(db, workspaceId, posts, { urlFor: (mediaId) => `/api/v1/workspaces/${workspaceId}/media/${mediaId}/content` });
  return posts.map((p) => ({
    id: p.id, status: p.status, approvalStatus: p.approval_status, revision: p.revision, scheduledAt: p.scheduled_at,
    createdBy: p.created_by, link: p.content.link, targets: previews.targets(p),
  }));
}
