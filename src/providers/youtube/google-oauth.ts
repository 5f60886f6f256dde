/**
 * Google OAuth 2.0 for YouTube: the consent URL (offline access so Google issues a refresh token,
 * `prompt=consent` so it issues one on every connect, PKCE S256), the code exchange, and refresh.
 * Access tokens live an hour; refresh tokens until revoked (or 7 days while the Google Cloud
 * project's consent screen is still in "Testing"). Google may let the user untick scopes
 * (granular consent), so the granted `scope` is checked.
 */
import type { HttpClient } from '../../net/http.types.js';
import type { NetworkApp } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { createGoogleApi, timeoutOf, toProviderError, urlOf } from './google-api.js';

export const SCOPE_UPLOAD = 'https://www.googleapis.com/auth/youtube.upload';
export const SCOPE_FORCE_SSL = 'https://www.googleapis.com/auth/youtube.force-ssl';
export const SCOPE_ANALYTICS = 'https://www.googleapis.com/auth/yt-analytics.readonly';
/** Upload videos; read and manage comments, channels and videos; read YouTube Analytics. */
export const YOUTUBE_SCOPES = [SCOPE_UPLOAD, SCOPE_FORCE_SSL, SCOPE_ANALYTICS];

/** What Varde stores (encrypted) per YouTube channel. */
export interface YouTubeCredentials {
  accessToken: string;
  refreshToken: string;
  /** ISO time the access token expires. */
  expiresAt: string;
  /** The scopes Google granted, space-separated. */
  scope: string;
}

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
  token_type?: string;
}

/** The URL of Google's consent screen. */
export function authorizeUrl(app: NetworkApp, input: { state: string; codeChallenge?: string }): string {
  const url = new URL(urlOf(app, 'auth', '/o/oauth2/v2/auth'));
  const params: Record<string, string> = {
    client_id: app.values.CLIENT_ID ?? '',
    redirect_uri: app.redirectUri,
    response_type: 'code',
    scope: YOUTUBE_SCOPES.join(' '),
    access_type: 'offline',
    prompt: 'consent',
    include_granted_scopes: 'true',
    state: input.state,
  };
  if (input.codeChallenge) Object.assign(params, { code_challenge: input.codeChallenge, code_challenge_method: 'S256' });
  url.search = new URLSearchParams(params).toString();
  return url.toString();
}

async function tokenRequest(http: HttpClient, app: NetworkApp, form: Record<string, string>, doing: string): Promise<TokenResponse> {
  const api = createGoogleApi(http, timeoutOf(app));
  const body = new URLSearchParams({ client_id: app.values.CLIENT_ID ?? '', client_secret: app.values.CLIENT_SECRET ?? '', ...form }).toString();
  try {
    const res = await api(urlOf(app, 'token', '/token'), {
      method: 'POST',
      bytes: new TextEncoder().encode(body),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    return res.json<TokenResponse>();
  } catch (err) {
    throw toProviderError(err, doing);
  }
}

function expiry(res: TokenResponse, now = Date.now()): string {
  const secs = typeof res.expires_in === 'number' && res.expires_in > 0 ? res.expires_in : 3600;
  return new Date(now + secs * 1000).toISOString();
}

/** Exchanges the authorization code; refuses a login that lacks the upload scope or a refresh token. */
export async function exchangeCode(http: HttpClient, app: NetworkApp, code: string, codeVerifier?: string): Promise<YouTubeCredentials> {
  const form: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: app.redirectUri };
  if (codeVerifier) form.code_verifier = codeVerifier;
  const res = await tokenRequest(http, app, form, 'sign-in');
  if (!res.access_token) throw new ProviderError('rejected', 'Google answered the sign-in without an access token');
  const scope = res.scope ?? '';
  const granted = scope.split(/\s+/);
  const missing = [SCOPE_UPLOAD, SCOPE_FORCE_SSL].filter((s) => !granted.includes(s) && !granted.includes('https://www.googleapis.com/auth/youtube'));
  if (missing.length) {
    throw new ProviderError('rejected', `The sign-in did not grant ${missing.map((s) => s.split('/').pop()).join(' and ')}; connect again and leave every YouTube permission ticked`);
  }
  if (!res.refresh_token) {
    throw new ProviderError('rejected', 'Google returned no refresh token; remove Varde at myaccount.google.com/permissions and connect again');
  }
  return { accessToken: res.access_token, refreshToken: res.refresh_token, expiresAt: expiry(res), scope };
}

/** Renews the access token; Google keeps the refresh token (it rotates none). */
export async function refreshAccessToken(http: HttpClient, app: NetworkApp, credentials: YouTubeCredentials): Promise<YouTubeCredentials> {
  if (!credentials.refreshToken) throw new ProviderError('auth_expired', 'This YouTube channel has no refresh token; reconnect it');
  const res = await tokenRequest(http, app, { grant_type: 'refresh_token', refresh_token: credentials.refreshToken }, 'token refresh');
  if (!res.access_token) throw new ProviderError('transient', 'Google answered the refresh without an access token');
  return {
    accessToken: res.access_token,
    refreshToken: res.refresh_token ?? credentials.refreshToken,
    expiresAt: expiry(res),
    scope: res.scope ?? credentials.scope,
  };
}

/** Reads stored credentials, refusing a shape Varde did not write. */
export function readCredentials(raw: Record<string, unknown>): YouTubeCredentials {
  const { accessToken, refreshToken, expiresAt, scope } = raw;
  if (typeof accessToken !== 'string' || !accessToken) throw new ProviderError('auth_expired', 'This YouTube channel has no access token; reconnect it');
  return { accessToken, refreshToken: typeof refreshToken === 'string' ? refreshToken : '', expiresAt: typeof expiresAt === 'string' ? expiresAt : '', scope: typeof scope === 'string' ? scope : '' };
}

/** True when the login granted YouTube Analytics (metrics fall back to the Data API without it). */
export function hasAnalyticsScope(credentials: YouTubeCredentials): boolean {
  return credentials.scope.split(/\s+/).includes(SCOPE_ANALYTICS);
}
