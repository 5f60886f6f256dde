/** Approving posts, comments on posts, and client review links (managed by members, used without an account). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError, findOrFail } from '../app/errors.js';
import { findPost } from '../posts/posts.repository.js';
import { findUserById } from '../auth/auth.repository.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { IdParams, WorkspaceParams } from '../server/schemas.js';
import { ApprovalStatusAnswer, AwaitingList, CommentList, NewComment, NewReviewLink, ReviewLinkList, ReviewList, ReviewPage } from './approvals.schemas.js';
import { AWAITING_LIMIT, listAwaitingApproval, listReviews, reviewPost } from './approvals.service.js';
import { addComment, listComments } from './comments.service.js';
import { assertPostInLink, createReviewLink, publicReviewLink, resolveReviewToken, reviewPage, type ReviewLinkRow } from './review-links.service.js';

const Comment = z.object({ comment: z.string().trim().max(5000).optional() });
const TokenParams = z.object({ token: z.string().max(200) });
const ReviewerName = z.string().trim().min(1, 'tell us your name').max(200);

export function approvalsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const posts = '/api/v1/workspaces/:workspaceId/posts';

  for (const decision of ['approve', 'reject'] as const) {
    r.post(`${posts}/:id/${decision}`, { schema: { tags: ['approvals'], summary: decision === 'approve' ? 'Approve a post waiting for approval' : 'Reject a post (it goes back to draft)', params: IdParams, body: Comment.default({}), response: { 200: ApprovalStatusAnswer } } }, async (req) => {
      const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'publish');
      const user = await findUserById(ctx.db, access.principal.userId);
      const status = await reviewPost(ctx, access.workspaceId, req.params.id, { via: 'member', userId: access.principal.userId, name: user?.name ?? 'A member', access }, { decision: decision === 'approve' ? 'approved' : 'rejected', comment: req.body.comment });
      return { approvalStatus: status };
    });
  }

  r.get('/api/v1/workspaces/:workspaceId/approvals', {
    schema: { tags: ['approvals'], summary: `Posts waiting for approval (up to ${AWAITING_LIMIT}, soonest first), previewed per channel with each file's kind and each follow-up's files`, params: WorkspaceParams, response: { 200: AwaitingList } },
  }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return { posts: await listAwaitingApproval(ctx.db, access.workspaceId) };
  });

  r.get(`${posts}/:id/reviews`, { schema: { tags: ['approvals'], summary: 'Approvals and rejections of a post', params: IdParams, response: { 200: ReviewList } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    findOrFail(await findPost(ctx.db, access.workspaceId, req.params.id), 'Post');
    return { reviews: await listReviews(ctx.db, access.workspaceId, req.params.id) };
  });

  r.get(`${posts}/:id/comments`, { schema: { tags: ['approvals'], summary: 'Internal comments on a post', params: IdParams, response: { 200: CommentList } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    findOrFail(await findPost(ctx.db, access.workspaceId, req.params.id), 'Post');
    return { comments: await listComments(ctx.db, access.workspaceId, req.params.id) };
  });

  r.post(`${posts}/:id/comments`, { schema: { tags: ['approvals'], summary: 'Comment on a post; @name mentions a member', params: IdParams, body: z.object({ body: z.string().trim().min(1).max(5000) }), response: { 201: NewComment } } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    if (access.role === 'viewer' && access.principal.via === 'token') throw new AppError('forbidden', 'Viewers comment from the web app');
    const user = await findUserById(ctx.db, access.principal.userId);
    return reply.status(201).send(await addComment(ctx.db, access.workspaceId, req.params.id, { userId: access.principal.userId, name: user?.name ?? 'A member', via: 'member' }, req.body.body));
  });

  const links = '/api/v1/workspaces/:workspaceId/review-links';
  r.get(links, { schema: { tags: ['approvals'], summary: 'Client review links', params: WorkspaceParams, response: { 200: ReviewLinkList } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    const rows = await ctx.db.query<ReviewLinkRow>(`SELECT * FROM review_links WHERE workspace_id = $1 ORDER BY created_at DESC`, [access.workspaceId]);
    return { links: rows.map((l) => publicReviewLink(ctx, l)) };
  });

  r.post(links, {
    schema: { tags: ['approvals'], summary: 'Create a review link for the posts of a period; the link is shown once', params: WorkspaceParams, body: z.object({ name: z.string().trim().min(1).max(200), from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }), expiresInDays: z.number().int().min(1).max(90).optional() }), response: { 201: NewReviewLink } },
  }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    return reply.status(201).send(await createReviewLink(ctx, access, req.body));
  });

  r.delete(`${links}/:id`, { schema: { tags: ['approvals'], summary: 'Revoke a review link', params: IdParams } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    const rows = await ctx.db.query(`UPDATE review_links SET revoked_at = now() WHERE workspace_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id`, [access.workspaceId, req.params.id]);
    if (rows.length === 0) throw new AppError('not_found', 'Review link not found');
    return reply.status(204).send();
  });

  r.get('/api/v1/review/:token', { schema: { tags: ['approvals'], summary: 'A client review: the posts of the period as previews per channel, each file with its kind and each follow-up with its files (no account needed)', params: TokenParams, response: { 200: ReviewPage } } }, async (req) => {
    return reviewPage(ctx, await resolveReviewToken(ctx, req.params.token));
  });

  r.post('/api/v1/review/:token/posts/:postId/decision', {
    schema: { tags: ['approvals'], summary: 'A client approves or rejects one post', params: TokenParams.extend({ postId: z.uuid() }), body: z.object({ name: ReviewerName, decision: z.enum(['approved', 'rejected']), comment: z.string().trim().max(5000).optional() }), response: { 200: ApprovalStatusAnswer } },
  }, async (req, reply) => {
    const link = await resolveReviewToken(ctx, req.params.token);
    reply.auditWorkspaceId = link.workspace_id;
    await assertPostInLink(ctx, link, req.params.postId);
    const status = await reviewPost(ctx, link.workspace_id, req.params.postId, { via: 'review_link', reviewLinkId: link.id, name: req.body.name }, { decision: req.body.decision, comment: req.body.comment });
    return { approvalStatus: status };
  });

  r.post('/api/v1/review/:token/posts/:postId/comments', {
    schema: { tags: ['approvals'], summary: 'A client comments on one post', params: TokenParams.extend({ postId: z.uuid() }), body: z.object({ name: ReviewerName, body: z.string().trim().min(1).max(5000) }), response: { 201: NewComment } },
  }, async (req, reply) => {
    const link = await resolveReviewToken(ctx, req.params.token);
    reply.auditWorkspaceId = link.workspace_id;
    await assertPostInLink(ctx, link, req.params.postId);
    return reply.status(201).send(await addComment(ctx.db, link.workspace_id, req.params.postId, { userId: null, name: req.body.name, via: 'review_link' }, req.body.body));
  });
}
