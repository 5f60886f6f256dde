/** Saved replies (read to use, `write` to manage) and the inbox settings (`admin` to change). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { IdParams, WorkspaceParams } from '../server/schemas.js';
import { RenderInput, SavedReplyInput, SettingsInput } from './inbox.schemas.js';
import { InboxSettings, RenderedReply, SavedReply, SavedReplyList } from './inbox.answers.js';
import * as saved from './saved-replies.service.js';

export function savedRepliesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inbox'];
  const base = '/api/v1/workspaces/:workspaceId/inbox/saved-replies';

  r.get(base, { schema: { tags, summary: 'Saved replies', params: WorkspaceParams, response: { 200: SavedReplyList } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return saved.listSaved(ctx, access);
  });

  r.post(base, { schema: { tags, summary: 'Save a reply; its body may use {{author.name}}, {{author.handle}}, {{channel.name}}', params: WorkspaceParams, body: SavedReplyInput, response: { 201: SavedReply } } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return reply.status(201).send(await saved.saveSaved(ctx, access, req.body));
  });

  r.put(`${base}/:id`, { schema: { tags, summary: 'Replace a saved reply', params: IdParams, body: SavedReplyInput, response: { 200: SavedReply } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return saved.saveSaved(ctx, access, req.body, req.params.id);
  });

  r.delete(`${base}/:id`, { schema: { tags, summary: 'Delete a saved reply', params: IdParams } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    await saved.removeSaved(ctx, access, req.params.id);
    return reply.status(204).send();
  });

  r.post(`${base}/:id/render`, { schema: { tags, summary: 'The saved reply as it would be sent to an item’s author (nothing sent)', params: IdParams, body: RenderInput, response: { 200: RenderedReply } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return saved.renderSaved(ctx, access, req.params.id, req.body.itemId);
  });

  r.get('/api/v1/workspaces/:workspaceId/inbox/settings', { schema: { tags, summary: 'Inbox settings: the keywords that raise priority', params: WorkspaceParams, response: { 200: InboxSettings } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return saved.inboxSettings(ctx, access);
  });

  r.put('/api/v1/workspaces/:workspaceId/inbox/settings', { schema: { tags, summary: 'Change the inbox settings', params: WorkspaceParams, body: SettingsInput, response: { 200: InboxSettings } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    return saved.updateInboxSettings(ctx, access, req.body);
  });
}
