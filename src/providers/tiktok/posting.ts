/**
 * TikTok Content Posting (direct post): ask `creator_info` what the creator allows, `init` a video
 * (FILE_UPLOAD: then PUT the bytes in order, each chunk with its `Content-Range`; or PULL_FROM_URL)
 * or a photo post (PULL_FROM_URL only), then poll `status/fetch` until PUBLISH_COMPLETE or FAILED.
 * The `publish_id` from init is what identifies the post until TikTok names the video.
 */
import type { MediaItem, ProviderContext, PublishContent } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { TikTokError, type TikTokApi } from './client.js';

/** TikTok: chunks of 5–64 MB except the last (which takes the remainder); a file under 5 MB goes whole. */
export const CHUNK_BYTES = 5 * 1024 * 1024;
export const MAX_PROCESSING_MS = 10 * 60_000;
const PRIVACY = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface CreatorInfo { privacy_level_options: string[]; comment_disabled?: boolean; duet_disabled?: boolean; stitch_disabled?: boolean; max_video_post_duration_sec?: number; creator_username?: string }

export interface PostSettings { privacy: string; disableComment: boolean; disableDuet: boolean; disableStitch: boolean; brandContent: boolean; brandOrganic: boolean; aigc: boolean }

/**
 * The privacy level and interaction settings: option `privacy` (else the channel's), which must be one
 * the creator offers; an app TikTok has not audited (VARDE_TIKTOK_AUDITED unset) may only post SELF_ONLY.
 */
export function postSettings(ctx: ProviderContext, content: PublishContent, creator: CreatorInfo): PostSettings {
  const o = content.options ?? {};
  const audited = /^(1|true|yes)$/i.test(ctx.app.values.AUDITED ?? '');
  const asked = String(o.privacy ?? ctx.settings.privacy ?? (audited ? 'PUBLIC_TO_EVERYONE' : 'SELF_ONLY')).toUpperCase();
  if (!(PRIVACY as readonly string[]).includes(asked)) throw new ProviderError('rejected', `TikTok option privacy must be one of ${PRIVACY.join(', ')}`);
  if (!audited && asked !== 'SELF_ONLY') throw new ProviderError('rejected', `TikTok lets an app it has not audited post only as SELF_ONLY (private); ${asked} needs the audit (then set VARDE_TIKTOK_AUDITED=true)`);
  if (!creator.privacy_level_options.includes(asked)) throw new ProviderError('rejected', `This TikTok account offers ${creator.privacy_level_options.join(', ')}, not ${asked}`);
  const flag = (k: string) => o[k] === true || o[k] === 'true';
  return {
    privacy: asked, disableComment: flag('disableComment') || Boolean(creator.comment_disabled), disableDuet: flag('disableDuet') || Boolean(creator.duet_disabled),
    disableStitch: flag('disableStitch') || Boolean(creator.stitch_disabled), brandContent: flag('brandContent'), brandOrganic: flag('brandOrganic'), aigc: flag('aigc'),
  };
}

export interface InitResult { publishId: string; uploadUrl?: string; source: 'FILE_UPLOAD' | 'PULL_FROM_URL'; kind: 'video' | 'photo' }

export function chunkPlan(size: number): { chunkSize: number; count: number } {
  if (size <= CHUNK_BYTES) return { chunkSize: size, count: 1 };
  return { chunkSize: CHUNK_BYTES, count: Math.floor(size / CHUNK_BYTES) };
}

/** Starts a direct post; its answer carries the publish_id that must be kept. */
export async function initPost(ctx: ProviderContext, api: TikTokApi, content: PublishContent, s: PostSettings, video: MediaItem | undefined, pullVideo: boolean): Promise<InitResult> {
  const part = content.parts[0];
  if (video) {
    const source = pullVideo ? { source: 'PULL_FROM_URL', video_url: ctx.mediaUrl(video) } : { source: 'FILE_UPLOAD', video_size: video.size, chunk_size: chunkPlan(video.size).chunkSize, total_chunk_count: chunkPlan(video.size).count };
    const data = await api<{ publish_id: string; upload_url?: string }>('/v2/post/publish/video/init/', {
      json: {
        post_info: { title: part.text, privacy_level: s.privacy, disable_duet: s.disableDuet, disable_comment: s.disableComment, disable_stitch: s.disableStitch, brand_content_toggle: s.brandContent, brand_organic_toggle: s.brandOrganic, is_aigc: s.aigc },
        source_info: source,
      },
    });
    return { publishId: data.publish_id, uploadUrl: data.upload_url, source: pullVideo ? 'PULL_FROM_URL' : 'FILE_UPLOAD', kind: 'video' };
  }
  const cover = Number(content.options?.photoCoverIndex ?? 0);
  const data = await api<{ publish_id: string }>('/v2/post/publish/content/init/', {
    json: {
      post_info: { title: content.title ?? '', description: part.text, privacy_level: s.privacy, disable_comment: s.disableComment, auto_add_music: content.options?.autoAddMusic === true, brand_content_toggle: s.brandContent, brand_organic_toggle: s.brandOrganic },
      source_info: { source: 'PULL_FROM_URL', photo_cover_index: Number.isInteger(cover) ? cover : 0, photo_images: part.media.map((m) => ctx.mediaUrl(m)) },
      post_mode: 'DIRECT_POST', media_type: 'PHOTO',
    },
  });
  return { publishId: data.publish_id, source: 'PULL_FROM_URL', kind: 'photo' };
}

/** PUTs the whole file to the upload URL, chunk by chunk in order, each with its Content-Range. */
export async function uploadChunks(ctx: ProviderContext, uploadUrl: string, video: MediaItem): Promise<void> {
  const data = await video.read();
  const { chunkSize, count } = chunkPlan(data.length);
  for (let i = 0; i < count; i++) {
    const first = i * chunkSize;
    const last = i === count - 1 ? data.length - 1 : first + chunkSize - 1;
    const res = await ctx.http(uploadUrl, {
      method: 'PUT', body: data.subarray(first, last + 1), timeoutMs: 600_000, signal: ctx.signal,
      headers: { 'content-type': video.mime, 'content-range': `bytes ${first}-${last}/${data.length}` },
    });
    if (res.status !== 206 && res.status !== 201 && res.status !== 200) throw new TikTokError(res.status, `upload_http_${res.status}`, `The chunk upload was refused (HTTP ${res.status}) ${res.text().slice(0, 200)}`, null, {});
  }
}

export interface PublishStatus { status: string; fail_reason?: string; publicaly_available_post_id?: (string | number)[]; uploaded_bytes?: number }

export const fetchStatus = (api: TikTokApi, publishId: string) => api<PublishStatus>('/v2/post/publish/status/fetch/', { json: { publish_id: publishId } });

/** Polls until TikTok says the post is out (or sent to the inbox) or failed; `still` when time ran out. */
export async function waitForPublish(api: TikTokApi, publishId: string, maxMs = MAX_PROCESSING_MS): Promise<PublishStatus | 'still'> {
  const deadline = Date.now() + maxMs;
  for (let i = 0; ; i++) {
    const st = await fetchStatus(api, publishId);
    if (st.status === 'PUBLISH_COMPLETE' || st.status === 'FAILED' || st.status === 'SEND_TO_USER_INBOX') return st;
    if (Date.now() > deadline) return 'still';
    await sleep(Math.min(500 * 2 ** i, 5_000));
  }
}
