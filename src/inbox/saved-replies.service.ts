/** Saved replies: a workspace's canned answers with variables, and the inbox's settings. */
import type { AppContext } from '../app/context.js';
import { AppError, findOrFail } from '../app/errors.js';
import { newId } from '../app/ids.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import { findChannel } from '../channels/channels.repository.js';
import { findItem } from './items.repository.js';
import { replyText } from './reply.service.js';
import { deleteSavedReply, findSavedReply, listSavedReplies, publicSavedReply, saveSavedReply } from './saved-replies.repository.js';
import { getPriorityKeywords, setPriorityKeywords } from './settings.repository.js';
import { inboxRuntime } from './runtime.js';
import { unknownVariables } from './template.js';

function checkBody(body: string) {
  const unknown = unknownVariables(body);
  if (unknown.length) throw new AppError('bad_request', `Unknown variable ${unknown.map((u) => `{{${u}}}`).join(', ')}; use {{author.name}}, {{author.handle}}, {{channel.name}}`);
}

export async function listSaved(ctx: AppContext, access: WorkspaceAccess) {
  return { savedReplies: (await listSavedReplies(ctx.db, access.workspaceId)).map(publicSavedReply) };
}

export async function saveSaved(ctx: AppContext, access: WorkspaceAccess, input: { name: string; body: string }, id?: string) {
  checkBody(input.body);
  if (id) findOrFail(await findSavedReply(ctx.db, access.workspaceId, id), 'Saved reply');
  const row = await saveSavedReply(ctx.db, { id: id ?? newId(), workspaceId: access.workspaceId, createdBy: access.principal.userId, ...input }, Boolean(id));
  if (!row) throw new AppError('conflict', `A saved reply named "${input.name}" already exists`);
  return publicSavedReply(row);
}

export async function removeSaved(ctx: AppContext, access: WorkspaceAccess, id: string) {
  if (!(await deleteSavedReply(ctx.db, access.workspaceId, id))) throw new AppError('not_found', 'Saved reply not found');
}

/** The saved reply as it would be sent to an item's author. */
export async function renderSaved(ctx: AppContext, access: WorkspaceAccess, id: string, itemId: string) {
  const saved = findOrFail(await findSavedReply(ctx.db, access.workspaceId, id), 'Saved reply');
  const item = findOrFail(await findItem(ctx.db, access.workspaceId, itemId), 'Inbox item');
  const channel = findOrFail(await findChannel(ctx.db, access.workspaceId, item.channel_id), 'Channel');
  return { text: replyText(saved.body, item, channel) };
}

export async function inboxSettings(ctx: AppContext, access: WorkspaceAccess) {
  return { priorityKeywords: await getPriorityKeywords(ctx.db, access.workspaceId) };
}

export async function updateInboxSettings(ctx: AppContext, access: WorkspaceAccess, input: { priorityKeywords: string[] }) {
  await setPriorityKeywords(ctx.db, access.workspaceId, [...new Set(input.priorityKeywords)]);
  inboxRuntime(ctx).directory.invalidate(access.workspaceId);
  return inboxSettings(ctx, access);
}
