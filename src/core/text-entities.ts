/**
 * Finding links, hashtags and @-mentions in post text, for the networks that limit or
 * re-count them. URLs come from the official `twitter-text` extractor so that X, Mastodon
 * and Threads agree on what a link is.
 */
import twitterText from 'twitter-text';

/** A piece of text found at `[start, end)` (UTF-16 indices). */
export interface TextEntity {
  text: string;
  start: number;
  end: number;
}

/**
 * Links in `text`. `withoutProtocol: true` also finds bare domains (`example.com`), as X
 * and Threads do; Mastodon only links URLs that start with a scheme.
 */
export function findUrls(text: string, { withoutProtocol = true } = {}): TextEntity[] {
  return twitterText
    .extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: withoutProtocol })
    .map(({ url, indices: [start, end] }) => ({ text: url, start, end }));
}

/** Distinct links, compared without a trailing slash and case-insensitively in the host. */
export function countDistinctUrls(text: string, extra: readonly string[] = []): number {
  const urls = [...findUrls(text).map((entity) => entity.text), ...extra];
  return new Set(urls.map(normalizeUrlForCount)).size;
}

function normalizeUrlForCount(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '').toLowerCase();
}

// `#tag` not glued to a preceding word, `&` (HTML entity) or `/` (URL fragment); not all digits.
const HASHTAG = /(?<![\p{L}\p{N}\p{M}_&/#＃])[#＃](?!\uFE0F|\u20E3)([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*)/gu;

/** Hashtags in `text`, without the `#`, in order (repeats included). */
export function findHashtags(text: string): string[] {
  const withoutUrls = blankOut(text, findUrls(text));
  return Array.from(withoutUrls.matchAll(HASHTAG), (match) => match[1]);
}

// `@name` not glued to a preceding word or dot, so `me@example.com` is not a mention.
const MENTION = /(?<![\p{L}\p{N}_.@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)/gu;

/** @-mentions in `text`, without the `@`, in order (repeats included). */
export function findMentions(text: string): string[] {
  const withoutUrls = blankOut(text, findUrls(text));
  return Array.from(withoutUrls.matchAll(MENTION), (match) => match[1]);
}

/** Replaces each entity by spaces of the same length, keeping other indices valid. */
export function blankOut(text: string, entities: readonly TextEntity[]): string {
  let result = text;
  for (const { start, end } of entities) {
    result = result.slice(0, start) + ' '.repeat(end - start) + result.slice(end);
  }
  return result;
}
