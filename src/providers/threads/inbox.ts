/**
 * Reading back a Threads profile: the replies under its recent posts (`/{media}/conversation`,
 * every depth), posts that mention it (`/{user}/mentions`), and the same from webhooks (fields
 * `replies` and `mentions`). Replying is publishing a reply container; hiding is
 * `POST /{reply}/manage_reply?hide=`. Threads has no API to like or to delete someone else's reply,
 * and no direct messages.
 */
import type { ContentPart, InboxItem, InboxKind, InboxPage, IncomingWebhook, ProviderContext, PublishedPart, PublishResult } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { pageSince } from '../shared/inbox-cursor.js';
import { toProviderError } from '../meta/errors.js';
import { groupByAccount } from '../meta/webhooks.js';
import { waitForContainer } from '../meta/containers.js';
import { openProfile, readContainer, threadsFail } from './account.js';
import { MAX_TEXT } from './options.js';
import { measureText } from '../../core/text-count.js';

interface ThreadsReply {
  id: string;
  text?: string;
  username?: string;
  timestamp?: string;
  permalink?: string;
  replied_to?: { id?: string };
  root_post?: { id?: string; owner_id?: string; username?: string };
  hide_status?: string;
  is_reply_owned_by_me?: boolean;
}

const FIELDS = 'id,text,username,timestamp,permalink,replied_to,root_post,hide_status,is_reply_owned_by_me';

function toItem(r: ThreadsReply, kind: InboxKind, postId: string | null): InboxItem {
  return {
    externalId: r.id,
    kind,
    conversationId: r.root_post?.id ?? postId ?? r.id,
    parentExternalId: r.replied_to?.id ?? null,
    postExternalId: postId,
    author: { id: r.username ?? 'unknown', handle: r.username ?? null, url: r.username ? `https://www.threads.com/@${r.username}` : null },
    text: r.text ?? '',
    createdAt: new Date(r.timestamp ?? Date.now()).toISOString(),
    url: r.permalink ?? null,
    raw: { hideStatus: r.hide_status ?? null },
  };
}

export async function listThreadsInbox(ctx: ProviderContext, opts: { cursor?: string | null; kinds?: InboxKind[]; recentPosts?: PublishResult[] }): Promise<InboxPage> {
  const t = openProfile(ctx);
  const wants = (k: InboxKind) => !opts.kinds || opts.kinds.includes(k);
  const items: InboxItem[] = [];
  try {
    if (wants('reply')) {
      for (const post of (opts.recentPosts ?? []).slice(0, 25)) {
        const res = await t.graph.get<{ data?: ThreadsReply[] }>(`${post.externalId}/conversation`, { fields: FIELDS, reverse: false, limit: 100 });
        for (const r of res.data ?? []) if (!r.is_reply_owned_by_me) items.push(toItem(r, 'reply', post.externalId));
      }
    }
    if (wants('mention')) {
      const res = await t.graph.get<{ data?: ThreadsReply[] }>(`${t.userId}/mentions`, { fields: 'id,text,username,timestamp,permalink', limit: 50 });
      for (const m of res.data ?? []) items.push(toItem(m, 'mention', null));
    }
  } catch (err) {
    throw toProviderError(err, 'Threads', 'inbox read');
  }
  return pageSince(items, opts.cursor);
}

/** A reply is a published reply container (counted in the 1,000 replies a day). */
export async function replyOnThreads(ctx: ProviderContext, item: InboxItem, content: ContentPart): Promise<PublishedPart> {
  if (content.media.length) throw new ProviderError('rejected', 'Varde replies on Threads with text only');
  if (!content.text.trim()) throw new ProviderError('rejected', 'The reply is empty');
  if (measureText(content.text, 'threads').count > MAX_TEXT) throw new ProviderError('rejected', `A Threads reply holds ${MAX_TEXT} characters`);
  const t = openProfile(ctx);
  const created = await t.graph.post<{ id: string }>(`${t.userId}/threads`, { media_type: 'TEXT', text: content.text, reply_to_id: item.externalId }).catch(threadsFail('reply'));
  await waitForContainer(readContainer(t, created.id), t.timeouts, 'Threads', ctx.signal);
  const res = await t.graph.post<{ id: string }>(`${t.userId}/threads_publish`, { creation_id: created.id }).catch(threadsFail('reply', true));
  return { externalId: res.id, ref: { on: item.externalId, containerId: created.id } };
}

export async function hideThreadsReply(ctx: ProviderContext, item: InboxItem, hidden: boolean): Promise<void> {
  if (item.kind === 'mention') throw new ProviderError('rejected', 'Only replies under the profile’s own posts can be hidden');
  const t = openProfile(ctx);
  await t.graph.post(`${item.externalId}/manage_reply`, { hide: hidden }).catch(threadsFail('hiding a reply'));
}

/**
 * Threads webhooks: `{ app_id, topic, target_id, time, values: { field, value } }` (one change per
 * delivery; an array is read too). `target_id` is the profile the event belongs to.
 */
export function parseThreadsWebhook(req: IncomingWebhook): { accountId: string; items: InboxItem[] }[] {
  const body = JSON.parse(req.rawBody.toString('utf8')) as { target_id?: unknown; values?: unknown };
  const accountId = String(body.target_id ?? '');
  const values = (Array.isArray(body.values) ? body.values : body.values ? [body.values] : []) as { field?: string; value?: ThreadsReply }[];
  const pairs: { accountId: string; item: InboxItem }[] = [];
  for (const { field, value } of values) {
    if (!value?.id) continue;
    if (field === 'replies') pairs.push({ accountId, item: toItem(value, 'reply', value.root_post?.id ?? null) });
    else if (field === 'mentions') pairs.push({ accountId, item: toItem(value, 'mention', null) });
  }
  return groupByAccount(pairs);
}
