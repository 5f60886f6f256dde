/**
 * Idempotency keys: a TID (atproto timestamp id) fixed when a delivery is created. Bluesky derives
 * each part's record key from it (`deriveTid(key, i)` = key + i µs); webhooks send it as
 * `webhook-id` and `Idempotency-Key`. Strictly increasing within a process and spaced
 * MAX_DERIVED_PARTS µs apart, so a burst of deliveries never shares a key — nor a derived one: a
 * thread's follow-up must never land on the record key of the next delivery's post.
 */
import crypto from 'node:crypto';
import { createTid, MAX_DERIVED_PARTS } from '../core/tid.js';

let lastMicros = 0;
const clockId = crypto.randomInt(0, 1024);

export function newIdempotencyKey(): string {
  const micros = Math.max(Date.now() * 1000, lastMicros + MAX_DERIVED_PARTS);
  lastMicros = micros;
  return createTid(micros, clockId);
}
