/**
 * Posting one Story, Saved Story or Spotlight to a Public Profile, exactly once or handed to a
 * person. Only the last call (`POST /v1/public_profiles/{id}/stories|saved_stories|spotlights`)
 * makes anything visible; the media container before it is private and expires in a day. So part
 * 0 of the delivery records the finalized container (a retry posts it without uploading again),
 * then "posting" right before that last call. A lost answer to it cannot be looked up — Snap
 * documents no way to find a story by its media — so reconcile says `unknown` and a person checks
 * the profile; before "posting" nothing was shown and publishing again is safe.
 *
 * Request bodies and response shapes of the three posting endpoints are not confirmed by Snap's
 * documentation; see docs/networks/snapchat.md.
 */
import type { PublishedPart, PublishContent, PublishResult, ProviderContext, ReconcileOutcome, MediaItem } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { CONTAINER_REUSE_MS, uploadMedia, type SnapMedia } from './media-upload.js';
import { createSnapApi, timeoutOf, toProviderError, urlOf } from './snap-api.js';
import { readCredentials } from './snap-oauth.js';

export const PLACEMENTS = ['story', 'saved_story', 'spotlight'] as const;
export type Placement = (typeof PLACEMENTS)[number];
const SAVED_STORY_TITLE_MAX = 45;
const SPOTLIGHT_DESCRIPTION_MAX = 160;
const KNOWN_OPTIONS = ['placement'];

const ENDPOINT: Record<Placement, { path: string; plural: string; singular: string }> = {
  story: { path: 'stories', plural: 'stories', singular: 'story' },
  saved_story: { path: 'saved_stories', plural: 'saved_stories', singular: 'saved_story' },
  spotlight: { path: 'spotlights', plural: 'spotlights', singular: 'spotlight' },
};

export interface PostPlan {
  placement: Placement;
  media: MediaItem;
  body: Record<string, string>;
  /** Text a Story cannot carry (Snap's API takes no caption for Stories). */
  droppedText: boolean;
}

const refuse = (message: string) => new ProviderError('rejected', message);

export function planPost(content: PublishContent, settings: Record<string, unknown>): PostPlan {
  const options = content.options ?? {};
  const unknown = Object.keys(options).filter((k) => !KNOWN_OPTIONS.includes(k));
  if (unknown.length) throw refuse(`Snapchat does not know the option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; use placement (${PLACEMENTS.join(', ')})`);
  const placement = (options.placement ?? settings.placement ?? 'story') as Placement;
  if (!PLACEMENTS.includes(placement)) throw refuse(`Snapchat placement must be ${PLACEMENTS.join(', ')} (got ${String(placement)})`);
  if (content.parts.length > 1) throw refuse('Snapchat has no threads: remove the follow-ups');
  const part = content.parts[0];
  const media = part?.media[0];
  if (!media || part.media.length !== 1) throw refuse('A Snapchat post is exactly one image or one video');
  if (media.kind === 'gif') throw refuse('Snapchat takes JPEG or PNG images and MP4 videos, not GIFs');
  const text = part.text.trim();
  if (placement === 'spotlight') {
    if (media.kind !== 'video') throw refuse('A Spotlight is a video; post an image as a Story or Saved Story');
    if (text.length > SPOTLIGHT_DESCRIPTION_MAX) throw refuse(`The Spotlight description is ${text.length} characters; the limit is ${SPOTLIGHT_DESCRIPTION_MAX}`);
    return { placement, media, body: text ? { description: text } : {}, droppedText: false };
  }
  if (placement === 'saved_story') {
    const title = (content.title ?? '').trim() || text;
    if (!title) throw refuse('A Saved Story needs a title: give the post a title (or a text)');
    if (title.length > SAVED_STORY_TITLE_MAX) throw refuse(`The Saved Story title is ${title.length} characters; the limit is ${SAVED_STORY_TITLE_MAX}`);
    return { placement, media, body: { title }, droppedText: false };
  }
  return { placement, media, body: {}, droppedText: text.length > 0 };
}

function marker(snapMedia: SnapMedia, stage: 'uploaded' | 'posting'): PublishedPart {
  return { externalId: '', ref: { snapMedia, stage, at: new Date().toISOString() } };
}

async function record(ctx: ProviderContext, part: PublishedPart): Promise<void> {
  await ctx.onPartPublished?.(0, part);
  ctx.previousParts = [part];
}

function profileUrl(ctx: ProviderContext): string | undefined {
  return ctx.account.handle ? `https://www.snapchat.com/add/${encodeURIComponent(ctx.account.handle)}` : undefined;
}

export async function publishPost(ctx: ProviderContext, content: PublishContent): Promise<PublishResult> {
  const plan = planPost(content, ctx.settings);
  const known = ctx.previousParts?.[0];
  if (known?.externalId) return { externalId: known.externalId, url: known.url, parts: [known] };
  const profileId = ctx.account.externalId ?? '';
  const token = readCredentials(ctx.credentials).accessToken;
  const timeoutMs = timeoutOf(ctx.app);
  const api = createSnapApi(ctx.http, timeoutMs, ctx.signal);
  let media = reusable(known, plan.media);
  if (!media) {
    try {
      media = await uploadMedia(api, ctx.app, token, profileId, plan.media, (content.title ?? plan.media.id) || 'Varde', timeoutMs);
    } catch (err) {
      throw toProviderError(err, 'media upload');
    }
    await record(ctx, marker(media, 'uploaded'));
  }
  await record(ctx, marker(media, 'posting'));
  const endpoint = ENDPOINT[plan.placement];
  let res: Record<string, unknown>;
  try {
    res = await api(urlOf(ctx.app, 'api', `/v1/public_profiles/${encodeURIComponent(profileId)}/${endpoint.path}`), { method: 'POST', token, json: { media_id: media.mediaId, ...plan.body }, timeoutMs });
  } catch (err) {
    const pe = toProviderError(err, `posting the ${plan.placement.replace('_', ' ')}`, true);
    if (pe.kind !== 'unknown_outcome') await record(ctx, marker(media, 'uploaded')); // Snap answered: nothing was posted
    throw pe;
  }
  const id = postedId(res, endpoint);
  if (!id) throw new ProviderError('unknown_outcome', `Snap accepted the ${plan.placement.replace('_', ' ')} without saying its id`, { detail: { response: res } });
  const part: PublishedPart = { externalId: id, url: profileUrl(ctx), ref: { placement: plan.placement, mediaId: media.mediaId } };
  await record(ctx, part);
  return { externalId: id, url: part.url, parts: [part], detail: { placement: plan.placement, mediaId: media.mediaId, ...(plan.droppedText ? { captionDropped: true } : {}) } };
}

/** A finalized container of the same file, young enough to post. */
function reusable(part: PublishedPart | undefined, item: MediaItem): SnapMedia | null {
  const m = part?.ref?.snapMedia as SnapMedia | undefined;
  if (!m?.mediaId || m.sha256 !== item.sha256) return null;
  return Date.now() - Date.parse(m.createdAt) < CONTAINER_REUSE_MS ? m : null;
}

/** `{ stories: [{ sub_request_status, story: { id } }] }`, or a bare `{ story: {…} }` / `{ id }`. */
function postedId(res: Record<string, unknown>, e: (typeof ENDPOINT)[Placement]): string | null {
  const list = res[e.plural];
  const first = Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined;
  const entity = (first?.[e.singular] ?? res[e.singular] ?? first ?? res) as Record<string, unknown> | undefined;
  const id = entity?.id ?? entity?.snap_id;
  return typeof id === 'string' && id ? id : null;
}

export async function reconcilePost(ctx: ProviderContext): Promise<ReconcileOutcome> {
  const known = ctx.previousParts?.[0];
  if (known?.externalId) return { status: 'published', result: { externalId: known.externalId, url: known.url, parts: [known] } };
  if (known?.ref?.stage === 'posting') {
    const at = typeof known.ref.at === 'string' ? known.ref.at : 'the last attempt';
    return { status: 'unknown', evidence: `the request to post it (at ${at}) got no answer, and Snap's Public Profile API offers no documented way to look a story up; open the Public Profile ${ctx.account.handle ?? ''} in Snapchat to see whether it is there` };
  }
  return { status: 'not_found' }; // nothing visible was ever requested
}
