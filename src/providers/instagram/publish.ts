/**
 * Publishing to Instagram through containers: `POST /{ig-user}/media` with `image_url` or
 * `video_url` = Varde's signed URL of the file (Meta downloads it), polled until `FINISHED`, then
 * `POST /{ig-user}/media_publish?creation_id=`. A single image; a Reel (`media_type=REELS`); a
 * Story; a carousel of 2–10 images and videos (children with `is_carousel_item`, then a
 * `CAROUSEL` parent). Then the first comment.
 *
 * Exactly once: the container that will be published is recorded (`onPartPublished`) before
 * `media_publish`. A retry reads its `status_code` first: `PUBLISHED` means the post went out and
 * is looked up, never published again; `FINISHED` is published as is; only an `ERROR` or `EXPIRED`
 * container is replaced. The 24-hour publishing limit (`content_publishing_limit`) is read first.
 */
import type { MediaItem, ProviderContext, PublishContent, PublishedPart, PublishResult } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { toProviderError } from '../meta/errors.js';
import { GraphError } from '../meta/graph.js';
import { isPublishedPart, pendingContainer, recordedContainer, waitForContainer } from '../meta/containers.js';
import { openAccount, readContainer, type IgClient } from './account.js';
import { captionOf, checkInstagramContent, type InstagramOptions } from './options.js';
import { findPublishedMedia } from './lookup.js';

const fail = (step: string, write = false) => (err: unknown): Promise<never> => {
  // 9007 / 2207027: "Media ID is not available" — the container is not ready yet.
  if (err instanceof GraphError && err.code === 9007) return Promise.reject(new ProviderError('transient', `Instagram's container is not ready for ${step} yet`, { networkMessage: err.message, cause: err }));
  return Promise.reject(toProviderError(err, 'Instagram', step, { write }));
};

export async function publishToInstagram(ctx: ProviderContext, content: PublishContent): Promise<PublishResult> {
  const options = checkInstagramContent(content);
  const ig = openAccount(ctx);
  let main = isPublishedPart(ctx.previousParts?.[0]) ? ctx.previousParts![0] : undefined;
  if (!main) {
    let containerId = recordedContainer(ctx.previousParts?.[0]);
    if (containerId) {
      const state = await readContainer(ig, containerId)();
      if (state.status === 'PUBLISHED') main = await findPublishedMedia(ig, containerId, content, options);
      else if (state.status === 'ERROR' || state.status === 'EXPIRED') containerId = undefined;
    }
    if (!main) {
      if (!containerId) {
        await checkQuota(ig);
        containerId = await createContainer(ctx, ig, content, options);
        await ctx.onPartPublished?.(0, pendingContainer(containerId));
      }
      await waitForContainer(readContainer(ig, containerId), ig.timeouts, 'Instagram', ctx.signal);
      const published = await ig.graph.post<{ id: string }>(`${ig.igUserId}/media_publish`, { creation_id: containerId }).catch(fail('publish', true));
      main = { externalId: published.id, url: await permalink(ig, published.id), ref: { containerId } };
    }
    await ctx.onPartPublished?.(0, main);
  }
  const parts = [main];
  if (options.firstComment) parts.push(await ensureFirstComment(ctx, ig, main, options.firstComment));
  return { externalId: main.externalId, url: main.url, parts, detail: { igUserId: ig.igUserId } };
}

async function permalink(ig: IgClient, mediaId: string): Promise<string | undefined> {
  try {
    return (await ig.graph.get<{ permalink?: string }>(mediaId, { fields: 'permalink' })).permalink;
  } catch {
    return undefined; // the post is out; its address is a nicety
  }
}

/** Refuses to start a post the 24-hour publishing limit would refuse. */
async function checkQuota(ig: IgClient): Promise<void> {
  const res = await ig.graph.get<{ data?: { quota_usage?: number; config?: { quota_total?: number; quota_duration?: number } }[] }>(`${ig.igUserId}/content_publishing_limit`, { fields: 'quota_usage,config' }).catch(fail('publishing limit check'));
  const row = res.data?.[0];
  const total = row?.config?.quota_total ?? 50;
  if ((row?.quota_usage ?? 0) >= total) {
    // The window rolls over 24 hours and Meta does not say when the oldest post leaves it: try hourly.
    throw new ProviderError('rate_limited', `This Instagram account has published ${row?.quota_usage} posts through the API in the last 24 hours (limit ${total})`, { retryAt: new Date(Date.now() + 3600_000), detail: { quotaUsage: row?.quota_usage ?? null, quotaTotal: total } });
  }
}

async function createContainer(ctx: ProviderContext, ig: IgClient, content: PublishContent, options: InstagramOptions): Promise<string> {
  const media = content.parts[0].media;
  const caption = captionOf(content) || undefined;
  const common = { location_id: options.locationId ?? undefined, collaborators: options.collaborators ? JSON.stringify(options.collaborators) : undefined };
  if (options.story) return container(ig, { media_type: 'STORIES', ...source(ctx, media[0]) });
  if (media.length === 1) {
    const item = media[0];
    if (item.kind === 'video') return container(ig, { media_type: 'REELS', video_url: ctx.mediaUrl(item), caption, share_to_feed: options.shareToFeed, thumb_offset: options.thumbOffset ?? undefined, ...common });
    return container(ig, { image_url: ctx.mediaUrl(item), caption, alt_text: item.alt ?? undefined, ...common });
  }
  const children: string[] = [];
  for (const item of media) children.push(await container(ig, { ...source(ctx, item), is_carousel_item: true, alt_text: item.kind === 'image' ? item.alt ?? undefined : undefined }));
  for (const id of children) await waitForContainer(readContainer(ig, id), ig.timeouts, 'Instagram', ctx.signal);
  return container(ig, { media_type: 'CAROUSEL', children: children.join(','), caption, ...common });
}

function source(ctx: ProviderContext, item: MediaItem) {
  return item.kind === 'video' ? { media_type: 'VIDEO', video_url: ctx.mediaUrl(item) } : { image_url: ctx.mediaUrl(item) };
}

async function container(ig: IgClient, params: Record<string, string | number | boolean | undefined>): Promise<string> {
  // A container publishes nothing by itself: a lost answer only leaves an unused one behind.
  const res = await ig.graph.post<{ id: string }>(`${ig.igUserId}/media`, params, { timeoutMs: ig.timeouts.uploadMs }).catch(fail('media upload'));
  return res.id;
}

async function ensureFirstComment(ctx: ProviderContext, ig: IgClient, main: PublishedPart, message: string): Promise<PublishedPart> {
  const known = ctx.previousParts?.[1];
  if (known?.externalId) return known;
  const res = await ig.graph.post<{ id: string }>(`${main.externalId}/comments`, { message }).catch(fail('first comment', true));
  const part = { externalId: res.id, ref: { kind: 'firstComment', on: main.externalId } };
  await ctx.onPartPublished?.(1, part);
  return part;
}
