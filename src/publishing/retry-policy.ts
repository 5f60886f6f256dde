/**
 * What to do after a failed attempt — decided in this one place from the provider's
 * classification (DESIGN.md: auth_expired, rate_limited, transient, rejected, unknown_outcome).
 */
import type { ProviderErrorKind } from '../providers/provider-error.js';

export const MAX_TRANSIENT_ATTEMPTS = 8;
export const MAX_RATE_LIMITED_ATTEMPTS = 30;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 15 * 60_000;
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

export type Decision =
  | { type: 'retry'; at: Date; blockChannelUntil?: Date }
  /** The outcome is unknown and the network cannot dedupe: look for the post before anything else. */
  | { type: 'reconcile'; at: Date }
  | { type: 'fail'; reconnect?: boolean };

export interface FailureFacts {
  kind: ProviderErrorKind;
  /** 1 for the first attempt. */
  attempt: number;
  retryAt?: Date;
  /** The network deduplicates retries with the same key (Bluesky rkey, webhook id…). */
  idempotent: boolean;
  now?: Date;
  /** 0..1; injectable for tests. */
  random?: number;
  /** The first backoff step (VARDE_RETRY_BASE_MS); BACKOFF_BASE_MS by default. */
  baseMs?: number;
}

/** Exponential backoff with ±20 % jitter, capped. */
export function backoffMs(attempt: number, random = Math.random(), baseMs = BACKOFF_BASE_MS): number {
  const raw = Math.min(BACKOFF_CAP_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random));
}

export function decide(f: FailureFacts): Decision {
  const now = f.now ?? new Date();
  switch (f.kind) {
    case 'rejected':
      return { type: 'fail' };
    case 'auth_expired':
      // The provider has already refreshed and retried once; a person must reconnect.
      return { type: 'fail', reconnect: true };
    case 'rate_limited': {
      if (f.attempt >= MAX_RATE_LIMITED_ATTEMPTS) return { type: 'fail' };
      // Never before the network's reset time; at least one second from now.
      const at = new Date(Math.max(f.retryAt?.getTime() ?? now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS, now.getTime() + 1000));
      return { type: 'retry', at, blockChannelUntil: at };
    }
    case 'unknown_outcome':
      if (!f.idempotent) return { type: 'reconcile', at: new Date(now.getTime() + backoffMs(1, f.random, f.baseMs)) };
    // A network that dedupes makes a retry with the same key safe: treat as transient.
    // falls through
    case 'transient':
      if (f.attempt >= MAX_TRANSIENT_ATTEMPTS) return { type: 'fail' };
      return { type: 'retry', at: new Date(now.getTime() + backoffMs(f.attempt, f.random, f.baseMs)) };
  }
}
