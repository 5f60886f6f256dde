/**
 * Reading X back: mentions (which include replies to the account's posts and quotes of them),
 * direct messages, replying to either, hiding replies, liking; per-post metrics and followers.
 * The cursor is X's newest mention id (`since_id`) and the newest DM event id seen.
 */
import type { AccountMetrics, ContentPart, InboxItem, InboxKind, InboxPage, PostMetrics, PublishResult, PublishedPart } from '../contract.js';
import type { XApi } from './client.js';

interface XUser { id: string; username?: string; name?: string; profile_image_url?: string }
interface XTweet {
  id: string;
  text: string;
  author_id?: string;
  created_at?: string;
  conversation_id?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: string; id: string }[];
}
interface DmEvent { id: string; text?: string; sender_id?: string; created_at?: string; dm_conversation_id?: string; event_type?: string }

interface Cursor { mentions?: string; dms?: string }

const readCursor = (cursor?: string | null): Cursor => {
  try {
    return cursor ? (JSON.parse(cursor) as Cursor) : {};
  } catch {
    return {};
  }
};

const newer = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : BigInt(a) >= BigInt(b) ? a : b);

function author(users: Map<string, XUser>, id: string): InboxItem['author'] {
  const u = users.get(id);
  return { id, handle: u?.username ?? null, name: u?.name ?? null, avatarUrl: u?.profile_image_url ?? null, url: u?.username ? `https://x.com/${u.username}` : null };
}

function mentionKind(t: XTweet, me: string): InboxKind {
  if (t.referenced_tweets?.some((r) => r.type === 'replied_to') && t.in_reply_to_user_id === me) return 'reply';
  if (t.referenced_tweets?.some((r) => r.type === 'quoted')) return 'quote';
  return 'mention';
}

export async function listXInbox(api: XApi, me: string, opts: { cursor?: string | null; kinds?: InboxKind[] }): Promise<InboxPage> {
  const cursor = readCursor(opts.cursor);
  const wanted = new Set(opts.kinds ?? ['mention', 'reply', 'quote', 'message']);
  const items: InboxItem[] = [];
  const next: Cursor = { ...cursor };
  if (wanted.has('mention') || wanted.has('reply') || wanted.has('quote')) {
    const res = await api<{ data?: XTweet[]; includes?: { users?: XUser[] }; meta?: { newest_id?: string } }>('GET', `/2/users/${me}/mentions`, {
      query: {
        max_results: 100, since_id: cursor.mentions, expansions: 'author_id', 'user.fields': 'username,name,profile_image_url',
        'tweet.fields': 'author_id,created_at,conversation_id,in_reply_to_user_id,referenced_tweets',
      },
    });
    const users = new Map((res.includes?.users ?? []).map((u) => [u.id, u]));
    for (const t of res.data ?? []) {
      const kind = mentionKind(t, me);
      if (!wanted.has(kind) || t.author_id === me) continue;
      const parent = t.referenced_tweets?.find((r) => r.type === (kind === 'quote' ? 'quoted' : 'replied_to'))?.id ?? null;
      const who = author(users, t.author_id ?? '');
      items.push({
        externalId: t.id, kind, conversationId: t.conversation_id ?? t.id, parentExternalId: parent, postExternalId: kind === 'mention' ? null : parent,
        author: who, text: t.text, createdAt: t.created_at ?? new Date().toISOString(), url: `https://x.com/${who.handle ?? 'i'}/status/${t.id}`,
        raw: { conversation_id: t.conversation_id ?? null, in_reply_to_user_id: t.in_reply_to_user_id ?? null },
      });
    }
    next.mentions = newer(res.meta?.newest_id, cursor.mentions);
  }
  if (wanted.has('message')) {
    const res = await api<{ data?: DmEvent[]; includes?: { users?: XUser[] } }>('GET', '/2/dm_events', {
      query: { max_results: 100, event_types: 'MessageCreate', 'dm_event.fields': 'id,text,sender_id,created_at,dm_conversation_id,event_type', expansions: 'sender_id', 'user.fields': 'username,name,profile_image_url' },
    });
    const users = new Map((res.includes?.users ?? []).map((u) => [u.id, u]));
    for (const e of res.data ?? []) {
      next.dms = newer(e.id, next.dms);
      if (e.sender_id === me || (cursor.dms && BigInt(e.id) <= BigInt(cursor.dms))) continue;
      items.push({
        externalId: e.id, kind: 'message', conversationId: e.dm_conversation_id ?? e.id, author: author(users, e.sender_id ?? ''),
        text: e.text ?? '', createdAt: e.created_at ?? new Date().toISOString(), raw: { dm_conversation_id: e.dm_conversation_id ?? null },
      });
    }
  }
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { items, cursor: JSON.stringify(next) };
}

/** A reply to a mention is a post in its thread; a reply to a DM is a message in its conversation. */
export async function replyOnX(api: XApi, username: string, item: InboxItem, content: ContentPart, mediaIds: string[]): Promise<PublishedPart> {
  if (item.kind === 'message') {
    const res = await api<{ data: { dm_event_id: string; dm_conversation_id: string } }>('POST', `/2/dm_conversations/${item.conversationId}/messages`, {
      json: { text: content.text, ...(mediaIds.length ? { attachments: mediaIds.map((media_id) => ({ media_id })) } : {}) },
    });
    return { externalId: res.data.dm_event_id, ref: { dm_conversation_id: res.data.dm_conversation_id } };
  }
  const res = await api<{ data: { id: string } }>('POST', '/2/tweets', {
    json: { text: content.text, reply: { in_reply_to_tweet_id: item.externalId }, ...(mediaIds.length ? { media: { media_ids: mediaIds } } : {}) },
  });
  return { externalId: res.data.id, url: `https://x.com/${username}/status/${res.data.id}` };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Public metrics for any post; impressions and link clicks from the non-public ones where X gives them (own posts, 30 days). */
export async function xPostMetrics(api: XApi, posts: PublishResult[]): Promise<PostMetrics[]> {
  const out: PostMetrics[] = [];
  const ids = posts.map((p) => p.externalId);
  for (let i = 0; i < ids.length; i += 100) {
    const res = await api<{ data?: { id: string; public_metrics?: Record<string, number>; non_public_metrics?: Record<string, number> }[] }>('GET', '/2/tweets', {
      query: { ids: ids.slice(i, i + 100).join(','), 'tweet.fields': 'public_metrics,non_public_metrics' },
    });
    for (const t of res.data ?? []) {
      const pub = t.public_metrics ?? {};
      const priv = t.non_public_metrics ?? {};
      const raw: Record<string, number | null> = {};
      for (const [k, v] of Object.entries(pub)) raw[k] = num(v);
      for (const [k, v] of Object.entries(priv)) raw[`non_public.${k}`] = num(v);
      const shares = num(pub.retweet_count) === null && num(pub.quote_count) === null ? null : (num(pub.retweet_count) ?? 0) + (num(pub.quote_count) ?? 0);
      out.push({
        externalId: t.id,
        metrics: {
          impressions: num(priv.impression_count) ?? num(pub.impression_count), likes: num(pub.like_count), comments: num(pub.reply_count),
          shares, saves: num(pub.bookmark_count), clicks: num(priv.url_link_clicks),
        },
        raw,
      });
    }
  }
  return out;
}

export async function xAccountMetrics(api: XApi): Promise<AccountMetrics> {
  const res = await api<{ data: { public_metrics?: Record<string, number> } }>('GET', '/2/users/me', { query: { 'user.fields': 'public_metrics' } });
  const pm = res.data.public_metrics ?? {};
  return { followers: num(pm.followers_count), raw: Object.fromEntries(Object.entries(pm).map(([k, v]) => [k, num(v)])) };
}
