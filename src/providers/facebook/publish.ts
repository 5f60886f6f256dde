/**
 * Publishing to a Page: text and links through `/{page}/feed`; one photo through `/{page}/photos`
 * (uploaded as `source`, with `alt_text_custom`); several photos uploaded unpublished and attached
 * to one feed post with `attached_media`; a video through the resumable upload
 * (`upload_phase=start|transfer|finish` on graph-video.facebook.com); then the first comment.
 *
 * Exactly once: Graph has no idempotency key, so every part is recorded as soon as it is out
 * (`onPartPublished`) and a retry skips what is recorded. A video is recorded as `uploading` right
 * after `start`, so a `finish` that timed out can be looked up by its video id (reconcile.ts).
 */
import type { MediaItem, ProviderContext, PublishContent, PublishedPart, PublishResult } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { withLink } from '../shared/link-text.js';
import { toProviderError } from '../meta/errors.js';
import { readFacebookOptions, type FacebookOptions } from './options.js';
import { finalPart, openPage, postUrl, videoUrl, type PageClient } from './page.js';

/** The message sent with the post; a link is added to the text of photo and video posts, where Graph has no `link`. */
export function composeMessage(content: PublishContent): string {
  const part = content.parts[0];
  const text = part?.text ?? '';
  return content.link && part.media.length > 0 ? withLink(text, content.link, { blankIsEmpty: false }) : text;
}

export function checkFacebookContent(content: PublishContent): FacebookOptions {
  if (content.parts.length !== 1) throw new ProviderError('rejected', 'A Facebook Page post has no thread: remove the follow-ups (use the firstComment option for a comment under it)');
  const options = readFacebookOptions(content);
  const media = content.parts[0].media;
  const videos = media.filter((m) => m.kind === 'video');
  if (videos.length > 0 && media.length > 1) throw new ProviderError('rejected', 'A Facebook video post carries one video and nothing else');
  if (videos.length > 0 && options.targeting) throw new ProviderError('rejected', 'Varde applies Facebook targeting to text, link and photo posts only');
  if (!content.parts[0].text.trim() && media.length === 0 && !content.link) throw new ProviderError('rejected', 'Nothing to publish: add text, a link or media');
  return options;
}

/** Classifies a failed call: `write` when a lost answer may hide a post that went out. */
const fail = (step: string, write: boolean) => (err: unknown): Promise<never> => Promise.reject(toProviderError(err, 'Facebook', step, { write }));

export async function publishToPage(ctx: ProviderContext, content: PublishContent): Promise<PublishResult> {
  const options = checkFacebookContent(content);
  const page = openPage(ctx);
  let main = finalPart(ctx.previousParts?.[0]);
  if (!main) {
    main = await publishMain(ctx, page, content, options);
    await ctx.onPartPublished?.(0, main);
  }
  const parts = [main];
  if (options.firstComment) parts.push(await ensureFirstComment(ctx, page, main, options.firstComment));
  return { externalId: main.externalId, url: main.url, parts, detail: { pageId: page.pageId } };
}

async function publishMain(ctx: ProviderContext, page: PageClient, content: PublishContent, options: FacebookOptions): Promise<PublishedPart> {
  const media = content.parts[0].media;
  const message = composeMessage(content) || undefined;
  const targeting = options.targeting ? JSON.stringify(options.targeting) : undefined;
  const video = media.find((m) => m.kind === 'video');
  if (video) return uploadVideo(ctx, page, video, message, options.videoTitle ?? content.title ?? undefined);
  if (media.length === 1) {
    const res = await uploadPhoto(page, media[0], { message, published: true, targeting }).catch(fail('photo post', true));
    const postId = res.post_id ?? `${page.pageId}_${res.id}`;
    return { externalId: postId, url: postUrl(page.pageId, postId), ref: { photoId: res.id, kind: 'photo' } };
  }
  const attached: Record<string, string> = {};
  for (const [i, item] of media.entries()) {
    // Unpublished photos never show on the Page on their own, so a retried upload cannot duplicate a post.
    const res = await uploadPhoto(page, item, { published: false }).catch(fail(`photo upload ${i + 1} of ${media.length}`, false));
    attached[`attached_media[${i}]`] = JSON.stringify({ media_fbid: res.id });
  }
  const res = await page.graph
    .post<{ id: string }>(`${page.pageId}/feed`, { message, link: media.length ? undefined : content.link ?? undefined, targeting, ...attached })
    .catch(fail('post', true));
  return { externalId: res.id, url: postUrl(page.pageId, res.id), ref: { kind: media.length ? 'album' : content.link ? 'link' : 'status' } };
}

function uploadPhoto(page: PageClient, item: MediaItem, fields: Record<string, string | boolean | undefined>) {
  return item.read().then((data) =>
    page.graph.upload<{ id: string; post_id?: string }>(
      `${page.pageId}/photos`,
      { ...fields, alt_text_custom: item.alt ?? undefined },
      { field: 'source', filename: `photo.${item.mime.split('/')[1] ?? 'jpg'}`, contentType: item.mime, data },
      { timeoutMs: page.timeouts.uploadMs },
    ),
  );
}

interface UploadWindow {
  start_offset?: string | number;
  end_offset?: string | number;
}

async function uploadVideo(ctx: ProviderContext, page: PageClient, item: MediaItem, description: string | undefined, title: string | undefined): Promise<PublishedPart> {
  const bytes = await item.read();
  const call = { baseUrl: page.videoBaseUrl, timeoutMs: page.timeouts.uploadMs };
  const start = await page.graph
    .post<UploadWindow & { video_id: string; upload_session_id: string }>(`${page.pageId}/videos`, { upload_phase: 'start', file_size: bytes.length }, call)
    .catch(fail('video upload', false));
  await ctx.onPartPublished?.(0, { externalId: start.video_id, ref: { stage: 'uploading', videoId: start.video_id, uploadSessionId: start.upload_session_id } });
  let window: UploadWindow = start;
  for (let guard = 0; Number(window.start_offset) < Number(window.end_offset); guard++) {
    if (guard > 10_000) throw new ProviderError('transient', 'Facebook video upload made no progress');
    const from = Number(window.start_offset);
    const chunk = bytes.subarray(from, Number(window.end_offset));
    // A transfer resent at the same offset overwrites the same bytes: safe to retry.
    window = await page.graph
      .upload<UploadWindow>(`${page.pageId}/videos`, { upload_phase: 'transfer', upload_session_id: start.upload_session_id, start_offset: from }, { field: 'video_file_chunk', filename: 'chunk', contentType: 'application/octet-stream', data: chunk }, call)
      .catch(fail('video upload', false));
  }
  await page.graph
    .post(`${page.pageId}/videos`, { upload_phase: 'finish', upload_session_id: start.upload_session_id, description, title }, call)
    .catch(fail('video publish', true));
  return { externalId: start.video_id, url: videoUrl(page.pageId, start.video_id), ref: { kind: 'video', videoId: start.video_id } };
}

async function ensureFirstComment(ctx: ProviderContext, page: PageClient, main: PublishedPart, message: string): Promise<PublishedPart> {
  const known = ctx.previousParts?.[1];
  if (known?.externalId) return known;
  const res = await page.graph.post<{ id: string }>(`${main.externalId}/comments`, { message }).catch(fail('first comment', true));
  const part = { externalId: res.id, ref: { kind: 'firstComment', on: main.externalId } };
  await ctx.onPartPublished?.(1, part);
  return part;
}
