/**
 * Acting on the network from the inbox (`publish`): reply (through the publishing pipeline; an
 * `Idempotency-Key` header makes a repeated request return the first reply), hide or show, like,
 * delete an item, and delete a reply Varde sent.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { IdParams } from '../server/schemas.js';
import { HideInput, ReplyInput } from './inbox.schemas.js';
import { InboxItem, InboxReply } from './inbox.answers.js';
import { actOnItem, deleteReply } from './moderation.service.js';
import { replyToItem } from './reply.service.js';

const INBOX = '/api/v1/workspaces/:workspaceId/inbox';
const ReplyHeaders = z.object({ 'idempotency-key': z.string().trim().min(8).max(200).optional().describe('Send the same key again to get the same reply, never a second one') });

export function inboxActionRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inbox'];
  const item = `${INBOX}/items/:id`;

  r.post(`${item}/reply`, {
    schema: { tags, summary: 'Reply to an item, exactly once, through the publishing pipeline (text or a saved reply; variables filled in)', params: IdParams, headers: ReplyHeaders, body: ReplyInput, response: { 202: InboxReply } },
  }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'publish');
    return reply.status(202).send(await replyToItem(ctx, access, req.params.id, req.body, req.headers['idempotency-key']));
  });

  r.post(`${item}/hide`, { schema: { tags, summary: 'Hide (or show again) the comment on the network, where the network allows', params: IdParams, body: HideInput, response: { 200: InboxItem } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'publish');
    return actOnItem(ctx, access, req.params.id, req.body.hidden ? 'hide' : 'show');
  });

  r.post(`${item}/like`, { schema: { tags, summary: 'Like the item on the network, where the network allows', params: IdParams, response: { 200: InboxItem } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'publish');
    return actOnItem(ctx, access, req.params.id, 'like');
  });

  r.post(`${item}/delete`, { schema: { tags, summary: 'Delete the item on the network, where the network allows (it stays in Varde, marked deleted)', params: IdParams, response: { 200: InboxItem } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'publish');
    return actOnItem(ctx, access, req.params.id, 'delete');
  });

  r.post(`${INBOX}/replies/:id/delete`, { schema: { tags, summary: 'Delete a reply Varde sent from the network', params: IdParams, response: { 200: InboxReply } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'publish');
    return deleteReply(ctx, access, req.params.id);
  });
}
