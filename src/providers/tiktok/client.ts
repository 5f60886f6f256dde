/**
 * A TikTok Open API v2 client over Varde's guarded HttpClient, and the one place where TikTok's
 * answers become ProviderErrors. Every answer carries `error: {code, message, log_id}` (`code` is
 * "ok" on success). Codes that matter: `access_token_invalid` (401) → renew; `rate_limit_exceeded`
 * (429; the post init endpoints allow 6 calls a minute per user token) and
 * `spam_risk_too_many_posts` / `spam_risk_too_many_pending_share` (the creator's daily cap, and too
 * many posts waiting in the inbox) → wait; `unaudited_client_can_only_post_to_private_accounts`,
 * `privacy_level_option_mismatch`, `scope_not_authorized`, `url_ownership_unverified`,
 * `invalid_params` → refused with TikTok's message.
 */
import type { HttpClient } from '../../net/http.types.js';
import { ProviderError, parseRetryAfter } from '../provider-error.js';
import { classifyTransportFailure } from '../shared/transport-failure.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

export class TikTokError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly logId: string | null, readonly headers: Record<string, string>) {
    super(message);
    this.name = 'TikTokError';
  }
}

export type TikTokApi = <T = any>(path: string, call?: { json?: unknown; query?: string; method?: string; timeoutMs?: number }) => Promise<T>;

export function createTikTokApi(http: HttpClient, baseUrl: string, token: string, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): TikTokApi {
  return async (path, call = {}) => {
    const res = await http(`${baseUrl}${path}${call.query ? `?${call.query}` : ''}`, {
      method: call.method ?? 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=UTF-8', accept: 'application/json' },
      body: call.json === undefined ? undefined : JSON.stringify(call.json),
      timeoutMs: call.timeoutMs ?? opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: opts.signal,
    });
    let body: Record<string, any> = {};
    try {
      body = JSON.parse(quoteLongIds(res.text()));
    } catch {
      body = { error: { code: `http_${res.status}`, message: res.text().slice(0, 300) } };
    }
    const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const code = String(body.error?.code ?? (res.status < 300 ? 'ok' : `http_${res.status}`));
    if (res.status >= 200 && res.status < 300 && code === 'ok') return body.data as any;
    throw new TikTokError(res.status, code, String(body.error?.message || code), body.error?.log_id ?? null, headers);
  };
}

const HOUR = 3600_000;

/**
 * TikTok sends video ids in `publicaly_available_post_id` (sic) as bare JSON numbers of 19 digits,
 * beyond what a double holds exactly: quote them before parsing so the id survives.
 */
export function quoteLongIds(text: string): string {
  return text.replace(/("publicaly_available_post_id"\s*:\s*\[)([^\]]*)\]/g, (_m, head: string, list: string) => `${head}${list.replace(/(^|[,\s])(\d+)/g, '$1"$2"')}]`);
}

/** Classifies a failure. `write` marks a call whose effect TikTok does not deduplicate (an init that pulls from a URL). */
export function toProviderError(err: unknown, doing: string, write = false): ProviderError {
  if (err instanceof TikTokError) {
    const opts = { networkMessage: `${err.code}: ${err.message}`, status: err.status, detail: { status: err.status, code: err.code, logId: err.logId }, cause: err };
    const after = parseRetryAfter(err.headers['retry-after']);
    if (err.code === 'rate_limit_exceeded' || err.status === 429) return new ProviderError('rate_limited', `TikTok's rate limit was reached while trying to ${doing}`, { ...opts, retryAt: after ?? new Date(Date.now() + 60_000) });
    if (err.code === 'spam_risk_too_many_posts' || err.code === 'spam_risk_too_many_pending_share') {
      return new ProviderError('rate_limited', `TikTok will not take more posts from this creator for now (${err.code})`, { ...opts, retryAt: after ?? new Date(Date.now() + HOUR) });
    }
    if (err.code === 'access_token_invalid' || err.status === 401) return new ProviderError('auth_expired', `TikTok refused the login while trying to ${doing}; it must be renewed`, opts);
    if (err.code === 'unaudited_client_can_only_post_to_private_accounts') {
      return new ProviderError('rejected', 'TikTok has not audited this app yet, so it may only post privately (SELF_ONLY); see docs/networks/tiktok.md', opts);
    }
    if (err.status >= 500) return new ProviderError(write ? 'unknown_outcome' : 'transient', `TikTok failed (HTTP ${err.status}) while trying to ${doing}`, opts);
    return new ProviderError('rejected', `TikTok refused to ${doing}: ${err.message}`, opts);
  }
  return classifyTransportFailure(err, `TikTok ${doing}`, { write });
}
