/**
 * A small client for Google's JSON APIs (YouTube Data API v3, YouTube Analytics v2) over Varde's
 * guarded HttpClient, and the one place where what Google answers becomes a ProviderError.
 *
 * Google's error body is `{ error: { code, message, errors: [{ domain, reason, message }], status } }`.
 * The `reason` is what tells failures apart: `quotaExceeded` (403, the project's daily units are
 * spent — they come back at midnight Pacific time), `rateLimitExceeded`/`userRateLimitExceeded`
 * (403, short bursts), `uploadLimitExceeded` (400, the channel's own daily upload cap), `authError`
 * (401), `youtubeSignupRequired` (401, the Google account has no channel), `invalidTitle`… (400).
 */
import { DateTime } from 'luxon';
import type { HttpClient, HttpResponse } from '../../net/http.types.js';
import type { NetworkApp } from '../contract.js';
import { ProviderError, parseRetryAfter } from '../provider-error.js';
import { configuredTimeoutMs } from '../shared/request-timeout.js';
import { classifyTransportFailure } from '../shared/transport-failure.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** A chunk of a resumable upload may take a while on a slow uplink. */
export const DEFAULT_UPLOAD_TIMEOUT_MS = 120_000;
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;
/** `uploadLimitExceeded` is a rolling daily cap per channel: try again in a day. */
const UPLOAD_LIMIT_WAIT_MS = 24 * 3600_000;

/** Google answered with an error status. */
export class GoogleApiError extends Error {
  constructor(
    readonly status: number,
    /** The first `errors[].reason`, e.g. `quotaExceeded`, or the OAuth `error` code. */
    readonly reason: string,
    message: string,
    readonly headers: Record<string, string>,
  ) {
    super(message);
    this.name = 'GoogleApiError';
  }
}

export interface ApiCall {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  json?: unknown;
  /** Raw bytes (an upload chunk), with `headers['content-type']`. */
  bytes?: Uint8Array;
  headers?: Record<string, string>;
  token?: string;
  timeoutMs?: number;
  /** Statuses that are answers, not errors (the resumable upload's 308). */
  accept?: number[];
}

export type GoogleApi = (url: string, call?: ApiCall) => Promise<HttpResponse>;

/** Binds calls to the guarded client; `url` is absolute (see `urlOf`). */
export function createGoogleApi(http: HttpClient, timeoutMs: number | undefined, signal?: AbortSignal): GoogleApi {
  return async (url, call = {}) => {
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    let body: string | Uint8Array | undefined = call.bytes;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['content-type'] = 'application/json; charset=UTF-8';
    }
    const res = await http(withQuery(url, call.query), {
      method: call.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      timeoutMs: call.timeoutMs ?? timeoutMs ?? DEFAULT_TIMEOUT_MS,
      signal,
    });
    if ((res.status >= 200 && res.status < 300) || call.accept?.includes(res.status)) return res;
    throw readGoogleError(res);
  };
}

/** `${app.urls[key]}${path}`: the base URL is configurable so tests reach an emulator. */
export function urlOf(app: NetworkApp, key: 'api' | 'analytics' | 'auth' | 'token', path: string): string {
  return `${app.urls[key]}${path}`;
}

/** The operator's timeout override (VARDE_YOUTUBE_TIMEOUT_MS), for tests and slow links. */
export function timeoutOf(app: NetworkApp): number | undefined {
  return configuredTimeoutMs([app.values.TIMEOUT_MS], { finite: true });
}

function withQuery(url: string, query: ApiCall['query']): string {
  if (!query) return url;
  const u = new URL(url);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u.toString();
}

export function readGoogleError(res: HttpResponse): GoogleApiError {
  let reason = `http_${res.status}`;
  let message = `HTTP ${res.status}`;
  try {
    const data = res.json<{ error?: unknown; error_description?: unknown }>();
    if (typeof data.error === 'string') {
      // The OAuth endpoints: { error: "invalid_grant", error_description: "…" }.
      reason = data.error;
      message = typeof data.error_description === 'string' && data.error_description ? data.error_description : data.error;
    } else if (data.error && typeof data.error === 'object') {
      const e = data.error as { message?: unknown; errors?: { reason?: unknown; message?: unknown }[]; status?: unknown };
      const first = Array.isArray(e.errors) ? e.errors[0] : undefined;
      if (typeof first?.reason === 'string') reason = first.reason;
      else if (typeof e.status === 'string') reason = e.status;
      if (typeof e.message === 'string' && e.message) message = plainText(e.message);
    }
  } catch {
    const text = res.text().trim();
    if (text) message = plainText(text).slice(0, 300);
  }
  return new GoogleApiError(res.status, reason, message, res.headers);
}

/** Google puts links in some messages ("…exceeded your <a href=…>quota</a>."). */
function plainText(s: string): string {
  return s.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

/** The next midnight in America/Los_Angeles, when YouTube's daily quota resets. */
export function nextPacificMidnight(now = new Date()): Date {
  return DateTime.fromJSDate(now).setZone('America/Los_Angeles').plus({ days: 1 }).startOf('day').toJSDate();
}

/**
 * Classifies any failure of a YouTube call. `doing` completes "YouTube … failed". A request that
 * may have reached Google is `unknown_outcome` when `write` says it could have created something
 * (an upload chunk, a comment), else `transient`.
 */
export function toProviderError(err: unknown, doing: string, write = false): ProviderError {
  if (err instanceof GoogleApiError) return fromGoogleError(err, doing);
  return classifyTransportFailure(err, `YouTube ${doing}`, { write });
}

function fromGoogleError(err: GoogleApiError, doing: string, now = new Date()): ProviderError {
  const options = { networkMessage: err.message, status: err.status, detail: { reason: err.reason }, cause: err };
  const text = `YouTube ${doing} failed: ${err.message}`;
  switch (err.reason) {
    case 'quotaExceeded':
    case 'dailyLimitExceeded':
      return new ProviderError('rate_limited', `${text} (the project's daily YouTube quota resets at midnight Pacific time)`, { ...options, retryAt: nextPacificMidnight(now) });
    case 'uploadLimitExceeded':
      return new ProviderError('rate_limited', `${text} (the channel's daily upload limit; Varde tries again in a day)`, { ...options, retryAt: new Date(now.getTime() + UPLOAD_LIMIT_WAIT_MS) });
    case 'rateLimitExceeded':
    case 'userRateLimitExceeded':
      return new ProviderError('rate_limited', text, { ...options, retryAt: parseRetryAfter(err.headers['retry-after'], now.getTime()) ?? new Date(now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS) });
    case 'youtubeSignupRequired':
      return new ProviderError('rejected', `${text} — this Google account has no YouTube channel yet; create one at youtube.com`, options);
    case 'invalid_grant':
      return new ProviderError('auth_expired', text, options);
    case 'invalid_client':
    case 'unauthorized_client':
      return new ProviderError('rejected', `${text} — check VARDE_YOUTUBE_CLIENT_ID and VARDE_YOUTUBE_CLIENT_SECRET`, options);
  }
  if (err.status === 429) {
    return new ProviderError('rate_limited', text, { ...options, retryAt: parseRetryAfter(err.headers['retry-after'], now.getTime()) ?? new Date(now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS) });
  }
  if (err.status === 401) return new ProviderError('auth_expired', text, options);
  if (err.status >= 500 || err.status === 408) return new ProviderError('transient', text, options);
  return new ProviderError('rejected', text, options);
}
