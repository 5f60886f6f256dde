/**
 * The composer's draft: what the user is writing, kept in this browser while they write (so
 * closing the tab loses nothing), and turned into the API's post input when saved.
 */
import { DateTime } from 'luxon';
import type { NetworkSlug } from '../../../../src/core/networks';
import type { Media, PostDetail, PostInput } from '../../api/types';
import { browserZone } from '../../i18n/format';

export interface DraftMedia {
  mediaId: string;
  alt: string;
  kind: Media['kind'];
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  filename: string | null;
}

/** One follow-up of the thread: its text and its own images and videos. */
export interface DraftFollowup {
  text: string;
  media: DraftMedia[];
}

export type When = 'at' | 'queue' | 'now';

export interface ComposerDraft {
  version: 1;
  postId: string | null;
  text: string;
  link: string;
  media: DraftMedia[];
  followups: DraftFollowup[];
  channelIds: string[];
  /** Channel id → the text that replaces the base text there. */
  overrides: Record<string, string>;
  /** Channel id → the images and videos (order, alt text) that replace the base ones there. */
  mediaOverrides?: Record<string, DraftMedia[]>;
  /** Channel id → the follow-ups that replace the base thread there. */
  followupOverrides?: Record<string, DraftFollowup[]>;
  /** The campaign the post belongs to (absent in drafts stored before campaigns existed). */
  campaignId?: string | null;
  /** Networks not connected here that the text is checked against anyway. */
  checkNetworks: NetworkSlug[];
  when: When;
  date: string;
  time: string;
  timezone: string;
  updatedAt: number;
}

/** The next whole hour from now (at least 30 minutes ahead), in the browser's zone. */
function defaultTime(): DateTime {
  return DateTime.local().plus({ minutes: 30 }).startOf('hour').plus({ hours: 1 });
}

export function emptyDraft(prefill: { channelId?: string | null; at?: string | null } = {}): ComposerDraft {
  const zone = browserZone();
  const at = prefill.at ? DateTime.fromISO(prefill.at, { zone }) : defaultTime();
  return {
    version: 1, postId: null, text: '', link: '', media: [], followups: [], overrides: {}, checkNetworks: [],
    channelIds: prefill.channelId ? [prefill.channelId] : [],
    when: 'at', date: at.toISODate()!, time: at.toFormat('HH:mm'), timezone: zone, updatedAt: 0,
  };
}

export function isBlank(d: ComposerDraft): boolean {
  return d.text.trim() === '' && d.media.length === 0 && d.link.trim() === '' && d.followups.every(isBlankFollowup) && Object.keys(d.overrides).length === 0
    && Object.keys(d.mediaOverrides ?? {}).length === 0 && Object.keys(d.followupOverrides ?? {}).length === 0;
}

export const isBlankFollowup = (f: DraftFollowup) => f.text.trim() === '' && f.media.length === 0;

export function mediaFromApi(m: Media, alt = ''): DraftMedia {
  return { mediaId: m.id, alt, kind: m.kind, mime: m.mime, size: m.size, width: m.width, height: m.height, filename: m.filename };
}

/** A saved post as a draft to edit. */
export function draftFromPost(post: PostDetail, media: Map<string, Media>): ComposerDraft {
  const zone = browserZone();
  const at = post.scheduledAt ? DateTime.fromISO(post.scheduledAt, { zone }) : defaultTime();
  const live = post.deliveries.filter((d) => d.state !== 'cancelled' && d.state !== 'deleted');
  const overrides: Record<string, string> = {};
  const mediaOverrides: Record<string, DraftMedia[]> = {};
  const followupOverrides: Record<string, DraftFollowup[]> = {};
  const toDraftMedia = (refs: { mediaId: string; alt?: string | null }[]) => refs.flatMap((ref) => { const m = media.get(ref.mediaId); return m ? [mediaFromApi(m, ref.alt ?? '')] : []; });
  const toDraftFollowups = (list: { text: string; media?: { mediaId: string; alt?: string | null }[] }[]) => list.map((f) => ({ text: f.text, media: toDraftMedia(f.media ?? []) }));
  for (const d of live) {
    if (typeof d.override.text === 'string') overrides[d.channelId] = d.override.text;
    if (d.override.media) mediaOverrides[d.channelId] = toDraftMedia(d.override.media);
    if (d.override.followups) followupOverrides[d.channelId] = toDraftFollowups(d.override.followups);
  }
  return {
    version: 1, postId: post.id, text: post.content.text, link: post.content.link ?? '',
    media: toDraftMedia(post.content.media),
    followups: toDraftFollowups(post.content.followups), channelIds: live.map((d) => d.channelId), overrides, mediaOverrides, followupOverrides, checkNetworks: [], campaignId: post.campaignId,
    when: 'at', date: at.toISODate()!, time: at.toFormat('HH:mm'), timezone: zone, updatedAt: Date.parse(post.updatedAt),
  };
}

export type SaveMode = 'draft' | When;

const mediaInput = (media: DraftMedia[]) => media.map((m) => ({ mediaId: m.mediaId, alt: m.alt.trim() || null }));
const followupsInput = (followups: DraftFollowup[]) => followups.filter((f) => !isBlankFollowup(f)).map((f) => ({ text: f.text, media: mediaInput(f.media) }));

/** One target: the channel, and whatever its tab overrides. */
function targetInput(d: ComposerDraft, channelId: string): NonNullable<PostInput['targets']>[number] {
  const target: NonNullable<PostInput['targets']>[number] = { channelId };
  if (channelId in d.overrides) target.text = d.overrides[channelId];
  const media = d.mediaOverrides?.[channelId];
  if (media) target.media = mediaInput(media);
  const followups = d.followupOverrides?.[channelId];
  if (followups) target.followups = followupsInput(followups);
  return target;
}

export function toPostInput(d: ComposerDraft, mode: SaveMode): PostInput {
  const schedule: PostInput['schedule'] =
    mode === 'draft' ? { mode: 'draft' } : mode === 'at' ? { mode: 'at', localTime: `${d.date}T${d.time}`, timezone: d.timezone } : { mode };
  return {
    text: d.text,
    media: mediaInput(d.media),
    link: d.link.trim() || null,
    followups: followupsInput(d.followups),
    targets: d.channelIds.map((channelId) => targetInput(d, channelId)),
    schedule,
    campaignId: d.campaignId ?? null,
  };
}

const storageKey = (workspaceId: string, postId: string | null) => `varde.draft.${workspaceId}.${postId ?? 'new'}`;

export function loadSaved(workspaceId: string, postId: string | null): ComposerDraft | null {
  try {
    const raw = localStorage.getItem(storageKey(workspaceId, postId));
    const d = raw ? (JSON.parse(raw) as ComposerDraft) : null;
    return d && d.version === 1 ? withFollowupMedia(d) : null;
  } catch {
    return null;
  }
}

/** Drafts kept before follow-ups had images hold their follow-ups as plain strings. */
type StoredFollowup = DraftFollowup | string;
const followupOf = (f: StoredFollowup): DraftFollowup => (typeof f === 'string' ? { text: f, media: [] } : { text: f.text ?? '', media: f.media ?? [] });
function withFollowupMedia(d: ComposerDraft): ComposerDraft {
  const overrides = d.followupOverrides
    ? Object.fromEntries(Object.entries(d.followupOverrides).map(([id, list]) => [id, (list as StoredFollowup[]).map(followupOf)]))
    : undefined;
  return { ...d, followups: ((d.followups ?? []) as StoredFollowup[]).map(followupOf), ...(overrides ? { followupOverrides: overrides } : {}) };
}

export function storeDraft(workspaceId: string, d: ComposerDraft) {
  try {
    if (isBlank(d) && !d.postId) localStorage.removeItem(storageKey(workspaceId, null));
    else localStorage.setItem(storageKey(workspaceId, d.postId), JSON.stringify(d));
  } catch {
    /* storage full or disabled: the draft lives on in memory */
  }
}

export const forgetDraft = (workspaceId: string, postId: string | null) => localStorage.removeItem(storageKey(workspaceId, postId));
