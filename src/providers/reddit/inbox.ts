/**
 * Reading Reddit back: the account's inbox (`/message/inbox` — comments on its posts, replies to its
 * comments, private messages — and `/message/mentions` for u/ mentions), replies (`/api/comment`),
 * upvotes, and for moderators hiding a comment (`/api/remove`, undone with `/api/approve`). Reddit
 * pushes nothing, so Varde polls. Metrics: score, upvotes, ratio and comment count per post
 * (`/api/info`); followers of the user's profile.
 */
import type { AccountMetrics, ContentPart, InboxItem, InboxKind, InboxPage, PostMetrics, ProviderContext, PublishedPart, PublishResult } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { toProviderError } from './client.js';
import { addComment, openChannel } from './publish.js';

interface Thing {
  kind: string;
  data: {
    id: string;
    name: string;
    author: string;
    body?: string;
    subject?: string;
    created_utc: number;
    context?: string;
    parent_id?: string | null;
    link_id?: string;
    first_message_name?: string | null;
    was_comment?: boolean;
    type?: string;
    subreddit?: string | null;
  };
}

interface Cursor {
  t: number;
  ids: string[];
}

function readCursor(value: string | null | undefined): Cursor {
  try {
    const c = JSON.parse(value ?? '') as Cursor;
    return typeof c.t === 'number' && Array.isArray(c.ids) ? c : { t: 0, ids: [] };
  } catch {
    return { t: 0, ids: [] };
  }
}

function kindOf(t: Thing): InboxKind {
  if (t.data.type === 'username_mention') return 'mention';
  if (t.data.type === 'post_reply') return 'comment';
  if (t.data.type === 'comment_reply') return 'reply';
  return t.kind === 't4' ? 'message' : t.data.was_comment ? 'reply' : 'message';
}

function toItem(t: Thing): InboxItem {
  const d = t.data;
  const kind = kindOf(t);
  const post = d.link_id ?? (d.context ? `t3_${/\/comments\/(\w+)\//.exec(d.context)?.[1] ?? ''}` : null);
  return {
    externalId: d.name,
    kind,
    conversationId: kind === 'message' ? (d.first_message_name ?? d.name) : (post ?? d.name),
    parentExternalId: d.parent_id ?? null,
    postExternalId: kind === 'comment' ? post : null,
    author: { id: d.author, handle: `u/${d.author}`, name: d.author, url: `https://www.reddit.com/user/${d.author}` },
    text: d.body ?? '',
    createdAt: new Date(d.created_utc * 1000).toISOString(),
    url: d.context ? `https://www.reddit.com${d.context}` : null,
    raw: { type: d.type ?? t.kind, subject: d.subject ?? null, subreddit: d.subreddit ?? null },
  };
}

/** Inbox and mentions newer than the cursor (the newest `created_utc` seen and the items at it). */
export async function listInbox(ctx: ProviderContext, opts: { cursor?: string | null; kinds?: InboxKind[] }): Promise<InboxPage> {
  const { api } = openChannel(ctx);
  const wanted = new Set(opts.kinds ?? ['comment', 'reply', 'mention', 'message']);
  const cursor = readCursor(opts.cursor);
  const seen = new Map<string, Thing>();
  try {
    for (const path of ['/message/inbox', '/message/mentions']) {
      const listing = await api<{ data: { children: Thing[] } }>('GET', path, { query: { limit: 100, mark: false } });
      // Listings are newest first; walk them oldest first so equal timestamps keep their order.
      for (const t of [...listing.data.children].reverse()) if (!seen.has(t.data.name)) seen.set(t.data.name, t);
    }
  } catch (err) {
    throw toProviderError(err, 'reading the inbox');
  }
  const fresh = [...seen.values()]
    .filter((t) => t.data.created_utc > cursor.t || (t.data.created_utc === cursor.t && !cursor.ids.includes(t.data.name)))
    .sort((a, b) => a.data.created_utc - b.data.created_utc);
  const newest = fresh.length ? fresh[fresh.length - 1].data.created_utc : cursor.t;
  const ids = [...(newest === cursor.t ? cursor.ids : []), ...fresh.filter((t) => t.data.created_utc === newest).map((t) => t.data.name)];
  return { items: fresh.map(toItem).filter((i) => wanted.has(i.kind)), cursor: JSON.stringify({ t: newest, ids }) };
}

/** Replies under a comment or in a private-message thread. */
export async function replyTo(ctx: ProviderContext, item: InboxItem, content: ContentPart): Promise<PublishedPart> {
  if (content.media.length) throw new ProviderError('rejected', 'Varde replies on Reddit with text only');
  return addComment(openChannel(ctx).api, item.externalId, content.text);
}

/** Moderators only: removes a comment from public view (`/api/remove`) or approves it back. */
export async function hideItem(ctx: ProviderContext, item: InboxItem, hidden: boolean): Promise<void> {
  const { api } = openChannel(ctx);
  try {
    await api('POST', hidden ? '/api/remove' : '/api/approve', { form: hidden ? { id: item.externalId, spam: false } : { id: item.externalId } });
  } catch (err) {
    throw toProviderError(err, hidden ? 'removing the comment (only moderators may)' : 'approving the comment');
  }
}

export async function likeItem(ctx: ProviderContext, item: InboxItem): Promise<void> {
  const { api } = openChannel(ctx);
  try {
    await api('POST', '/api/vote', { form: { id: item.externalId, dir: 1 } });
  } catch (err) {
    throw toProviderError(err, 'upvoting');
  }
}

export async function fetchPostMetrics(ctx: ProviderContext, posts: PublishResult[]): Promise<PostMetrics[]> {
  const { api } = openChannel(ctx);
  if (posts.length === 0) return [];
  try {
    const out: PostMetrics[] = [];
    for (let i = 0; i < posts.length; i += 100) {
      const ids = posts.slice(i, i + 100).map((p) => p.externalId).join(',');
      const listing = await api<{ data: { children: { data: { name: string; score: number; ups: number; upvote_ratio?: number; num_comments: number; num_crossposts?: number; view_count?: number | null } }[] } }>('GET', '/api/info', { query: { id: ids } });
      for (const { data: p } of listing.data.children) {
        out.push({
          externalId: p.name,
          metrics: { impressions: p.view_count ?? null, likes: p.ups, comments: p.num_comments, shares: p.num_crossposts ?? null, saves: null, clicks: null },
          raw: { score: p.score, ups: p.ups, upvote_ratio: p.upvote_ratio ?? null, num_comments: p.num_comments, num_crossposts: p.num_crossposts ?? null, view_count: p.view_count ?? null },
        });
      }
    }
    return out;
  } catch (err) {
    throw toProviderError(err, 'reading post scores');
  }
}

/** Followers of the user's profile (its `u_<name>` subreddit) and karma. */
export async function fetchAccountMetrics(ctx: ProviderContext): Promise<AccountMetrics> {
  const { api } = openChannel(ctx);
  try {
    const me = await api<{ total_karma?: number; link_karma?: number; comment_karma?: number; subreddit?: { subscribers?: number } }>('GET', '/api/v1/me');
    const followers = me.subreddit?.subscribers ?? null;
    return { followers, raw: { subscribers: followers, total_karma: me.total_karma ?? null, link_karma: me.link_karma ?? null, comment_karma: me.comment_karma ?? null } };
  } catch (err) {
    throw toProviderError(err, 'reading the account');
  }
}
