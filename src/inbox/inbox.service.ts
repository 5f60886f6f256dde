/**
 * The inbox as people work it: lists with filters and search, a conversation with the post it
 * answers, the replies sent (each with its delivery state) and internal notes; work states,
 * assignment, snoozes, tags and read marks, one item or many at once.
 */
import type { AppContext } from '../app/context.js';
import { AppError, findOrFail } from '../app/errors.js';
import { newId } from '../app/ids.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import type { Queryable } from '../db/client.js';
import { notify } from '../notifications/notifications.repository.js';
import { findMembership } from '../workspaces/workspaces.repository.js';
import type { BulkInput, ItemListQuery, ItemPatch } from './inbox.schemas.js';
import { publicItem, publicNote, publicReply } from './inbox.view.js';
import { changeItems, countUnread, findItem, insertNote, listConversation, listItems, listNotes, type BulkChange } from './items.repository.js';
import { listReplies } from './replies.repository.js';

export async function listInbox(ctx: AppContext, access: WorkspaceAccess, q: ItemListQuery) {
  const { items, total } = await listItems(ctx.db, access.workspaceId, q, access.principal.userId);
  return { items: items.map(publicItem), total, limit: q.limit, offset: q.offset };
}

export async function showItem(ctx: AppContext, access: WorkspaceAccess, id: string) {
  return publicItem(findOrFail(await findItem(ctx.db, access.workspaceId, id), 'Inbox item'));
}

async function postSummary(db: Queryable, workspaceId: string, postId: string | null) {
  if (!postId) return null;
  const [p] = await db.query<{ id: string; status: string; text: string; url: string | null; published_at: Date | null }>(
    `SELECT p.id, p.status, p.content->>'text' AS text, d.external_url AS url, d.published_at FROM posts p
     LEFT JOIN LATERAL (SELECT external_url, published_at FROM deliveries WHERE post_id = p.id AND external_url IS NOT NULL ORDER BY created_at LIMIT 1) d ON true
     WHERE p.workspace_id = $1 AND p.id = $2`,
    [workspaceId, postId],
  );
  return p ? { id: p.id, status: p.status, text: p.text, url: p.url, publishedAt: p.published_at } : null;
}

/** What the item's network lets Varde do with it (the screen shows only these; the API refuses the rest). */
function offeredActions(ctx: AppContext, network: string) {
  const p = ctx.providers.has(network) ? ctx.providers.get(network) : null;
  return { reply: Boolean(p?.replyTo), hide: Boolean(p?.hideItem), like: Boolean(p?.likeItem), delete: Boolean(p?.deleteItem) };
}

/** The item's whole conversation on its channel: items, the Varde post answered, replies, notes. */
export async function showConversation(ctx: AppContext, access: WorkspaceAccess, id: string) {
  const ws = access.workspaceId;
  const item = findOrFail(await findItem(ctx.db, ws, id), 'Inbox item');
  const items = await listConversation(ctx.db, ws, item.channel_id, item.conversation_id);
  const ids = items.map((i) => i.id);
  const [replies, notes] = await Promise.all([listReplies(ctx.db, ws, ids), listNotes(ctx.db, ws, ids)]);
  const [channel] = await ctx.db.query<{ id: string; name: string; network: string; handle: string | null }>(`SELECT id, name, network, handle FROM channels WHERE id = $1`, [item.channel_id]);
  return {
    conversationId: item.conversation_id,
    channel,
    actions: offeredActions(ctx, item.network),
    post: await postSummary(ctx.db, ws, items.find((i) => i.post_id)?.post_id ?? null),
    items: items.map(publicItem),
    replies: replies.map(publicReply),
    notes: notes.map(publicNote),
  };
}

async function assertMember(db: Queryable, workspaceId: string, userId: string) {
  const m = await findMembership(db, workspaceId, userId);
  if (!m?.role) throw new AppError('bad_request', 'The assignee must be a member of this workspace');
}

/** Notifies a member that items were given to them (not when they took them themselves). */
async function notifyAssignee(ctx: AppContext, access: WorkspaceAccess, assigneeId: string, ids: string[]) {
  if (ids.length === 0 || assigneeId === access.principal.userId) return;
  const message = ids.length === 1 ? 'An inbox item was assigned to you' : `${ids.length} inbox items were assigned to you`;
  await notify(ctx.db, { workspaceId: access.workspaceId, kind: 'inbox.assigned', subjectId: ids[0], message, userIds: [assigneeId], detail: { itemIds: ids.slice(0, 50) } });
}

function changesOf(p: ItemPatch): BulkChange[] {
  const out: BulkChange[] = [];
  if (p.assigneeId === null) out.push({ action: 'unassign' });
  else if (p.assigneeId) out.push({ action: 'assign', assigneeId: p.assigneeId });
  if (p.state) out.push({ action: p.state === 'done' ? 'done' : 'reopen' });
  if (p.snoozedUntil === null) out.push({ action: 'unsnooze' });
  else if (p.snoozedUntil) out.push({ action: 'snooze', until: new Date(p.snoozedUntil) });
  if (p.tags) out.push({ action: 'set_tags', tags: [...new Set(p.tags)] });
  if (p.read !== undefined) out.push({ action: p.read ? 'read' : 'unread' });
  return out;
}

export async function updateItem(ctx: AppContext, access: WorkspaceAccess, id: string, patch: ItemPatch) {
  findOrFail(await findItem(ctx.db, access.workspaceId, id), 'Inbox item');
  if (patch.assigneeId) await assertMember(ctx.db, access.workspaceId, patch.assigneeId);
  await ctx.db.transaction(async (tx) => {
    for (const change of changesOf(patch)) await changeItems(tx, access.workspaceId, [id], change);
  });
  if (patch.assigneeId) await notifyAssignee(ctx, access, patch.assigneeId, [id]);
  return showItem(ctx, access, id);
}

export async function bulkUpdate(ctx: AppContext, access: WorkspaceAccess, input: BulkInput) {
  if (input.action === 'assign') await assertMember(ctx.db, access.workspaceId, input.assigneeId);
  const change: BulkChange = input.action === 'snooze' ? { action: 'snooze', until: new Date(input.until) } : (input as BulkChange);
  const changed = await changeItems(ctx.db, access.workspaceId, [...new Set(input.ids)], change);
  if (input.action === 'assign') await notifyAssignee(ctx, access, input.assigneeId, changed);
  return { changed: changed.length, ids: changed };
}

export async function addNote(ctx: AppContext, access: WorkspaceAccess, itemId: string, body: string) {
  const item = findOrFail(await findItem(ctx.db, access.workspaceId, itemId), 'Inbox item');
  const id = newId();
  await insertNote(ctx.db, { id, workspaceId: access.workspaceId, itemId: item.id, userId: access.principal.userId, body });
  const [note] = await listNotes(ctx.db, access.workspaceId, [item.id]).then((notes) => notes.filter((n) => n.id === id));
  return publicNote(note);
}

export const unreadCount = (ctx: AppContext, access: WorkspaceAccess) => countUnread(ctx.db, access.workspaceId, access.principal.userId);
