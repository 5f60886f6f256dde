/**
 * The OAuth 2.0 token endpoint call every OAuth network shares (RFC 6749 §4.1.3 and §6): a form
 * POST, client authentication in the body or by HTTP Basic, and the answer classified — 429 waits,
 * 5xx retries, anything else is the network refusing, with its own words kept.
 */
import type { HttpClient } from '../net/http.types.js';
import { ProviderError } from './provider-error.js';

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
}

export interface TokenRequest {
  /** The network's name, for messages: "X refused the sign-in: …". */
  network: string;
  url: string;
  form: Record<string, string>;
  /** Client authentication by HTTP Basic (else the caller puts the client id/secret in `form`). */
  basic?: { id: string; secret: string; urlEncode?: boolean };
  /** The provider's translation of a transport failure (timeouts, refused connections). */
  toError(err: unknown): ProviderError;
}

export async function requestToken<T extends TokenResponse = TokenResponse>(http: HttpClient, r: TokenRequest): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (r.basic) {
    const enc = (s: string) => (r.basic!.urlEncode ? encodeURIComponent(s) : s);
    headers.authorization = `Basic ${Buffer.from(`${enc(r.basic.id)}:${enc(r.basic.secret)}`).toString('base64')}`;
  }
  const res = await http(r.url, { method: 'POST', headers, body: new URLSearchParams(r.form).toString(), timeoutMs: 15_000 }).catch((err: unknown) => {
    throw r.toError(err);
  });
  let body: Record<string, unknown> = {};
  try {
    body = res.json<Record<string, unknown>>() ?? {};
  } catch {
    /* not JSON */
  }
  if (res.status === 200 && typeof body.access_token === 'string') return body as unknown as T;
  const message = String(body.error_description ?? body.message ?? body.error ?? `HTTP ${res.status}`);
  if (res.status === 429 || res.status >= 500) {
    throw new ProviderError(res.status === 429 ? 'rate_limited' : 'transient', `${r.network} could not sign in right now: ${message}`, { networkMessage: message, status: res.status });
  }
  throw new ProviderError('rejected', `${r.network} refused the sign-in: ${message}`, { networkMessage: message, status: res.status });
}

/** When an access token expires, from `expires_in` (null when the network does not say). */
export const tokenExpiry = (t: { expires_in?: number }) => (t.expires_in ? new Date(Date.now() + t.expires_in * 1000) : null);
