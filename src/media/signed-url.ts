/**
 * Signed, expiring public URLs for media, for networks that download media themselves (Instagram,
 * Threads containers fetch `image_url`/`video_url`): `/media/s/<token>`, where the token names the
 * media and its expiry and carries an HMAC under Varde's secret key.
 */
import crypto from 'node:crypto';
import type { Secrets } from '../app/secrets.js';

const PURPOSE = 'media-url';
export const DEFAULT_MEDIA_URL_TTL_SECONDS = 24 * 3600;

export function signMediaToken(secrets: Secrets, mediaId: string, expiresAt: Date): string {
  const body = `${mediaId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${Buffer.from(body).toString('base64url')}.${secrets.mac(PURPOSE, body)}`;
}

/** Returns the media id when the token is authentic and unexpired, else null. */
export function verifyMediaToken(secrets: Secrets, token: string, now = new Date()): string | null {
  const [b64, sig] = token.split('.');
  if (!b64 || !sig) return null;
  const body = Buffer.from(b64, 'base64url').toString('utf8');
  const expected = Buffer.from(secrets.mac(PURPOSE, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const [mediaId, exp] = body.split('.');
  if (!mediaId || !exp || Number(exp) * 1000 < now.getTime()) return null;
  return mediaId;
}

export function mediaUrl(publicUrl: string, secrets: Secrets, mediaId: string, ttlSeconds = DEFAULT_MEDIA_URL_TTL_SECONDS): string {
  return `${publicUrl}/media/s/${signMediaToken(secrets, mediaId, new Date(Date.now() + ttlSeconds * 1000))}`;
}
