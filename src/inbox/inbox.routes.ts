/**
 * The inbox API under /api/v1/workspaces/:workspaceId/inbox: items (list, one, conversation,
 * states, assignment, tags, snoozes, read marks, bulk, notes), the unread count for the
 * navigation, sources and "check now"; plus the reply, moderation, rule, saved-reply and webhook
 * routes registered from here. Viewers read; changing an item needs `write`; anything that acts
 * on the network (reply, hide, like, delete) needs `publish`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { IdParams, WorkspaceParams } from '../server/schemas.js';
import { BulkInput, ItemListQuery, ItemPatch, NoteInput } from './inbox.schemas.js';
import { BulkAnswer, Conversation, InboxItem, InboxNote, InboxPage, InboxSources, SyncAnswer, UnreadCount } from './inbox.answers.js';
import * as service from './inbox.service.js';
import { inboxActionRoutes } from './inbox-actions.routes.js';
import { inboxRulesRoutes } from './rules.routes.js';
import { savedRepliesRoutes } from './saved-replies.routes.js';
import { listInboxSources, syncNow } from './sources.service.js';
import { webhooksRoutes } from './webhooks.routes.js';

export const INBOX_BASE = '/api/v1/workspaces/:workspaceId/inbox';

export function inboxRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inbox'];
  const items = `${INBOX_BASE}/items`;

  r.get(items, { schema: { tags, summary: 'Inbox items, filtered (channel, network, state, assignee, tag, sentiment, kind, priority, post, unread) and searched', params: WorkspaceParams, querystring: ItemListQuery, response: { 200: InboxPage } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return service.listInbox(ctx, access, req.query);
  });

  r.get(`${items}/:id`, { schema: { tags, summary: 'One inbox item', params: IdParams, response: { 200: InboxItem } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return service.showItem(ctx, access, req.params.id);
  });

  r.get(`${items}/:id/conversation`, { schema: { tags, summary: 'The item’s conversation: its items, the Varde post answered, the replies sent (with their delivery state) and notes', params: IdParams, response: { 200: Conversation } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return service.showConversation(ctx, access, req.params.id);
  });

  r.patch(`${items}/:id`, { schema: { tags, summary: 'Change an item: done or open, assignee, snooze, tags, read', params: IdParams, body: ItemPatch, response: { 200: InboxItem } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return service.updateItem(ctx, access, req.params.id, req.body);
  });

  r.post(`${items}/bulk`, { schema: { tags, summary: 'One change to many items: done, reopen, assign, unassign, tag, untag, snooze, unsnooze, read, unread', params: WorkspaceParams, body: BulkInput, response: { 200: BulkAnswer } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return service.bulkUpdate(ctx, access, req.body);
  });

  r.post(`${items}/:id/notes`, { schema: { tags, summary: 'An internal note on an item (never sent to the network)', params: IdParams, body: NoteInput, response: { 201: InboxNote } } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return reply.status(201).send(await service.addNote(ctx, access, req.params.id, req.body.body));
  });

  r.get(`${INBOX_BASE}/unread-count`, { schema: { tags, summary: 'Unread, open and assigned-to-me counts, for the navigation', params: WorkspaceParams, response: { 200: UnreadCount } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return service.unreadCount(ctx, access);
  });

  r.get(`${INBOX_BASE}/sources`, { schema: { tags, summary: 'How each channel’s inbox is read (webhook, poll) and how polling goes', params: WorkspaceParams, response: { 200: InboxSources } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return listInboxSources(ctx, access);
  });

  r.post(`${INBOX_BASE}/sync`, { schema: { tags, summary: 'Check every polled channel for new items now', params: WorkspaceParams, response: { 200: SyncAnswer } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return syncNow(ctx, access);
  });

  inboxActionRoutes(app, ctx);
  inboxRulesRoutes(app, ctx);
  savedRepliesRoutes(app, ctx);
  webhooksRoutes(app, ctx);
}
