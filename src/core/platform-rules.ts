/**
 * The platform rules registry: every limit Varde checks, for every network, in one place
 * (source: /work/shared/PLATFORMS.md). Figures marked `(?)` could not be confirmed from a
 * primary source. Where a network publishes live limits (Mastodon instance config, Bluesky
 * `getUploadLimits`…) the caller passes them in as options; these are the defaults.
 * Sizes: "MB" figures are decimal (conservative); MiB figures are the networks' own binary ones.
 */
import type { NetworkSlug } from './networks.js';
import type { Capabilities, MediaRules, PlatformRules } from './platform-rules-types.js';

export type * from './platform-rules-types.js';

const MB = 1_000_000;
const MiB = 1024 * 1024;
const GB = 1_000_000_000;

const JPEG = 'image/jpeg';
const PNG = 'image/png';
const WEBP = 'image/webp';
const GIF = 'image/gif';
const MP4 = 'video/mp4';
const MOV = 'video/quicktime';
const WEBM = 'video/webm';

type MediaInput = Pick<MediaRules, 'maxItems' | 'max' | 'types'> & Partial<MediaRules>;

/** Media rules with the permissive defaults filled in. */
function defineMedia(input: MediaInput): MediaRules {
  return {
    maxBytes: { image: null, video: null, gif: null },
    maxTotalBytes: null,
    alone: [],
    videoDurationSec: null,
    imageAspectRatio: null,
    required: 'none',
    alt: { supported: false, limit: null, warnWhenMissing: false },
    ...input,
  };
}

/** Alt text the network accepts; Varde warns when it is missing. */
function altText(limit: number | null): MediaRules['alt'] {
  return { supported: true, limit, warnWhenMissing: true };
}

type Flags = Pick<Capabilities, 'firstComment' | 'board' | 'subreddit' | 'privacy' | 'audienceTargeting'>;
type RulesInput = Pick<PlatformRules, 'text' | 'media'> &
  Partial<Omit<PlatformRules, 'network' | 'capabilities' | 'text' | 'media'>> & { flags?: Partial<Flags> };

/** Fills defaults and derives `capabilities` from the limits, so each fact is stated once. */
function defineRules(network: NetworkSlug, input: RulesInput): PlatformRules {
  const { flags, ...rest } = input;
  const rules: Omit<PlatformRules, 'capabilities'> = {
    network,
    title: null,
    otherLimits: {},
    hashtags: null,
    mentions: null,
    links: null,
    thread: { supported: false },
    linkCard: { supported: true, maxLength: null },
    ...rest,
  };
  const capabilities: Capabilities = {
    text: true,
    images: rules.media.max.image,
    video: rules.media.max.video > 0,
    link: rules.linkCard.supported,
    linkCard: rules.linkCard.supported,
    thread: rules.thread.supported,
    firstComment: false,
    title: rules.title ? (rules.title.required ? 'required' : 'optional') : 'none',
    board: false,
    subreddit: false,
    privacy: false,
    audienceTargeting: false,
    ...flags,
  };
  return { ...rules, capabilities };
}

export const PLATFORM_RULES: Record<NetworkSlug, PlatformRules> = {
  x: defineRules('x', {
    text: { role: 'post', limit: 280, method: 'x-weighted' },
    media: defineMedia({
      maxItems: 4,
      max: { image: 4, gif: 1, video: 1 },
      types: { image: [JPEG, PNG, WEBP], gif: [GIF], video: [MP4, MOV] },
      maxBytes: { image: 5 * MB, gif: 15 * MB, video: 512 * MB },
      alone: ['video', 'gif'],
      videoDurationSec: { min: 0.5, max: 140 },
      alt: altText(1000),
    }),
    thread: { supported: true },
  }),

  facebook: defineRules('facebook', {
    text: { role: 'post', limit: 63_206, method: 'utf16' }, // (?) limit and counting unit
    media: defineMedia({
      maxItems: 10, // (?) attached_media has no documented ceiling
      max: { image: 10, gif: 1, video: 1 },
      types: { image: [JPEG, PNG, 'image/bmp', 'image/tiff'], gif: [GIF], video: [MP4, MOV] },
      maxBytes: { image: 4 * MB, gif: 4 * MB, video: 10 * GB }, // (?) all three
      alone: ['video'],
      videoDurationSec: { min: 1, max: 240 * 60 }, // (?)
      alt: altText(null),
    }),
    flags: { firstComment: true, audienceTargeting: true },
  }),

  instagram: defineRules('instagram', {
    text: { role: 'caption', limit: 2200, method: 'utf16' }, // (?) counting unit
    hashtags: { max: 30, severity: 'error' }, // (?) 5 was announced in Dec 2025
    mentions: { max: 20 },
    media: defineMedia({
      maxItems: 10,
      max: { image: 10, gif: 0, video: 10 },
      types: { image: [JPEG], gif: [], video: [MP4, MOV] },
      maxBytes: { image: 8 * MB, gif: null, video: 300 * MB }, // (?) video: 300 MB, newer pages say 1 GB
      videoDurationSec: { min: 3, max: 15 * 60 },
      imageAspectRatio: { min: 4 / 5, max: 1.91 },
      required: 'any',
      alt: altText(null),
    }),
    linkCard: { supported: false, maxLength: null },
    flags: { firstComment: true },
  }),

  threads: defineRules('threads', {
    text: { role: 'post', limit: 500, method: 'threads' },
    links: { max: 5 },
    media: defineMedia({
      maxItems: 20, // (?)
      max: { image: 20, gif: 0, video: 20 },
      types: { image: [JPEG, PNG], gif: [], video: [MP4, MOV] },
      maxBytes: { image: 8 * MB, gif: null, video: 1 * GB }, // (?) video size
      videoDurationSec: { min: 0, max: 5 * 60 },
      alt: altText(null),
    }),
    thread: { supported: true },
  }),

  linkedin: defineRules('linkedin', {
    text: {
      role: 'post', limit: 3000, method: 'utf16', // (?) counting unit
      reservedCharacters: ['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~'],
    },
    media: defineMedia({
      maxItems: 20,
      max: { image: 20, gif: 1, video: 1 },
      types: { image: [JPEG, PNG], gif: [GIF], video: [MP4] },
      maxBytes: { image: null, gif: null, video: 500 * MB }, // (?) images are limited in pixels, not bytes
      alone: ['video', 'gif'],
      videoDurationSec: { min: 3, max: 30 * 60 }, // (?) minimum
      alt: altText(4086), // (?)
    }),
    flags: { firstComment: true, audienceTargeting: true },
  }),

  youtube: defineRules('youtube', {
    text: { role: 'description', limit: 5000, method: 'utf8-bytes', forbiddenCharacters: ['<', '>'] },
    title: { limit: 100, method: 'code-points', required: true },
    otherLimits: { tagsTotalCharacters: 500 },
    media: defineMedia({
      maxItems: 1,
      max: { image: 0, gif: 0, video: 1 },
      types: {
        image: [], gif: [],
        video: [MP4, MOV, WEBM, 'video/x-msvideo', 'video/x-matroska', 'video/mpeg', 'video/3gpp', 'video/x-flv'],
      },
      maxBytes: { image: null, gif: null, video: 256 * GB },
      videoDurationSec: { min: 0, max: 12 * 3600 },
      required: 'video',
    }),
    linkCard: { supported: false, maxLength: null },
    flags: { firstComment: true, privacy: true },
  }),

  pinterest: defineRules('pinterest', {
    text: { role: 'description', limit: 800, method: 'utf16' }, // the UI shows 500; unit (?)
    title: { limit: 100, method: 'utf16', required: false },
    media: defineMedia({
      maxItems: 5,
      max: { image: 5, gif: 1, video: 1 }, // (?) GIF
      types: { image: [JPEG, PNG, WEBP], gif: [GIF], video: [MP4, MOV, 'video/x-m4v'] },
      maxBytes: { image: 20 * MB, gif: 20 * MB, video: 2 * GB }, // (?) all three
      alone: ['video', 'gif'],
      videoDurationSec: { min: 4, max: 15 * 60 }, // (?)
      required: 'any',
      alt: altText(500),
    }),
    linkCard: { supported: true, maxLength: 2048 },
    flags: { board: true },
  }),

  tiktok: defineRules('tiktok', {
    text: { role: 'caption', limit: 2200, method: 'utf16', photoPostLimit: 4000 }, // (?) 2,200; TikTok counts UTF-16 runes
    title: { limit: 90, method: 'utf16', required: false, photoPostsOnly: true },
    media: defineMedia({
      maxItems: 35, // (?)
      max: { image: 35, gif: 0, video: 1 },
      types: { image: [JPEG, WEBP], gif: [], video: [MP4, WEBM, MOV] },
      maxBytes: { image: 20 * MB, gif: null, video: 4 * GB }, // (?) image size
      alone: ['video'],
      videoDurationSec: { min: 3, max: 10 * 60 },
      required: 'any',
    }),
    linkCard: { supported: false, maxLength: null },
    flags: { privacy: true },
  }),

  snapchat: defineRules('snapchat', {
    text: { role: 'caption', limit: 160, method: 'utf16' }, // (?) conservative; no published API figure
    media: defineMedia({
      maxItems: 1,
      max: { image: 1, gif: 0, video: 1 },
      types: { image: [JPEG, PNG], gif: [], video: [MP4] }, // (?)
      maxBytes: { image: 20 * MB, gif: null, video: 300 * MB }, // (?)
      videoDurationSec: { min: 5, max: 60 }, // (?) Spotlight
      required: 'any',
    }),
    linkCard: { supported: false, maxLength: null },
  }),

  bluesky: defineRules('bluesky', {
    text: { role: 'post', limit: 300, method: 'bluesky', maxBytes: 3000 },
    hashtags: { max: 8, severity: 'warning' },
    media: defineMedia({
      maxItems: 4,
      max: { image: 4, gif: 0, video: 1 }, // GIFs go up as MP4 video (?)
      types: { image: [JPEG, PNG, WEBP], gif: [], video: [MP4] },
      maxBytes: { image: 2_000_000, gif: null, video: 300 * MB },
      alone: ['video'],
      videoDurationSec: { min: 0, max: 180 }, // (?) read getUploadLimits at run time
      alt: altText(2000), // (?) the official app's limit
    }),
    thread: { supported: true },
  }),

  mastodon: defineRules('mastodon', {
    text: { role: 'post', limit: 500, method: 'mastodon' }, // instance max_characters overrides
    media: defineMedia({
      maxItems: 4,
      max: { image: 4, gif: 4, video: 1 }, // a GIF becomes a `gifv`, which may sit beside images
      types: {
        image: [JPEG, PNG, WEBP, 'image/heic', 'image/heif', 'image/avif'],
        gif: [GIF],
        video: [MP4, MOV, WEBM],
      },
      maxBytes: { image: 16 * MiB, gif: 16 * MiB, video: 99 * MiB },
      alone: ['video'],
      alt: altText(1500),
    }),
    thread: { supported: true },
  }),

  telegram: defineRules('telegram', {
    text: { role: 'message', limit: 4096, method: 'utf16', captionLimit: 1024 }, // (?) unit
    media: defineMedia({
      maxItems: 10,
      max: { image: 10, gif: 1, video: 10 },
      types: { image: [JPEG, PNG, WEBP], gif: [GIF, MP4], video: [MP4, MOV] },
      maxBytes: { image: 10 * MB, gif: 50 * MB, video: 50 * MB },
      alone: ['gif'],
    }),
    thread: { supported: true },
  }),

  discord: defineRules('discord', {
    text: { role: 'message', limit: 2000, method: 'code-points' }, // (?) unit
    otherLimits: { embeds: 10, embedCharactersTotal: 6000 },
    media: defineMedia({
      maxItems: 10,
      max: { image: 10, gif: 10, video: 10 },
      types: { image: ['image/*'], gif: [GIF], video: ['video/*'] },
      maxBytes: { image: 10 * MiB, gif: 10 * MiB, video: 10 * MiB },
      maxTotalBytes: 25 * MiB,
      alt: altText(1024), // (?) attachment `description`
    }),
    thread: { supported: true },
  }),

  reddit: defineRules('reddit', {
    text: { role: 'self-text', limit: 40_000, method: 'code-points' }, // (?)
    title: { limit: 300, method: 'code-points', required: true },
    media: defineMedia({
      maxItems: 20, // (?) gallery
      max: { image: 20, gif: 1, video: 1 },
      types: { image: [JPEG, PNG], gif: [GIF], video: [MP4, MOV] },
      maxBytes: { image: 20 * MB, gif: 100 * MB, video: 1 * GB }, // (?) all three
      alone: ['video', 'gif'],
      videoDurationSec: { min: 0, max: 15 * 60 }, // (?)
    }),
    flags: { firstComment: true, subreddit: true },
  }),

  webhook: defineRules('webhook', {
    text: { role: 'message', limit: 100_000, method: 'code-points' }, // Varde's own generous ceiling
    media: defineMedia({
      maxItems: 10,
      max: { image: 10, gif: 10, video: 10 },
      types: { image: ['*'], gif: ['*'], video: ['*'] },
      alt: { supported: true, limit: null, warnWhenMissing: false },
    }),
    thread: { supported: true },
  }),
};

/** The rules of one network. */
export function getPlatformRules(network: NetworkSlug): PlatformRules {
  return PLATFORM_RULES[network];
}
