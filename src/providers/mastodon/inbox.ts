/**
 * Reading Mastodon back: mentions (which are also how replies and direct messages arrive) and
 * quotes from the notifications API, a reply as a status in the same thread, a favourite, and the
 * counts Mastodon keeps per status and per account. Mastodon pushes nothing to third parties
 * (its webhooks are for server admins), so Varde polls with a cursor.
 */
import type { AccountMetrics, ContentPart, InboxItem, InboxKind, InboxPage, PostMetrics, ProviderContext, PublishedPart, PublishResult } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { isNotFound, toProviderError } from './client.js';
import { openChannel, postStatus, toPart, uploadMedia, type Visibility } from './publish.js';

interface Account {
  id: string;
  acct: string;
  username: string;
  display_name?: string;
  avatar?: string;
  url?: string;
  followers_count?: number;
  following_count?: number;
  statuses_count?: number;
}

interface Status {
  id: string;
  content: string;
  created_at: string;
  url?: string | null;
  visibility: Visibility;
  in_reply_to_id?: string | null;
  in_reply_to_account_id?: string | null;
  account: Account;
  spoiler_text?: string;
  replies_count?: number;
  reblogs_count?: number;
  favourites_count?: number;
  quotes_count?: number;
}

interface Notification {
  id: string;
  type: string;
  created_at: string;
  account: Account;
  status?: Status | null;
}

/** Plain text from a status's HTML: paragraphs and line breaks kept, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (_m, e: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
      if (named[e.toLowerCase()]) return named[e.toLowerCase()];
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : '';
    })
    .trim();
}

/** Larger Mastodon ids are newer; they are decimal strings of any length. */
function newer(a: string, b: string | null | undefined): boolean {
  if (!b) return true;
  return a.length !== b.length ? a.length > b.length : a > b;
}

function kindOf(n: Notification, me: string): InboxKind | null {
  if (n.type === 'quote') return 'quote';
  if (n.type !== 'mention' || !n.status) return null;
  if (n.status.visibility === 'direct') return 'message';
  return n.status.in_reply_to_account_id === me ? 'reply' : 'mention';
}

function toItem(n: Notification, kind: InboxKind, host: string): InboxItem {
  const s = n.status!;
  const acct = s.account.acct.includes('@') ? s.account.acct : `${s.account.acct}@${host}`;
  return {
    externalId: s.id,
    kind,
    conversationId: s.in_reply_to_id ?? s.id,
    parentExternalId: s.in_reply_to_id ?? null,
    postExternalId: kind === 'reply' ? (s.in_reply_to_id ?? null) : null,
    author: { id: s.account.id, handle: `@${acct}`, name: s.account.display_name || s.account.username, avatarUrl: s.account.avatar ?? null, url: s.account.url ?? null },
    text: [s.spoiler_text ? `[CW: ${s.spoiler_text}]` : '', htmlToText(s.content)].filter(Boolean).join('\n'),
    createdAt: s.created_at,
    url: s.url ?? null,
    raw: { notificationId: n.id, notificationType: n.type, visibility: s.visibility },
  };
}

/** Notifications newer than the cursor (a notification id), oldest page first, mapped to inbox items. */
export async function listInbox(ctx: ProviderContext, opts: { cursor?: string | null; kinds?: InboxKind[] }): Promise<InboxPage> {
  const { api, instanceUrl, accountId } = openChannel(ctx);
  const wanted = new Set<InboxKind>(opts.kinds ?? ['mention', 'reply', 'message', 'quote']);
  const types = ['mention', ...(wanted.has('quote') ? ['quote'] : [])];
  let cursor = opts.cursor ?? null;
  const items: InboxItem[] = [];
  try {
    // `min_id` pages forward from the cursor without gaps; five pages of 40 per poll at most.
    for (let page = 0; page < 5; page++) {
      const { data } = await api<Notification[]>('GET', '/api/v1/notifications', { query: { 'types[]': types, limit: 40, ...(cursor ? { min_id: cursor } : {}) } });
      if (!Array.isArray(data) || data.length === 0) break;
      const host = new URL(instanceUrl).host;
      for (const n of data) {
        if (newer(n.id, cursor)) cursor = n.id;
        const kind = kindOf(n, accountId);
        if (kind && wanted.has(kind)) items.push(toItem(n, kind, host));
      }
      if (data.length < 40) break;
    }
  } catch (err) {
    throw toProviderError(err, 'reading notifications');
  }
  items.sort((a, b) => (newer(b.externalId, a.externalId) ? -1 : 1));
  return { items, cursor };
}

/**
 * Replies in the item's thread, mentioning its author (Mastodon notifies only mentioned accounts),
 * as a direct message when the item was one. The reply's own key makes a retry safe.
 */
export async function replyTo(ctx: ProviderContext, item: InboxItem, content: ContentPart): Promise<PublishedPart> {
  const { api } = openChannel(ctx);
  const handle = item.author.handle ?? '';
  const mention = handle && !content.text.toLowerCase().includes(handle.toLowerCase()) ? `${handle} ` : '';
  const mediaIds = [];
  for (const m of content.media) mediaIds.push(await uploadMedia(api, m));
  const visibility = item.kind === 'message' ? 'direct' : (item.raw?.visibility as Visibility | undefined);
  const status = await postStatus(api, ctx.idempotencyKey, { status: `${mention}${content.text}`, in_reply_to_id: item.externalId, media_ids: mediaIds, visibility });
  return toPart(status);
}

export async function likeItem(ctx: ProviderContext, item: InboxItem): Promise<void> {
  const { api } = openChannel(ctx);
  try {
    await api('POST', `/api/v1/statuses/${encodeURIComponent(item.externalId)}/favourite`);
  } catch (err) {
    throw toProviderError(err, 'favouriting');
  }
}

/** Deletes every part of a published thread, last first; a part already gone counts as deleted. */
export async function deleteThread(ctx: ProviderContext, result: PublishResult): Promise<void> {
  const { api } = openChannel(ctx);
  const ids = result.parts.length ? result.parts.map((p) => p.externalId) : [result.externalId];
  for (const id of ids.reverse()) {
    try {
      await api('DELETE', `/api/v1/statuses/${encodeURIComponent(id)}`);
    } catch (err) {
      if (!isNotFound(err)) throw toProviderError(err, 'deleting the status');
    }
  }
}

/** Favourites, boosts, replies and quotes per post; Mastodon counts no views or clicks. */
export async function fetchPostMetrics(ctx: ProviderContext, posts: PublishResult[]): Promise<PostMetrics[]> {
  const { api } = openChannel(ctx);
  const out: PostMetrics[] = [];
  for (const post of posts) {
    try {
      const { data: s } = await api<Status>('GET', `/api/v1/statuses/${encodeURIComponent(post.externalId)}`);
      const raw = { favourites_count: s.favourites_count ?? null, reblogs_count: s.reblogs_count ?? null, replies_count: s.replies_count ?? null, quotes_count: s.quotes_count ?? null };
      const shares = s.reblogs_count === undefined ? null : s.reblogs_count + (s.quotes_count ?? 0);
      out.push({ externalId: post.externalId, metrics: { impressions: null, likes: s.favourites_count ?? null, comments: s.replies_count ?? null, shares, saves: null, clicks: null }, raw });
    } catch (err) {
      if (isNotFound(err)) continue; // deleted on the network: nothing to measure
      throw toProviderError(err, 'reading status counts');
    }
  }
  return out;
}

export async function fetchAccountMetrics(ctx: ProviderContext): Promise<AccountMetrics> {
  const { api } = openChannel(ctx);
  try {
    const { data: a } = await api<Account>('GET', '/api/v1/accounts/verify_credentials');
    if (typeof a.followers_count !== 'number') throw new ProviderError('transient', 'Mastodon returned no follower count');
    return { followers: a.followers_count, raw: { followers_count: a.followers_count, following_count: a.following_count ?? null, statuses_count: a.statuses_count ?? null } };
  } catch (err) {
    throw toProviderError(err, 'reading the account');
  }
}
