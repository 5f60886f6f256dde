/**
 * Idempotency keys: a TID (atproto timestamp id) fixed when a delivery is created. Bluesky derives
 * each part's record key from it (key + part index in µs); webhooks send it as `webhook-id` and
 * `Idempotency-Key`. createTid() spaces keys at least 1 ms apart within a process, so one
 * delivery's derived keys never reach the next delivery's key; the column is UNIQUE besides.
 */
import crypto from 'node:crypto';
import { createTid } from '../core/tid.js';

const clockId = crypto.randomInt(0, 1024);

export function newIdempotencyKey(): string {
  return createTid(undefined, clockId);
}
