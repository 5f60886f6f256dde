/**
 * What the YouTube emulator holds: channels (owned by OAuth users), upload sessions, videos,
 * comments, the project's daily quota, and Google's error body. Tests read it to see what Varde
 * published, and change it to script what YouTube answers.
 */
import crypto from 'node:crypto';
import type { EmuRequest, EmuResponse } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';

export interface EmuChannel {
  id: string;
  ownerUserId: string;
  title: string;
  customUrl: string;
  subscriberCount: number;
  hiddenSubscriberCount: boolean;
  viewCount: number;
}

export interface EmuVideo {
  id: string;
  channelId: string;
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  defaultLanguage?: string;
  privacyStatus: string;
  publishAt?: string;
  selfDeclaredMadeForKids?: boolean;
  containsSyntheticMedia?: boolean;
  notifySubscribers: boolean;
  uploadStatus: 'uploaded' | 'processed' | 'rejected';
  publishedAt: string;
  mime: string;
  size: number;
  sha256: string;
  stats: { viewCount: number; likeCount: number; commentCount: number; favoriteCount: number; shares: number };
}

export interface EmuSession {
  id: string;
  channelId: string;
  resource: any;
  notifySubscribers: boolean;
  size: number;
  mime: string;
  chunks: Buffer[];
  received: number;
  expired: boolean;
  videoId?: string;
}

export interface EmuComment {
  id: string;
  videoId: string;
  /** The channel that owns the video. */
  channelId: string;
  parentId?: string;
  authorChannelId: string;
  authorName: string;
  text: string;
  publishedAt: string;
  updatedAt: string;
  moderationStatus: 'published' | 'heldForReview' | 'rejected';
  likeCount: number;
}

/** What the n-th next data PUT of an upload does instead of answering normally. */
export type PutFault = 'hang' | 503;

export interface YouTubeState {
  channels: EmuChannel[];
  sessions: Map<string, EmuSession>;
  videos: EmuVideo[];
  comments: EmuComment[];
  quota: { limit: number; used: number };
  /** Projects Google has not audited: every upload is locked private. */
  unverifiedProject: boolean;
  /** Scopes the user unticks at the consent screen (granular consent). */
  deniedScopes: string[];
  putFaults: Map<number, PutFault>;
  dataPuts: number;
}

export function newState(): YouTubeState {
  return { channels: [], sessions: new Map(), videos: [], comments: [], quota: { limit: 1_000_000, used: 0 }, unverifiedProject: false, deniedScopes: [], putFaults: new Map(), dataPuts: 0 };
}

export const newId = (prefix: string, length: number) => prefix + crypto.randomBytes(24).toString('base64url').replace(/[-_]/g, 'x').slice(0, length);

/** Google's JSON error: `{ error: { code, message, errors: [{ message, domain, reason }], status } }`. */
export function googleError(code: number, reason: string, message: string, domain = 'youtube.api', extra: Record<string, string> = {}): EmuResponse {
  const status = code === 401 ? 'UNAUTHENTICATED' : code === 403 ? 'PERMISSION_DENIED' : code === 404 ? 'NOT_FOUND' : code === 429 ? 'RESOURCE_EXHAUSTED' : code >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT';
  return { status: code, json: { error: { code, message, errors: [{ message, domain, reason, ...extra }], status } } };
}

export const QUOTA_EXCEEDED_MESSAGE = 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.';

/** The body YouTube sends when the project's daily units are spent (also usable as a kit fault). */
export function quotaExceeded(): EmuResponse {
  return googleError(403, 'quotaExceeded', QUOTA_EXCEEDED_MESSAGE, 'youtube.quota');
}

export interface Caller {
  userId: string;
  scope: string[];
  channel: EmuChannel | undefined;
}

/**
 * The caller from `Authorization: Bearer`, or Google's 401; `needs` lists scopes of which one
 * must have been granted (403 insufficientPermissions otherwise). Spends `cost` quota units.
 */
export function authorize(state: YouTubeState, authority: OAuthAuthority, req: EmuRequest, needs: string[], cost: number): Caller | EmuResponse {
  const header = req.headers.authorization ?? '';
  if (!/^Bearer\s+\S+$/i.test(header)) return googleError(401, 'required', 'Login Required.', 'global', { location: 'Authorization', locationType: 'header' });
  const who = authority.check(header);
  if (who === null || who === 'expired') {
    return googleError(401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'global', { location: 'Authorization', locationType: 'header' });
  }
  const scope = who.scope.split(/\s+/).filter(Boolean);
  if (!needs.some((s) => scope.includes(s))) return googleError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.', 'global');
  if (state.quota.used + cost > state.quota.limit) return quotaExceeded();
  state.quota.used += cost;
  return { userId: who.userId, scope, channel: state.channels.find((c) => c.ownerUserId === who.userId) };
}

export const isCaller = (v: Caller | EmuResponse): v is Caller => 'userId' in v;

export const SCOPES = {
  upload: 'https://www.googleapis.com/auth/youtube.upload',
  forceSsl: 'https://www.googleapis.com/auth/youtube.force-ssl',
  youtube: 'https://www.googleapis.com/auth/youtube',
  readonly: 'https://www.googleapis.com/auth/youtube.readonly',
  analytics: 'https://www.googleapis.com/auth/yt-analytics.readonly',
};
export const READ = [SCOPES.forceSsl, SCOPES.youtube, SCOPES.readonly];
export const MANAGE = [SCOPES.forceSsl, SCOPES.youtube];
export const UPLOAD = [SCOPES.upload, SCOPES.forceSsl, SCOPES.youtube];
