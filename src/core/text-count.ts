/**
 * Counting post text the way each network counts it, for the live counter in the composer and
 * for validation before saving. Each network's method is named in the platform rules registry;
 * this module implements the methods.
 */
import twitterText from 'twitter-text';
import type { MediaKind } from './content.js';
import type { NetworkSlug } from './networks.js';
import { PLATFORM_RULES } from './platform-rules.js';
import type { PlatformRules, TextCountMethod } from './platform-rules-types.js';
import { findUrls } from './text-entities.js';
import {
  countCodePoints, countGraphemes, countUtf16Units, countUtf8Bytes, isEmojiGrapheme, splitGraphemes,
} from './text-units.js';
import { formatCount } from './format-units.js';

export type TextUnit = 'characters' | 'graphemes' | 'bytes' | 'weighted characters';

/** One measure of a text against one ceiling. */
export interface TextMeasure {
  count: number;
  limit: number;
  unit: TextUnit;
}

/** The main measure, short English notes on how it was counted, and further ceilings checked too. */
export interface TextCount extends TextMeasure {
  notes: string[];
  /** Other ceilings the same text must also fit (Bluesky: 3,000 UTF-8 bytes). */
  also: TextMeasure[];
}

export interface CountTextOptions {
  /** The network's live text limit when it publishes one (Mastodon instance `max_characters`). */
  maxCharacters?: number;
  /** Attached media: a Telegram text with media is a caption, a TikTok photo post has a longer description. */
  media?: readonly { kind: MediaKind }[];
}

/** Every URL counts this much on X and Mastodon, whatever its real length. */
export const URL_WEIGHT = 23;

const UNIT_OF: Record<TextCountMethod, TextUnit> = {
  'x-weighted': 'weighted characters',
  bluesky: 'graphemes',
  mastodon: 'graphemes',
  threads: 'characters',
  graphemes: 'graphemes',
  'code-points': 'characters',
  utf16: 'characters',
  'utf8-bytes': 'bytes',
};

/**
 * Counts `text` as `network` counts it, against the limit that applies (caption, photo post or
 * the live instance limit when given). LinkedIn counts the text before `escapeLinkedInText`.
 */
export function countText(network: NetworkSlug, text: string, opts: CountTextOptions = {}): TextCount {
  const rules = PLATFORM_RULES[network];
  const { limit, notes: limitNotes } = pickTextLimit(rules, opts);
  const { count, unit, notes } = measureText(text, rules.text.method);
  const also: TextMeasure[] = [];
  if (rules.text.maxBytes !== undefined) {
    also.push({ count: countUtf8Bytes(text), limit: rules.text.maxBytes, unit: 'bytes' });
  }
  return { count, limit, unit, notes: [...notes, ...limitNotes], also };
}

/** Counts a title (YouTube, Pinterest, Reddit, TikTok photo posts); `null` where there is none. */
export function countTitle(network: NetworkSlug, title: string): TextMeasure | null {
  const rules = PLATFORM_RULES[network].title;
  if (!rules) return null;
  const { count, unit } = measureText(title, rules.method);
  return { count, limit: rules.limit, unit };
}

/** True when the main measure and every further one fit. */
export function fitsTextLimits(result: TextCount): boolean {
  return [result, ...result.also].every((measure) => measure.count <= measure.limit);
}

function pickTextLimit(rules: PlatformRules, opts: CountTextOptions): { limit: number; notes: string[] } {
  const media = opts.media ?? [];
  const { captionLimit, photoPostLimit } = rules.text;
  if (captionLimit !== undefined && media.length > 0) {
    return { limit: captionLimit, notes: [`a caption with media is limited to ${formatCount(captionLimit)}`] };
  }
  if (photoPostLimit !== undefined && media.length > 0 && media.every((m) => m.kind === 'image')) {
    return { limit: photoPostLimit, notes: [] };
  }
  return { limit: opts.maxCharacters ?? rules.text.limit, notes: [] };
}

/** Measures `text` by one counting method (see `TextCountMethod`), with notes for the reader. */
export function measureText(text: string, method: TextCountMethod): { count: number; unit: TextUnit; notes: string[] } {
  const unit = UNIT_OF[method];
  switch (method) {
    case 'x-weighted': return { unit, ...countXText(text) };
    case 'mastodon': return { unit, ...countMastodonText(text) };
    case 'threads': return { unit, ...countThreadsText(text) };
    case 'bluesky':
    case 'graphemes': return { unit, count: countGraphemes(text), notes: [] };
    case 'code-points': return { unit, count: countCodePoints(text), notes: [] };
    case 'utf16': return { unit, count: countUtf16Units(text), notes: [] };
    case 'utf8-bytes': return { unit, count: countUtf8Bytes(text), notes: [] };
  }
}

const X_CONFIG = twitterText.configs.defaults;

/** X: twitter-text's weighted length (NFC; CJK and emoji 2; a URL 23). */
export function countXText(text: string): { count: number; notes: string[] } {
  const count = twitterText.parseTweet(text, X_CONFIG).weightedLength;
  const notes: string[] = [];
  const urls = findUrls(text);
  if (urls.length > 0) notes.push(`links count as ${URL_WEIGHT}`);
  if (hasDoubleWeightCharacters(text, urls)) notes.push('emoji and CJK characters count as 2');
  return { count, notes };
}

function hasDoubleWeightCharacters(text: string, urls: readonly { start: number; end: number }[]): boolean {
  let rest = text;
  for (const { start, end } of [...urls].reverse()) rest = rest.slice(0, start) + rest.slice(end);
  for (const char of rest.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    const light = X_CONFIG.ranges.some((range) => code >= range.start && code <= range.end && range.weight <= X_CONFIG.scale);
    if (!light) return true;
  }
  return false;
}

// Mastodon's Account::MENTION_RE: `@user` or `@user@domain`; only `@user` is counted.
const MASTODON_MENTION = /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(@[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*)?/giu;

/**
 * Mastodon (StatusLengthValidator): grapheme clusters after each URL with a scheme becomes
 * 23 characters and each remote mention `@user@domain` becomes `@user`.
 */
export function countMastodonText(text: string): { count: number; notes: string[] } {
  const urls = findUrls(text, { withoutProtocol: false });
  let withoutUrls = text;
  for (const { start, end } of [...urls].reverse()) {
    withoutUrls = withoutUrls.slice(0, start) + 'x'.repeat(URL_WEIGHT) + withoutUrls.slice(end);
  }
  let remote = false;
  const countable = withoutUrls.replace(MASTODON_MENTION, (_whole, user: string, domain?: string) => {
    if (domain) remote = true;
    return `@${user}`;
  });
  const notes: string[] = [];
  if (urls.length > 0) notes.push(`links count as ${URL_WEIGHT}`);
  if (remote) notes.push('a remote mention counts only its @user part');
  return { count: countGraphemes(countable), notes };
}

/**
 * Threads: "Emojis are counted as the number of UTF-8 bytes" (Threads API docs). Varde counts
 * one per code point, except that a grapheme cluster holding an emoji (pictograph, flag, keycap,
 * with its ZWJ/skin-tone/variation parts) counts its whole UTF-8 byte length: 😀 = 4, ❤️ = 6,
 * 👍🏽 = 8, 👨‍👩‍👧‍👦 = 25. Code points rather than graphemes for other text errs on the safe side.
 */
export function countThreadsText(text: string): { count: number; notes: string[] } {
  let count = 0;
  let sawEmoji = false;
  for (const grapheme of splitGraphemes(text)) {
    if (isEmojiGrapheme(grapheme)) {
      sawEmoji = true;
      count += countUtf8Bytes(grapheme);
    } else {
      count += countCodePoints(grapheme);
    }
  }
  return { count, notes: sawEmoji ? ['emoji count as their UTF-8 bytes'] : [] };
}

const LINKEDIN_RESERVED = new RegExp(
  `[${PLATFORM_RULES.linkedin.text.reservedCharacters!.map((c) => `\\${c}`).join('')}]`, 'g',
);

/**
 * Backslash-escapes LinkedIn's reserved characters (``\ | { } @ [ ] ( ) < > # * _ ~``) for the
 * `commentary` field; unescaped, LinkedIn silently cuts the text. Mention and hashtag markup
 * (`@[Name](urn)`, `{hashtag|\#|tag}`) must be added after escaping the plain text around it.
 */
export function escapeLinkedInText(text: string): string {
  return text.replace(LINKEDIN_RESERVED, '\\$&');
}
