/**
 * Reading LinkedIn back: comments on the channel's recent posts (`/rest/socialActions/{post}/
 * comments`), replying in a comment's thread, deleting and liking comments; post metrics (page
 * share statistics, or a member post's social-action summary) and followers.
 */
import type { AccountMetrics, ContentPart, InboxItem, InboxPage, PostMetrics, PublishResult, PublishedPart } from '../contract.js';
import { enc, type LinkedInApi } from './client.js';
import { toLittleText } from './posts.js';

interface LiComment {
  id?: string;
  $URN?: string;
  commentUrn?: string;
  actor?: string;
  object?: string;
  parentComment?: string;
  message?: { text?: string };
  created?: { time?: number };
}

const commentUrnOf = (c: LiComment) => c.commentUrn ?? c.$URN ?? '';

function toItem(c: LiComment, post: string): InboxItem {
  const urn = commentUrnOf(c);
  return {
    externalId: urn, kind: c.parentComment ? 'reply' : 'comment', conversationId: post, parentExternalId: c.parentComment ?? null, postExternalId: post,
    author: { id: c.actor ?? 'unknown' }, text: c.message?.text ?? '', createdAt: new Date(c.created?.time ?? Date.now()).toISOString(),
    url: `https://www.linkedin.com/feed/update/${post}/?commentUrn=${encodeURIComponent(urn)}`,
    raw: { commentId: c.id ?? /,(\d+)\)$/.exec(urn)?.[1] ?? null, object: c.object ?? null },
  };
}

/** Comments newer than the cursor (a timestamp in ms) on the given posts, leaving out the channel's own. */
export async function listComments(api: LinkedInApi, author: string, posts: PublishResult[], cursor?: string | null): Promise<InboxPage> {
  const since = Number(cursor ?? 0) || 0;
  let newest = since;
  const items: InboxItem[] = [];
  for (const post of posts) {
    const res = await api<{ elements?: LiComment[] }>('GET', `/rest/socialActions/${enc(post.externalId)}/comments`, { query: 'count=100' });
    for (const c of res.body.elements ?? []) {
      const at = c.created?.time ?? 0;
      newest = Math.max(newest, at);
      if (at <= since || c.actor === author) continue;
      items.push(toItem(c, post.externalId));
    }
  }
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { items, cursor: String(newest) };
}

/** A comment on a post (the first comment), or a reply in a comment's thread. */
export async function commentOn(api: LinkedInApi, author: string, post: string, text: string, parentComment?: string): Promise<PublishedPart> {
  const res = await api<LiComment>('POST', `/rest/socialActions/${enc(post)}/comments`, {
    json: { actor: author, object: post, message: { text: toLittleText(text) }, ...(parentComment ? { parentComment } : {}) },
  });
  const urn = res.headers['x-restli-id'] ?? commentUrnOf(res.body);
  return { externalId: urn, url: `https://www.linkedin.com/feed/update/${post}/?commentUrn=${encodeURIComponent(urn)}` };
}

export async function replyToComment(api: LinkedInApi, author: string, item: InboxItem, content: ContentPart): Promise<PublishedPart> {
  const post = item.postExternalId ?? item.conversationId;
  return commentOn(api, author, post, content.text, item.kind === 'reply' && item.parentExternalId ? item.parentExternalId : item.externalId);
}

export async function deleteComment(api: LinkedInApi, author: string, item: InboxItem) {
  const post = item.postExternalId ?? item.conversationId;
  const id = String(item.raw?.commentId ?? /,(\d+)\)$/.exec(item.externalId)?.[1] ?? '');
  await api('DELETE', `/rest/socialActions/${enc(post)}/comments/${enc(id)}`, { query: `actor=${enc(author)}` });
}

export async function likeComment(api: LinkedInApi, author: string, item: InboxItem) {
  await api('POST', '/rest/reactions', { query: `actor=${enc(author)}`, json: { root: item.externalId, reactionType: 'LIKE' } });
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export async function postMetrics(api: LinkedInApi, author: string, posts: PublishResult[]): Promise<PostMetrics[]> {
  if (!author.startsWith('urn:li:organization:')) {
    const out: PostMetrics[] = [];
    for (const p of posts) {
      const { body } = await api<{ likesSummary?: { totalLikes?: number }; commentsSummary?: { aggregatedTotalComments?: number } }>('GET', `/rest/socialActions/${enc(p.externalId)}`);
      const likes = num(body.likesSummary?.totalLikes);
      const comments = num(body.commentsSummary?.aggregatedTotalComments);
      out.push({ externalId: p.externalId, metrics: { impressions: null, likes, comments, shares: null, saves: null, clicks: null }, raw: { totalLikes: likes, aggregatedTotalComments: comments } });
    }
    return out;
  }
  const shares = posts.filter((p) => p.externalId.startsWith('urn:li:share:')).map((p) => enc(p.externalId));
  const ugc = posts.filter((p) => p.externalId.startsWith('urn:li:ugcPost:')).map((p) => enc(p.externalId));
  const query = [`q=organizationalEntity&organizationalEntity=${enc(author)}`, shares.length ? `shares=List(${shares.join(',')})` : '', ugc.length ? `ugcPosts=List(${ugc.join(',')})` : ''].filter(Boolean).join('&');
  const { body } = await api<{ elements?: { share?: string; ugcPost?: string; totalShareStatistics?: Record<string, number> }[] }>('GET', '/rest/organizationalEntityShareStatistics', { query });
  return (body.elements ?? []).map((e) => {
    const s = e.totalShareStatistics ?? {};
    return {
      externalId: e.share ?? e.ugcPost ?? '',
      metrics: { impressions: num(s.impressionCount), likes: num(s.likeCount), comments: num(s.commentCount), shares: num(s.shareCount), saves: null, clicks: num(s.clickCount) },
      raw: Object.fromEntries(Object.entries(s).map(([k, v]) => [k, num(v)])),
    };
  });
}

export async function accountMetrics(api: LinkedInApi, author: string): Promise<AccountMetrics> {
  if (author.startsWith('urn:li:organization:')) {
    const { body } = await api<{ firstDegreeSize?: number }>('GET', `/rest/networkSizes/${enc(author)}`, { query: 'edgeType=COMPANY_FOLLOWED_BY_MEMBER' });
    return { followers: num(body.firstDegreeSize), raw: { firstDegreeSize: num(body.firstDegreeSize) } };
  }
  const { body } = await api<{ elements?: { memberFollowersCount?: number }[] }>('GET', '/rest/memberFollowersCount', { query: 'q=me' });
  const count = num(body.elements?.[0]?.memberFollowersCount);
  return { followers: count, raw: { memberFollowersCount: count } };
}
