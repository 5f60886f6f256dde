/**
 * A LinkedIn REST client (the versioned `/rest/*` APIs: `LinkedIn-Version: YYYYMM` and
 * `X-Restli-Protocol-Version: 2.0.0` on every call) over Varde's guarded HttpClient, and the one
 * place where LinkedIn's answers become ProviderErrors.
 *
 * LinkedIn's signals: 401 `INVALID_ACCESS_TOKEN` / `EXPIRED_ACCESS_TOKEN` (serviceErrorCode 65600/
 * 65601); 403 `ACCESS_DENIED` when a scope or the Community Management API is missing; 422 for
 * content it refuses (including "Content is a duplicate of urn:li:share:…"); 426 when the requested
 * API version is no longer served; 429 for the application's or member's daily throttle, which
 * resets at midnight UTC and carries no reset header.
 */
import type { HttpClient, HttpResponse } from '../../net/http.types.js';
import { ProviderError, parseRetryAfter } from '../provider-error.js';
import { classifyTransportFailure } from '../shared/transport-failure.js';

export const DEFAULT_API_VERSION = '202601';
export const DEFAULT_TIMEOUT_MS = 30_000;

export class LinkedInError extends Error {
  constructor(readonly status: number, message: string, readonly body: Record<string, any>, readonly headers: Record<string, string>) {
    super(message);
    this.name = 'LinkedInError';
  }

  /** The existing post LinkedIn names when it refuses identical content, if any. */
  get duplicateOf(): string | null {
    return /duplicate of (urn:li:[a-zA-Z]+:\d+)/.exec(this.message)?.[1] ?? null;
  }
}

export interface LiCall {
  query?: string;
  json?: unknown;
  bytes?: Uint8Array;
  timeoutMs?: number;
}

export interface LiResponse<T> {
  body: T;
  headers: Record<string, string>;
}

export type LinkedInApi = <T = any>(method: string, path: string, call?: LiCall) => Promise<LiResponse<T>>;

/** URNs in paths are URL-encoded (`urn%3Ali%3Ashare%3A123`). */
export const enc = (urn: string) => encodeURIComponent(urn);

export function createLinkedInApi(http: HttpClient, baseUrl: string, token: string, opts: { version?: string; timeoutMs?: number; signal?: AbortSignal } = {}): LinkedInApi {
  return async (method, path, call = {}) => {
    const url = /^https?:\/\//.test(path) ? path : `${baseUrl}${path}${call.query ? `?${call.query}` : ''}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`, 'linkedin-version': opts.version ?? DEFAULT_API_VERSION, 'x-restli-protocol-version': '2.0.0', accept: 'application/json',
    };
    let body: string | Uint8Array | undefined;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['content-type'] = 'application/json';
    } else if (call.bytes) {
      body = call.bytes;
      headers['content-type'] = 'application/octet-stream';
    }
    const res = await http(url, { method, headers, body, timeoutMs: call.timeoutMs ?? opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: opts.signal });
    const lower = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), v]));
    if (res.status >= 200 && res.status < 300) return { body: (res.body.length ? safeJson(res) : {}) as any, headers: lower };
    throw readError(res, lower);
  };
}

function safeJson(res: HttpResponse): unknown {
  try {
    return res.json();
  } catch {
    return {};
  }
}

function readError(res: HttpResponse, headers: Record<string, string>): LinkedInError {
  const body = (safeJson(res) ?? {}) as Record<string, any>;
  const message = String(body.message ?? body.error_description ?? body.error ?? (res.text().slice(0, 300) || `HTTP ${res.status}`));
  return new LinkedInError(res.status, message, body, headers);
}

/** LinkedIn's daily throttles reset at midnight UTC. */
function nextUtcMidnight(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/** Classifies a failure. `write` marks a call that creates a post or comment LinkedIn does not deduplicate. */
export function toProviderError(err: unknown, doing: string, write = false): ProviderError {
  if (err instanceof LinkedInError) {
    const opts = { networkMessage: err.message, status: err.status, detail: { status: err.status, code: err.body.code ?? null, serviceErrorCode: err.body.serviceErrorCode ?? null }, cause: err };
    if (err.status === 429) {
      const daily = /day|daily/i.test(err.message);
      return new ProviderError('rate_limited', `LinkedIn's rate limit was reached while trying to ${doing}`, { ...opts, retryAt: parseRetryAfter(err.headers['retry-after']) ?? (daily ? nextUtcMidnight() : undefined) });
    }
    if (err.status === 401) return new ProviderError('auth_expired', `LinkedIn refused the login while trying to ${doing}; it must be renewed`, opts);
    if (err.status === 403) return new ProviderError('rejected', `LinkedIn does not allow this app to ${doing} (a missing scope or product; see docs/networks/linkedin.md): ${err.message}`, opts);
    if (err.status === 426) return new ProviderError('rejected', `LinkedIn no longer serves API version in use; set VARDE_LINKEDIN_API_VERSION to a current YYYYMM: ${err.message}`, opts);
    if (err.status >= 500) return new ProviderError(write ? 'unknown_outcome' : 'transient', `LinkedIn failed (HTTP ${err.status}) while trying to ${doing}`, opts);
    return new ProviderError('rejected', `LinkedIn refused to ${doing}: ${err.message}`, opts);
  }
  return classifyTransportFailure(err, `LinkedIn ${doing}`, { write });
}
