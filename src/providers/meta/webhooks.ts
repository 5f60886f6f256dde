/**
 * Meta's webhooks, shared by Facebook Pages, Instagram and Threads:
 * - the subscription handshake: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`,
 *   answered with the challenge as plain text when the verify token is the operator's;
 * - every event: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body under the app
 *   secret>`, compared in constant time before anything is parsed. The older SHA-1
 *   `X-Hub-Signature` alone is refused.
 * Meta's signature carries no timestamp, so a replay is bounded by the entries' own `time`: Meta
 * retries a failed delivery for up to 36 hours, so an event older than MAX_EVENT_AGE_SEC is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingWebhook } from '../contract.js';

export const MAX_EVENT_AGE_SEC = 48 * 3600;

/** The `hub.challenge` handshake; null when the request is not one. */
export function metaHandshake(req: IncomingWebhook, verifyToken: string | undefined): { status: number; contentType?: string; body: string } | null {
  if (req.method !== 'GET' || req.query['hub.mode'] === undefined) return null;
  if (req.query['hub.mode'] !== 'subscribe' || !req.query['hub.challenge']) return { status: 400, body: 'hub.mode must be subscribe, with a hub.challenge' };
  if (!verifyToken) return { status: 403, body: 'The operator has not set a webhook verify token' };
  if (!safeEqual(req.query['hub.verify_token'] ?? '', verifyToken)) return { status: 403, body: 'hub.verify_token does not match' };
  return { status: 200, contentType: 'text/plain', body: req.query['hub.challenge'] };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function signMetaBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Verifies `X-Hub-Signature-256` over the raw body, then that the event is not stale. */
export function verifyMetaSignature(req: IncomingWebhook, appSecret: string | undefined, now = new Date()): { ok: true } | { ok: false; reason: string } {
  if (!appSecret) return { ok: false, reason: 'the app secret is not configured' };
  const header = lower(req.headers)['x-hub-signature-256'];
  if (!header) return { ok: false, reason: 'unsigned: no X-Hub-Signature-256 header' };
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header.trim())?.[1];
  if (!given) return { ok: false, reason: 'malformed X-Hub-Signature-256' };
  const expected = createHmac('sha256', appSecret).update(req.rawBody).digest();
  if (!timingSafeEqual(Buffer.from(given.toLowerCase(), 'hex'), expected)) return { ok: false, reason: 'signature mismatch' };
  const newest = newestEventTime(req.rawBody);
  if (newest !== null && now.getTime() - newest > MAX_EVENT_AGE_SEC * 1000) return { ok: false, reason: 'stale: the event is older than Meta retries deliveries' };
  return { ok: true };
}

/** The newest `entry[].time` (or Threads' top-level `time`), in ms; seconds and ms are both seen. */
export function newestEventTime(rawBody: Buffer): number | null {
  try {
    const body = JSON.parse(rawBody.toString('utf8')) as { time?: unknown; entry?: { time?: unknown }[] };
    const times = [body.time, ...(Array.isArray(body.entry) ? body.entry.map((e) => e?.time) : [])]
      .map(Number)
      .filter((t) => Number.isFinite(t) && t > 0)
      .map((t) => (t < 1e12 ? t * 1000 : t));
    return times.length ? Math.max(...times) : null;
  } catch {
    return null;
  }
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

export interface MetaChange {
  /** The Page, Instagram account or Threads user the event belongs to. */
  accountId: string;
  field: string;
  value: Record<string, any>;
  time: number | null;
}

/** Flattens `{ object, entry: [{ id, time, changes: [{ field, value }] }] }`. */
export function readChanges(rawBody: Buffer): MetaChange[] {
  const body = JSON.parse(rawBody.toString('utf8')) as { entry?: { id?: unknown; time?: unknown; changes?: { field?: unknown; value?: unknown }[] }[] };
  const out: MetaChange[] = [];
  for (const entry of Array.isArray(body.entry) ? body.entry : []) {
    for (const change of Array.isArray(entry.changes) ? entry.changes : []) {
      if (typeof change.field !== 'string' || !change.value || typeof change.value !== 'object') continue;
      out.push({ accountId: String(entry.id ?? ''), field: change.field, value: change.value as Record<string, any>, time: Number(entry.time) || null });
    }
  }
  return out;
}

/** Groups items by account, in first-seen order. */
export function groupByAccount<T>(pairs: { accountId: string; item: T }[]): { accountId: string; items: T[] }[] {
  const map = new Map<string, T[]>();
  for (const { accountId, item } of pairs) map.set(accountId, [...(map.get(accountId) ?? []), item]);
  return [...map].map(([accountId, items]) => ({ accountId, items }));
}
