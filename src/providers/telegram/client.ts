/**
 * A Telegram Bot API client over Varde's guarded HttpClient (`POST <api>/bot<token>/<method>`),
 * and the one place where what the Bot API answers becomes a ProviderError.
 *
 * Every answer is `{ ok, result }` or `{ ok: false, error_code, description, parameters? }`
 * (core.telegram.org/bots/api#making-requests): 401 "Unauthorized" for a revoked token; 403
 * "Forbidden: bot was kicked from the channel chat" and the like when the bot lost the chat; 400
 * "Bad Request: …" for bad input, with `parameters.migrate_to_chat_id` when a group became a
 * supergroup; 429 "Too Many Requests: retry after N" with `parameters.retry_after` in seconds.
 * The token is in the URL path; the guarded client never logs paths beyond scheme://host/….
 */
import type { HttpClient } from '../../net/http.types.js';
import { ProviderError } from '../provider-error.js';
import { channelTimeoutMs, WHOLE_MS_UP_TO_TEN_MINUTES } from '../shared/request-timeout.js';
import { classifyTransportFailure } from '../shared/transport-failure.js';

export const DEFAULT_API_URL = 'https://api.telegram.org';
export const DEFAULT_TIMEOUT_MS = 30_000;

export class TelegramError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters: { retry_after?: number; migrate_to_chat_id?: number } = {},
  ) {
    super(description);
    this.name = 'TelegramError';
  }
}

/** Calls one Bot API method; `files` makes it multipart, the other params then travel as fields. */
export type BotApi = <T = unknown>(method: string, params?: Record<string, unknown>, files?: Record<string, { bytes: Uint8Array; mime: string; filename: string }>) => Promise<T>;

export function createBotApi(http: HttpClient, apiUrl: string, token: string, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): BotApi {
  return async <T>(method: string, params: Record<string, unknown> = {}, files?: Record<string, { bytes: Uint8Array; mime: string; filename: string }>): Promise<T> => {
    const defined = Object.entries(params).filter(([, v]) => v !== undefined && v !== null);
    let body: string | Uint8Array;
    let contentType: string;
    if (files && Object.keys(files).length > 0) {
      const form = new FormData();
      for (const [k, v] of defined) form.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
      for (const [name, f] of Object.entries(files)) form.append(name, new Blob([new Uint8Array(f.bytes)], { type: f.mime }), f.filename);
      const encoded = new Response(form);
      body = new Uint8Array(await encoded.arrayBuffer());
      contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
    } else {
      body = JSON.stringify(Object.fromEntries(defined));
      contentType = 'application/json';
    }
    const res = await http(`${apiUrl}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': contentType, accept: 'application/json' },
      body,
      timeoutMs: files ? Math.max(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, 120_000) : (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      signal: opts.signal,
    });
    let data: { ok?: boolean; result?: T; error_code?: number; description?: string; parameters?: TelegramError['parameters'] };
    try {
      data = res.json();
    } catch {
      throw new TelegramError(res.status, res.text().trim().slice(0, 300) || `HTTP ${res.status}`);
    }
    if (data.ok === true) return data.result as T;
    throw new TelegramError(data.error_code ?? res.status, data.description ?? `HTTP ${res.status}`, data.parameters ?? {});
  };
}

/**
 * Classifies any failure of a Bot API call; `doing` completes "Telegram … failed". A send that may
 * have reached Telegram is `unknown_outcome`: the Bot API has no idempotency key and no way to list
 * a chat's messages, so the pipeline hands it to a person rather than risk a second message.
 */
export function toProviderError(err: unknown, doing: string, now = Date.now()): ProviderError {
  if (err instanceof TelegramError) {
    const options = { networkMessage: err.description, status: err.code, detail: { errorCode: err.code, ...err.parameters }, cause: err };
    const text = `Telegram ${doing} failed: ${err.description}`;
    if (err.code === 429) {
      const secs = Number(err.parameters.retry_after ?? /retry after (\d+)/i.exec(err.description)?.[1] ?? 30);
      return new ProviderError('rate_limited', text, { ...options, retryAt: new Date(now + Math.max(1, secs) * 1000) });
    }
    if (err.parameters.migrate_to_chat_id) {
      return new ProviderError('auth_expired', `The group became a supergroup (${err.parameters.migrate_to_chat_id}); reconnect the channel with the new chat id`, options);
    }
    // The token was revoked, or the bot lost the chat (kicked, demoted, chat deleted): reconnect.
    if (err.code === 401 || err.code === 403 || /chat not found|not enough rights to send|need administrator rights/i.test(err.description)) {
      return new ProviderError('auth_expired', text, options);
    }
    if (err.code >= 500) return new ProviderError('transient', text, options);
    return new ProviderError('rejected', text, options);
  }
  return classifyTransportFailure(err, `Telegram ${doing}`, { write: true });
}

/** The request timeout: the channel's `timeoutMs`, else VARDE_TELEGRAM_TIMEOUT_MS, else 30 s. */
export function timeoutOf(values: Record<string, string | undefined>, settings: Record<string, unknown> = {}): number {
  return channelTimeoutMs(values, settings, DEFAULT_TIMEOUT_MS, WHOLE_MS_UP_TO_TEN_MINUTES);
}
