/**
 * A small Graph API client over Varde's guarded HttpClient, shared by Facebook Pages, Instagram
 * and Threads (graph.facebook.com, graph-video.facebook.com and graph.threads.net answer alike).
 *
 * The access token travels in the `Authorization: Bearer` header, never in the URL, and — for
 * graph.facebook.com — every call carries `appsecret_proof` (HMAC-SHA256 of the token under the
 * app secret), which Meta requires when an app turns on "Require App Secret". Writes are sent as
 * `application/x-www-form-urlencoded` (or multipart for uploads), the encodings Graph documents.
 */
import { createHmac } from 'node:crypto';
import type { HttpClient, HttpResponse } from '../../net/http.types.js';
import { encodeMultipart, type MultipartFile } from './multipart.js';

export type GraphParams = Record<string, string | number | boolean | null | undefined>;

/** Graph's error object: `{ error: { message, type, code, error_subcode, is_transient, error_user_msg, fbtrace_id } }`. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | null,
    readonly subcode: number | null,
    message: string,
    readonly headers: Record<string, string>,
    readonly extra: { type?: string; isTransient?: boolean; userMessage?: string; fbtraceId?: string } = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface GraphCall {
  /** Overrides the client's token (Page token vs user token). */
  token?: string;
  timeoutMs?: number;
  /** Another base URL for this call (graph-video.facebook.com for uploads). */
  baseUrl?: string;
}

export interface Graph {
  get<T = any>(path: string, params?: GraphParams, call?: GraphCall): Promise<T>;
  post<T = any>(path: string, params?: GraphParams, call?: GraphCall): Promise<T>;
  upload<T = any>(path: string, fields: GraphParams, file: MultipartFile, call?: GraphCall): Promise<T>;
  delete<T = any>(path: string, params?: GraphParams, call?: GraphCall): Promise<T>;
}

export interface GraphOptions {
  baseUrl: string;
  token?: string;
  /** Adds `appsecret_proof` to every call that carries a token (Facebook and Instagram; Threads has none). */
  appSecret?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export function appSecretProof(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

function query(params: GraphParams | undefined): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null) search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

export function createGraph(http: HttpClient, opts: GraphOptions): Graph {
  const send = async <T>(method: string, path: string, call: GraphCall, qs: GraphParams, body?: { type: string; data: string | Uint8Array }): Promise<T> => {
    const token = call.token ?? opts.token;
    const headers: Record<string, string> = { accept: 'application/json' };
    const q: GraphParams = { ...qs };
    if (token) {
      headers.authorization = `Bearer ${token}`;
      if (opts.appSecret) q.appsecret_proof = appSecretProof(token, opts.appSecret);
    }
    if (body) headers['content-type'] = body.type;
    const base = (call.baseUrl ?? opts.baseUrl).replace(/\/+$/, '');
    const res = await http(`${base}/${path.replace(/^\/+/, '')}${query(q)}`, { method, headers, body: body?.data, timeoutMs: call.timeoutMs ?? opts.timeoutMs, signal: opts.signal, maxBytes: 10 * 1024 * 1024 });
    if (res.status >= 200 && res.status < 300) return parseBody<T>(res);
    throw readGraphError(res);
  };
  const form = (params: GraphParams | undefined) => ({ type: 'application/x-www-form-urlencoded', data: query(params).slice(1) });
  return {
    get: (path, params, call = {}) => send('GET', path, call, params ?? {}),
    post: (path, params, call = {}) => send('POST', path, call, {}, form(params)),
    delete: (path, params, call = {}) => send('DELETE', path, call, params ?? {}),
    upload: (path, fields, file, call = {}) => {
      const mp = encodeMultipart(fields, file);
      return send('POST', path, call, {}, { type: mp.contentType, data: mp.body });
    },
  };
}

function parseBody<T>(res: HttpResponse): T {
  if (res.body.length === 0) return {} as T;
  try {
    return res.json<T>();
  } catch {
    // Graph answers a few writes with a bare `true`.
    return { success: res.text().trim() === 'true' } as T;
  }
}

/** Reads Graph's error body; non-JSON answers (a proxy's HTML page) keep their status and first words. */
export function readGraphError(res: HttpResponse): GraphError {
  const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  try {
    const data = res.json<{ error?: Record<string, unknown>; error_type?: string; error_message?: string; code?: number }>();
    const e = data.error;
    if (e && typeof e === 'object') {
      const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
      return new GraphError(res.status, num(e.code), num(e.error_subcode), String(e.message ?? `HTTP ${res.status}`), headers, {
        type: typeof e.type === 'string' ? e.type : undefined,
        isTransient: e.is_transient === true,
        userMessage: typeof e.error_user_msg === 'string' ? e.error_user_msg : undefined,
        fbtraceId: typeof e.fbtrace_id === 'string' ? e.fbtrace_id : undefined,
      });
    }
    // Threads' OAuth endpoints answer `{ error_type, code, error_message }`.
    if (typeof data.error_message === 'string') return new GraphError(res.status, data.code ?? null, null, data.error_message, headers, { type: data.error_type });
  } catch {
    /* not JSON */
  }
  return new GraphError(res.status, null, null, res.text().trim().slice(0, 300) || `HTTP ${res.status}`, headers);
}
