/** Inbox rules: list, one, create, replace, delete (`publish`: rules act on the network), and the dry run. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { IdParams, WorkspaceParams } from '../server/schemas.js';
import { DryRunInput, RuleInput } from './inbox.schemas.js';
import { DryRunAnswer, InboxRule, InboxRuleList } from './inbox.answers.js';
import * as rules from './rules.service.js';

export function inboxRulesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inbox'];
  const base = '/api/v1/workspaces/:workspaceId/inbox/rules';

  r.get(base, { schema: { tags, summary: 'Inbox rules, in the order they apply', params: WorkspaceParams, response: { 200: InboxRuleList } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return rules.listInboxRules(ctx, access);
  });

  r.post(`${base}/dry-run`, { schema: { tags, summary: 'How many recent items these conditions would have matched (nothing saved)', params: WorkspaceParams, body: DryRunInput, response: { 200: DryRunAnswer } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return rules.dryRunRule(ctx, access, req.body.conditions, req.body.recent);
  });

  r.post(base, { schema: { tags, summary: 'Create a rule: when an item matches, tag, assign, hide or auto-reply', params: WorkspaceParams, body: RuleInput, response: { 201: InboxRule } } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'publish');
    return reply.status(201).send(await rules.createInboxRule(ctx, access, req.body));
  });

  r.get(`${base}/:id`, { schema: { tags, summary: 'One rule', params: IdParams, response: { 200: InboxRule } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return rules.findInboxRule(ctx, access, req.params.id);
  });

  r.put(`${base}/:id`, { schema: { tags, summary: 'Replace a rule', params: IdParams, body: RuleInput, response: { 200: InboxRule } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'publish');
    return rules.updateInboxRule(ctx, access, req.params.id, req.body);
  });

  r.delete(`${base}/:id`, { schema: { tags, summary: 'Delete a rule', params: IdParams } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'publish');
    await rules.deleteInboxRule(ctx, access, req.params.id);
    return reply.status(204).send();
  });
}
