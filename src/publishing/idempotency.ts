/**
 * Idempotency keys: a TID (atproto timestamp id) fixed when a delivery is created. Bluesky derives
 * each part's record key from it; webhooks send it as `webhook-id` and `Idempotency-Key`.
 * Strictly increasing within a process, so a burst of deliveries never shares one.
 */
import crypto from 'node:crypto';
import { createTid } from '../core/tid.js';

let lastMicros = 0;
const clockId = crypto.randomInt(0, 1024);

export function newIdempotencyKey(): string {
  const micros = Math.max(Date.now() * 1000, lastMicros + 1);
  lastMicros = micros;
  return createTid(micros, clockId);
}
