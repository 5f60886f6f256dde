/** Unsubscribe links: a member id and a notification kind, HMAC-signed (no expiry: old e-mails keep working). */
import crypto from 'node:crypto';
import type { Secrets } from '../app/secrets.js';
import { NOTIFICATION_KINDS, type NotificationKind } from './notifications.repository.js';

const PURPOSE = 'unsubscribe';

export function unsubscribeToken(secrets: Secrets, userId: string, kind: string): string {
  const body = `${userId}.${kind}`;
  return `${Buffer.from(body).toString('base64url')}.${secrets.mac(PURPOSE, body)}`;
}

export function verifyUnsubscribeToken(secrets: Secrets, token: string): { userId: string; kind: NotificationKind } | null {
  const [b64, sig] = token.split('.');
  if (!b64 || !sig) return null;
  const body = Buffer.from(b64, 'base64url').toString('utf8');
  const expected = Buffer.from(secrets.mac(PURPOSE, body));
  if (expected.length !== Buffer.byteLength(sig) || !crypto.timingSafeEqual(expected, Buffer.from(sig))) return null;
  const dot = body.indexOf('.');
  const userId = body.slice(0, dot);
  const kind = body.slice(dot + 1);
  if (!userId || !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  return { userId, kind: kind as NotificationKind };
}
