/**
 * What an Instagram post may be, checked before any call, and the per-target options it reads:
 * - `firstComment`: a comment the account adds under its post right after publishing;
 * - `story`: `true` publishes the one image or video as a Story (no caption) instead of a feed post;
 * - `shareToFeed`: for a Reel, `false` keeps it in the Reels tab only (default `true`);
 * - `thumbOffset`: for a Reel, the frame (ms from the start) used as its cover;
 * - `locationId`: a Facebook Page id of a place, tagged as the post's location;
 * - `collaborators`: up to 3 usernames invited as collaborators, comma-separated.
 */
import type { PublishContent } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { withLink } from '../shared/link-text.js';

export const INSTAGRAM_OPTIONS = ['firstComment', 'story', 'shareToFeed', 'thumbOffset', 'locationId', 'collaborators'] as const;
export const MAX_CAROUSEL = 10;

export interface InstagramOptions {
  firstComment: string | null;
  story: boolean;
  shareToFeed: boolean;
  thumbOffset: number | null;
  locationId: string | null;
  collaborators: string[] | null;
}

const bool = (name: string, v: unknown, dflt: boolean) => {
  if (v === undefined) return dflt;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new ProviderError('rejected', `Instagram option ${name} must be true or false`);
};

export function readInstagramOptions(content: PublishContent): InstagramOptions {
  const o = content.options ?? {};
  const unknown = Object.keys(o).filter((k) => !(INSTAGRAM_OPTIONS as readonly string[]).includes(k));
  if (unknown.length) throw new ProviderError('rejected', `Instagram does not know the option(s) ${unknown.join(', ')}; use ${INSTAGRAM_OPTIONS.join(', ')}`);
  if (o.firstComment !== undefined && (typeof o.firstComment !== 'string' || !o.firstComment.trim())) throw new ProviderError('rejected', 'Instagram option firstComment must be non-empty text');
  const thumb = o.thumbOffset === undefined ? null : Number(o.thumbOffset);
  if (thumb !== null && (!Number.isInteger(thumb) || thumb < 0)) throw new ProviderError('rejected', 'Instagram option thumbOffset must be milliseconds from the start (a whole number)');
  if (o.locationId !== undefined && !/^\d+$/.test(String(o.locationId))) throw new ProviderError('rejected', 'Instagram option locationId must be the numeric id of a place');
  const collaborators = o.collaborators === undefined ? null : String(o.collaborators).split(',').map((s) => s.trim().replace(/^@/, '')).filter(Boolean);
  if (collaborators && (collaborators.length === 0 || collaborators.length > 3)) throw new ProviderError('rejected', 'Instagram option collaborators takes 1 to 3 usernames');
  return {
    firstComment: typeof o.firstComment === 'string' ? o.firstComment : null,
    story: bool('story', o.story, false),
    shareToFeed: bool('shareToFeed', o.shareToFeed, true),
    thumbOffset: thumb,
    locationId: o.locationId === undefined ? null : String(o.locationId),
    collaborators,
  };
}

/** The caption: the text, with the link added (Instagram makes no link card and links in captions are not clickable). */
export function captionOf(content: PublishContent): string {
  return withLink(content.parts[0]?.text ?? '', content.link, { blankIsEmpty: false });
}

export function checkInstagramContent(content: PublishContent): InstagramOptions {
  if (content.parts.length !== 1) throw new ProviderError('rejected', 'An Instagram post has no thread: remove the follow-ups (use the firstComment option for a comment under it)');
  const options = readInstagramOptions(content);
  const media = content.parts[0].media;
  if (media.length === 0) throw new ProviderError('rejected', 'Instagram has no text-only posts: add an image or a video');
  if (media.length > MAX_CAROUSEL) throw new ProviderError('rejected', `An Instagram carousel holds at most ${MAX_CAROUSEL} items`);
  if (media.some((m) => m.kind === 'gif')) throw new ProviderError('rejected', 'Instagram does not take GIFs: convert it to a video');
  if (options.story && media.length > 1) throw new ProviderError('rejected', 'An Instagram Story carries one image or video');
  return options;
}
