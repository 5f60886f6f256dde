/**
 * X Account Activity API webhooks. X checks the URL with a CRC — `GET ?crc_token=…` answered within
 * 3 s by `{"response_token":"sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>"}` — and signs
 * each event with `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret, raw
 * body)>`. The key is the app's API Key Secret (OAuth 1.0a consumer secret), not the OAuth 2.0
 * client secret: VARDE_X_CONSUMER_SECRET. X's signature carries no timestamp, so there is no
 * staleness to check; events are v1.1-shaped (`tweet_create_events`, `direct_message_events`).
 */
import crypto from 'node:crypto';
import type { IncomingWebhook, InboxItem, NetworkApp, WebhookSupport } from '../contract.js';

export function xSignature(secret: string, payload: string | Buffer): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(payload).digest('base64')}`;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

interface V1User { id_str: string; screen_name?: string; name?: string; profile_image_url_https?: string }
interface V1Tweet {
  id_str: string;
  text?: string;
  full_text?: string;
  extended_tweet?: { full_text?: string };
  created_at?: string;
  user: V1User;
  in_reply_to_status_id_str?: string | null;
  in_reply_to_user_id_str?: string | null;
  is_quote_status?: boolean;
  quoted_status_id_str?: string;
  retweeted_status?: unknown;
}
interface V1Dm { type: string; id: string; created_timestamp: string; message_create: { sender_id: string; target: { recipient_id: string }; message_data: { text: string } } }

function tweetItem(t: V1Tweet, me: string): InboxItem | null {
  if (t.user.id_str === me || t.retweeted_status) return null;
  const reply = Boolean(t.in_reply_to_status_id_str) && t.in_reply_to_user_id_str === me;
  const kind = reply ? 'reply' : t.is_quote_status ? 'quote' : 'mention';
  const parent = reply ? t.in_reply_to_status_id_str! : kind === 'quote' ? t.quoted_status_id_str ?? null : null;
  return {
    externalId: t.id_str, kind, conversationId: t.in_reply_to_status_id_str ?? t.id_str, parentExternalId: parent, postExternalId: kind === 'mention' ? null : parent,
    author: { id: t.user.id_str, handle: t.user.screen_name ?? null, name: t.user.name ?? null, avatarUrl: t.user.profile_image_url_https ?? null, url: t.user.screen_name ? `https://x.com/${t.user.screen_name}` : null },
    text: t.extended_tweet?.full_text ?? t.full_text ?? t.text ?? '',
    createdAt: t.created_at ? new Date(t.created_at).toISOString() : new Date().toISOString(),
    url: `https://x.com/${t.user.screen_name ?? 'i'}/status/${t.id_str}`,
  };
}

function dmItem(e: V1Dm, me: string, users: Record<string, V1User>): InboxItem | null {
  if (e.type !== 'message_create' || e.message_create.sender_id === me) return null;
  const sender = e.message_create.sender_id;
  const u = users[sender];
  // X's one-to-one conversation id is the two user ids, lower first, joined by a dash.
  const conversationId = [sender, me].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)).join('-');
  return {
    externalId: e.id, kind: 'message', conversationId,
    author: { id: sender, handle: u?.screen_name ?? null, name: u?.name ?? null, avatarUrl: u?.profile_image_url_https ?? null },
    text: e.message_create.message_data.text, createdAt: new Date(Number(e.created_timestamp)).toISOString(),
  };
}

export const xWebhooks: WebhookSupport = {
  handshake(req: IncomingWebhook, app: NetworkApp) {
    if (req.method !== 'GET' || !req.query.crc_token) return null;
    const secret = app.values.CONSUMER_SECRET;
    if (!secret) return { status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'VARDE_X_CONSUMER_SECRET is not set' }) };
    return { status: 200, contentType: 'application/json', body: JSON.stringify({ response_token: xSignature(secret, req.query.crc_token) }) };
  },

  verify(req, app) {
    const secret = app.values.CONSUMER_SECRET;
    if (!secret) return { ok: false, reason: 'VARDE_X_CONSUMER_SECRET is not set' };
    const given = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'x-twitter-webhooks-signature')?.[1];
    if (!given) return { ok: false, reason: 'unsigned: no x-twitter-webhooks-signature header' };
    return safeEqual(given, xSignature(secret, req.rawBody)) ? { ok: true } : { ok: false, reason: 'the signature does not match the body' };
  },

  parse(req) {
    const body = JSON.parse(req.rawBody.toString('utf8')) as { for_user_id?: string; tweet_create_events?: V1Tweet[]; direct_message_events?: V1Dm[]; users?: Record<string, V1User> };
    const me = body.for_user_id;
    if (!me) return [];
    const items = [
      ...(body.tweet_create_events ?? []).map((t) => tweetItem(t, me)),
      ...(body.direct_message_events ?? []).map((e) => dmItem(e, me, body.users ?? {})),
    ].filter((i): i is InboxItem => i !== null);
    return items.length ? [{ accountId: me, items }] : [];
  },
};
