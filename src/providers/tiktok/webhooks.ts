/**
 * TikTok webhooks: `TikTok-Signature: t=<unix seconds>,s=<hex HMAC-SHA256(client secret,
 * "<t>.<raw body>")>`, compared in constant time, refused when the timestamp is more than five
 * minutes off (TikTok retries for 72 hours, so replays are real). TikTok's events for this app are
 * about posts (`post.publish.complete`, `post.publish.failed`, `post.publish.publicly_available`,
 * `authorization.removed`), not comments or messages, so they carry no inbox items.
 */
import crypto from 'node:crypto';
import type { WebhookSupport } from '../contract.js';

export const TOLERANCE_SECONDS = 300;

export const tiktokSignature = (secret: string, t: string, rawBody: Buffer | string) => crypto.createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest('hex');

export const tiktokWebhooks: WebhookSupport = {
  verify(req, app, now = new Date()) {
    const secret = app.values.CLIENT_SECRET;
    if (!secret) return { ok: false, reason: 'VARDE_TIKTOK_CLIENT_SECRET is not set' };
    const header = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'tiktok-signature')?.[1];
    if (!header) return { ok: false, reason: 'unsigned: no TikTok-Signature header' };
    const parts = Object.fromEntries(header.split(',').map((kv) => kv.trim().split('=') as [string, string]));
    if (!parts.t || !parts.s || !/^\d+$/.test(parts.t)) return { ok: false, reason: 'the TikTok-Signature header is malformed' };
    if (Math.abs(now.getTime() / 1000 - Number(parts.t)) > TOLERANCE_SECONDS) return { ok: false, reason: 'stale: the signature timestamp is more than 5 minutes off' };
    const expected = Buffer.from(tiktokSignature(secret, parts.t, req.rawBody));
    const given = Buffer.from(parts.s);
    return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'the signature does not match the body' };
  },
  parse: () => [],
};
