/**
 * A Discord REST client (API v10) over Varde's guarded HttpClient — as a bot (`Authorization: Bot
 * <token>`) or through a webhook's own URL token — and the one place where what Discord answers
 * becomes a ProviderError.
 *
 * Discord's errors (discord.com/developers/docs/topics/opcodes-and-status-codes) are JSON
 * `{ code, message, errors? }`: 10015 Unknown Webhook, 10003 Unknown Channel, 10008 Unknown Message,
 * 50001 Missing Access, 50013 Missing Permissions, 50035 Invalid Form Body (details in `errors`),
 * 40005 Request entity too large. Throttles are 429 with `{ message, retry_after (seconds, float),
 * global }` and the `Retry-After` / `X-RateLimit-Reset-After` headers (per-route buckets; 50 calls a
 * second overall); a Cloudflare ban answers 429 in HTML with only `Retry-After`.
 */
import type { HttpClient, HttpResponse } from '../../net/http.types.js';
import { ProviderError, parseRetryAfter } from '../provider-error.js';
import { channelTimeoutMs, WHOLE_MS_UP_TO_TEN_MINUTES } from '../shared/request-timeout.js';
import { classifyTransportFailure } from '../shared/transport-failure.js';

export const DEFAULT_API_URL = 'https://discord.com/api/v10';
export const DEFAULT_WEB_URL = 'https://discord.com';
export const DEFAULT_TIMEOUT_MS = 30_000;

export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string>,
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'DiscordError';
  }
}

export interface DiscordFile {
  bytes: Uint8Array;
  mime: string;
  filename: string;
}

export interface DiscordCall {
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  /** Sent as multipart `files[i]` with the JSON as `payload_json`. */
  files?: DiscordFile[];
}

export type DiscordApi = <T = Record<string, unknown>>(method: string, path: string, call?: DiscordCall) => Promise<T>;

/** Binds calls to the API base; `botToken` adds the bot's Authorization (webhook calls need none). */
export function createDiscordApi(http: HttpClient, apiUrl: string, botToken: string | null, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): DiscordApi {
  return async <T>(method: string, path: string, call: DiscordCall = {}): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (botToken) headers.authorization = `Bot ${botToken}`;
    let body: string | Uint8Array | undefined;
    if (call.files?.length) {
      const form = new FormData();
      form.append('payload_json', JSON.stringify(call.json ?? {}));
      call.files.forEach((f, i) => form.append(`files[${i}]`, new Blob([new Uint8Array(f.bytes)], { type: f.mime }), f.filename));
      const encoded = new Response(form);
      body = new Uint8Array(await encoded.arrayBuffer());
      headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
    } else if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['content-type'] = 'application/json';
    }
    const res = await http(`${apiUrl}${path}${queryString(call.query)}`, {
      method, headers, body,
      timeoutMs: call.files?.length ? Math.max(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, 120_000) : (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      signal: opts.signal,
    });
    if (res.status >= 200 && res.status < 300) return (res.body.length ? res.json<T>() : ({} as T));
    throw readError(res);
  };
}

function queryString(query: DiscordCall['query']): string {
  if (!query) return '';
  const entries = Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

/** `errors` of a 50035 flattened to "content: Must be 2000 or fewer in length." lines. */
function flattenErrors(errors: unknown, path: string[] = []): string[] {
  if (!errors || typeof errors !== 'object') return [];
  const node = errors as Record<string, unknown>;
  if (Array.isArray(node._errors)) {
    return node._errors.map((e) => `${path.join('.')}: ${(e as { message?: string }).message ?? 'invalid'}`);
  }
  return Object.entries(node).flatMap(([k, v]) => flattenErrors(v, [...path, k]));
}

function readError(res: HttpResponse): DiscordError {
  let code = 0;
  let message = `HTTP ${res.status}`;
  let retryAfter: number | undefined;
  try {
    const data = res.json<{ code?: number; message?: string; errors?: unknown; retry_after?: number }>();
    code = typeof data.code === 'number' ? data.code : 0;
    if (data.message) message = data.message;
    const details = flattenErrors(data.errors);
    if (details.length) message = `${message} (${details.join('; ')})`;
    if (typeof data.retry_after === 'number') retryAfter = data.retry_after;
  } catch {
    const text = res.text().trim();
    if (text) message = text.slice(0, 300);
  }
  return new DiscordError(res.status, code, message, res.headers, retryAfter);
}

/** When calls may resume: the body's `retry_after`, else `Retry-After`, else `X-RateLimit-Reset-After`, else a minute. */
export function retryAtOf(err: DiscordError, now = Date.now()): Date {
  if (err.retryAfter !== undefined) return new Date(now + Math.ceil(err.retryAfter * 1000));
  const header = parseRetryAfter(err.headers['retry-after'], now);
  if (header) return header;
  const resetAfter = Number(err.headers['x-ratelimit-reset-after']);
  return new Date(now + (Number.isFinite(resetAfter) ? Math.ceil(resetAfter * 1000) : 60_000));
}

/** Unknown Webhook / Unknown Channel / Missing Access: the channel must be connected again. */
const LOST_TARGET = new Set([10015, 10003, 50001]);

/**
 * Classifies any failure of a Discord call; `doing` completes "Discord … failed". A send that may
 * have reached Discord is `unknown_outcome`: the provider looks for it before sending again.
 */
export function toProviderError(err: unknown, doing: string): ProviderError {
  if (err instanceof DiscordError) {
    const options = { networkMessage: err.message, status: err.status, detail: { code: err.code }, cause: err };
    const text = `Discord ${doing} failed: ${err.message}`;
    if (err.status === 429) return new ProviderError('rate_limited', text, { ...options, retryAt: retryAtOf(err) });
    if (err.status === 401 || LOST_TARGET.has(err.code)) return new ProviderError('auth_expired', text, options);
    if (err.status >= 500 || err.status === 408) return new ProviderError('transient', text, options);
    return new ProviderError('rejected', text, options);
  }
  return classifyTransportFailure(err, `Discord ${doing}`, { write: true });
}

export function isUnknownMessage(err: unknown): boolean {
  return err instanceof DiscordError && err.code === 10008;
}

/** The request timeout: the channel's `timeoutMs`, else VARDE_DISCORD_TIMEOUT_MS, else 30 s. */
export function timeoutOf(values: Record<string, string | undefined>, settings: Record<string, unknown> = {}): number {
  return channelTimeoutMs(values, settings, DEFAULT_TIMEOUT_MS, WHOLE_MS_UP_TO_TEN_MINUTES);
}
