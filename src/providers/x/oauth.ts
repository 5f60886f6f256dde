/**
 * X OAuth 2.0: authorization code with PKCE (S256) — X requires it —, a 2-hour access token, and a
 * refresh token because `offline.access` is asked for. A "Web App" (confidential client) sends
 * HTTP Basic client authentication; a "Native App" (public client) only its client_id.
 * Refresh tokens rotate: the one returned replaces the one used.
 */
import type { ConnectCandidate, Credentials, NetworkApp, OAuthSupport } from '../contract.js';
import type { HttpClient } from '../../net/http.types.js';
import { ProviderError } from '../provider-error.js';
import { createXApi, toProviderError } from './client.js';
import { requestToken, tokenExpiry } from '../oauth-token.js';

/** Posting, media, replies to read and hide, likes, and direct messages. */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access', 'like.write', 'tweet.moderate.write', 'dm.read', 'dm.write'];

export interface XCredentials {
  accessToken: string;
  refreshToken?: string;
  userId: string;
  username: string;
  scope?: string;
}

export function readCredentials(c: Credentials): XCredentials {
  if (typeof c.accessToken !== 'string' || typeof c.userId !== 'string') throw new ProviderError('auth_expired', 'The stored X login is incomplete; reconnect the channel');
  return c as unknown as XCredentials;
}

interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
}

async function tokenRequest(http: HttpClient, app: NetworkApp, form: Record<string, string>): Promise<TokenResponse> {
  const clientId = app.values.CLIENT_ID ?? '';
  return requestToken<TokenResponse>(http, {
    network: 'X', url: `${app.urls.api}/2/oauth2/token`, form: { ...form, client_id: clientId }, toError: (err) => toProviderError(err, 'sign in'),
    ...(app.values.CLIENT_SECRET ? { basic: { id: clientId, secret: app.values.CLIENT_SECRET, urlEncode: true } } : {}),
  });
}

const expiry = tokenExpiry;

export const xOAuth: OAuthSupport = {
  pkce: true,
  async authorize(_http, app, input) {
    if (!input.codeChallenge) throw new ProviderError('rejected', 'X requires PKCE; no code challenge was given');
    const url = new URL(`${app.urls.auth}/i/oauth2/authorize`);
    url.search = new URLSearchParams({
      response_type: 'code', client_id: app.values.CLIENT_ID ?? '', redirect_uri: app.redirectUri, scope: X_SCOPES.join(' '),
      state: input.state, code_challenge: input.codeChallenge, code_challenge_method: 'S256',
    }).toString();
    return { url: url.toString() };
  },

  async exchange(http, app, input): Promise<ConnectCandidate[]> {
    const token = await tokenRequest(http, app, { grant_type: 'authorization_code', code: input.code, redirect_uri: app.redirectUri, code_verifier: input.codeVerifier ?? '' });
    const api = createXApi(http, app.urls.api, token.access_token, { timeoutMs: 15_000 });
    const me = await api<{ data: { id: string; username: string; name: string } }>('GET', '/2/users/me', { query: { 'user.fields': 'profile_image_url' } }).catch((err: unknown) => {
      throw toProviderError(err, 'read the signed-in account');
    });
    const credentials: XCredentials = { accessToken: token.access_token, refreshToken: token.refresh_token, userId: me.data.id, username: me.data.username, scope: token.scope };
    return [{
      credentials: { ...credentials },
      account: { externalId: me.data.id, handle: me.data.username, name: me.data.name || me.data.username, profileUrl: `https://x.com/${me.data.username}` },
      tokenExpiresAt: expiry(token),
    }];
  },
};

/** Renews the access token with the (rotating) refresh token. */
export async function refreshXCredentials(http: HttpClient, app: NetworkApp, credentials: Credentials) {
  const current = readCredentials(credentials);
  if (!current.refreshToken) throw new ProviderError('auth_expired', 'This X login has no refresh token (offline.access was not granted); reconnect the channel');
  const token = await tokenRequest(http, app, { grant_type: 'refresh_token', refresh_token: current.refreshToken });
  const next: XCredentials = { ...current, accessToken: token.access_token, refreshToken: token.refresh_token ?? current.refreshToken, scope: token.scope ?? current.scope };
  return { credentials: { ...next }, expiresAt: expiry(token) };
}
