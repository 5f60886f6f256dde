/**
 * Publishing to Threads through containers: `POST /{user}/threads` (`media_type` TEXT, IMAGE,
 * VIDEO or CAROUSEL with `is_carousel_item` children; `image_url`/`video_url` = Varde's signed
 * media URL, which Meta downloads), polled until `FINISHED`, then `POST /{user}/threads_publish`.
 * Follow-ups are replies (`reply_to_id`) to the part before, so the post reads as a thread.
 *
 * Exactly once, part by part: each part's container is recorded before `threads_publish` and the
 * published part right after. A retry skips published parts and reads a recorded container's
 * `status` first: `PUBLISHED` means it went out (found, never published again), `FINISHED` is
 * published as is, `ERROR`/`EXPIRED` is replaced. `threads_publishing_limit` is read before a
 * post (250 posts and 1,000 replies per 24 hours).
 */
import type { MediaItem, ProviderContext, PublishContent, PublishedPart, PublishResult } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { isPublishedPart, pendingContainer, recordedContainer, waitForContainer } from '../meta/containers.js';
import { openProfile, readContainer, threadsFail, type ThreadsClient } from './account.js';
import { checkThreadsContent, partText, type ThreadsOptions } from './options.js';
import { findPublishedPart } from './lookup.js';

type Params = Record<string, string | number | boolean | undefined>;

export async function publishToThreads(ctx: ProviderContext, content: PublishContent): Promise<PublishResult> {
  const options = checkThreadsContent(content);
  const t = openProfile(ctx);
  const parts: PublishedPart[] = [];
  let quotaChecked = false;
  for (let i = 0; i < content.parts.length; i++) {
    const known = ctx.previousParts?.[i];
    if (isPublishedPart(known)) {
      parts.push(known);
      continue;
    }
    const replyTo = i > 0 ? parts[i - 1].externalId : undefined;
    let containerId = recordedContainer(known);
    let done: PublishedPart | undefined;
    if (containerId) {
      const state = await readContainer(t, containerId)();
      if (state.status === 'PUBLISHED') done = await findPublishedPart(t, containerId, partText(content, i), replyTo);
      else if (state.status === 'ERROR' || state.status === 'EXPIRED') containerId = undefined;
    }
    if (!done) {
      if (!containerId) {
        if (!quotaChecked) await checkQuota(t, content.parts.length - i, i > 0);
        quotaChecked = true;
        containerId = await createContainer(ctx, t, content, i, options, replyTo);
        await ctx.onPartPublished?.(i, pendingContainer(containerId));
      }
      await waitForContainer(readContainer(t, containerId), t.timeouts, 'Threads', ctx.signal);
      const res = await t.graph.post<{ id: string }>(`${t.userId}/threads_publish`, { creation_id: containerId }).catch(threadsFail(i === 0 ? 'publish' : `publish of follow-up ${i}`, true));
      done = { externalId: res.id, url: await permalink(t, res.id), ref: { containerId } };
    }
    await ctx.onPartPublished?.(i, done);
    parts.push(done);
  }
  return { externalId: parts[0].externalId, url: parts[0].url, parts, detail: { userId: t.userId } };
}

async function permalink(t: ThreadsClient, id: string): Promise<string | undefined> {
  try {
    return (await t.graph.get<{ permalink?: string }>(id, { fields: 'permalink' })).permalink;
  } catch {
    return undefined;
  }
}

/** Refuses to start what the 24-hour limits would refuse (posts, and replies for follow-ups). */
async function checkQuota(t: ThreadsClient, parts: number, onlyReplies: boolean): Promise<void> {
  const res = await t.graph
    .get<{ data?: { quota_usage?: number; config?: { quota_total?: number }; reply_quota_usage?: number; reply_config?: { quota_total?: number } }[] }>(`${t.userId}/threads_publishing_limit`, { fields: 'quota_usage,config,reply_quota_usage,reply_config' })
    .catch(threadsFail('publishing limit check'));
  const row = res.data?.[0] ?? {};
  const posts = { used: row.quota_usage ?? 0, total: row.config?.quota_total ?? 250 };
  const replies = { used: row.reply_quota_usage ?? 0, total: row.reply_config?.quota_total ?? 1000 };
  const repliesNeeded = onlyReplies ? parts : parts - 1;
  const full = (!onlyReplies && posts.used >= posts.total) ? `${posts.used} posts (limit ${posts.total})` : replies.used + repliesNeeded > replies.total ? `${replies.used} replies (limit ${replies.total})` : null;
  if (full) throw new ProviderError('rate_limited', `This Threads profile has published ${full} through the API in the last 24 hours`, { retryAt: new Date(Date.now() + 3600_000), detail: { quotaUsage: posts.used, replyQuotaUsage: replies.used } });
}

async function createContainer(ctx: ProviderContext, t: ThreadsClient, content: PublishContent, i: number, options: ThreadsOptions, replyTo: string | undefined): Promise<string> {
  const media = content.parts[i].media;
  const text = partText(content, i) || undefined;
  const common: Params = { text, reply_to_id: replyTo, reply_control: options.replyControl ?? undefined, topic_tag: i === 0 ? options.topicTag ?? undefined : undefined };
  if (media.length === 0) return container(t, { media_type: 'TEXT', ...common, link_attachment: i === 0 && content.link ? content.link : undefined });
  if (media.length === 1) return container(t, { ...source(ctx, media[0]), ...common });
  const children: string[] = [];
  for (const item of media) children.push(await container(t, { ...source(ctx, item), is_carousel_item: true }));
  for (const id of children) await waitForContainer(readContainer(t, id), t.timeouts, 'Threads', ctx.signal);
  return container(t, { media_type: 'CAROUSEL', children: children.join(','), ...common });
}

function source(ctx: ProviderContext, item: MediaItem): Params {
  return item.kind === 'video'
    ? { media_type: 'VIDEO', video_url: ctx.mediaUrl(item), alt_text: item.alt ?? undefined }
    : { media_type: 'IMAGE', image_url: ctx.mediaUrl(item), alt_text: item.alt ?? undefined };
}

async function container(t: ThreadsClient, params: Params): Promise<string> {
  // A container publishes nothing by itself: a lost answer only leaves an unused one behind.
  const res = await t.graph.post<{ id: string }>(`${t.userId}/threads`, params, { timeoutMs: t.timeouts.uploadMs }).catch(threadsFail('media upload'));
  return res.id;
}
