/**
 * A Pinterest API v5 client over Varde's guarded HttpClient, and the one place where Pinterest's
 * answers become ProviderErrors. Error bodies are `{code, message}`; 401 (code 2) is an expired or
 * revoked token; 429 carries `x-ratelimit-reset` (and sometimes `Retry-After`); trial apps are held
 * to 1,000 calls a day.
 */
import type { HttpClient, HttpResponse } from '../../net/http.types.js';
import { ProviderError, parseRetryAfter } from '../provider-error.js';
import { classifyTransportFailure } from '../shared/transport-failure.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

export class PinterestError extends Error {
  constructor(readonly status: number, message: string, readonly code: number | null, readonly headers: Record<string, string>) {
    super(message);
    this.name = 'PinterestError';
  }
}

export type PinterestApi = <T = any>(method: string, path: string, call?: { json?: unknown; query?: Record<string, string | number | undefined>; timeoutMs?: number }) => Promise<T>;

export function createPinterestApi(http: HttpClient, baseUrl: string, token: string, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): PinterestApi {
  return async (method, path, call = {}) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) query.set(k, String(v));
    const qs = query.toString();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (call.json !== undefined) headers['content-type'] = 'application/json';
    const res = await http(`${baseUrl}${path}${qs ? `?${qs}` : ''}`, { method, headers, body: call.json === undefined ? undefined : JSON.stringify(call.json), timeoutMs: call.timeoutMs ?? opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: opts.signal });
    if (res.status >= 200 && res.status < 300) return (res.body.length ? res.json() : {}) as any;
    throw readError(res);
  };
}

export function readError(res: HttpResponse): PinterestError {
  let body: Record<string, any> = {};
  try {
    body = res.json();
  } catch {
    body = { message: res.text().slice(0, 300) };
  }
  const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return new PinterestError(res.status, String(body.message ?? body.error_description ?? body.error ?? `HTTP ${res.status}`), typeof body.code === 'number' ? body.code : null, headers);
}

/** Pinterest's reset: Retry-After, else `x-ratelimit-reset` (seconds from now, or an epoch). */
export function resetOf(headers: Record<string, string>, now = Date.now()): Date | undefined {
  const after = parseRetryAfter(headers['retry-after'], now);
  if (after) return after;
  const reset = Number(headers['x-ratelimit-reset']);
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  return new Date(reset > 1e9 ? reset * 1000 : now + reset * 1000);
}

export function toProviderError(err: unknown, doing: string, write = false): ProviderError {
  if (err instanceof PinterestError) {
    const opts = { networkMessage: err.message, status: err.status, detail: { status: err.status, code: err.code }, cause: err };
    if (err.status === 429) return new ProviderError('rate_limited', `Pinterest's rate limit was reached while trying to ${doing}`, { ...opts, retryAt: resetOf(err.headers) });
    if (err.status === 401) return new ProviderError('auth_expired', `Pinterest refused the login while trying to ${doing}; it must be renewed`, opts);
    if (err.status >= 500) return new ProviderError(write ? 'unknown_outcome' : 'transient', `Pinterest failed (HTTP ${err.status}) while trying to ${doing}`, opts);
    return new ProviderError('rejected', `Pinterest refused to ${doing}: ${err.message}`, opts);
  }
  return classifyTransportFailure(err, `Pinterest ${doing}`, { write });
}
