/**
 * TikTok (Content Posting API, direct post). Connect with Login Kit (OAuth v2 + PKCE). Publish one
 * video (uploaded in chunks, or pulled from Varde's media URL) or a photo post of up to 35 images
 * (pulled from Varde's media URLs), with privacy and interaction settings checked against what the
 * creator allows (`creator_info`), SELF_ONLY until TikTok has audited the app.
 *
 * Exactly once: the `publish_id` from init is recorded at once (as part 0, `ref.publishId`); from
 * then on a retry only polls `status/fetch` (re-sending chunks to the same upload URL when the upload
 * was cut) and never inits again — unless TikTok says FAILED, after which nothing can go out. A lost
 * answer to a FILE_UPLOAD init is retried: without the bytes that init can never publish. A lost
 * answer to a PULL_FROM_URL init is looked up among the creator's videos, else a person decides.
 */
import type { PostMetrics, Provider, ProviderContext, PublishedPart, ReconcileOutcome } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { channelTimeoutMs } from '../shared/request-timeout.js';
import { createTikTokApi, DEFAULT_TIMEOUT_MS, toProviderError } from './client.js';
import { readCredentials, refreshTikTokCredentials, tiktokOAuth } from './oauth.js';
import { fetchStatus, initPost, postSettings, uploadChunks, waitForPublish, type CreatorInfo, type PublishStatus } from './posting.js';
import { tiktokWebhooks } from './webhooks.js';

function open(ctx: ProviderContext) {
  const creds = readCredentials(ctx.credentials);
  return { creds, api: createTikTokApi(ctx.http, ctx.app.urls.api, creds.accessToken, { timeoutMs: channelTimeoutMs(ctx.app.values, ctx.settings, DEFAULT_TIMEOUT_MS), signal: ctx.signal }) };
}

const pullsVideo = (ctx: ProviderContext) => (ctx.app.values.VIDEO_SOURCE ?? '').toLowerCase() === 'url';
const maxWait = (ctx: ProviderContext) => Number(ctx.app.values.PROCESSING_TIMEOUT_MS) || undefined;

function finished(ctx: ProviderContext, publishId: string, st: PublishStatus) {
  const postId = st.publicaly_available_post_id?.[0] !== undefined ? String(st.publicaly_available_post_id[0]) : null;
  const handle = ctx.account.handle;
  const part: PublishedPart = { externalId: postId ?? publishId, url: postId && handle ? `https://www.tiktok.com/@${handle}/video/${postId}` : undefined, ref: { publishId, postId, status: st.status } };
  return { externalId: part.externalId, url: part.url, parts: [part], detail: { publishId, status: st.status } };
}

export const tiktokProvider = {
  network: 'tiktok',
  idempotentPublish: false,
  app: {
    required: ['CLIENT_KEY', 'CLIENT_SECRET'],
    optional: ['AUDITED', 'VIDEO_SOURCE', 'TIMEOUT_MS', 'PROCESSING_TIMEOUT_MS'],
    urls: { api: 'https://open.tiktokapis.com', auth: 'https://www.tiktok.com' },
  },
  oauth: tiktokOAuth,
  inboxKinds: [],
  webhooks: tiktokWebhooks,

  refreshCredentials: (http, app, credentials) => refreshTikTokCredentials(http, app, credentials),

  async publish(ctx, content) {
    const { api } = open(ctx);
    const media = content.parts[0].media;
    const video = media.find((m) => m.kind === 'video');
    const pull = pullsVideo(ctx);
    const known = ctx.previousParts?.[0];
    let publishId = typeof known?.ref?.publishId === 'string' ? known.ref.publishId : undefined;
    const record = (ref: Record<string, unknown>) => ctx.onPartPublished?.(0, { externalId: String(ref.publishId), ref });
    try {
      if (publishId) {
        const st = await fetchStatus(api, publishId);
        if (st.status === 'PUBLISH_COMPLETE' || st.status === 'SEND_TO_USER_INBOX') return finished(ctx, publishId, st);
        if (st.status === 'FAILED') publishId = undefined; // nothing went out: a new post is safe
        else if (video && known?.ref?.source === 'FILE_UPLOAD' && known.ref.uploaded !== true && typeof known.ref.uploadUrl === 'string') {
          await uploadChunks(ctx, known.ref.uploadUrl, video);
          await record({ ...known.ref, uploaded: true });
        }
      }
      if (!publishId) {
        const creator = await api<CreatorInfo>('/v2/post/publish/creator_info/query/', { json: {} });
        const settings = postSettings(ctx, content, creator);
        const init = await initPost(ctx, api, content, settings, video, pull).catch((err: unknown) => {
          throw toProviderError(err, 'start the post', !video || pull);
        });
        publishId = init.publishId;
        const ref = { publishId, source: init.source, kind: init.kind, uploadUrl: init.uploadUrl ?? null, uploaded: init.source !== 'FILE_UPLOAD' };
        await record(ref);
        if (video && init.source === 'FILE_UPLOAD') {
          await uploadChunks(ctx, init.uploadUrl ?? '', video);
          await record({ ...ref, uploaded: true });
        }
      }
      const st = await waitForPublish(api, publishId, maxWait(ctx));
      if (st === 'still') throw new ProviderError('transient', `TikTok is still processing the post (publish_id ${publishId}); Varde will check again`);
      if (st.status === 'FAILED') throw new ProviderError('rejected', `TikTok could not publish the post: ${st.fail_reason ?? 'failed'}`, { networkMessage: st.fail_reason, detail: { publishId } });
      return finished(ctx, publishId, st);
    } catch (err) {
      throw toProviderError(err, 'publish');
    }
  },

  async reconcile(ctx, content): Promise<ReconcileOutcome> {
    const { api } = open(ctx);
    const known = ctx.previousParts?.[0];
    try {
      if (typeof known?.ref?.publishId === 'string') {
        const st = await fetchStatus(api, known.ref.publishId);
        if (st.status === 'PUBLISH_COMPLETE' || st.status === 'SEND_TO_USER_INBOX') return { status: 'published', result: finished(ctx, known.ref.publishId, st) };
        return { status: 'not_found' }; // still processing or failed: publish resumes from the publish_id, never a second init
      }
      const video = content.parts[0].media.find((m) => m.kind === 'video');
      if (video && !pullsVideo(ctx)) return { status: 'not_found' }; // an init whose bytes never came cannot publish
      const since = content.meta.dueAt ? Date.parse(content.meta.dueAt) / 1000 - 300 : 0;
      const res = await api<{ videos?: { id: string; title?: string; video_description?: string; create_time?: number }[] }>('/v2/video/list/', { query: 'fields=id,title,video_description,create_time', json: { max_count: 20 } });
      const text = content.parts[0].text;
      const found = (res.videos ?? []).find((v) => (v.video_description === text || v.title === text || v.title === content.title) && (v.create_time ?? 0) >= since);
      if (found) return { status: 'published', result: { externalId: found.id, url: ctx.account.handle ? `https://www.tiktok.com/@${ctx.account.handle}/video/${found.id}` : undefined, parts: [{ externalId: found.id }] } };
      return { status: 'unknown', evidence: 'TikTok may have accepted the post (its media is pulled from a URL), and it is not among the creator’s public videos; private (SELF_ONLY) posts are not listed' };
    } catch (err) {
      return { status: 'unknown', evidence: `TikTok could not be asked: ${toProviderError(err, 'look the post up').message}` };
    }
  },

  describeSettings: (settings) => ({ privacy: settings.privacy ?? null }),

  /** Views, likes, comments and shares of posts TikTok has named (public videos). */
  async fetchPostMetrics(ctx, posts) {
    const { api } = open(ctx);
    const ids = posts.map((p) => p.externalId).filter((id) => /^\d+$/.test(id));
    const out: PostMetrics[] = [];
    for (let i = 0; i < ids.length; i += 20) {
      const res = await api<{ videos?: Record<string, number | string>[] }>('/v2/video/query/', { query: 'fields=id,like_count,comment_count,share_count,view_count', json: { filters: { video_ids: ids.slice(i, i + 20) } } }).catch((err: unknown) => {
        throw toProviderError(err, 'read video metrics');
      });
      for (const v of res.videos ?? []) {
        const n = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : null);
        out.push({ externalId: String(v.id), metrics: { impressions: n('view_count'), likes: n('like_count'), comments: n('comment_count'), shares: n('share_count'), saves: null, clicks: null }, raw: { view_count: n('view_count'), like_count: n('like_count'), comment_count: n('comment_count'), share_count: n('share_count') } });
      }
    }
    return out;
  },

  async fetchAccountMetrics(ctx) {
    const { api } = open(ctx);
    const res = await api<{ user: Record<string, number> }>('/v2/user/info/', { method: 'GET', query: 'fields=follower_count,following_count,likes_count,video_count' }).catch((err: unknown) => {
      throw toProviderError(err, 'read the follower count');
    });
    const n = (k: string) => (typeof res.user[k] === 'number' ? res.user[k] : null);
    return { followers: n('follower_count'), raw: { follower_count: n('follower_count'), following_count: n('following_count'), likes_count: n('likes_count'), video_count: n('video_count') } };
  },
} satisfies Provider;
