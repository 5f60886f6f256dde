/**
 * A small client for Snap's Business API (the Public Profile API at businessapi.snapchat.com, and
 * `me/organizations` of the Marketing API) over Varde's guarded HttpClient, and the one place
 * where what Snap answers becomes a ProviderError.
 *
 * Snap answers with an envelope `{ request_status: SUCCESS | ERROR | PARTIAL, request_id,
 * debug_message, display_message, error_code }` (the Marketing API's documented shape; the Public
 * Profile API's own error bodies are not documented, see docs/networks/snapchat.md). An `ERROR`
 * inside a 2xx is a refusal too.
 */
import type { HttpClient, HttpResponse } from '../../net/http.types.js';
import type { NetworkApp } from '../contract.js';
import { ProviderError, parseRetryAfter } from '../provider-error.js';
import { configuredTimeoutMs } from '../shared/request-timeout.js';
import { classifyTransportFailure } from '../shared/transport-failure.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

export class SnapApiError extends Error {
  constructor(
    readonly status: number,
    /** `error_code`, or the OAuth `error`, or `http_<status>`. */
    readonly code: string,
    message: string,
    readonly headers: Record<string, string>,
  ) {
    super(message);
    this.name = 'SnapApiError';
  }
}

export interface SnapCall {
  method?: 'GET' | 'POST' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  /** A prepared body (form or multipart) with its content type. */
  body?: { bytes: Uint8Array; contentType: string };
  token?: string;
  timeoutMs?: number;
}

export type SnapApi = <T = Record<string, unknown>>(url: string, call?: SnapCall) => Promise<T>;

export function createSnapApi(http: HttpClient, timeoutMs: number | undefined, signal?: AbortSignal): SnapApi {
  return async <T>(url: string, call: SnapCall = {}): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    let body: string | Uint8Array | undefined;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['content-type'] = 'application/json';
    } else if (call.body) {
      body = call.body.bytes;
      headers['content-type'] = call.body.contentType;
    }
    const u = new URL(url);
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) u.searchParams.set(k, String(v));
    const res = await http(u.toString(), { method: call.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, timeoutMs: call.timeoutMs ?? timeoutMs ?? DEFAULT_TIMEOUT_MS, signal });
    if (res.status < 200 || res.status >= 300) throw readSnapError(res);
    const data = (res.body.length ? res.json<T & { request_status?: string }>() : {}) as T & { request_status?: string };
    if (data.request_status === 'ERROR') throw readSnapError(res);
    return data;
  };
}

/** The base URL of `key` (api, ads, auth) plus a path; configurable so tests reach an emulator. */
export function urlOf(app: NetworkApp, key: 'api' | 'ads' | 'auth', path: string): string {
  return `${app.urls[key]}${path}`;
}

/** VARDE_SNAPCHAT_TIMEOUT_MS, for tests and slow links. */
export function timeoutOf(app: NetworkApp): number | undefined {
  return configuredTimeoutMs([app.values.TIMEOUT_MS], { finite: true });
}

export function readSnapError(res: HttpResponse): SnapApiError {
  let code = `http_${res.status}`;
  let message = `HTTP ${res.status}`;
  try {
    const d = res.json<Record<string, unknown>>();
    if (typeof d.error === 'string') {
      code = d.error;
      message = typeof d.error_description === 'string' && d.error_description ? d.error_description : d.error;
    } else {
      if (typeof d.error_code === 'string' && d.error_code) code = d.error_code;
      const text = [d.display_message, d.debug_message].find((m) => typeof m === 'string' && m);
      if (typeof text === 'string') message = text;
    }
  } catch {
    const text = res.text().trim();
    if (text) message = text.slice(0, 300);
  }
  return new SnapApiError(res.status, code, message, res.headers);
}

/**
 * Classifies a failure. `write` marks a call whose effect is visible (posting the story): a
 * timeout there is an unknown outcome; elsewhere (creating or filling a media container, which
 * nobody sees) a retry is harmless, so it is transient.
 */
export function toProviderError(err: unknown, doing: string, write = false): ProviderError {
  if (err instanceof SnapApiError) return fromSnapError(err, doing);
  return classifyTransportFailure(err, `Snapchat ${doing}`, { write });
}

function fromSnapError(err: SnapApiError, doing: string, now = Date.now()): ProviderError {
  const options = { networkMessage: err.message, status: err.status, detail: { errorCode: err.code }, cause: err };
  const text = `Snapchat ${doing} failed: ${err.message}`;
  if (err.status === 429) {
    return new ProviderError('rate_limited', text, { ...options, retryAt: parseRetryAfter(err.headers['retry-after'], now) ?? new Date(now + DEFAULT_RATE_LIMIT_WAIT_MS) });
  }
  if (err.code === 'invalid_grant' || err.status === 401) return new ProviderError('auth_expired', text, options);
  if (err.code === 'invalid_client' || err.code === 'unauthorized_client') {
    return new ProviderError('rejected', `${text} — check VARDE_SNAPCHAT_CLIENT_ID and VARDE_SNAPCHAT_CLIENT_SECRET`, options);
  }
  if (err.status === 403) {
    return new ProviderError('rejected', `${text} — the app may not be on Snap's Public Profile API allow list, or this login cannot post to the profile`, options);
  }
  if (err.status >= 500 || err.status === 408) return new ProviderError('transient', text, options);
  return new ProviderError('rejected', text, options);
}
