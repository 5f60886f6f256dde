/**
 * Encrypted media and posting, as the provider implements them: create a container
 * `{type, name, key, iv}` → `{media_id, add_path, finalize_path}`; POST multipart parts
 * (`action=ADD`, `part_number`, `file`, each ≤ 32 MiB) and `action=FINALIZE`, which decrypts with
 * the container's key and IV (AES-256-CBC, PKCS#7) and checks the file; then POST the media as a
 * Story, a Saved Story (with `title` ≤ 45) or a Spotlight (a video, `description` ≤ 160). Media
 * containers expire after 24 hours. Posting the same media twice makes two posts — Snap offers no
 * deduplication, which is what the provider's exactly-once handling is about.
 */
import crypto from 'node:crypto';
import { sniffMedia } from '../../../src/core/media-sniff.js';
import type { Emulator, EmuResponse } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';
import { caller, isResponse, ok, ownProfile, snapError, uuid, type EmuMedia, type EmuPost, type SnapState } from './state.js';

const MAX_PART = 32 * 1024 * 1024;
const MEDIA_TTL_MS = 24 * 3600_000;

function decodeKey(value: unknown, bytes: number): Buffer | null {
  if (typeof value !== 'string') return null;
  const buf = Buffer.from(value, 'base64');
  return buf.length === bytes && buf.toString('base64') === value ? buf : null;
}

function finalize(media: EmuMedia): EmuResponse | null {
  const numbers = [...media.parts.keys()].sort((a, b) => a - b);
  if (numbers.length === 0 || numbers.some((n, i) => n !== i + 1)) return snapError(400, 'E4004', `Parts must be numbered 1..n without gaps (got ${numbers.join(',')})`);
  let plaintext: Buffer;
  try {
    const decipher = crypto.createDecipheriv('aes-256-cbc', media.key, media.iv);
    plaintext = Buffer.concat([decipher.update(Buffer.concat(numbers.map((n) => media.parts.get(n)!))), decipher.final()]);
  } catch {
    return snapError(400, 'E4005', 'The media could not be decrypted with the key and iv given');
  }
  const facts = sniffMedia(plaintext);
  const kindOk = media.type === 'VIDEO' ? facts?.mime === 'video/mp4' : facts?.mime === 'image/jpeg' || facts?.mime === 'image/png';
  if (!facts || !kindOk) return snapError(400, 'E4006', `The file is not a ${media.type === 'VIDEO' ? 'MP4 video' : 'JPEG or PNG image'}`);
  if (media.type === 'VIDEO') {
    const d = facts.durationSec ?? 0;
    if (d < 5 || d > 60) return snapError(400, 'E4007', `Video must be 5 to 60 seconds long (got ${d})`);
    if ((facts.width ?? 0) < 540 || (facts.height ?? 0) < 960) return snapError(400, 'E4008', `Video must be at least 540x960 (got ${facts.width}x${facts.height})`);
  }
  Object.assign(media, { plaintext, sha256: crypto.createHash('sha256').update(plaintext).digest('hex'), mime: facts.mime, status: 'READY' });
  return null;
}

export function mediaRoutes(emu: Emulator, state: SnapState, authority: OAuthAuthority) {
  emu.route('POST', '/v1/public_profiles/:id/media', (req) => {
    const who = caller(state, authority, req);
    if (typeof who !== 'string') return who;
    const profile = ownProfile(state, who, req.params.id);
    if (isResponse(profile)) return profile;
    const { type, name } = req.body ?? {};
    if (type !== 'VIDEO' && type !== 'IMAGE') return snapError(400, 'E4001', 'type must be VIDEO or IMAGE');
    if (typeof name !== 'string' || !name) return snapError(400, 'E4001', 'name is required');
    const key = decodeKey(req.body.key, 32);
    const iv = decodeKey(req.body.iv, 16);
    if (!key || !iv) return snapError(400, 'E4002', 'key must be 32 bytes and iv 16 bytes, base64 encoded');
    const id = uuid();
    state.media.set(id, { id, profileId: profile.id, type, name, key, iv, parts: new Map(), createdAt: Date.now(), status: 'PENDING_UPLOAD' });
    const path = `/v1/public_profiles/${profile.id}/media/${id}/multipart-upload`;
    return ok({ media_id: id, add_path: path, finalize_path: path });
  });

  emu.route('POST', '/v1/public_profiles/:id/media/:media/multipart-upload', (req) => {
    const who = caller(state, authority, req);
    if (typeof who !== 'string') return who;
    const profile = ownProfile(state, who, req.params.id);
    if (isResponse(profile)) return profile;
    const media = state.media.get(req.params.media);
    if (!media || media.profileId !== profile.id || Date.now() - media.createdAt > MEDIA_TTL_MS) return snapError(404, 'E4003', 'Media not found or expired');
    if (media.status === 'READY') return snapError(400, 'E4009', 'Media is already finalized');
    if (req.fields.action === 'ADD') {
      const part = Number(req.fields.part_number);
      const file = req.files.file;
      if (!Number.isInteger(part) || part < 1 || !file) return snapError(400, 'E4004', 'ADD needs part_number (1, 2, …) and a file');
      if (file.data.length > MAX_PART) return snapError(400, 'E4004', 'A part may be at most 32 MB');
      media.parts.set(part, file.data);
      return ok({ media_id: media.id, part_number: part });
    }
    if (req.fields.action === 'FINALIZE') return finalize(media) ?? ok({ media_id: media.id, media_status: 'READY' });
    return snapError(400, 'E4004', 'action must be ADD or FINALIZE');
  });

  const post = (placement: EmuPost['placement'], plural: string, singular: string) => (req: Parameters<Parameters<Emulator['route']>[2]>[0]) => {
    const who = caller(state, authority, req);
    if (typeof who !== 'string') return who;
    const profile = ownProfile(state, who, req.params.id);
    if (isResponse(profile)) return profile;
    const media = state.media.get(req.body?.media_id);
    if (!media || media.profileId !== profile.id || Date.now() - media.createdAt > MEDIA_TTL_MS) return snapError(400, 'E5001', 'media_id is unknown or expired');
    if (media.status !== 'READY') return snapError(400, 'E5002', 'The media has not been finalized');
    const { title, description } = req.body;
    if (placement === 'saved_story' && (typeof title !== 'string' || !title || title.length > 45)) return snapError(400, 'E5003', 'A saved story needs a title of at most 45 characters');
    if (placement === 'spotlight') {
      if (media.type !== 'VIDEO') return snapError(400, 'E5004', 'Spotlight takes videos only');
      if (description !== undefined && (typeof description !== 'string' || description.length > 160)) return snapError(400, 'E5005', 'description may be at most 160 characters');
    }
    const entity: EmuPost = { id: uuid(), profileId: profile.id, placement, mediaId: media.id, sha256: media.sha256!, mime: media.mime!, title, description, createdAt: new Date().toISOString(), stats: {} };
    state.posts.push(entity);
    return ok({ [plural]: [{ sub_request_status: 'SUCCESS', [singular]: { id: entity.id, media_id: media.id, created_at: entity.createdAt } }] });
  };
  emu.route('POST', '/v1/public_profiles/:id/stories', post('story', 'stories', 'story'));
  emu.route('POST', '/v1/public_profiles/:id/saved_stories', post('saved_story', 'saved_stories', 'saved_story'));
  emu.route('POST', '/v1/public_profiles/:id/spotlights', post('spotlight', 'spotlights', 'spotlight'));
}
