/**
 * Bluesky rich-text facets: links, mentions and hashtags found in a post's text, located by
 * UTF-8 byte offsets (what the network stores), not JavaScript's UTF-16 indices. Detection follows
 * the rules of Bluesky's own client (`@atproto/api` RichText.detectFacets) with two deliberate
 * extensions: bare domains may contain hyphens, and repeated trailing punctuation is trimmed from
 * links. Pure: no Node-only APIs, so the web app can highlight the same spans.
 */
import { TLDS } from './tlds.js';

export interface ByteSlice {
  byteStart: number;
  byteEnd: number;
}

export interface DetectedLink { index: ByteSlice; uri: string }
export interface DetectedMention { index: ByteSlice; handle: string }
export interface DetectedTag { index: ByteSlice; tag: string }

export interface DetectedFacets {
  links: DetectedLink[];
  mentions: DetectedMention[];
  tags: DetectedTag[];
}

export type FacetFeature =
  | { $type: 'app.bsky.richtext.facet#link'; uri: string }
  | { $type: 'app.bsky.richtext.facet#mention'; did: string }
  | { $type: 'app.bsky.richtext.facet#tag'; tag: string };

export interface Facet {
  $type: 'app.bsky.richtext.facet';
  index: ByteSlice;
  features: FacetFeature[];
}

/** Resolves a handle to a DID; null when the handle does not resolve (the mention gets no facet). */
export type ResolveDid = (handle: string) => Promise<string | null>;

const MENTION_REGEX = /(^|\s|\()@([a-zA-Z0-9.-]+)\b/g;
const URL_REGEX =
  /(^|\s|\()((https?:\/\/\S+)|((?<domain>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)\S*))/gim;
// Zero-width characters and U+FE0F (the keycap emoji #️⃣) never belong to a tag.
const TAG_REGEX =
  // eslint-disable-next-line no-misleading-character-class
  /(^|\s)[#＃]((?!\ufe0f)[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]*[^\d\s\p{P}\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]+[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]*)?/gu;
const TRAILING_PUNCTUATION = /\p{P}+$/u;
const MAX_TAG_GRAPHEMES = 64;
const MAX_TAG_BYTES = 640; // the lexicon's other limit, reached first by long emoji sequences

/** Number of UTF-8 bytes in `text` (lone surrogates count as U+FFFD, as TextEncoder encodes them). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function byteSlice(text: string, start: number, end: number): ByteSlice {
  const byteStart = utf8Length(text.slice(0, start));
  return { byteStart, byteEnd: byteStart + utf8Length(text.slice(start, end)) };
}

/** Finds links, mentions and hashtags in `text`, each with its UTF-8 byte range. */
export function detectFacets(text: string): DetectedFacets {
  return { links: detectLinks(text), mentions: detectMentions(text), tags: detectTags(text) };
}

function detectLinks(text: string): DetectedLink[] {
  const links: DetectedLink[] = [];
  for (const match of text.matchAll(URL_REGEX)) {
    const raw = match[2];
    const isBare = !/^https?:\/\//i.test(raw);
    if (isBare && !isValidDomain(match.groups?.domain ?? '')) continue;
    const start = match.index + match[1].length;
    const trimmed = trimLinkEnd(raw);
    if (isBare ? trimmed.length === 0 : !/^https?:\/\/./i.test(trimmed)) continue;
    links.push({
      index: byteSlice(text, start, start + trimmed.length),
      uri: isBare ? `https://${trimmed}` : trimmed,
    });
  }
  return links;
}

/** Drops sentence punctuation and an unbalanced closing parenthesis from a link's end. */
function trimLinkEnd(uri: string): string {
  let out = uri;
  for (;;) {
    if (/[.,;:!?]$/.test(out)) out = out.slice(0, -1);
    else if (out.endsWith(')') && count(out, '(') < count(out, ')')) out = out.slice(0, -1);
    else return out;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function isValidDomain(domain: string): boolean {
  const dot = domain.lastIndexOf('.');
  return dot > 0 && TLDS.has(domain.slice(dot + 1).toLowerCase());
}

function detectMentions(text: string): DetectedMention[] {
  const mentions: DetectedMention[] = [];
  for (const match of text.matchAll(MENTION_REGEX)) {
    const handle = match[2].replace(/[.-]+$/, '');
    if (!isHandle(handle)) continue;
    const start = match.index + match[1].length; // the '@'
    mentions.push({ index: byteSlice(text, start, start + 1 + handle.length), handle: handle.toLowerCase() });
  }
  return mentions;
}

/** A handle is a domain name; `.test` is accepted too, as Bluesky's client does, for local networks. */
function isHandle(handle: string): boolean {
  const labels = handle.split('.');
  if (labels.length < 2 || labels.some((label) => !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(label))) {
    return false;
  }
  return handle.toLowerCase().endsWith('.test') || isValidDomain(handle);
}

function detectTags(text: string): DetectedTag[] {
  const tags: DetectedTag[] = [];
  for (const match of text.matchAll(TAG_REGEX)) {
    if (!match[2]) continue;
    const tag = match[2].trim().replace(TRAILING_PUNCTUATION, '');
    if (tag.length === 0 || graphemeCount(tag) > MAX_TAG_GRAPHEMES || utf8Length(tag) > MAX_TAG_BYTES) continue;
    const start = match.index + match[1].length; // the '#'
    tags.push({ index: byteSlice(text, start, start + 1 + tag.length), tag });
  }
  return tags;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** User-perceived characters, the unit of Bluesky's 300-character limit. */
export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/**
 * The facets to store with a post: detected spans, with each mention's handle resolved to a DID.
 * Mentions whose handle does not resolve are left as plain text; a resolver that throws (network
 * down) fails the whole call, so a post is never published with silently missing mentions.
 * Facets are sorted by position; a span overlapping an earlier one is dropped.
 */
export async function buildFacets(text: string, resolveDid: ResolveDid): Promise<Facet[]> {
  const found = detectFacets(text);
  const handles = [...new Set(found.mentions.map((m) => m.handle))];
  const dids = new Map<string, string | null>();
  await Promise.all(handles.map(async (handle) => dids.set(handle, await resolveDid(handle))));

  const facets: Facet[] = [
    ...found.links.map((l) => facet(l.index, { $type: 'app.bsky.richtext.facet#link', uri: l.uri })),
    ...found.tags.map((t) => facet(t.index, { $type: 'app.bsky.richtext.facet#tag', tag: t.tag })),
  ];
  for (const mention of found.mentions) {
    const did = dids.get(mention.handle);
    if (did) facets.push(facet(mention.index, { $type: 'app.bsky.richtext.facet#mention', did }));
  }
  facets.sort((a, b) => a.index.byteStart - b.index.byteStart);
  let end = -1;
  return facets.filter((f) => {
    if (f.index.byteStart < end) return false;
    end = f.index.byteEnd;
    return true;
  });
}

function facet(index: ByteSlice, feature: FacetFeature): Facet {
  return { $type: 'app.bsky.richtext.facet', index, features: [feature] };
}
