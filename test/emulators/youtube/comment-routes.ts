/**
 * Comments as the Data API serves them: commentThreads.list (exactly one filter; only published
 * comments; a few replies carried per thread), commentThreads.insert (a top-level comment),
 * comments.list?parentId, comments.insert (replies one level deep), setModerationStatus (owner of
 * the video only; a rejected comment cannot be published again) and comments.delete (author only).
 */
import type { Emulator } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';
import { authorize, googleError, isCaller, MANAGE, newId, READ, type EmuComment, type YouTubeState } from './state.js';

const REPLIES_PER_THREAD = 2;
const MAX_TEXT = 10_000;

export function commentResource(c: EmuComment, state: YouTubeState) {
  const author = state.channels.find((ch) => ch.id === c.authorChannelId);
  return {
    kind: 'youtube#comment', id: c.id,
    snippet: {
      channelId: c.channelId, videoId: c.videoId, ...(c.parentId ? { parentId: c.parentId } : {}),
      textDisplay: c.text, textOriginal: c.text, authorDisplayName: author ? author.customUrl : c.authorName,
      authorProfileImageUrl: `https://yt3.example/${c.authorChannelId}.jpg`, authorChannelUrl: `http://www.youtube.com/channel/${c.authorChannelId}`,
      authorChannelId: { value: c.authorChannelId }, canRate: true, viewerRating: 'none', likeCount: c.likeCount, publishedAt: c.publishedAt, updatedAt: c.updatedAt,
    },
  };
}

function threadResource(top: EmuComment, state: YouTubeState, withReplies: boolean) {
  const replies = state.comments.filter((c) => c.parentId === top.id && c.moderationStatus === 'published');
  const out: Record<string, unknown> = {
    kind: 'youtube#commentThread', id: top.id,
    snippet: { channelId: top.channelId, videoId: top.videoId, topLevelComment: commentResource(top, state), canReply: true, totalReplyCount: replies.length, isPublic: true },
  };
  if (withReplies && replies.length) out.replies = { comments: replies.slice(-REPLIES_PER_THREAD).map((r) => commentResource(r, state)) };
  return out;
}

const lastActivity = (top: EmuComment, state: YouTubeState) =>
  Math.max(Date.parse(top.updatedAt), ...state.comments.filter((c) => c.parentId === top.id).map((c) => Date.parse(c.publishedAt)));

function checkText(text: unknown) {
  if (typeof text !== 'string' || !text.trim()) return googleError(400, 'commentTextRequired', 'The comment resource that is being inserted must specify a value for the snippet.topLevelComment.snippet.textOriginal property.');
  if ([...text].length > MAX_TEXT) return googleError(400, 'commentTextTooLong', 'The comment resource that is being inserted contains too many characters in the textOriginal property.');
  return null;
}

export function commentRoutes(emu: Emulator, state: YouTubeState, authority: OAuthAuthority) {
  const now = () => new Date().toISOString();

  emu.route('GET', '/youtube/v3/commentThreads', (req) => {
    const caller = authorize(state, authority, req, READ, 1);
    if (!isCaller(caller)) return caller;
    const filters = ['allThreadsRelatedToChannelId', 'videoId', 'id'].filter((f) => req.query[f] !== undefined);
    if (filters.length !== 1) return googleError(400, filters.length ? 'incompatibleParameters' : 'missingRequiredParameter', 'Specify exactly one of allThreadsRelatedToChannelId, videoId, id.');
    if (req.query.videoId && !state.videos.some((v) => v.id === req.query.videoId)) return googleError(404, 'videoNotFound', 'The video identified by the videoId parameter could not be found.');
    const max = Number(req.query.maxResults ?? 20);
    if (!(max >= 1 && max <= 100)) return googleError(400, 'invalidValue', 'maxResults must be 1 to 100.');
    const tops = state.comments
      .filter((c) => !c.parentId && c.moderationStatus === (req.query.moderationStatus ?? 'published'))
      .filter((c) => (req.query.videoId ? c.videoId === req.query.videoId : req.query.id ? req.query.id.split(',').includes(c.id) : c.channelId === req.query.allThreadsRelatedToChannelId))
      .sort((a, b) => lastActivity(b, state) - lastActivity(a, state));
    const start = Number(req.query.pageToken ? Buffer.from(req.query.pageToken, 'base64url').toString() : 0);
    const page = tops.slice(start, start + max);
    const next = start + max < tops.length ? Buffer.from(String(start + max)).toString('base64url') : undefined;
    const withReplies = (req.query.part ?? '').split(',').includes('replies');
    return { json: { kind: 'youtube#commentThreadListResponse', nextPageToken: next, pageInfo: { totalResults: page.length, resultsPerPage: max }, items: page.map((t) => threadResource(t, state, withReplies)) } };
  });

  emu.route('POST', '/youtube/v3/commentThreads', (req) => {
    const caller = authorize(state, authority, req, MANAGE, 50);
    if (!isCaller(caller)) return caller;
    const snippet = req.body?.snippet ?? {};
    const video = state.videos.find((v) => v.id === snippet.videoId);
    if (!video) return googleError(404, 'videoNotFound', 'The specified video could not be found.');
    if (video.selfDeclaredMadeForKids) return googleError(403, 'commentsDisabled', 'The video identified by the videoId parameter has disabled comments.');
    const bad = checkText(snippet.topLevelComment?.snippet?.textOriginal);
    if (bad) return bad;
    const comment: EmuComment = { id: newId('Ug', 24), videoId: video.id, channelId: video.channelId, authorChannelId: caller.channel!.id, authorName: caller.channel!.title, text: snippet.topLevelComment.snippet.textOriginal, publishedAt: now(), updatedAt: now(), moderationStatus: 'published', likeCount: 0 };
    state.comments.push(comment);
    return { json: threadResource(comment, state, false) };
  });

  emu.route('GET', '/youtube/v3/comments', (req) => {
    const caller = authorize(state, authority, req, READ, 1);
    if (!isCaller(caller)) return caller;
    if (!req.query.parentId === !req.query.id) return googleError(400, 'missingRequiredParameter', 'Specify exactly one of id, parentId.');
    const items = state.comments.filter((c) => (req.query.parentId ? c.parentId === req.query.parentId : req.query.id.split(',').includes(c.id)) && c.moderationStatus === 'published');
    return { json: { kind: 'youtube#commentListResponse', items: items.map((c) => commentResource(c, state)) } };
  });

  emu.route('POST', '/youtube/v3/comments', (req) => {
    const caller = authorize(state, authority, req, MANAGE, 50);
    if (!isCaller(caller)) return caller;
    const snippet = req.body?.snippet ?? {};
    const parent = state.comments.find((c) => c.id === snippet.parentId);
    if (!parent) return googleError(404, 'parentCommentNotFound', 'The comment could not be created because the parent comment could not be found.');
    if (parent.parentId) return googleError(400, 'operationNotSupported', 'Replies can only be made to top-level comments.');
    const bad = checkText(snippet.textOriginal);
    if (bad) return bad;
    const reply: EmuComment = { id: `${parent.id}.${newId('', 22)}`, videoId: parent.videoId, channelId: parent.channelId, parentId: parent.id, authorChannelId: caller.channel!.id, authorName: caller.channel!.title, text: snippet.textOriginal, publishedAt: now(), updatedAt: now(), moderationStatus: 'published', likeCount: 0 };
    state.comments.push(reply);
    return { json: commentResource(reply, state) };
  });

  emu.route('POST', '/youtube/v3/comments/setModerationStatus', (req) => {
    const caller = authorize(state, authority, req, MANAGE, 50);
    if (!isCaller(caller)) return caller;
    const status = req.query.moderationStatus;
    if (!['heldForReview', 'published', 'rejected'].includes(status)) return googleError(400, 'invalidModerationStatus', 'The moderationStatus parameter is invalid.');
    if (req.query.banAuthor === 'true' && status !== 'rejected') return googleError(400, 'banWithoutReject', 'The banAuthor parameter can only be used if the moderationStatus parameter value is rejected.');
    const ids = (req.query.id ?? '').split(',').filter(Boolean);
    const found = state.comments.filter((c) => ids.includes(c.id));
    if (found.length !== ids.length || ids.length === 0) return googleError(404, 'commentNotFound', 'One or more comments that the request is trying to update cannot be found.');
    if (found.some((c) => c.channelId !== caller.channel?.id)) return googleError(403, 'forbidden', 'The moderation status of one or more comments cannot be set due to insufficient permissions.');
    if (status === 'published' && found.some((c) => c.moderationStatus === 'rejected')) return googleError(400, 'operationNotSupported', "You can't change the moderation status of a rejected comment to published.");
    for (const c of found) c.moderationStatus = status as EmuComment['moderationStatus'];
    return { status: 204, text: '' };
  });

  emu.route('DELETE', '/youtube/v3/comments', (req) => {
    const caller = authorize(state, authority, req, MANAGE, 50);
    if (!isCaller(caller)) return caller;
    const comment = state.comments.find((c) => c.id === req.query.id);
    if (!comment) return googleError(404, 'commentNotFound', 'The comment could not be found.');
    if (comment.authorChannelId !== caller.channel?.id) return googleError(403, 'forbidden', 'The comment could not be deleted due to insufficient permissions.');
    state.comments = state.comments.filter((c) => c.id !== comment.id && c.parentId !== comment.id);
    return { status: 204, text: '' };
  });
}
