/**
 * Reading back an Instagram professional account: comments and their replies under its recent
 * media (`/{media}/comments` with `replies`), media it is tagged in (`/{ig-user}/tags`), and the
 * same from webhooks (object `instagram`, fields `comments` and `mentions`). Replying
 * (`/{comment}/replies`, or `/{ig-user}/mentions` on media that tag the account), hiding (`hide`)
 * and deleting comments. The API has no way to like a comment; direct messages need the Instagram
 * Messaging API and its review, not offered yet.
 */
import type { ContentPart, InboxItem, InboxKind, InboxPage, IncomingWebhook, ProviderContext, PublishedPart, PublishResult } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { pageSince } from '../shared/inbox-cursor.js';
import { toProviderError } from '../meta/errors.js';
import { groupByAccount, readChanges } from '../meta/webhooks.js';
import { openAccount } from './account.js';

interface IgComment {
  id: string;
  text?: string;
  timestamp?: string;
  username?: string;
  from?: { id?: string; username?: string };
  parent_id?: string;
  hidden?: boolean;
  replies?: { data?: IgComment[] };
}

const FIELDS = 'id,text,timestamp,username,from{id,username},hidden,replies{id,text,timestamp,username,from{id,username},parent_id,hidden}';

function toItem(c: IgComment, mediaId: string, parentId?: string): InboxItem {
  return {
    externalId: c.id,
    kind: parentId ? 'reply' : 'comment',
    conversationId: mediaId,
    parentExternalId: parentId ?? mediaId,
    postExternalId: mediaId,
    author: { id: c.from?.id ?? c.username ?? 'unknown', handle: c.from?.username ?? c.username ?? null, url: c.username ? `https://www.instagram.com/${c.username}` : null },
    text: c.text ?? '',
    createdAt: new Date(c.timestamp ?? Date.now()).toISOString(),
    raw: { hidden: c.hidden ?? false },
  };
}

export async function listInstagramInbox(ctx: ProviderContext, opts: { cursor?: string | null; kinds?: InboxKind[]; recentPosts?: PublishResult[] }): Promise<InboxPage> {
  const ig = openAccount(ctx);
  const wants = (k: InboxKind) => !opts.kinds || opts.kinds.includes(k);
  const items: InboxItem[] = [];
  try {
    if (wants('comment') || wants('reply')) {
      for (const post of (opts.recentPosts ?? []).slice(0, 25)) {
        const res = await ig.graph.get<{ data?: IgComment[] }>(`${post.externalId}/comments`, { fields: FIELDS, limit: 50 });
        for (const c of res.data ?? []) {
          if (c.from?.id !== ig.igUserId) items.push(toItem(c, post.externalId));
          for (const r of c.replies?.data ?? []) if (r.from?.id !== ig.igUserId) items.push(toItem(r, post.externalId, c.id));
        }
      }
    }
    if (wants('mention')) {
      const res = await ig.graph.get<{ data?: { id: string; caption?: string; timestamp?: string; username?: string; permalink?: string }[] }>(`${ig.igUserId}/tags`, { fields: 'id,caption,timestamp,username,permalink', limit: 50 });
      for (const m of res.data ?? []) {
        items.push({ externalId: m.id, kind: 'mention', conversationId: m.id, postExternalId: null, author: { id: m.username ?? 'unknown', handle: m.username ?? null }, text: m.caption ?? '', createdAt: new Date(m.timestamp ?? Date.now()).toISOString(), url: m.permalink ?? null, raw: { tagged: true } });
      }
    }
  } catch (err) {
    throw toProviderError(err, 'Instagram', 'inbox read');
  }
  return pageSince(items, opts.cursor, (i) => wants(i.kind));
}

export async function replyOnInstagram(ctx: ProviderContext, item: InboxItem, content: ContentPart): Promise<PublishedPart> {
  if (content.media.length) throw new ProviderError('rejected', 'Instagram replies are text only');
  if (!content.text.trim()) throw new ProviderError('rejected', 'The reply is empty');
  const ig = openAccount(ctx);
  try {
    if (item.kind === 'mention') {
      const res = await ig.graph.post<{ id: string }>(`${ig.igUserId}/mentions`, { media_id: item.externalId, comment_id: item.raw?.commentId as string | undefined, message: content.text });
      return { externalId: res.id, ref: { on: item.externalId } };
    }
    // Instagram threads one level deep: a reply to a reply goes under the top-level comment.
    const target = item.kind === 'reply' && item.parentExternalId ? item.parentExternalId : item.externalId;
    const res = await ig.graph.post<{ id: string }>(`${target}/replies`, { message: content.text });
    return { externalId: res.id, ref: { on: target } };
  } catch (err) {
    throw toProviderError(err, 'Instagram', 'reply', { write: true });
  }
}

export async function moderateInstagramComment(ctx: ProviderContext, item: InboxItem, action: 'hide' | 'unhide' | 'delete'): Promise<void> {
  if (item.kind === 'mention') throw new ProviderError('rejected', 'A post that tags the account belongs to its author: Varde can only reply to it');
  const ig = openAccount(ctx);
  try {
    if (action === 'delete') await ig.graph.delete(item.externalId);
    else await ig.graph.post(item.externalId, { hide: action === 'hide' });
  } catch (err) {
    throw toProviderError(err, 'Instagram', `${action} of a comment`);
  }
}

/** Webhook object `instagram`: `comments` (with `parent_id` for replies) and `mentions`. */
export function parseInstagramWebhook(req: IncomingWebhook): { accountId: string; items: InboxItem[] }[] {
  const pairs: { accountId: string; item: InboxItem }[] = [];
  for (const { accountId, field, value, time } of readChanges(req.rawBody)) {
    const createdAt = new Date((time ?? Date.now() / 1000) < 1e12 ? (time ?? Date.now() / 1000) * 1000 : time!).toISOString();
    if (field === 'comments' && value.id && value.from?.id !== accountId) {
      const mediaId = String(value.media?.id ?? '');
      pairs.push({ accountId, item: { externalId: String(value.id), kind: value.parent_id ? 'reply' : 'comment', conversationId: mediaId, parentExternalId: value.parent_id ? String(value.parent_id) : mediaId, postExternalId: mediaId, author: { id: String(value.from?.id ?? 'unknown'), handle: value.from?.username ?? null }, text: String(value.text ?? ''), createdAt } });
    } else if (field === 'mentions' && value.media_id) {
      const id = String(value.comment_id ?? value.media_id);
      pairs.push({ accountId, item: { externalId: String(value.media_id), kind: 'mention', conversationId: String(value.media_id), postExternalId: null, author: { id: 'unknown' }, text: '', createdAt, raw: { commentId: value.comment_id ? String(value.comment_id) : null, mentionId: id } } });
    }
  }
  return groupByAccount(pairs);
}
