/**
 * What one delivery uploads: the video file and its `videos` resource (snippet + status), built
 * from the post (title, description), the target's options and the channel's defaults, and
 * checked against YouTube's documented limits before any call — so a refusal names the field.
 *
 * Target options (`targets[].options`, see docs/networks/youtube.md): privacy, tags, categoryId,
 * madeForKids, notifySubscribers, publishAt, firstComment, containsSyntheticMedia, defaultLanguage.
 */
import type { MediaItem, PublishContent } from '../contract.js';
import { ProviderError } from '../provider-error.js';

export const PRIVACY_STATUSES = ['public', 'unlisted', 'private'] as const;
export type PrivacyStatus = (typeof PRIVACY_STATUSES)[number];
export const DEFAULT_CATEGORY_ID = '22'; // People & Blogs, YouTube's own default for uploads

const TITLE_MAX = 100;
const DESCRIPTION_MAX_BYTES = 5000;
const TAGS_MAX_CHARS = 500;
const COMMENT_MAX_CHARS = 10_000;
const KNOWN_OPTIONS = ['privacy', 'tags', 'categoryId', 'madeForKids', 'notifySubscribers', 'publishAt', 'firstComment', 'containsSyntheticMedia', 'defaultLanguage'];

export interface VideoResource {
  snippet: { title: string; description: string; tags?: string[]; categoryId: string; defaultLanguage?: string };
  status: { privacyStatus: PrivacyStatus; publishAt?: string; selfDeclaredMadeForKids?: boolean; containsSyntheticMedia?: boolean };
}

export interface VideoPlan {
  resource: VideoResource;
  video: MediaItem;
  notifySubscribers: boolean;
  firstComment: string | null;
}

const refuse = (message: string) => new ProviderError('rejected', message);

/** Builds and checks the upload; throws `rejected` naming what to fix. */
export function planVideo(content: PublishContent, settings: Record<string, unknown>, now = new Date()): VideoPlan {
  const options = content.options ?? {};
  const unknown = Object.keys(options).filter((k) => !KNOWN_OPTIONS.includes(k));
  if (unknown.length) throw refuse(`YouTube does not know the option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; use ${KNOWN_OPTIONS.join(', ')}`);
  if (content.parts.length > 1) throw refuse('YouTube has no threads: remove the follow-ups');
  const part = content.parts[0];
  const video = part?.media[0];
  if (!video || video.kind !== 'video' || part.media.length !== 1) throw refuse('A YouTube post is exactly one video');

  const title = (content.title ?? '').trim();
  if (!title) throw refuse('YouTube needs a title');
  if ([...title].length > TITLE_MAX) throw refuse(`The YouTube title is ${[...title].length} characters; the limit is ${TITLE_MAX}`);
  const description = part.text;
  if (Buffer.byteLength(description, 'utf8') > DESCRIPTION_MAX_BYTES) throw refuse(`The YouTube description is ${Buffer.byteLength(description, 'utf8')} bytes; the limit is ${DESCRIPTION_MAX_BYTES}`);
  for (const [field, value] of [['title', title], ['description', description]] as const) {
    if (/[<>]/.test(value)) throw refuse(`YouTube refuses < and > in the ${field}`);
  }

  const privacy = readPrivacy(options.privacy ?? settings.privacyStatus);
  const publishAt = readPublishAt(options.publishAt, now);
  if (publishAt && options.privacy !== undefined && privacy !== 'private') {
    throw refuse('A YouTube video with publishAt must be private until then; leave privacy out or set it to private');
  }
  const tags = readTags(options.tags);
  const categoryId = readCategory(options.categoryId ?? settings.categoryId);
  const resource: VideoResource = {
    snippet: { title, description, categoryId, ...(tags.length ? { tags } : {}) },
    status: { privacyStatus: publishAt ? 'private' : privacy, ...(publishAt ? { publishAt } : {}) },
  };
  if (options.defaultLanguage !== undefined) resource.snippet.defaultLanguage = readLanguage(options.defaultLanguage);
  const madeForKids = readBoolean(options.madeForKids ?? settings.madeForKids, 'madeForKids');
  if (madeForKids !== undefined) resource.status.selfDeclaredMadeForKids = madeForKids;
  const synthetic = readBoolean(options.containsSyntheticMedia, 'containsSyntheticMedia');
  if (synthetic !== undefined) resource.status.containsSyntheticMedia = synthetic;

  return {
    resource,
    video,
    notifySubscribers: readBoolean(options.notifySubscribers, 'notifySubscribers') ?? true,
    firstComment: readFirstComment(options.firstComment),
  };
}

function readPrivacy(value: unknown): PrivacyStatus {
  if (value === undefined || value === null || value === '') return 'public';
  if (typeof value === 'string' && (PRIVACY_STATUSES as readonly string[]).includes(value)) return value as PrivacyStatus;
  throw refuse(`YouTube privacy must be ${PRIVACY_STATUSES.join(', ')} (got ${String(value)})`);
}

function readPublishAt(value: unknown, now: Date): string | undefined {
  if (value === undefined || value === '') return undefined;
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(at) || !/[zZ]|[+-]\d\d:?\d\d$/.test(String(value))) throw refuse('publishAt must be an ISO date-time with an offset, e.g. 2026-12-01T09:00:00Z');
  if (at <= now.getTime()) throw refuse('publishAt is in the past; YouTube only schedules a release in the future');
  return new Date(at).toISOString();
}

/**
 * Tags from "a, b, c". YouTube counts the commas between tags, and a tag with a space as if it
 * were quoted (two more characters), against 500.
 */
export function readTags(value: unknown): string[] {
  if (value === undefined || value === '') return [];
  if (typeof value !== 'string') throw refuse('tags must be text: comma-separated, e.g. "launch, varde"');
  const tags = value.split(',').map((t) => t.trim().replace(/^#/, '')).filter(Boolean);
  const total = tags.reduce((n, t) => n + [...t].length + (t.includes(' ') ? 2 : 0), 0) + Math.max(0, tags.length - 1);
  if (total > TAGS_MAX_CHARS) throw refuse(`The YouTube tags take ${total} characters; the limit is ${TAGS_MAX_CHARS}`);
  if (tags.some((t) => /[<>]/.test(t))) throw refuse('YouTube refuses < and > in tags');
  return tags;
}

function readCategory(value: unknown): string {
  if (value === undefined || value === null || value === '') return DEFAULT_CATEGORY_ID;
  const id = String(value);
  if (!/^\d{1,3}$/.test(id)) throw refuse(`categoryId must be a YouTube video category number such as 22 (got ${id})`);
  return id;
}

function readLanguage(value: unknown): string {
  if (typeof value === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value)) return value;
  throw refuse(`defaultLanguage must be a language code such as en or pt-BR (got ${String(value)})`);
}

function readBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw refuse(`${name} must be true or false (got ${String(value)})`);
}

function readFirstComment(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw refuse('firstComment must be text');
  if ([...value].length > COMMENT_MAX_CHARS) throw refuse(`The first comment is ${[...value].length} characters; YouTube allows ${COMMENT_MAX_CHARS}`);
  return value;
}
