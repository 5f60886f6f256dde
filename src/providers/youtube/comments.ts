/**
 * Comments on the channel's videos, for the inbox: `commentThreads.list?allThreadsRelatedToChannelId`
 * (top-level comments, with some replies; the rest through `comments.list?parentId`), a reply
 * (`comments.insert` under the top-level comment — YouTube's replies are one level deep), hiding
 * (`setModerationStatus` heldForReview ↔ published), and removal (`comments.delete` only works on
 * the channel's own comments; another person's is `rejected`, which YouTube documents as the way
 * to remove it). YouTube offers no mentions, no direct messages, no comment likes and no webhooks.
 */
import type { ContentPart, InboxItem, InboxKind, InboxPage, ProviderContext, PublishedPart } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { channelApi, commentUrl, listReplies, listThreads, type ChannelApi, type CommentThread, type YouTubeComment } from './channel-api.js';
import { GoogleApiError, toProviderError, urlOf } from './google-api.js';

/** Pages of 100 threads read per poll, newest activity first. */
const MAX_PAGES = 3;
const REPLY_MAX_CHARS = 10_000;

function toItem(comment: YouTubeComment, thread: CommentThread, kind: InboxKind): InboxItem {
  const s = comment.snippet ?? {};
  const videoId = s.videoId ?? thread.snippet?.videoId ?? null;
  return {
    externalId: comment.id,
    kind,
    conversationId: thread.id,
    parentExternalId: kind === 'reply' ? (s.parentId ?? thread.snippet?.topLevelComment?.id ?? null) : null,
    postExternalId: videoId,
    author: { id: s.authorChannelId?.value ?? '', name: s.authorDisplayName ?? null, handle: s.authorDisplayName ?? null, avatarUrl: s.authorProfileImageUrl ?? null, url: s.authorChannelUrl ?? null },
    text: s.textOriginal ?? s.textDisplay ?? '',
    createdAt: s.publishedAt ?? new Date(0).toISOString(),
    url: videoId ? commentUrl(videoId, comment.id) : null,
    raw: { likeCount: s.likeCount ?? null, updatedAt: s.updatedAt ?? null, totalReplyCount: thread.snippet?.totalReplyCount ?? null },
  };
}

/** Comments and replies newer than the cursor (an ISO time), the channel's own left out. */
export async function listComments(ctx: ProviderContext, opts: { cursor?: string | null; kinds?: InboxKind[] }): Promise<InboxPage> {
  const c = channelApi(ctx);
  const since = opts.cursor ? Date.parse(opts.cursor) : 0;
  const wanted = new Set(opts.kinds ?? ['comment', 'reply']);
  const items: InboxItem[] = [];
  let newest = opts.cursor ?? null;
  const keep = (comment: YouTubeComment, thread: CommentThread, kind: InboxKind) => {
    const at = comment.snippet?.publishedAt ?? '';
    if (!(Date.parse(at) > since) || !wanted.has(kind)) return;
    if (comment.snippet?.authorChannelId?.value === c.channelId) return;
    items.push(toItem(comment, thread, kind));
    if (!newest || Date.parse(at) > Date.parse(newest)) newest = at;
  };
  try {
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await listThreads(c, { allThreadsRelatedToChannelId: c.channelId }, pageToken);
      let fresh = false;
      for (const thread of res.items) {
        const top = thread.snippet?.topLevelComment;
        if (!top) continue;
        const before = items.length;
        keep(top, thread, 'comment');
        const replies = await repliesOf(c, thread, since);
        for (const reply of replies) keep(reply, thread, 'reply');
        if (items.length > before || Date.parse(top.snippet?.updatedAt ?? top.snippet?.publishedAt ?? '') > since) fresh = true;
      }
      pageToken = res.nextPageToken;
      if (!pageToken || !fresh) break;
    }
  } catch (err) {
    throw toProviderError(err, 'reading comments');
  }
  items.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return { items, cursor: newest };
}

/** The thread's replies; fetched in full only when the thread carries fewer than it has and some may be new. */
async function repliesOf(c: ChannelApi, thread: CommentThread, since: number): Promise<YouTubeComment[]> {
  const embedded = thread.replies?.comments ?? [];
  const total = thread.snippet?.totalReplyCount ?? 0;
  const top = thread.snippet?.topLevelComment;
  if (total <= embedded.length || !top) return embedded;
  const lastActivity = Date.parse(top.snippet?.updatedAt ?? '') || Date.now();
  if (since && lastActivity <= since && embedded.every((r) => Date.parse(r.snippet?.publishedAt ?? '') <= since)) return embedded;
  return listReplies(c, top.id);
}

/** Replies under the top-level comment of the item's thread. Text only: YouTube comments carry no media. */
export async function replyToComment(ctx: ProviderContext, item: InboxItem, content: ContentPart): Promise<PublishedPart> {
  if (content.media.length) throw new ProviderError('rejected', 'YouTube comments are text only; remove the media');
  const text = content.text.trim();
  if (!text) throw new ProviderError('rejected', 'The reply is empty');
  if ([...text].length > REPLY_MAX_CHARS) throw new ProviderError('rejected', `The reply is ${[...text].length} characters; YouTube allows ${REPLY_MAX_CHARS}`);
  const parentId = item.kind === 'reply' ? item.parentExternalId : item.externalId;
  if (!parentId) throw new ProviderError('rejected', 'This YouTube item has no comment to reply under');
  const c = channelApi(ctx);
  try {
    const res = await c.api(urlOf(c.app, 'api', '/youtube/v3/comments'), { method: 'POST', token: c.token, query: { part: 'snippet' }, json: { snippet: { parentId, textOriginal: text } } });
    const comment = res.json<YouTubeComment>();
    const videoId = comment.snippet?.videoId ?? item.postExternalId ?? null;
    return { externalId: comment.id, url: videoId ? commentUrl(videoId, comment.id) : undefined, ref: { parentId } };
  } catch (err) {
    throw toProviderError(err, 'reply', true);
  }
}

/** Hidden: held for review (only the channel sees it, and it can be published again); shown: published. */
export async function setCommentHidden(ctx: ProviderContext, item: InboxItem, hidden: boolean): Promise<void> {
  await moderate(channelApi(ctx), item.externalId, hidden ? 'heldForReview' : 'published', 'hiding a comment');
}

/** The channel's own comment is deleted; anyone else's is rejected (removed from the video for good). */
export async function removeComment(ctx: ProviderContext, item: InboxItem): Promise<void> {
  const c = channelApi(ctx);
  if (item.author.id && item.author.id === c.channelId) {
    try {
      await c.api(urlOf(c.app, 'api', '/youtube/v3/comments'), { method: 'DELETE', token: c.token, query: { id: item.externalId } });
    } catch (err) {
      if (!(err instanceof GoogleApiError && err.status === 404)) throw toProviderError(err, 'deleting a comment');
    }
    return;
  }
  await moderate(c, item.externalId, 'rejected', 'removing a comment');
}

async function moderate(c: ChannelApi, id: string, moderationStatus: 'heldForReview' | 'published' | 'rejected', doing: string): Promise<void> {
  try {
    await c.api(urlOf(c.app, 'api', '/youtube/v3/comments/setModerationStatus'), { method: 'POST', token: c.token, query: { id, moderationStatus }, bytes: new Uint8Array(0) });
  } catch (err) {
    throw toProviderError(err, doing);
  }
}
