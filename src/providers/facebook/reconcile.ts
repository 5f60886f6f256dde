/**
 * Looking a Page post up after an attempt whose outcome is unknown (Graph has no idempotency key):
 * - a video recorded as `uploading`: its `status.publishing_phase` says whether `finish` went through;
 * - otherwise the Page's `published_posts` since the delivery was due, matched on the exact message;
 *   a post with no text cannot be told apart from others, so then Varde says `unknown` unless the
 *   Page published nothing at all in that window;
 * - the first comment: the post's comments by the Page with the same text.
 * Whatever is found is recorded (`onPartPublished`) before answering `not_found` for the rest, so
 * the publish that follows only adds what is missing.
 */
import type { ProviderContext, PublishContent, PublishedPart, ReconcileOutcome } from '../contract.js';
import { toProviderError } from '../meta/errors.js';
import { readFacebookOptions } from './options.js';
import { finalPart, openPage, postUrl, videoUrl, type PageClient } from './page.js';
import { composeMessage } from './publish.js';

/** How far before the due time a post still counts as this delivery's. */
const WINDOW_SLACK_MS = 10 * 60_000;

type Found = { status: 'found'; part: PublishedPart } | { status: 'absent' } | { status: 'unknown'; evidence: string };

export async function reconcilePagePost(ctx: ProviderContext, content: PublishContent): Promise<ReconcileOutcome> {
  const page = openPage(ctx);
  const options = readFacebookOptions(content);
  let main = finalPart(ctx.previousParts?.[0]);
  try {
    if (!main) {
      const found = await findMain(ctx, page, content);
      if (found.status === 'unknown') return found;
      if (found.status === 'absent') return { status: 'not_found' };
      main = found.part;
      await remember(ctx, 0, main);
    }
    const parts = [main];
    if (options.firstComment) {
      const comment = ctx.previousParts?.[1] ?? (await findComment(page, main.externalId, options.firstComment));
      if (!comment) return { status: 'not_found' };
      await remember(ctx, 1, comment);
      parts.push(comment);
    }
    return { status: 'published', result: { externalId: main.externalId, url: main.url, parts, detail: { reconciled: true } } };
  } catch (err) {
    return { status: 'unknown', evidence: `Facebook could not be asked: ${toProviderError(err, 'Facebook', 'look-up').message}` };
  }
}

async function remember(ctx: ProviderContext, index: number, part: PublishedPart) {
  if (ctx.previousParts?.[index]?.externalId === part.externalId && !part.ref?.stage) return;
  ctx.previousParts ??= [];
  ctx.previousParts[index] = part;
  await ctx.onPartPublished?.(index, part);
}

async function findMain(ctx: ProviderContext, page: PageClient, content: PublishContent): Promise<Found> {
  const pending = ctx.previousParts?.[0];
  if (pending?.ref?.stage === 'uploading') {
    const videoId = String(pending.ref.videoId ?? pending.externalId);
    const video = await page.graph.get<{ status?: { video_status?: string; publishing_phase?: { status?: string } } }>(videoId, { fields: 'status' });
    const publishing = video.status?.publishing_phase?.status;
    if (publishing && publishing !== 'not_started') return { status: 'found', part: { externalId: videoId, url: videoUrl(page.pageId, videoId), ref: { kind: 'video', videoId } } };
    return { status: 'absent' };
  }
  const since = Date.parse(content.meta.dueAt ?? '') || Date.now() - 24 * 3600_000;
  const res = await page.graph.get<{ data?: { id: string; message?: string; created_time?: string; permalink_url?: string }[] }>(`${page.pageId}/published_posts`, {
    fields: 'id,message,created_time,permalink_url',
    since: Math.floor((since - WINDOW_SLACK_MS) / 1000),
    limit: 50,
  });
  const recent = (res.data ?? []).filter((p) => !p.created_time || Date.parse(p.created_time) >= since - WINDOW_SLACK_MS);
  const message = composeMessage(content).trim();
  if (!message) {
    return recent.length === 0 ? { status: 'absent' } : { status: 'unknown', evidence: `the Page published ${recent.length} post(s) since this one was due, and a post without text cannot be told apart` };
  }
  const match = recent.filter((p) => (p.message ?? '').trim() === message).sort((a, b) => Date.parse(a.created_time ?? '') - Date.parse(b.created_time ?? ''))[0];
  return match ? { status: 'found', part: { externalId: match.id, url: match.permalink_url ?? postUrl(page.pageId, match.id), ref: { kind: 'reconciled' } } } : { status: 'absent' };
}

async function findComment(page: PageClient, postId: string, message: string): Promise<PublishedPart | undefined> {
  const res = await page.graph.get<{ data?: { id: string; message?: string; from?: { id?: string } }[] }>(`${postId}/comments`, { fields: 'id,message,from', filter: 'stream', limit: 100 });
  const hit = (res.data ?? []).find((c) => c.from?.id === page.pageId && (c.message ?? '').trim() === message.trim());
  return hit ? { externalId: hit.id, ref: { kind: 'firstComment', on: postId } } : undefined;
}
