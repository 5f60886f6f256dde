/**
 * What the Snapchat emulator holds: Public Profiles (owned by OAuth users, or by organisations),
 * media containers (encrypted parts, then the decrypted file), posted Stories, Saved Stories and
 * Spotlights, and their stats; plus Snap's response envelope. It follows what the provider
 * implements, including the details Snap does not document (docs/networks/snapchat.md).
 */
import crypto from 'node:crypto';
import type { EmuRequest, EmuResponse } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';

export interface EmuProfile {
  id: string;
  ownerUserId: string | null;
  organizationId: string | null;
  displayName: string;
  snapUserName: string;
  subscriberCount: number;
  tier: string;
}

export interface EmuMedia {
  id: string;
  profileId: string;
  type: 'VIDEO' | 'IMAGE';
  name: string;
  key: Buffer;
  iv: Buffer;
  parts: Map<number, Buffer>;
  createdAt: number;
  status: 'PENDING_UPLOAD' | 'READY';
  /** The decrypted file, once finalized. */
  plaintext?: Buffer;
  sha256?: string;
  mime?: string;
}

export interface EmuPost {
  id: string;
  profileId: string;
  placement: 'story' | 'saved_story' | 'spotlight';
  mediaId: string;
  sha256: string;
  mime: string;
  title?: string;
  description?: string;
  createdAt: string;
  stats: Record<string, number>;
}

export interface SnapState {
  profiles: EmuProfile[];
  organizations: { id: string; name: string; memberUserIds: string[] }[];
  media: Map<string, EmuMedia>;
  posts: EmuPost[];
  /** The app is on Snap's Public Profile API allow list. */
  allowlisted: boolean;
}

export function newState(): SnapState {
  return { profiles: [], organizations: [], media: new Map(), posts: [], allowlisted: true };
}

export const uuid = () => crypto.randomUUID();

/** Snap's envelope for a refusal: `{ request_status: "ERROR", request_id, debug_message, display_message, error_code }`. */
export function snapError(status: number, code: string, message: string): EmuResponse {
  return { status, json: { request_status: 'ERROR', request_id: uuid(), debug_message: message, display_message: message, error_code: code } };
}

export const ok = (json: Record<string, unknown>, status = 200): EmuResponse => ({ status, json: { request_status: 'SUCCESS', request_id: uuid(), ...json } });

/** The caller's user id from `Authorization: Bearer`, or Snap's 401; 403 when the app is not allow-listed. */
export function caller(state: SnapState, authority: OAuthAuthority, req: EmuRequest, needsAllowlist = true): string | EmuResponse {
  const who = authority.check(req.headers.authorization);
  if (!/^Bearer\s+\S+$/i.test(req.headers.authorization ?? '') || who === null) return snapError(401, 'E1001', 'Unauthorized: invalid access token');
  if (who === 'expired') return snapError(401, 'E1002', 'Unauthorized: access token expired');
  if (!who.scope.split(/\s+/).includes('snapchat-profile-api')) return snapError(403, 'E1003', 'The token lacks the snapchat-profile-api scope');
  if (needsAllowlist && !state.allowlisted) return snapError(403, 'E1004', 'This app is not allowlisted for the Public Profile API');
  return who.userId;
}

/** The profile in the path, if the caller may act for it. */
export function ownProfile(state: SnapState, userId: string, profileId: string): EmuProfile | EmuResponse {
  const profile = state.profiles.find((p) => p.id === profileId);
  if (!profile) return snapError(404, 'E2001', `Public profile ${profileId} not found`);
  const member = profile.ownerUserId === userId || state.organizations.some((o) => o.id === profile.organizationId && o.memberUserIds.includes(userId));
  if (!member) return snapError(403, 'E2002', 'Authorization permission denied for this profile');
  return profile;
}

export const isResponse = (v: unknown): v is EmuResponse => typeof v === 'object' && v !== null && 'json' in v && 'status' in v;

export function profileResource(p: EmuProfile) {
  return {
    id: p.id, organization_id: p.organizationId ?? undefined, display_name: p.displayName, snap_user_name: p.snapUserName,
    subscriber_count: String(p.subscriberCount), profile_tier: p.tier, profile_type: 'PUBLIC_PROFILE', internal_profile_category: p.organizationId ? 'BUSINESS' : 'PERSON',
  };
}
