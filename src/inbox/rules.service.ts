/**
 * Inbox rules: saved per workspace, applied in order to every new item as it is stored, and tried
 * before saving against recent items ("this rule would have matched 12 of the last 500").
 */
import type { AppContext } from '../app/context.js';
import { AppError, findOrFail } from '../app/errors.js';
import { newId } from '../app/ids.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import { findMembership } from '../workspaces/workspaces.repository.js';
import type { RuleInput } from './inbox.schemas.js';
import { publicItem } from './inbox.view.js';
import { listRecentItems } from './items.repository.js';
import { matchesRule, type RuleConditions } from './rules.js';
import { deleteRule, findRule, insertRule, listRules, updateRule, type RuleRow } from './rules.repository.js';
import { inboxRuntime } from './runtime.js';
import { unknownVariables } from './template.js';

const publicRule = (r: RuleRow) => ({ id: r.id, name: r.name, enabled: r.enabled, conditions: r.conditions, actions: r.actions, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at });

async function check(ctx: AppContext, workspaceId: string, input: RuleInput) {
  const { assignTo, autoReply } = input.actions;
  if (assignTo && !(await findMembership(ctx.db, workspaceId, assignTo))?.role) throw new AppError('bad_request', 'actions.assignTo must be a member of this workspace');
  const unknown = autoReply ? unknownVariables(autoReply.text) : [];
  if (unknown.length) throw new AppError('bad_request', `actions.autoReply.text uses unknown variables: ${unknown.map((u) => `{{${u}}}`).join(', ')}`);
}

export async function listInboxRules(ctx: AppContext, access: WorkspaceAccess) {
  return { rules: (await listRules(ctx.db, access.workspaceId)).map(publicRule) };
}

export async function createInboxRule(ctx: AppContext, access: WorkspaceAccess, input: RuleInput) {
  await check(ctx, access.workspaceId, input);
  const row = await insertRule(ctx.db, { id: newId(), workspaceId: access.workspaceId, createdBy: access.principal.userId, ...input });
  inboxRuntime(ctx).directory.invalidate(access.workspaceId);
  return publicRule(row);
}

export async function updateInboxRule(ctx: AppContext, access: WorkspaceAccess, id: string, input: RuleInput) {
  await check(ctx, access.workspaceId, input);
  const row = findOrFail(await updateRule(ctx.db, access.workspaceId, id, input), 'Rule');
  inboxRuntime(ctx).directory.invalidate(access.workspaceId);
  return publicRule(row);
}

export async function deleteInboxRule(ctx: AppContext, access: WorkspaceAccess, id: string) {
  if (!(await deleteRule(ctx.db, access.workspaceId, id))) throw new AppError('not_found', 'Rule not found');
  inboxRuntime(ctx).directory.invalidate(access.workspaceId);
}

export async function findInboxRule(ctx: AppContext, access: WorkspaceAccess, id: string) {
  return publicRule(findOrFail(await findRule(ctx.db, access.workspaceId, id), 'Rule'));
}

/** How many of the most recent items the conditions match, with a few of them to look at. */
export async function dryRunRule(ctx: AppContext, access: WorkspaceAccess, conditions: RuleConditions, recent: number) {
  const items = await listRecentItems(ctx.db, access.workspaceId, recent);
  const matched = items.filter((i) =>
    matchesRule(conditions, { text: i.text, kind: i.kind, network: i.network, channelId: i.channel_id, sentiment: i.sentiment, author: { id: i.author_id, handle: i.author_handle } }),
  );
  return {
    matched: matched.length,
    of: items.length,
    message: `This rule would have matched ${matched.length} of the ${items.length} most recent items`,
    sample: matched.slice(0, 10).map(publicItem),
  };
}
