/**
 * Reddit OAuth 2.0 (github.com/reddit-archive/reddit/wiki/OAuth2): the authorization-code flow with
 * `duration=permanent` for a refresh token, the operator's app authenticated with HTTP Basic at
 * www.reddit.com/api/v1/access_token, `state` echoed. Reddit does not support PKCE. Access tokens
 * last an hour (`expires_in`); Varde renews them with the refresh token before they expire.
 */
import type { HttpClient } from '../../net/http.types.js';
import type { ConnectCandidate, Credentials, NetworkApp } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { createRedditApi, DEFAULT_API_URL, DEFAULT_WWW_URL, timeoutOf, toProviderError, userAgentOf } from './client.js';

/** Post, comment, read the inbox, delete and vote, read one's own history, moderate where one may. */
export const REDDIT_SCOPES = 'identity submit read edit history privatemessages vote modposts';

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
  error?: string;
  message?: string;
}

function client(app: NetworkApp): { id: string; secret: string } {
  const id = app.values.CLIENT_ID;
  const secret = app.values.CLIENT_SECRET;
  if (!id || !secret) throw new ProviderError('rejected', 'Set VARDE_REDDIT_CLIENT_ID and VARDE_REDDIT_CLIENT_SECRET (see docs/networks/reddit.md)');
  return { id, secret };
}

export async function authorizeUrl(_http: HttpClient, app: NetworkApp, input: { state: string }) {
  const { id } = client(app);
  const url = new URL(`${app.urls.www ?? DEFAULT_WWW_URL}/api/v1/authorize`);
  url.search = new URLSearchParams({ client_id: id, response_type: 'code', state: input.state, redirect_uri: app.redirectUri, duration: 'permanent', scope: REDDIT_SCOPES }).toString();
  return { url: url.toString() };
}

/** POSTs to the token endpoint; Reddit answers errors as `{ error }` with 200 or 4xx. */
async function tokenRequest(http: HttpClient, app: NetworkApp, form: Record<string, string>): Promise<TokenResponse & { access_token: string }> {
  const { id, secret } = client(app);
  let res;
  try {
    res = await http(`${app.urls.www ?? DEFAULT_WWW_URL}/api/v1/access_token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded',
        'user-agent': userAgentOf(app.values), accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
      timeoutMs: timeoutOf(app.values),
    });
  } catch (err) {
    throw toProviderError(err, 'token request');
  }
  let data: TokenResponse = {};
  try {
    data = res.json<TokenResponse>();
  } catch {
    // a proxy's HTML page: classified by status below
  }
  if (res.status === 429 || res.status >= 500) throw new ProviderError(res.status === 429 ? 'rate_limited' : 'transient', `Reddit's token endpoint answered ${res.status}`, { status: res.status, retryAt: res.status === 429 ? new Date(Date.now() + 60_000) : undefined });
  if (res.status !== 200 || !data.access_token) {
    const reason = String(data.error ?? data.message ?? `HTTP ${res.status}`);
    throw new ProviderError(form.grant_type === 'refresh_token' ? 'auth_expired' : 'rejected', `Reddit refused the ${form.grant_type === 'refresh_token' ? 'token renewal' : 'sign-in'}: ${reason}`, { networkMessage: reason, status: res.status });
  }
  return data as TokenResponse & { access_token: string };
}

const expiry = (seconds: number | undefined) => new Date(Date.now() + (seconds ?? 3600) * 1000);

/** Exchanges the code and reads the account: one channel per Reddit login. */
export async function exchangeCode(http: HttpClient, app: NetworkApp, input: { code: string }): Promise<ConnectCandidate[]> {
  const token = await tokenRequest(http, app, { grant_type: 'authorization_code', code: input.code, redirect_uri: app.redirectUri });
  if (!token.refresh_token) throw new ProviderError('rejected', 'Reddit gave no refresh token; the app must ask for duration=permanent');
  const api = createRedditApi(http, app.urls.api ?? DEFAULT_API_URL, token.access_token, userAgentOf(app.values), { timeoutMs: timeoutOf(app.values) });
  let me: { id: string; name: string; icon_img?: string };
  try {
    me = await api('GET', '/api/v1/me');
  } catch (err) {
    throw toProviderError(err, 'reading the account');
  }
  return [{
    credentials: { accessToken: token.access_token, refreshToken: token.refresh_token, scope: token.scope ?? REDDIT_SCOPES },
    settings: { username: me.name, defaultSubreddit: `u_${me.name}` },
    account: { externalId: `t2_${me.id}`, handle: `u/${me.name}`, name: me.name, profileUrl: `https://www.reddit.com/user/${me.name}` },
    tokenExpiresAt: expiry(token.expires_in),
  }];
}

/** Renews the access token; Reddit may rotate the refresh token, so a new one replaces the old. */
export async function refreshToken(http: HttpClient, app: NetworkApp, credentials: Credentials): Promise<{ credentials: Credentials; expiresAt: Date }> {
  if (typeof credentials.refreshToken !== 'string' || !credentials.refreshToken) throw new ProviderError('auth_expired', 'This Reddit channel has no refresh token; reconnect it');
  const token = await tokenRequest(http, app, { grant_type: 'refresh_token', refresh_token: credentials.refreshToken });
  return { credentials: { ...credentials, accessToken: token.access_token, refreshToken: token.refresh_token ?? credentials.refreshToken }, expiresAt: expiry(token.expires_in) };
}
