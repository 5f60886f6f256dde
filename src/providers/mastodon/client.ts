/**
 * A small Mastodon REST client over Varde's guarded HttpClient, bound to one server and one user
 * token, and the one place where what a Mastodon server answers becomes a ProviderError.
 *
 * What servers answer (docs.joinmastodon.org, api/rate-limits and each method's page): failures are
 * JSON `{ error, error_description? }`; a revoked or unknown token is 401 "The access token is
 * invalid"; a missing scope is 403 "This action is outside the authorized scopes"; validation is 422
 * "Validation failed: …"; the throttle is 429 with `X-RateLimit-Reset` as an ISO-8601 timestamp
 * (300 calls per 5 minutes per account, 30 media uploads per 30 minutes).
 */
import type { HttpClient, HttpResponse } from '../../net/http.types.js';
import { ProviderError, parseRetryAfter } from '../provider-error.js';
import { channelTimeoutMs, WHOLE_MS_UP_TO_TEN_MINUTES } from '../shared/request-timeout.js';
import { classifyTransportFailure } from '../shared/transport-failure.js';

/** The request timeout when the operator sets none (VARDE_MASTODON_TIMEOUT_MS). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A Mastodon server answered with an error status. */
export class MastodonError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string>,
  ) {
    super(message);
    this.name = 'MastodonError';
  }
}

export interface MastodonCall {
  query?: Record<string, string | number | boolean | string[] | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  /** multipart/form-data (media uploads). */
  multipart?: FormData;
  /** Sent as `Idempotency-Key`: the server remembers it for an hour and returns the first status. */
  idempotencyKey?: string;
  /** No Authorization header (app registration, public instance data). */
  anonymous?: boolean;
  timeoutMs?: number;
}

export interface MastodonReply<T> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

export type MastodonApi = <T = Record<string, unknown>>(method: string, path: string, call?: MastodonCall) => Promise<MastodonReply<T>>;

/** Binds calls to a server origin (`https://mastodon.social`) and, unless anonymous, a user token. */
export function createMastodonApi(http: HttpClient, instanceUrl: string, token: string | null, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): MastodonApi {
  return async <T>(method: string, path: string, call: MastodonCall = {}): Promise<MastodonReply<T>> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token && !call.anonymous) headers.authorization = `Bearer ${token}`;
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    let body: string | Uint8Array | undefined;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['content-type'] = 'application/json';
    } else if (call.form) {
      body = new URLSearchParams(call.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (call.multipart) {
      const encoded = new Response(call.multipart);
      body = new Uint8Array(await encoded.arrayBuffer());
      headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
    }
    const res = await http(`${instanceUrl}${path}${queryString(call.query)}`, {
      method,
      headers,
      body,
      timeoutMs: call.timeoutMs ?? opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: 10 * 1024 * 1024,
      signal: opts.signal,
    });
    if (res.status >= 200 && res.status < 300) return { status: res.status, data: parseBody<T>(res), headers: res.headers };
    throw new MastodonError(res.status, errorMessage(res), res.headers);
  };
}

function queryString(query: MastodonCall['query']): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, v);
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function parseBody<T>(res: HttpResponse): T {
  if (res.body.length === 0) return {} as T;
  try {
    return res.json<T>();
  } catch {
    return {} as T;
  }
}

function errorMessage(res: HttpResponse): string {
  try {
    const data = res.json<{ error?: unknown; error_description?: unknown }>();
    if (typeof data.error_description === 'string' && data.error_description) return data.error_description;
    if (typeof data.error === 'string' && data.error) return data.error;
  } catch {
    // Proxies in front of a server answer HTML; keep the start of it.
  }
  const text = res.text().trim();
  return text ? text.slice(0, 300) : `HTTP ${res.status}`;
}

/** When calls may resume: `X-RateLimit-Reset` (ISO-8601), else `Retry-After`, else in five minutes. */
export function rateLimitResetAt(headers: Record<string, string>, now = Date.now()): Date {
  const reset = Date.parse(headers['x-ratelimit-reset'] ?? '');
  if (Number.isFinite(reset)) return new Date(Math.max(reset, now));
  return parseRetryAfter(headers['retry-after'], now) ?? new Date(now + 5 * 60_000);
}

/**
 * Classifies any failure of a Mastodon call; `doing` completes "Mastodon … failed". A request that
 * may have reached the server is `unknown_outcome`: statuses are sent with an Idempotency-Key, so
 * the pipeline may send them again (the provider is `idempotentPublish`).
 */
export function toProviderError(err: unknown, doing: string): ProviderError {
  if (err instanceof MastodonError) return fromMastodonError(err, doing);
  return classifyTransportFailure(err, `Mastodon ${doing}`, { write: true });
}

function fromMastodonError(err: MastodonError, doing: string): ProviderError {
  const options = { networkMessage: err.message, status: err.status, cause: err };
  const text = `Mastodon ${doing} failed: ${err.message}`;
  if (err.status === 429) return new ProviderError('rate_limited', text, { ...options, retryAt: rateLimitResetAt(err.headers) });
  if (err.status === 401) return new ProviderError('auth_expired', text, options);
  // A token without a scope Varde needs: only a new login can grant it.
  if (err.status === 403 && /outside the authorized scopes/i.test(err.message)) return new ProviderError('auth_expired', text, options);
  if (err.status >= 500 || err.status === 408) return new ProviderError('transient', text, options);
  return new ProviderError('rejected', text, options);
}

export function isNotFound(err: unknown): boolean {
  return err instanceof MastodonError && err.status === 404;
}

/**
 * The request timeout: the channel's `timeoutMs` setting, else VARDE_MASTODON_TIMEOUT_MS, else 30 s
 * (tests of servers that accept and never answer set it low).
 */
export function timeoutOf(values: Record<string, string | undefined>, settings: Record<string, unknown> = {}): number {
  return channelTimeoutMs(values, settings, DEFAULT_TIMEOUT_MS, WHOLE_MS_UP_TO_TEN_MINUTES);
}
