/** Notifications in the app: list and mark read. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { WorkspaceParams } from '../server/schemas.js';
import { listNotifications, markRead } from './notifications.repository.js';

export function notificationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/workspaces/:workspaceId/notifications', {
    schema: { tags: ['notifications'], summary: 'Recent notifications', params: WorkspaceParams, querystring: z.object({ unread: z.enum(['true', 'false']).default('false'), limit: z.coerce.number().int().min(1).max(500).default(50) }) },
  }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return { notifications: await listNotifications(ctx.db, access.workspaceId, req.query.unread === 'true', req.query.limit) };
  });
  r.post('/api/v1/workspaces/:workspaceId/notifications/read', {
    schema: { tags: ['notifications'], summary: 'Mark notifications read', params: WorkspaceParams, body: z.object({ ids: z.array(z.uuid()).max(1000).optional(), all: z.boolean().optional() }) },
  }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    await markRead(ctx.db, access.workspaceId, req.body.all ? 'all' : req.body.ids ?? []);
    return reply.status(204).send();
  });
}
