/**
 * Telegram's webhook: `setWebhook` with a `secret_token`, which Telegram then sends back in the
 * `X-Telegram-Bot-Api-Secret-Token` header of every update. That header is all the proof there is
 * — Telegram signs nothing and sends no timestamp, so there is no staleness to check; replays are
 * told apart by `update_id`. The secret is the operator's (VARDE_TELEGRAM_WEBHOOK_SECRET, 1–256
 * characters of A–Z a–z 0–9 _ -), compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingWebhook, InboxItem, NetworkApp, WebhookSupport } from '../contract.js';
import { classifyUpdate, type TgUpdate } from './inbox.js';

const SECRET_FORMAT = /^[A-Za-z0-9_-]{1,256}$/;

/** Equal-length digests, so the comparison takes the same time whatever the inputs. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export const telegramWebhooks: WebhookSupport = {
  verify(req: IncomingWebhook, app: NetworkApp) {
    const expected = app.values.WEBHOOK_SECRET;
    if (!expected || !SECRET_FORMAT.test(expected)) return { ok: false, reason: 'VARDE_TELEGRAM_WEBHOOK_SECRET is not set to 1–256 characters of A–Z, a–z, 0–9, _ and -' };
    const given = req.headers['x-telegram-bot-api-secret-token'];
    if (!given) return { ok: false, reason: 'The request has no X-Telegram-Bot-Api-Secret-Token header' };
    return sameSecret(given, expected) ? { ok: true } : { ok: false, reason: 'The secret token does not match' };
  },

  /** One update per request; grouped under the chat (channel id for comments) it belongs to. */
  parse(req: IncomingWebhook) {
    let update: TgUpdate;
    try {
      update = JSON.parse(req.rawBody.toString('utf8')) as TgUpdate;
    } catch {
      return [];
    }
    const found = classifyUpdate(update, {});
    return found ? [{ accountId: found.accountId, items: [found.item] as InboxItem[] }] : [];
  },
};
