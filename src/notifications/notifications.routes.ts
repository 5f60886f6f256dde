/** Notifications in the app (list, mark read), preferences per kind (e-mail, in the app), and one-click unsubscribe links. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { requirePrincipal, workspaceAccess } from '../server/auth.plugin.js';
import { Instant, WorkspaceParams } from '../server/schemas.js';
import { NOTIFICATION_KINDS, emailPreferences, inAppPreferences, listNotifications, markRead, setEmailPreference, setInAppPreference } from './notifications.repository.js';
import { verifyUnsubscribeToken } from './unsubscribe.js';

const Kind = z.enum(NOTIFICATION_KINDS);
const NotificationList = z.object({
  notifications: z.array(z.object({
    id: z.string(),
    kind: Kind,
    subjectId: z.string().describe('The delivery, channel, post or inbox item it is about'),
    message: z.string(),
    detail: z.looseObject({ postId: z.string().optional(), channelId: z.string().optional(), commentId: z.string().optional(), itemIds: z.array(z.string()).optional() }).nullable(),
    createdAt: Instant,
    readAt: Instant.nullable(),
    personal: z.boolean().describe('To you alone, not to the whole workspace'),
  })),
});
const OnOff = z.record(Kind, z.boolean());
const Preferences = z.object({ email: OnOff, inApp: OnOff });

export function notificationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/workspaces/:workspaceId/notifications', {
    schema: { tags: ['notifications'], summary: 'Recent notifications: the workspace’s and your own', params: WorkspaceParams, querystring: z.object({ unread: z.enum(['true', 'false']).default('false'), limit: z.coerce.number().int().min(1).max(500).default(50) }), response: { 200: NotificationList } },
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
  const preferences = async (userId: string) => ({ email: await emailPreferences(ctx.db, userId), inApp: await inAppPreferences(ctx.db, userId) });
  const PerKind = z.partialRecord(z.enum(NOTIFICATION_KINDS), z.boolean());
  r.get('/api/v1/me/notification-settings', { schema: { tags: ['notifications'], summary: 'Which notifications you get by e-mail and see in the app, per kind', response: { 200: Preferences } } }, async (req) => {
    return preferences(requirePrincipal(req).userId);
  });
  r.put('/api/v1/me/notification-settings', {
    schema: {
      tags: ['notifications'],
      summary: 'Switch e-mail and in-app notifications on or off per kind',
      body: z.object({ email: PerKind.optional(), inApp: PerKind.optional() }).refine((b) => b.email !== undefined || b.inApp !== undefined, { message: 'send email or inApp (or both)', path: ['email'] }),
      response: { 200: Preferences },
    },
  }, async (req) => {
    const userId = requirePrincipal(req).userId;
    for (const [kind, on] of Object.entries(req.body.email ?? {})) await setEmailPreference(ctx.db, userId, kind as (typeof NOTIFICATION_KINDS)[number], Boolean(on));
    for (const [kind, on] of Object.entries(req.body.inApp ?? {})) await setInAppPreference(ctx.db, userId, kind as (typeof NOTIFICATION_KINDS)[number], Boolean(on));
    return preferences(userId);
  });
  r.get('/api/v1/unsubscribe/:token', { schema: { tags: ['notifications'], summary: 'One-click unsubscribe from one kind of e-mail (the link in each e-mail)', params: z.object({ token: z.string().max(300) }) } }, async (req, reply) => {
    const who = verifyUnsubscribeToken(ctx.secrets, req.params.token);
    if (!who) throw new AppError('not_found', 'This unsubscribe link is not valid');
    await setEmailPreference(ctx.db, who.userId, who.kind, false);
    return reply.header('content-type', 'text/html; charset=utf-8').send(`<!doctype html><meta charset="utf-8"><title>Unsubscribed</title><p>You will no longer get e-mails about <b>${who.kind}</b>. You can switch them on again in Varde’s settings.</p>`);
  });
}
