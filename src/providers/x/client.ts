/**
 * A small X API v2 client over Varde's guarded HttpClient, and the one place where what X answers
 * becomes a ProviderError.
 *
 * X's signals: 401 = the user token expired or was revoked; 429 with `x-rate-limit-reset` (epoch
 * seconds; the 24-hour caps send `x-user-limit-24hour-reset` / `x-app-limit-24hour-reset`), and
 * the v1.1-style body `{"errors":[{"code":88,"message":"Rate limit exceeded"}]}`; 403 with
 * "duplicate content" for an identical recent post; 403 `client-not-enrolled` when the app's access
 * tier does not include the endpoint; 402 when a pay-per-use account has no credits left. v2 error
 * bodies are RFC 7807 problems `{title, detail, type, status}`, or `{errors:[{message}]}`.
 */
import type { HttpClient, HttpResponse } from '../../net/http.types.js';
import { ProviderError, parseRetryAfter } from '../provider-error.js';
import { classifyTransportFailure } from '../shared/transport-failure.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

/** X answered with an error status. */
export class XApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string>,
  ) {
    super(message);
    this.name = 'XApiError';
  }

  get isDuplicate(): boolean {
    return this.status === 403 && /duplicate/i.test(this.message);
  }
}

export interface XCall {
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  multipart?: { fields: Record<string, string>; file: { name: string; data: Uint8Array; contentType: string } };
  timeoutMs?: number;
}

export type XApi = <T = any>(method: string, path: string, call?: XCall) => Promise<T>;

/** Binds a caller to X's API base URL and a user access token. */
export function createXApi(http: HttpClient, baseUrl: string, accessToken: string, defaults: { timeoutMs?: number; signal?: AbortSignal } = {}): XApi {
  return async (method, path, call = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${accessToken}`, accept: 'application/json' };
    let body: string | Uint8Array | undefined;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['content-type'] = 'application/json';
    } else if (call.form) {
      body = new URLSearchParams(call.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (call.multipart) {
      const encoded = encodeMultipart(call.multipart.fields, call.multipart.file);
      body = encoded.body;
      headers['content-type'] = encoded.contentType;
    }
    const res = await http(`${baseUrl}${path}${queryString(call.query)}`, { method, headers, body, timeoutMs: call.timeoutMs ?? defaults.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: defaults.signal });
    if (res.status >= 200 && res.status < 300) return (res.body.length ? res.json() : {}) as any;
    throw readError(res);
  };
}

export function queryString(query?: Record<string, string | number | undefined>): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
}

function encodeMultipart(fields: Record<string, string>, file: { name: string; data: Uint8Array; contentType: string }) {
  const boundary = `varde${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="blob"\r\nContent-Type: ${file.contentType}\r\n\r\n`));
  chunks.push(Buffer.from(file.data), Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: new Uint8Array(Buffer.concat(chunks)), contentType: `multipart/form-data; boundary=${boundary}` };
}

function readError(res: HttpResponse): XApiError {
  let body: Record<string, any> = {};
  try {
    body = res.json<Record<string, any>>() ?? {};
  } catch {
    body = { detail: res.text().slice(0, 300) };
  }
  const first = Array.isArray(body.errors) ? body.errors[0] : undefined;
  const message = String(body.detail ?? first?.message ?? body.title ?? body.error_description ?? body.error ?? `HTTP ${res.status}`);
  const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return new XApiError(res.status, message, body, headers);
}

/** When X says calls may resume: the exhausted window's reset (epoch seconds), else Retry-After. */
export function rateLimitReset(headers: Record<string, string>, now = Date.now()): Date | undefined {
  const epoch = (name: string) => (headers[name] && Number.isFinite(Number(headers[name])) ? new Date(Number(headers[name]) * 1000) : undefined);
  const candidates: (Date | undefined)[] = [];
  if (headers['x-user-limit-24hour-remaining'] === '0') candidates.push(epoch('x-user-limit-24hour-reset'));
  if (headers['x-app-limit-24hour-remaining'] === '0') candidates.push(epoch('x-app-limit-24hour-reset'));
  candidates.push(epoch('x-rate-limit-reset'), parseRetryAfter(headers['retry-after'], now));
  const times = candidates.filter((d): d is Date => d !== undefined).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)) : undefined;
}

/**
 * Classifies a failure of an X call. `doing` completes "X … failed". `write` marks a call that
 * creates something X does not deduplicate (a post, a reply, a DM): a timeout or a 5xx after
 * sending may have created it, so it is `unknown_outcome` and the post must be looked up.
 */
export function toProviderError(err: unknown, doing: string, write = false): ProviderError {
  if (err instanceof XApiError) {
    const detail = { status: err.status, xError: err.body.type ?? err.body.title ?? null, reason: err.body.reason ?? null };
    const opts = { networkMessage: err.message, status: err.status, detail, cause: err };
    const code88 = Array.isArray(err.body.errors) && err.body.errors.some((e: any) => e?.code === 88);
    if (err.status === 429 || code88) return new ProviderError('rate_limited', `X rate limit reached while trying to ${doing}`, { ...opts, retryAt: rateLimitReset(err.headers) });
    if (err.status === 401) return new ProviderError('auth_expired', `X refused the login while trying to ${doing}; it must be renewed`, opts);
    if (err.status === 403 && err.body.reason === 'client-not-enrolled') {
      return new ProviderError('rejected', `X: this app's access level does not include what Varde needs to ${doing}; see docs/networks/x.md (access tiers)`, opts);
    }
    if (err.status >= 500) return new ProviderError(write ? 'unknown_outcome' : 'transient', `X failed (HTTP ${err.status}) while trying to ${doing}`, opts);
    return new ProviderError('rejected', `X refused to ${doing}: ${err.message}`, opts);
  }
  return classifyTransportFailure(err, `X ${doing}`, { write });
}
