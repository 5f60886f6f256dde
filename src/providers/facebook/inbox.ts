/**
 * Reading back a Page: comments and replies under its recent posts (`/{post}/comments`), posts
 * that tag the Page (`/{page}/tagged`), and the same from webhooks (object `page`, fields `feed`
 * and `mention`). Replying, hiding (`is_hidden`), deleting and liking comments as the Page.
 * Messenger conversations need `pages_messaging` and Meta's messaging policy: not offered yet.
 */
import type { ContentPart, InboxItem, InboxKind, InboxPage, IncomingWebhook, ProviderContext, PublishedPart, PublishResult } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { pageSince } from '../shared/inbox-cursor.js';
import { toProviderError } from '../meta/errors.js';
import { groupByAccount, readChanges } from '../meta/webhooks.js';
import { openPage } from './page.js';

interface GraphComment {
  id: string;
  message?: string;
  created_time?: string;
  from?: { id?: string; name?: string };
  parent?: { id?: string };
  permalink_url?: string;
  is_hidden?: boolean;
}

const COMMENT_FIELDS = 'id,message,created_time,from{id,name},parent{id},permalink_url,is_hidden';

function commentItem(c: GraphComment, postId: string): InboxItem {
  return {
    externalId: c.id,
    kind: c.parent?.id ? 'reply' : 'comment',
    conversationId: postId,
    parentExternalId: c.parent?.id ?? postId,
    postExternalId: postId,
    author: { id: c.from?.id ?? 'unknown', name: c.from?.name ?? null },
    text: c.message ?? '',
    createdAt: new Date(c.created_time ?? Date.now()).toISOString(),
    url: c.permalink_url ?? null,
    raw: { isHidden: c.is_hidden ?? false },
  };
}

export async function listPageInbox(ctx: ProviderContext, opts: { cursor?: string | null; kinds?: InboxKind[]; recentPosts?: PublishResult[] }): Promise<InboxPage> {
  const page = openPage(ctx);
  const wants = (k: InboxKind) => !opts.kinds || opts.kinds.includes(k);
  const items: InboxItem[] = [];
  try {
    if (wants('comment') || wants('reply')) {
      for (const post of (opts.recentPosts ?? []).slice(0, 25)) {
        const res = await page.graph.get<{ data?: GraphComment[] }>(`${post.externalId}/comments`, { fields: COMMENT_FIELDS, filter: 'stream', order: 'reverse_chronological', limit: 100 });
        for (const c of res.data ?? []) if (c.from?.id !== page.pageId) items.push(commentItem(c, post.externalId));
      }
    }
    if (wants('mention')) {
      const res = await page.graph.get<{ data?: { id: string; message?: string; created_time?: string; from?: { id?: string; name?: string }; permalink_url?: string }[] }>(`${page.pageId}/tagged`, { fields: 'id,message,created_time,from{id,name},permalink_url', limit: 50 });
      for (const p of res.data ?? []) {
        items.push({ externalId: p.id, kind: 'mention', conversationId: p.id, postExternalId: null, author: { id: p.from?.id ?? 'unknown', name: p.from?.name ?? null }, text: p.message ?? '', createdAt: new Date(p.created_time ?? Date.now()).toISOString(), url: p.permalink_url ?? null });
      }
    }
  } catch (err) {
    throw toProviderError(err, 'Facebook', 'inbox read');
  }
  return pageSince(items, opts.cursor, (i) => wants(i.kind));
}

export async function replyOnPage(ctx: ProviderContext, item: InboxItem, content: ContentPart): Promise<PublishedPart> {
  if (content.media.length) throw new ProviderError('rejected', 'Varde replies on Facebook with text only');
  if (!content.text.trim()) throw new ProviderError('rejected', 'The reply is empty');
  const page = openPage(ctx);
  try {
    const res = await page.graph.post<{ id: string }>(`${item.externalId}/comments`, { message: content.text });
    return { externalId: res.id, ref: { on: item.externalId } };
  } catch (err) {
    throw toProviderError(err, 'Facebook', 'reply', { write: true });
  }
}

export async function moderateComment(ctx: ProviderContext, item: InboxItem, action: 'hide' | 'unhide' | 'delete' | 'like'): Promise<void> {
  if (item.kind === 'mention' && action !== 'like') throw new ProviderError('rejected', 'A post that tags the Page belongs to its author: Varde can only reply to it or like it');
  const page = openPage(ctx);
  try {
    if (action === 'delete') await page.graph.delete(item.externalId);
    else if (action === 'like') await page.graph.post(`${item.externalId}/likes`);
    else await page.graph.post(item.externalId, { is_hidden: action === 'hide' });
  } catch (err) {
    throw toProviderError(err, 'Facebook', `${action} of a comment`);
  }
}

/** Webhook object `page`: `feed` (comment added) and `mention` changes. */
export function parsePageWebhook(req: IncomingWebhook): { accountId: string; items: InboxItem[] }[] {
  const pairs: { accountId: string; item: InboxItem }[] = [];
  for (const { accountId, field, value, time } of readChanges(req.rawBody)) {
    if (value.verb !== 'add' || value.from?.id === accountId) continue;
    const createdAt = new Date(value.created_time ? Number(value.created_time) * 1000 : (time ?? Date.now() / 1000) * 1000).toISOString();
    if (field === 'feed' && value.item === 'comment' && value.comment_id) {
      const postId = String(value.post_id ?? '');
      const isReply = value.parent_id && value.parent_id !== postId;
      pairs.push({ accountId, item: { externalId: String(value.comment_id), kind: isReply ? 'reply' : 'comment', conversationId: postId, parentExternalId: value.parent_id ? String(value.parent_id) : postId, postExternalId: postId, author: { id: String(value.from?.id ?? 'unknown'), name: value.from?.name ?? null }, text: String(value.message ?? ''), createdAt } });
    } else if (field === 'mention' && value.post_id) {
      const id = String(value.comment_id ?? value.post_id);
      pairs.push({ accountId, item: { externalId: id, kind: 'mention', conversationId: String(value.post_id), postExternalId: null, author: { id: String(value.sender_id ?? 'unknown'), name: value.sender_name ?? null }, text: String(value.message ?? ''), createdAt, raw: { item: value.item ?? null } } });
    }
  }
  return groupByAccount(pairs);
}
