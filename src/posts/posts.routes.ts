/** Post routes: dry-run check, create, list, show, edit, reschedule, cancel, delete; delivery retry and resolve. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { IdParams, WorkspaceParams } from '../server/schemas.js';
import { checkPost } from './posts.check.js';
import { CheckAnswer, PostDetail, PostInput, PostList, PostListQuery, ScheduleInput } from './posts.schemas.js';
import * as service from './posts.service.js';
import { unpublishDelivery } from '../publishing/unpublish.service.js';

export function postsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/posts';
  const deliveries = '/api/v1/workspaces/:workspaceId/deliveries';

  r.post(`${base}/check`, { schema: { tags: ['posts'], summary: 'Dry run: every problem per target, nothing saved', params: WorkspaceParams, body: PostInput, response: { 200: CheckAnswer } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return (await checkPost(ctx, access.workspaceId, req.body)).report;
  });

  r.post(base, { schema: { tags: ['posts'], summary: 'Create a post: draft, at a time, in the queue, or now', params: WorkspaceParams, body: PostInput, response: { 201: PostDetail } } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return reply.status(201).send(await service.createPost(ctx, access, req.body));
  });

  r.get(base, { schema: { tags: ['posts'], summary: 'Posts by time range, status and channel', params: WorkspaceParams, querystring: PostListQuery, response: { 200: PostList } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return { posts: await service.listPostsWithDeliveries(ctx, access.workspaceId, req.query) };
  });

  r.get(`${base}/:id`, { schema: { tags: ['posts'], summary: 'One post with every delivery, its attempts, errors and URL', params: IdParams, response: { 200: PostDetail } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return service.showPost(ctx, access.workspaceId, req.params.id);
  });

  r.put(`${base}/:id`, { schema: { tags: ['posts'], summary: 'Replace a draft or scheduled post', params: IdParams, body: PostInput, response: { 200: PostDetail } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return service.updatePost(ctx, access, req.params.id, req.body);
  });

  r.post(`${base}/:id/reschedule`, { schema: { tags: ['posts'], summary: 'Move what has not gone out to another time (or the queue, or now)', params: IdParams, body: z.object({ schedule: ScheduleInput }), response: { 200: PostDetail } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return service.reschedulePost(ctx, access, req.params.id, req.body.schedule);
  });

  r.post(`${base}/:id/cancel`, { schema: { tags: ['posts'], summary: 'Cancel what has not gone out', params: IdParams, response: { 200: PostDetail } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return service.cancelPost(ctx, access, req.params.id);
  });

  r.delete(`${base}/:id`, { schema: { tags: ['posts'], summary: 'Delete a post that never went out', params: IdParams } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    await service.deletePost(ctx, access, req.params.id);
    return reply.status(204).send();
  });

  r.post(`${deliveries}/:id/retry`, { schema: { tags: ['posts'], summary: 'Send a failed delivery again now (same idempotency key)', params: IdParams, response: { 200: PostDetail } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'publish');
    return service.retryDelivery(ctx, access, req.params.id);
  });

  r.post(`${deliveries}/:id/resolve`, {
    schema: { tags: ['posts'], summary: 'Settle a delivery that needs attention: it went out, or it did not', params: IdParams, body: z.object({ outcome: z.enum(['published', 'failed']), url: z.url().optional(), note: z.string().max(2000).optional() }), response: { 200: PostDetail } },
  }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'publish');
    return service.resolveDelivery(ctx, access, req.params.id, req.body);
  });

  r.post(`${deliveries}/:id/unpublish`, { schema: { tags: ['posts'], summary: 'Delete a published post from the network (where the network allows)', params: IdParams, response: { 200: PostDetail } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'publish');
    return unpublishDelivery(ctx, access, req.params.id);
  });
}
