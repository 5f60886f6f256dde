/**
 * Timing knobs shared by the Meta providers, from the operator's environment
 * (`VARDE_<SLUG>_TIMEOUT_MS`, `VARDE_<SLUG>_POLL_MS`, `VARDE_<SLUG>_POLL_MAX_MS`) or a channel's
 * settings; the defaults are realistic for production, tests shorten them.
 */
import type { NetworkApp } from '../contract.js';

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_UPLOAD_TIMEOUT_MS = 120_000;
/** Meta suggests polling a container about once a minute for at most five; Varde starts faster. */
export const DEFAULT_POLL_MS = 5_000;
export const DEFAULT_POLL_MAX_MS = 5 * 60_000;

export const META_OPTIONAL_VALUES = ['WEBHOOK_VERIFY_TOKEN', 'TIMEOUT_MS', 'POLL_MS', 'POLL_MAX_MS'];

export interface MetaTimeouts {
  requestMs: number;
  uploadMs: number;
  pollMs: number;
  pollMaxMs: number;
}

function positive(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function metaTimeouts(app: NetworkApp, settings: Record<string, unknown> = {}): MetaTimeouts {
  const requestMs = positive(settings.timeoutMs ?? app.values.TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS);
  return {
    requestMs,
    uploadMs: Math.max(requestMs, positive(settings.uploadTimeoutMs, requestMs === DEFAULT_REQUEST_TIMEOUT_MS ? DEFAULT_UPLOAD_TIMEOUT_MS : requestMs)),
    pollMs: positive(settings.pollMs ?? app.values.POLL_MS, DEFAULT_POLL_MS),
    pollMaxMs: positive(settings.pollMaxMs ?? app.values.POLL_MAX_MS, DEFAULT_POLL_MAX_MS),
  };
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason ?? new Error('aborted'));
    }, { once: true });
  });
