/**
 * LinkedIn webhooks (for apps LinkedIn approved for a webhook use case, e.g. organization social
 * action notifications). Validation: LinkedIn sends `GET ?challengeCode=<uuid>` and expects
 * `{"challengeCode", "challengeResponse": hex HMAC-SHA256(client secret, challengeCode)}`; it
 * re-validates every 2 hours. Events: `X-LI-Signature` is the hex HMAC-SHA256 of the raw body under
 * the client secret, which LinkedIn documents as sent with a `hmacsha256=` prefix (accepted with or
 * without it). No timestamp is signed, so there is no staleness to check.
 */
import crypto from 'node:crypto';
import type { InboxItem, WebhookSupport } from '../contract.js';

export const liSignature = (secret: string, payload: string | Buffer) => crypto.createHmac('sha256', secret).update(payload).digest('hex');

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

const header = (headers: Record<string, string>, name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];

interface Notification {
  action?: string;
  organizationalEntity?: string;
  sourcePost?: string;
  generatedActivity?: string;
  actor?: string;
  lastModifiedAt?: number;
  decoratedGeneratedActivity?: { comment?: { text?: string; owner?: string }; mention?: { text?: string; owner?: string } };
}

export const linkedinWebhooks: WebhookSupport = {
  handshake(req, app) {
    const code = req.query.challengeCode;
    if (req.method !== 'GET' || !code) return null;
    const secret = app.values.CLIENT_SECRET;
    if (!secret) return { status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'VARDE_LINKEDIN_CLIENT_SECRET is not set' }) };
    return { status: 200, contentType: 'application/json', body: JSON.stringify({ challengeCode: code, challengeResponse: liSignature(secret, code) }) };
  },

  verify(req, app) {
    const secret = app.values.CLIENT_SECRET;
    if (!secret) return { ok: false, reason: 'VARDE_LINKEDIN_CLIENT_SECRET is not set' };
    const given = header(req.headers, 'x-li-signature');
    if (!given) return { ok: false, reason: 'unsigned: no X-LI-Signature header' };
    return safeEqual(given.replace(/^hmacsha256=/i, ''), liSignature(secret, req.rawBody)) ? { ok: true } : { ok: false, reason: 'the signature does not match the body' };
  },

  parse(req) {
    const body = JSON.parse(req.rawBody.toString('utf8')) as { type?: string; notifications?: Notification[] };
    const byOrg = new Map<string, InboxItem[]>();
    for (const n of body.notifications ?? []) {
      const kind = n.action === 'COMMENT' ? 'comment' : n.action === 'SHARE_MENTION' || n.action === 'COMMENT_MENTION' ? 'mention' : null;
      if (!kind || !n.organizationalEntity || !n.generatedActivity) continue;
      const detail = n.decoratedGeneratedActivity?.comment ?? n.decoratedGeneratedActivity?.mention;
      const item: InboxItem = {
        externalId: n.generatedActivity, kind, conversationId: n.sourcePost ?? n.generatedActivity, postExternalId: n.sourcePost ?? null,
        author: { id: detail?.owner ?? n.actor ?? 'unknown' }, text: detail?.text ?? '', createdAt: new Date(n.lastModifiedAt ?? Date.now()).toISOString(),
        raw: { action: n.action ?? null },
      };
      byOrg.set(n.organizationalEntity, [...(byOrg.get(n.organizationalEntity) ?? []), item]);
    }
    return [...byOrg].map(([accountId, items]) => ({ accountId, items }));
  },
};
