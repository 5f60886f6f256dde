/** Notifications in the app (list, mark read), e-mail preferences, and one-click unsubscribe links. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { requirePrincipal, workspaceAccess } from '../server/auth.plugin.js';
import { WorkspaceParams } from '../server/schemas.js';
import { NOTIFICATION_KINDS, emailPreferences, listNotifications, markRead, setEmailPreference } from './notifications.repository.js';
import { verifyUnsubscribeToken } from './unsubscribe.js';

export function notificationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/workspaces/:workspaceId/notifications', {
    schema: { tags: ['notifications'], summary: 'Recent notifications: the workspace’s and your own', params: WorkspaceParams, querystring: z.object({ unread: z.enum(['true', 'false']).default('false'), limit: z.coerce.number().int().min(1).max(500).default(50) }) },
  }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return { notifications: await listNotifications(ctx.db, access.workspaceId, access.principal.userId, req.query.unread === 'true', req.query.limit) };
  });
  r.post('/api/v1/workspaces/:workspaceId/notifications/read', {
    schema: { tags: ['notifications'], summary: 'Mark notifications read', params: WorkspaceParams, body: z.object({ ids: z.array(z.uuid()).max(1000).optional(), all: z.boolean().optional() }) },
  }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    await markRead(ctx.db, access.workspaceId, access.principal.userId, req.body.all ? 'all' : req.body.ids ?? []);
    return reply.status(204).send();
  });
  r.get('/api/v1/me/notification-settings', { schema: { tags: ['notifications'], summary: 'Which notifications you get by e-mail' } }, async (req) => {
    return { email: await emailPreferences(ctx.db, requirePrincipal(req).userId) };
  });
  r.put('/api/v1/me/notification-settings', {
    schema: { tags: ['notifications'], summary: 'Switch e-mail on or off per kind', body: z.object({ email: z.partialRecord(z.enum(NOTIFICATION_KINDS), z.boolean()) }) },
  }, async (req) => {
    const userId = requirePrincipal(req).userId;
    for (const [kind, on] of Object.entries(req.body.email)) await setEmailPreference(ctx.db, userId, kind as (typeof NOTIFICATION_KINDS)[number], Boolean(on));
    return { email: await emailPreferences(ctx.db, userId) };
  });
  r.get('/api/v1/unsubscribe/:token', { schema: { tags: ['notifications'], summary: 'One-click unsubscribe from one kind of e-mail (the link in each e-mail)', params: z.object({ token: z.string().max(300) }) } }, async (req, reply) => {
    const who = verifyUnsubscribeToken(ctx.secrets, req.params.token);
    if (!who) throw new AppError('not_found', 'This unsubscribe link is not valid');
    await setEmailPreference(ctx.db, who.userId, who.kind, false);
    return reply.header('content-type', 'text/html; charset=utf-8').send(`<!doctype html><meta charset="utf-8"><title>Unsubscribed</title><p>You will no longer get e-mails about <b>${who.kind}</b>. You can switch them on again in Varde’s settings.</p>`);
  });
}
