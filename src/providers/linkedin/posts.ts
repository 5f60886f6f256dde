/**
 * Building LinkedIn posts: the commentary in LinkedIn's "little text" format (reserved characters
 * backslash-escaped — unescaped they silently cut the text —, hashtags as `{hashtag|\#|tag}`), the
 * content (one image or video, a multi-image, or an article for a link), visibility, organic
 * targeting for pages; and finding a post again among the author's recent posts.
 */
import type { PublishContent } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { withLink } from '../shared/link-text.js';
import { enc, type LinkedInApi } from './client.js';

const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const escapeLittle = (s: string) => s.replace(RESERVED, (c) => `\\${c}`);

/** Plain text → little text: hashtags stay hashtags, every other reserved character is escaped. */
export function toLittleText(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/(^|[^\p{L}\p{N}_&])#([\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu)) {
    const start = m.index! + m[1].length;
    out += escapeLittle(text.slice(last, start)) + `{hashtag|\\#|${escapeLittle(m[2])}}`;
    last = start + 1 + m[2].length;
  }
  return out + escapeLittle(text.slice(last));
}

export interface MediaRef { urn: string; kind: 'image' | 'video' | 'gif'; alt?: string | null }

export interface PostOptions {
  visibility: 'PUBLIC' | 'CONNECTIONS';
  firstComment: string | null;
  targetEntities: Record<string, string[]>[];
  disableReshare: boolean;
}

const list = (v: unknown) => String(v).split(',').map((s) => s.trim()).filter(Boolean);

/** Validated per-target options; organic targeting is for organization pages only. */
export function readOptions(options: PublishContent['options'] = {}, author: string): PostOptions {
  const visibility = String(options.visibility ?? 'PUBLIC').toUpperCase();
  if (visibility !== 'PUBLIC' && visibility !== 'CONNECTIONS') throw new ProviderError('rejected', 'LinkedIn option visibility must be PUBLIC or CONNECTIONS');
  const isOrg = author.startsWith('urn:li:organization:');
  if (visibility === 'CONNECTIONS' && isOrg) throw new ProviderError('rejected', 'A LinkedIn page post is always PUBLIC; CONNECTIONS is for members');
  const target: Record<string, string[]> = {};
  if (options.targetGeos !== undefined) target.geoLocations = list(options.targetGeos);
  if (options.targetIndustries !== undefined) target.industries = list(options.targetIndustries);
  if (options.targetSeniorities !== undefined) target.seniorities = list(options.targetSeniorities);
  const targeted = Object.keys(target).length > 0;
  if (targeted && !isOrg) throw new ProviderError('rejected', 'LinkedIn targeting (targetGeos, targetIndustries, targetSeniorities) is for page posts only');
  if (Object.values(target).flat().some((u) => !/^urn:li:[a-zA-Z]+:[\w-]+$/.test(u))) throw new ProviderError('rejected', 'LinkedIn targeting values must be URNs such as urn:li:geo:103644278');
  const firstComment = options.firstComment === undefined ? null : String(options.firstComment).trim() || null;
  return { visibility, firstComment, targetEntities: targeted ? [target] : [], disableReshare: options.disableReshare === true };
}

/** The body of `POST /rest/posts`. */
export function postBody(author: string, content: PublishContent, media: MediaRef[], opts: PostOptions) {
  const text = content.parts[0].text;
  const link = content.link ?? null;
  const linkInText = media.length > 0 ? withLink(text, link, { blankIsEmpty: false }) : text;
  let body: Record<string, unknown> | undefined;
  if (media.length === 1) body = { media: { id: media[0].urn, ...(media[0].kind === 'video' ? { title: content.title ?? '' } : { altText: media[0].alt ?? '' }) } };
  else if (media.length > 1) body = { multiImage: { images: media.map((m) => ({ id: m.urn, altText: m.alt ?? '' })) } };
  else if (link) body = { article: { source: link, title: content.title?.trim() || new URL(link).hostname } };
  return {
    author, commentary: toLittleText(linkInText), visibility: opts.visibility,
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: opts.targetEntities, thirdPartyDistributionChannels: [] },
    lifecycleState: 'PUBLISHED', isReshareDisabledByAuthor: opts.disableReshare,
    ...(body ? { content: body } : {}),
  };
}

export interface FoundPost { id: string; commentary?: string; createdAt?: number }

/** The author's post with this commentary created at or after `since`, or undefined. */
export async function findPost(api: LinkedInApi, author: string, commentary: string, since: Date | null): Promise<FoundPost | undefined> {
  const res = await api<{ elements?: FoundPost[] }>('GET', '/rest/posts', { query: `q=author&author=${enc(author)}&count=50&sortBy=CREATED` });
  return (res.body.elements ?? []).find((p) => p.commentary === commentary && (!since || (p.createdAt ?? 0) >= since.getTime()));
}

export const postUrl = (urn: string) => `https://www.linkedin.com/feed/update/${urn}/`;

export function lookupSince(content: PublishContent): Date | null {
  return content.meta.dueAt ? new Date(Date.parse(content.meta.dueAt) - 5 * 60_000) : null;
}
