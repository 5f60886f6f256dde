/**
 * Snap's OAuth 2.0 (the Marketing API's Business login, which the Public Profile API shares):
 * `accounts.snapchat.com/login/oauth2/authorize` → `…/login/oauth2/access_token` with the client
 * secret in the form body; refresh with `grant_type=refresh_token`. Snap documents no PKCE for
 * this login, so none is sent. Scope `snapchat-profile-api`.
 */
import type { HttpClient } from '../../net/http.types.js';
import type { NetworkApp } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { createSnapApi, timeoutOf, toProviderError, urlOf } from './snap-api.js';

export const SNAP_SCOPE = 'snapchat-profile-api';

export interface SnapCredentials {
  accessToken: string;
  refreshToken: string;
  /** ISO time the access token expires. */
  expiresAt: string;
}

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
}

export function authorizeUrl(app: NetworkApp, state: string): string {
  const url = new URL(urlOf(app, 'auth', '/login/oauth2/authorize'));
  url.search = new URLSearchParams({ client_id: app.values.CLIENT_ID ?? '', redirect_uri: app.redirectUri, response_type: 'code', scope: SNAP_SCOPE, state }).toString();
  return url.toString();
}

async function tokenRequest(http: HttpClient, app: NetworkApp, form: Record<string, string>, doing: string): Promise<SnapCredentials> {
  const api = createSnapApi(http, timeoutOf(app));
  const body = new URLSearchParams({ client_id: app.values.CLIENT_ID ?? '', client_secret: app.values.CLIENT_SECRET ?? '', ...form }).toString();
  let res: TokenResponse;
  try {
    res = await api<TokenResponse>(urlOf(app, 'auth', '/login/oauth2/access_token'), { method: 'POST', body: { bytes: new TextEncoder().encode(body), contentType: 'application/x-www-form-urlencoded' } });
  } catch (err) {
    throw toProviderError(err, doing);
  }
  if (!res.access_token) throw new ProviderError('transient', `Snap answered the ${doing} without an access token`);
  const secs = typeof res.expires_in === 'number' && res.expires_in > 0 ? res.expires_in : 1800;
  return { accessToken: res.access_token, refreshToken: res.refresh_token ?? form.refresh_token ?? '', expiresAt: new Date(Date.now() + secs * 1000).toISOString() };
}

export async function exchangeCode(http: HttpClient, app: NetworkApp, code: string): Promise<SnapCredentials> {
  const creds = await tokenRequest(http, app, { grant_type: 'authorization_code', code, redirect_uri: app.redirectUri }, 'sign-in');
  if (!creds.refreshToken) throw new ProviderError('rejected', 'Snap returned no refresh token; the channel could not stay connected');
  return creds;
}

export async function refreshAccessToken(http: HttpClient, app: NetworkApp, credentials: SnapCredentials): Promise<SnapCredentials> {
  if (!credentials.refreshToken) throw new ProviderError('auth_expired', 'This Snapchat channel has no refresh token; reconnect it');
  return tokenRequest(http, app, { grant_type: 'refresh_token', refresh_token: credentials.refreshToken }, 'token refresh');
}

export function readCredentials(raw: Record<string, unknown>): SnapCredentials {
  const { accessToken, refreshToken, expiresAt } = raw;
  if (typeof accessToken !== 'string' || !accessToken) throw new ProviderError('auth_expired', 'This Snapchat channel has no access token; reconnect it');
  return { accessToken, refreshToken: typeof refreshToken === 'string' ? refreshToken : '', expiresAt: typeof expiresAt === 'string' ? expiresAt : '' };
}
