/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): the webhook channel signs with
 * them, receivers (and Varde's tests) verify with them.
 *
 *   webhook-signature: v1,<base64 HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<raw body>")>
 *
 * The key: a secret in the standard `whsec_<base64>` form is the base64-decoded bytes; any other
 * secret string is used as its UTF-8 bytes (so a receiver given "my shared secret" verifies with
 * exactly those bytes).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A new secret in the standard form: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/** true when `secret` is a usable `whsec_<base64>` secret or a non-empty raw text secret. */
export function isValidWebhookSecret(secret: string): boolean {
  if (!secret) return false;
  if (!secret.startsWith(PREFIX)) return true;
  const encoded = secret.slice(PREFIX.length);
  return encoded.length > 0 && BASE64.test(encoded) && Buffer.from(encoded, 'base64').length > 0;
}

/** The HMAC key bytes of a secret (see the module header). */
export function webhookSecretKey(secret: string | Uint8Array): Buffer {
  if (typeof secret !== 'string') return Buffer.from(secret);
  return secret.startsWith(PREFIX) ? Buffer.from(secret.slice(PREFIX.length), 'base64') : Buffer.from(secret, 'utf8');
}

/**
 * The `webhook-signature` header value for one message: `v1,<base64 signature>`.
 * `timestamp` is in unix seconds; `body` is the exact raw body sent.
 */
export function signWebhook(secret: string | Uint8Array, id: string, timestamp: number | string, body: string | Uint8Array): string {
  return `v1,${computeSignature(webhookSecretKey(secret), id, String(timestamp), body).toString('base64')}`;
}

function computeSignature(key: Buffer, id: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
}

/** Request headers as Node gives them (lower-case keys) or a fetch `Headers`. */
export type WebhookHeaders = Record<string, string | string[] | undefined> | { get(name: string): string | null };

export type WebhookVerification =
  | { ok: true; id: string; timestamp: number }
  | { ok: false; reason: 'missing_headers' | 'bad_timestamp' | 'expired' | 'bad_signature' };

/**
 * Verifies a received webhook against its raw body, before anything is parsed or stored.
 * Accepts several space-separated signatures (`v1,<a> v1,<b>`, as sent during secret rotation)
 * and ignores other versions; refuses timestamps more than `toleranceSec` from `now` (a Date or
 * milliseconds since the epoch; default: the current time). Comparison is constant-time.
 *
 * @example
 *   const check = verifyWebhook(process.env.VARDE_WEBHOOK_SECRET, req.headers, rawBody);
 *   if (!check.ok) return res.status(401).end();
 */
export function verifyWebhook(
  secret: string | Uint8Array,
  headers: WebhookHeaders,
  rawBody: string | Uint8Array,
  options: { toleranceSec?: number; now?: Date | number } = {},
): WebhookVerification {
  const id = header(headers, 'webhook-id');
  const timestampText = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestampText || !signatures) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(timestampText)) return { ok: false, reason: 'bad_timestamp' };
  const timestamp = Number(timestampText);
  const nowMs = options.now === undefined ? Date.now() : Number(options.now);
  if (Math.abs(nowMs / 1000 - timestamp) > (options.toleranceSec ?? 300)) return { ok: false, reason: 'expired' };

  const expected = computeSignature(webhookSecretKey(secret), id, timestampText, rawBody);
  let matched = false;
  for (const candidate of signatures.split(' ')) {
    const [version, encoded] = candidate.split(',', 2);
    if (version !== 'v1' || !encoded) continue;
    const given = Buffer.from(encoded, 'base64');
    // Keep checking every candidate: the time taken must not depend on which one matched.
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
  }
  return matched ? { ok: true, id, timestamp } : { ok: false, reason: 'bad_signature' };
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  let value = record[name];
  if (value === undefined) {
    const key = Object.keys(record).find((k) => k.toLowerCase() === name);
    value = key === undefined ? undefined : record[key];
  }
  return Array.isArray(value) ? value.join(' ') : value;
}
