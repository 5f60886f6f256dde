/**
 * Publishing one video exactly once. Part 0 of the delivery is the video, part 1 the optional
 * first comment. While the upload runs, part 0 holds the upload SESSION (recorded through
 * `onPartPublished` before the first byte is sent): every later attempt — a retry, a refreshed
 * token, a reconcile after a timeout — asks that session how far it got and resumes it, or finds
 * the video it made. A second session is only started when none was ever recorded (then no byte
 * was sent, so no video exists) or when the recorded one expired and the video is not among the
 * channel's uploads.
 */
import type { ProviderContext, PublishContent, PublishedPart, PublishResult, ReconcileOutcome } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { channelApi, commentUrl, insertThread, listThreads, recentUploads, uploadsPlaylistOf, videoUrl, type ChannelApi } from './channel-api.js';
import { toProviderError } from './google-api.js';
import { chunkBytesOf, querySession, startSession, uploadFrom, type UploadSession, type YouTubeVideo } from './resumable-upload.js';
import { planVideo, type VideoPlan } from './video-plan.js';

/** The marker part 0 holds while an upload is under way. */
function sessionPart(session: UploadSession): PublishedPart {
  return { externalId: '', ref: { uploadSession: session } };
}

function sessionOf(part: PublishedPart | undefined): UploadSession | null {
  const s = part?.ref?.uploadSession as UploadSession | undefined;
  return s && typeof s.uploadUrl === 'string' && typeof s.size === 'number' ? s : null;
}

function videoPart(video: YouTubeVideo, session?: UploadSession | null): PublishedPart {
  return {
    externalId: video.id,
    url: videoUrl(video.id),
    ref: { videoId: video.id, uploadStatus: video.status?.uploadStatus ?? null, privacyStatus: video.status?.privacyStatus ?? null, ...(session ? { uploadUrl: session.uploadUrl } : {}) },
  };
}

function commentPart(videoId: string, commentId: string): PublishedPart {
  return { externalId: commentId, url: commentUrl(videoId, commentId), ref: { firstComment: true, videoId } };
}

/** Records a part on the delivery and in this attempt's context (a renewed-token retry reuses the context). */
async function record(ctx: ProviderContext, index: number, part: PublishedPart): Promise<void> {
  await ctx.onPartPublished?.(index, part);
  const previous = ctx.previousParts ?? [];
  previous[index] = part;
  ctx.previousParts = previous;
}

/** Uploads (or resumes, or finds) the video, then posts the first comment if one is planned. */
export async function publishVideo(ctx: ProviderContext, content: PublishContent): Promise<PublishResult> {
  const plan = planVideo(content, ctx.settings);
  const c = channelApi(ctx);
  const video = await ensureVideo(ctx, c, plan);
  const parts: PublishedPart[] = [video];
  const detail: Record<string, unknown> = { uploadStatus: video.ref?.uploadStatus, privacyStatus: video.ref?.privacyStatus };
  if (plan.firstComment !== null) {
    const known = ctx.previousParts?.[1];
    if (known?.externalId) parts.push(known);
    else {
      try {
        const thread = await insertThread(c, video.externalId, plan.firstComment);
        const part = commentPart(video.externalId, thread.snippet?.topLevelComment?.id ?? thread.id);
        await record(ctx, 1, part);
        parts.push(part);
      } catch (err) {
        const pe = toProviderError(err, 'first comment', true);
        // The video is out; a comment YouTube refuses (comments turned off, made for kids) must not fail it.
        if (pe.kind !== 'rejected') throw pe;
        detail.firstCommentError = pe.networkMessage ?? pe.message;
      }
    }
  }
  return { externalId: video.externalId, url: video.url, parts, detail };
}

async function ensureVideo(ctx: ProviderContext, c: ChannelApi, plan: VideoPlan): Promise<PublishedPart> {
  const known = ctx.previousParts?.[0];
  if (known?.externalId) return known;
  let session = sessionOf(known);
  let offset = 0;
  try {
    if (session) {
      const state = await querySession(c.api, c.token, session, c.timeoutMs);
      if (state.state === 'complete') return finish(ctx, state.video, session);
      if (state.state === 'incomplete' && session.sha256 === plan.video.sha256) offset = state.received;
      else {
        if (state.state === 'gone') {
          const found = await findInUploads(ctx, c, plan.resource.snippet.title, session);
          if (found) return finish(ctx, found, session);
        }
        session = null; // expired, or the file changed: nothing of it was published
      }
    }
    if (!session) {
      session = await startSession(c.api, c.app, c.token, plan.resource, plan.video, plan.notifySubscribers);
      await record(ctx, 0, sessionPart(session));
    }
  } catch (err) {
    throw toProviderError(err, 'upload');
  }
  const bytes = await plan.video.read();
  try {
    return finish(ctx, await uploadFrom(c.api, c.token, session, bytes, offset, chunkBytesOf(ctx.app), c.timeoutMs), session);
  } catch (err) {
    throw toProviderError(err, 'upload', true);
  }
}

async function finish(ctx: ProviderContext, video: YouTubeVideo, session: UploadSession | null): Promise<PublishedPart> {
  if (!video.id) throw new ProviderError('transient', 'YouTube finished the upload without a video id');
  if (video.status?.uploadStatus === 'rejected' || video.status?.uploadStatus === 'failed') {
    const why = video.status.rejectionReason ?? video.status.failureReason ?? video.status.uploadStatus;
    throw new ProviderError('rejected', `YouTube did not accept the video: ${why}`, { networkMessage: why, detail: { videoId: video.id } });
  }
  const part = videoPart(video, session);
  await record(ctx, 0, part);
  return part;
}

/**
 * The video an expired session may have made: among the channel's newest uploads, the one with
 * this title added after the session started. Several candidates cannot be told apart.
 */
async function findInUploads(ctx: ProviderContext, c: ChannelApi, title: string, session: UploadSession): Promise<YouTubeVideo | null> {
  const since = Date.parse(session.startedAt) - 60_000;
  const items = await recentUploads(c, uploadsPlaylistOf(c.channelId, ctx.settings));
  const matches = items.filter((i) => i.snippet?.title === title && Date.parse(i.snippet?.publishedAt ?? '') >= since);
  if (matches.length > 1) throw new ProviderError('unknown_outcome', `${matches.length} recent uploads are titled "${title}"; Varde cannot tell which one this post made`);
  const id = matches[0]?.contentDetails?.videoId ?? matches[0]?.snippet?.resourceId?.videoId;
  return id ? { id, snippet: { title } } : null;
}

/**
 * After an attempt whose outcome is unknown: `published` when the video (and the first comment,
 * if planned) are found; `not_found` when publishing again is safe — no byte was ever sent, or the
 * recorded session can be resumed, or only the first comment is missing; `unknown` when YouTube
 * cannot be asked or the answer is ambiguous.
 */
export async function reconcileVideo(ctx: ProviderContext, content: PublishContent): Promise<ReconcileOutcome> {
  let plan: VideoPlan;
  try {
    plan = planVideo(content, ctx.settings);
  } catch {
    return { status: 'not_found' }; // publish will refuse it with the reason, having sent nothing
  }
  const c = channelApi(ctx);
  try {
    let video: PublishedPart | null = ctx.previousParts?.[0]?.externalId ? ctx.previousParts[0] : null;
    const session = sessionOf(ctx.previousParts?.[0]);
    if (!video && !session) return { status: 'not_found' }; // the session is recorded before any byte is sent
    if (!video && session) {
      const state = await querySession(c.api, c.token, session, c.timeoutMs);
      if (state.state === 'incomplete') return { status: 'not_found' }; // publish resumes this very session
      const found = state.state === 'complete' ? state.video : await findInUploads(ctx, c, plan.resource.snippet.title, session);
      if (!found) return { status: 'not_found' }; // expired before the last byte, and not among the uploads
      video = await finish(ctx, found, session);
    }
    const parts = [video!];
    if (plan.firstComment !== null) {
      const comment = ctx.previousParts?.[1]?.externalId ? ctx.previousParts[1] : await findOwnComment(c, video!.externalId, plan.firstComment);
      if (!comment) return { status: 'not_found' }; // the video is recorded; publish only adds the comment
      parts.push(comment);
    }
    return { status: 'published', result: { externalId: video!.externalId, url: video!.url, parts } };
  } catch (err) {
    return { status: 'unknown', evidence: `YouTube could not be asked: ${toProviderError(err, 'look-up').message}` };
  }
}

async function findOwnComment(c: ChannelApi, videoId: string, text: string): Promise<PublishedPart | null> {
  const { items } = await listThreads(c, { videoId });
  const thread = items.find((t) => t.snippet?.topLevelComment?.snippet?.authorChannelId?.value === c.channelId && t.snippet.topLevelComment.snippet.textOriginal === text);
  return thread ? commentPart(videoId, thread.snippet?.topLevelComment?.id ?? thread.id) : null;
}
