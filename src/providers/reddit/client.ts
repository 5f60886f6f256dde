/**
 * A Reddit API client (oauth.reddit.com) over Varde's guarded HttpClient, and the one place where
 * what Reddit answers becomes a ProviderError.
 *
 * Reddit's traps (reddit.com/dev/api, the API rules, PRAW): every call needs a unique, descriptive
 * `User-Agent`; writes take form fields with `api_type=json`, and refuse inside a **200** answer as
 * `{ json: { errors: [[CODE, message, field]] } }` — `RATELIMIT` ("Take a break for 5 minutes") among
 * them; the request throttle (100 queries a minute per client) is 429 with `X-Ratelimit-Reset` in
 * seconds until the window ends; an expired token is 401.
 */
import type { HttpClient, HttpResponse } from '../../net/http.types.js';
import { ProviderError, parseRetryAfter } from '../provider-error.js';
import { channelTimeoutMs, WHOLE_MS_UP_TO_TEN_MINUTES } from '../shared/request-timeout.js';
import { classifyTransportFailure } from '../shared/transport-failure.js';

export const DEFAULT_API_URL = 'https://oauth.reddit.com';
export const DEFAULT_WWW_URL = 'https://www.reddit.com';
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Reddit answered with an error status. */
export class RedditHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string>,
  ) {
    super(message);
    this.name = 'RedditHttpError';
  }
}

/** Reddit refused inside a 200: `json.errors`. */
export class RedditApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null,
    /** Seconds, when Reddit says how long to wait (`json.ratelimit`). */
    readonly ratelimit?: number,
  ) {
    super(message);
    this.name = 'RedditApiError';
  }
}

export interface RedditCall {
  query?: Record<string, string | number | boolean | undefined>;
  form?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  timeoutMs?: number;
}

export type RedditApi = <T = Record<string, unknown>>(method: string, path: string, call?: RedditCall) => Promise<T>;

/** The User-Agent Reddit's API rules ask for: `<platform>:<app id>:<version> (by /u/<operator>)`. */
export function userAgentOf(values: Record<string, string | undefined>): string {
  return values.USER_AGENT || `web:varde:0.1 (self-hosted social media scheduler${values.USERNAME ? `; by /u/${values.USERNAME}` : ''})`;
}

export function createRedditApi(http: HttpClient, apiUrl: string, token: string, userAgent: string, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): RedditApi {
  return async <T>(method: string, path: string, call: RedditCall = {}): Promise<T> => {
    const headers: Record<string, string> = { authorization: `bearer ${token}`, 'user-agent': userAgent, accept: 'application/json' };
    let body: string | undefined;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['content-type'] = 'application/json';
    } else if (call.form) {
      body = encode({ api_type: 'json', ...call.form });
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const query = encode({ raw_json: 1, ...call.query });
    const res = await http(`${apiUrl}${path}?${query}`, { method, headers, body, timeoutMs: call.timeoutMs ?? opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: opts.signal });
    if (res.status < 200 || res.status >= 300) throw new RedditHttpError(res.status, httpMessage(res), res.headers);
    const data = res.body.length ? res.json<T>() : ({} as T);
    throwApiErrors(data);
    return data;
  };
}

function encode(fields: Record<string, string | number | boolean | undefined>): string {
  return new URLSearchParams(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();
}

function httpMessage(res: HttpResponse): string {
  try {
    const data = res.json<{ message?: string; error?: string | number; reason?: string; explanation?: string }>();
    return [data.message ?? data.error, data.explanation ?? data.reason].filter(Boolean).join(': ') || `HTTP ${res.status}`;
  } catch {
    return res.text().trim().slice(0, 300) || `HTTP ${res.status}`;
  }
}

/** Raises the first of `json.errors` in a 200 answer. */
export function throwApiErrors(data: unknown): void {
  const json = (data as { json?: { errors?: unknown; ratelimit?: unknown } } | null)?.json;
  const errors = Array.isArray(json?.errors) ? (json!.errors as unknown[][]) : [];
  if (errors.length === 0) return;
  const [code, message, field] = errors[0];
  throw new RedditApiError(String(code), String(message ?? code), typeof field === 'string' ? field : null, typeof json?.ratelimit === 'number' ? json.ratelimit : undefined);
}

/** "…try again in 5 minutes." / "…for 9 seconds…" → seconds. */
function waitFromMessage(message: string): number | undefined {
  const m = /(\d+)\s*(second|minute|hour)/i.exec(message);
  if (!m) return undefined;
  return Number(m[1]) * ({ second: 1, minute: 60, hour: 3600 } as Record<string, number>)[m[2].toLowerCase()];
}

/**
 * Classifies any failure of a Reddit call; `doing` completes "Reddit … failed". A write that may
 * have reached Reddit is `unknown_outcome`: the provider looks the post up before sending again.
 */
export function toProviderError(err: unknown, doing: string, now = Date.now()): ProviderError {
  if (err instanceof RedditApiError) {
    const options = { networkMessage: err.message, detail: { code: err.code, field: err.field }, cause: err };
    const text = `Reddit ${doing} failed: ${err.message}`;
    if (err.code === 'RATELIMIT') {
      const secs = err.ratelimit ?? waitFromMessage(err.message) ?? 600;
      return new ProviderError('rate_limited', text, { ...options, retryAt: new Date(now + Math.ceil(secs) * 1000) });
    }
    if (err.code === 'USER_REQUIRED' || err.code === 'INVALID_TOKEN') return new ProviderError('auth_expired', text, options);
    return new ProviderError('rejected', text, options);
  }
  if (err instanceof RedditHttpError) {
    const options = { networkMessage: err.message, status: err.status, cause: err };
    const text = `Reddit ${doing} failed: ${err.message}`;
    if (err.status === 429) {
      const reset = Number(err.headers['x-ratelimit-reset']);
      const retryAt = Number.isFinite(reset) && reset >= 0 ? new Date(now + Math.ceil(reset) * 1000) : (parseRetryAfter(err.headers['retry-after'], now) ?? new Date(now + 60_000));
      return new ProviderError('rate_limited', text, { ...options, retryAt });
    }
    if (err.status === 401) return new ProviderError('auth_expired', text, options);
    if (err.status >= 500 || err.status === 408) return new ProviderError('transient', text, options);
    return new ProviderError('rejected', text, options);
  }
  return classifyTransportFailure(err, `Reddit ${doing}`, { write: true });
}

/** The request timeout: the channel's `timeoutMs`, else VARDE_REDDIT_TIMEOUT_MS, else 30 s. */
export function timeoutOf(values: Record<string, string | undefined>, settings: Record<string, unknown> = {}): number {
  return channelTimeoutMs(values, settings, DEFAULT_TIMEOUT_MS, WHOLE_MS_UP_TO_TEN_MINUTES);
}
