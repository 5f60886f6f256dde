/** Channel routes: connect, list, show, rename, reconnect, remove, posting schedule and queue. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { IdParams, WorkspaceParams } from '../server/schemas.js';
import * as repo from './channels.repository.js';
import { Channel, ChannelList, ConnectedChannel, QueueAnswer } from './channels.schemas.js';
import * as service from './channels.service.js';
import { reorderQueue } from './queue.service.js';
import type { WeeklySlot } from '../core/schedule.js';

/** The connect body: the union of every form-connect provider's schema, discriminated by `network`. */
function connectSchema(ctx: AppContext) {
  const schemas = ctx.providers.list().flatMap((p) => (p.connectSchema ? [p.connectSchema] : []));
  if (schemas.length === 0) return z.object({ network: z.string() });
  return schemas.length === 1 ? schemas[0] : z.discriminatedUnion('network', schemas as any);
}

const Slot = z.object({ weekday: z.number().int().min(1).max(7).describe('ISO weekday, Monday = 1'), time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM') });
const Schedule = z.object({ timezone: z.string().min(1).max(100), slots: z.array(Slot).max(500) });

export function channelsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ConnectChannel = connectSchema(ctx);
  const base = '/api/v1/workspaces/:workspaceId/channels';

  r.get(base, { schema: { tags: ['channels'], summary: 'Connected channels', params: WorkspaceParams, response: { 200: ChannelList } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return { channels: (await repo.listChannels(ctx.db, access.workspaceId)).map((c) => service.publicChannel(ctx, c)) };
  });

  r.post(base, { schema: { tags: ['channels'], summary: 'Connect a channel (Bluesky account or webhook)', params: WorkspaceParams, body: ConnectChannel, response: { 201: ConnectedChannel } } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    return reply.status(201).send(await service.connectChannel(ctx, access, req.body as { network: string }));
  });

  r.get(`${base}/:id`, { schema: { tags: ['channels'], summary: 'One channel', params: IdParams, response: { 200: Channel } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return service.publicChannel(ctx, await service.getChannel(ctx, access.workspaceId, req.params.id));
  });

  r.patch(`${base}/:id`, { schema: { tags: ['channels'], summary: 'Rename a channel', params: IdParams, body: z.object({ name: z.string().trim().min(1).max(200) }), response: { 200: Channel } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    const row = await repo.updateChannel(ctx.db, access.workspaceId, req.params.id, { name: req.body.name });
    if (!row) throw new AppError('not_found', 'Channel not found');
    return service.publicChannel(ctx, row);
  });

  r.post(`${base}/:id/reconnect`, { schema: { tags: ['channels'], summary: 'Log in again (new app password or secret); the channel becomes active', params: IdParams, body: ConnectChannel, response: { 200: ConnectedChannel } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    const channel = await service.getChannel(ctx, access.workspaceId, req.params.id);
    if (channel.network !== (req.body as { network: string }).network) throw new AppError('bad_request', `This is a ${channel.network} channel`);
    const connected = await service.connectWithProvider(ctx, channel.network, req.body as Record<string, unknown>);
    if (channel.external_id && connected.account.externalId !== channel.external_id) {
      throw new AppError('conflict', `These credentials belong to ${connected.account.handle}, not to ${channel.handle}`);
    }
    const row = await repo.updateChannel(ctx.db, access.workspaceId, channel.id, { credentials: ctx.secrets.encrypt(connected.credentials), settings: connected.settings ?? {}, status: 'active', statusReason: null });
    return { ...service.publicChannel(ctx, row!), ...service.generatedSecret(req.body as { network: string }, connected.credentials) };
  });

  r.delete(`${base}/:id`, { schema: { tags: ['channels'], summary: 'Disconnect and forget a channel (its deliveries go with it)', params: IdParams } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    if (!(await repo.deleteChannel(ctx.db, access.workspaceId, req.params.id))) throw new AppError('not_found', 'Channel not found');
    return reply.status(204).send();
  });

  r.put(`${base}/:id/schedule`, { schema: { tags: ['channels'], summary: 'Set the weekly posting slots, in the channel’s own time zone', params: IdParams, body: Schedule, response: { 200: Channel } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return service.setSchedule(ctx, access.workspaceId, req.params.id, req.body as { timezone: string; slots: WeeklySlot[] });
  });

  r.get(`${base}/:id/queue`, {
    schema: { tags: ['channels'], summary: 'Upcoming posts and the next free slots of a channel', params: IdParams, querystring: z.object({ free: z.coerce.number().int().min(0).max(100).default(5) }), response: { 200: QueueAnswer } },
  }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    const channel = await service.getChannel(ctx, access.workspaceId, req.params.id);
    const now = new Date();
    const upcoming = await repo.listUpcomingDeliveries(ctx.db, access.workspaceId, channel.id);
    const free = channel.slots.length && req.query.free > 0 ? await service.nextSlots(ctx.db, channel, now, req.query.free) : [];
    return { timezone: channel.timezone, upcoming, freeSlots: free.map((d) => d.toISOString()) };
  });

  r.put(`${base}/:id/queue/order`, {
    schema: {
      tags: ['channels'], summary: 'Reorder waiting posts of a channel: they keep their times, taken in the order given',
      params: IdParams,
      body: z.object({ deliveryIds: z.array(z.uuid('must be a delivery id')).min(2).max(200).describe('Waiting deliveries of this channel (from GET …/queue) in their new order') }),
    },
  }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    await reorderQueue(ctx, access, req.params.id, req.body.deliveryIds);
    return reply.status(204).send();
  });
}
