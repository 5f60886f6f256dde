/**
 * The shape of one network's rules. The figures themselves live in `platform-rules.ts`,
 * one registry, so a network changing a limit is a one-line change.
 */
import type { MediaKind } from './content.js';
import type { NetworkSlug } from './networks.js';

/**
 * How a network measures text:
 * - `x-weighted`: twitter-text `parseTweet` (NFC; most Latin 1, CJK and emoji 2, every URL 23).
 * - `bluesky`: grapheme clusters, and separately UTF-8 bytes against `maxBytes`.
 * - `mastodon`: grapheme clusters after every URL becomes 23 characters and `@user@domain` becomes `@user`.
 * - `threads`: code points, except that an emoji counts as many as its UTF-8 bytes.
 * - `graphemes` / `code-points` / `utf16` (UTF-16 code units: an emoji is 2) / `utf8-bytes`.
 */
export type TextCountMethod =
  | 'x-weighted' | 'bluesky' | 'mastodon' | 'threads'
  | 'graphemes' | 'code-points' | 'utf16' | 'utf8-bytes';

export interface TextRules {
  /** What the main text is on this network: YouTube and Pinterest call it a description. */
  role: 'post' | 'caption' | 'description' | 'self-text' | 'message';
  /** Limit of the main text. */
  limit: number;
  method: TextCountMethod;
  /** A second, byte-based ceiling checked as well (Bluesky: 3,000 UTF-8 bytes). */
  maxBytes?: number;
  /** Limit when media is attached and the text becomes a caption (Telegram: 1,024). */
  captionLimit?: number;
  /** Limit when the post is a photo post (TikTok: the description of a photo post). */
  photoPostLimit?: number;
  /** Characters the network refuses outright (YouTube: `<` and `>`). */
  forbiddenCharacters?: readonly string[];
  /** Characters that must be backslash-escaped when sent (LinkedIn). Counted unescaped. */
  reservedCharacters?: readonly string[];
}

export interface TitleRules {
  limit: number;
  method: TextCountMethod;
  required: boolean;
  /** The title only exists on photo posts (TikTok); ignored otherwise. */
  photoPostsOnly?: boolean;
}

/** Per-kind figures; `null` means the network publishes no limit we check. */
export interface PerKind<T> {
  image: T;
  video: T;
  gif: T;
}

export interface MediaRules {
  /** All attachments together. */
  maxItems: number;
  /** Per kind; `0` means the kind is not supported at all. */
  max: PerKind<number>;
  /** Allowed MIME types per kind; `image/*` and `*` wildcards are understood. */
  types: PerKind<readonly string[]>;
  /** Per-file ceiling in bytes. */
  maxBytes: PerKind<number | null>;
  /** Ceiling for all files of one post together (Discord: 25 MiB per request). */
  maxTotalBytes: number | null;
  /** Kinds that must be the only attachment of their post (X: a video or a GIF). */
  alone: readonly MediaKind[];
  videoDurationSec: { min: number; max: number } | null;
  /** Allowed width ÷ height of still images (Instagram 4:5 to 1.91:1). */
  imageAspectRatio: { min: number; max: number } | null;
  /** `any`: no text-only posts; `video`: a post is exactly one video (YouTube). */
  required: 'none' | 'any' | 'video';
  alt: { supported: boolean; limit: number | null; warnWhenMissing: boolean };
}

export interface Capabilities {
  text: boolean;
  /** Most images in one post; 0 when images are not supported. */
  images: number;
  video: boolean;
  /** A link card (or Pin destination) can be attached. */
  link: boolean;
  /** Same as `link`; the name the post checks use when deciding whether to fetch a card. */
  linkCard: boolean;
  /** Follow-ups are posted as a thread / reply chain. */
  thread: boolean;
  /** Varde can post a first comment under the post. */
  firstComment: boolean;
  title: 'required' | 'optional' | 'none';
  board: boolean;
  subreddit: boolean;
  privacy: boolean;
  /** Organic audience targeting (Facebook `targeting`, LinkedIn `targetEntities`). */
  audienceTargeting: boolean;
}

/** Every rule Varde knows for one network. */
export interface PlatformRules {
  network: NetworkSlug;
  text: TextRules;
  title: TitleRules | null;
  /** Limits of fields Varde does not validate yet (YouTube tags, Discord embeds…), kept here so they live in one place. */
  otherLimits: Readonly<Record<string, number>>;
  media: MediaRules;
  hashtags: { max: number; severity: 'error' | 'warning' } | null;
  mentions: { max: number } | null;
  /** Distinct URLs in one post. */
  links: { max: number } | null;
  thread: { supported: boolean };
  linkCard: { supported: boolean; maxLength: number | null };
  capabilities: Capabilities;
}
