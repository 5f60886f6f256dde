/**
 * A tiny XRPC client over Varde's guarded HttpClient (the runtime never imports @atproto/*), and
 * the one place where what a PDS answers becomes a ProviderError.
 *
 * Error shapes seen on @atproto/pds (the software behind bsky.social and most self-hosted PDSes):
 * every failure is JSON `{ error, message }`; a wrong password is 401 `AuthenticationRequired`;
 * an expired or foreign access token is **400** `ExpiredToken` / `InvalidToken` (not 401); a
 * missing record is 400 `RecordNotFound`; a bad record is 400 `InvalidRequest`; rate limits are 429
 * with `RateLimit-Reset` in epoch seconds; and a createRecord on an rkey that already exists is a
 * bare 500 `InternalServerError` (hence the look-up after a failed create in the provider).
 */
import type { HttpClient, HttpResponse } from '../../net/http.types.js';
import { ProviderError, parseRetryAfter } from '../provider-error.js';
import { classifyTransportFailure } from '../shared/transport-failure.js';

/** A PDS answered with an error status. */
export class XrpcError extends Error {
  constructor(
    readonly status: number,
    /** The XRPC error name, e.g. `ExpiredToken`, `RecordNotFound`, `InvalidRequest`. */
    readonly error: string,
    message: string,
    readonly headers: Record<string, string>,
  ) {
    super(message);
    this.name = 'XrpcError';
  }
}

export interface XrpcCall {
  /** Defaults to POST when a body is given, else GET. */
  method?: 'GET' | 'POST';
  params?: Record<string, string | number | boolean | undefined>;
  /** JSON-encoded unless it is raw bytes (then `contentType` says what they are). */
  body?: unknown;
  contentType?: string;
  /** An access or refresh JWT, sent as a Bearer token. */
  auth?: string;
  timeoutMs?: number;
}

export type Xrpc = <T = Record<string, unknown>>(nsid: string, call?: XrpcCall) => Promise<T>;

/** Binds an XRPC caller to a PDS (or entryway) base URL. */
export function createXrpc(http: HttpClient, serviceUrl: string, signal?: AbortSignal): Xrpc {
  const base = serviceUrl.replace(/\/+$/, '');
  return async <T>(nsid: string, call: XrpcCall = {}): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.auth) headers.authorization = `Bearer ${call.auth}`;
    let body: string | Uint8Array | undefined;
    if (call.body instanceof Uint8Array) {
      body = call.body;
      headers['content-type'] = call.contentType ?? 'application/octet-stream';
    } else if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['content-type'] = 'application/json';
    }
    const res = await http(`${base}/xrpc/${nsid}${query(call.params)}`, {
      method: call.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      timeoutMs: call.timeoutMs ?? 30_000,
      signal,
    });
    if (res.status >= 200 && res.status < 300) return (res.body.length ? res.json<T>() : {}) as T;
    throw readError(res);
  };
}

function query(params: XrpcCall['params']): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

function readError(res: HttpResponse): XrpcError {
  let error = `Http${res.status}`;
  let message = `HTTP ${res.status}`;
  try {
    const data = res.json<{ error?: unknown; message?: unknown }>();
    if (typeof data.error === 'string') error = data.error;
    if (typeof data.message === 'string' && data.message) message = data.message;
    else if (typeof data.error === 'string') message = data.error;
  } catch {
    const text = res.text().trim();
    if (text) message = text.slice(0, 300);
  }
  return new XrpcError(res.status, error, message, lowerKeys(res.headers));
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** True when a PDS refused the access token (expired, revoked, or not an access token). */
export function isAuthError(err: unknown): boolean {
  return err instanceof XrpcError && (err.status === 401 || err.error === 'ExpiredToken' || err.error === 'InvalidToken');
}

/** True when the PDS says there is no such record. */
export function isNotFound(err: unknown): boolean {
  return err instanceof XrpcError && (err.error === 'RecordNotFound' || err.status === 404);
}

/**
 * Classifies any failure of a Bluesky call. `doing` completes "Bluesky … failed", e.g. "publish".
 *
 * An HttpFailure with `maybeDelivered` is `transient`, not `unknown_outcome`: every write Varde
 * makes is keyed (createRecord uses an rkey derived from the delivery's idempotency key, deletes
 * are naturally idempotent, blobs are content-addressed), so sending it again cannot duplicate.
 */
export function toProviderError(err: unknown, doing: string): ProviderError {
  if (err instanceof XrpcError) return fromXrpcError(err, doing);
  return classifyTransportFailure(err, `Bluesky ${doing}`, { write: false });
}

function fromXrpcError(err: XrpcError, doing: string): ProviderError {
  const options = { networkMessage: err.message, status: err.status, detail: { error: err.error }, cause: err };
  const text = `Bluesky ${doing} failed: ${err.message}`;
  if (err.status === 429) {
    return new ProviderError('rate_limited', text, { ...options, retryAt: retryAtOf(err.headers) });
  }
  if (isAuthError(err) || err.error === 'AccountTakedown' || err.error === 'AccountDeactivated') {
    return new ProviderError('auth_expired', text, options);
  }
  if (err.status >= 500 || err.status === 408) return new ProviderError('transient', text, options);
  return new ProviderError('rejected', text, options);
}

/** When calls may resume: `RateLimit-Reset` (epoch seconds), else `Retry-After`, else in a minute. */
function retryAtOf(headers: Record<string, string>, now = Date.now()): Date {
  const reset = Number(headers['ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return new Date(Math.max(reset * 1000, now));
  return parseRetryAfter(headers['retry-after'], now) ?? new Date(now + 60_000);
}
