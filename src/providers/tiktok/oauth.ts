/**
 * TikTok Login Kit (OAuth v2) with PKCE: authorize at tiktok.com/v2/auth/authorize/ (`client_key`,
 * comma-separated scopes), tokens at `/v2/oauth/token/` (form body with client_key and
 * client_secret). Access tokens last 24 hours, refresh tokens a year (TikTok may return a new one on
 * refresh; Varde keeps whichever it gets). The account is identified by its `open_id`.
 */
import type { ConnectCandidate, Credentials, NetworkApp, OAuthSupport } from '../contract.js';
import type { HttpClient } from '../../net/http.types.js';
import { ProviderError } from '../provider-error.js';
import { createTikTokApi, toProviderError } from './client.js';
import { requestToken, tokenExpiry } from '../oauth-token.js';

export const TIKTOK_SCOPES = ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.publish', 'video.upload', 'video.list'];

export interface TikTokCredentials { accessToken: string; refreshToken?: string; openId: string; scope?: string }

export function readCredentials(c: Credentials): TikTokCredentials {
  if (typeof c.accessToken !== 'string' || typeof c.openId !== 'string') throw new ProviderError('auth_expired', 'The stored TikTok login is incomplete; reconnect the channel');
  return c as unknown as TikTokCredentials;
}

interface TokenResponse { access_token: string; refresh_token?: string; expires_in?: number; open_id: string; scope?: string }

async function tokenRequest(http: HttpClient, app: NetworkApp, form: Record<string, string>): Promise<TokenResponse> {
  return requestToken<TokenResponse>(http, {
    network: 'TikTok', url: `${app.urls.api}/v2/oauth/token/`, toError: (err) => toProviderError(err, 'sign in'),
    form: { client_key: app.values.CLIENT_KEY ?? '', client_secret: app.values.CLIENT_SECRET ?? '', ...form },
  });
}

const expiry = tokenExpiry;

export const tiktokOAuth: OAuthSupport = {
  pkce: true,
  async authorize(_http, app, input) {
    const url = new URL(`${app.urls.auth}/v2/auth/authorize/`);
    url.search = new URLSearchParams({
      client_key: app.values.CLIENT_KEY ?? '', response_type: 'code', scope: TIKTOK_SCOPES.join(','), redirect_uri: app.redirectUri, state: input.state,
      ...(input.codeChallenge ? { code_challenge: input.codeChallenge, code_challenge_method: 'S256' } : {}),
    }).toString();
    return { url: url.toString() };
  },

  async exchange(http, app, input): Promise<ConnectCandidate[]> {
    const token = await tokenRequest(http, app, { code: input.code, grant_type: 'authorization_code', redirect_uri: app.redirectUri, ...(input.codeVerifier ? { code_verifier: input.codeVerifier } : {}) });
    const api = createTikTokApi(http, app.urls.api, token.access_token, { timeoutMs: 15_000 });
    const info = await api<{ user: { open_id: string; display_name?: string; username?: string; avatar_url?: string } }>('/v2/user/info/', { method: 'GET', query: 'fields=open_id,display_name,username,avatar_url' }).catch((err: unknown) => {
      throw toProviderError(err, 'read the signed-in account');
    });
    const u = info.user;
    const credentials: TikTokCredentials = { accessToken: token.access_token, refreshToken: token.refresh_token, openId: token.open_id, scope: token.scope };
    return [{
      credentials: { ...credentials }, tokenExpiresAt: expiry(token),
      account: { externalId: token.open_id, handle: u.username ?? u.display_name ?? token.open_id, name: u.display_name ?? u.username ?? 'TikTok account', profileUrl: u.username ? `https://www.tiktok.com/@${u.username}` : undefined },
    }];
  },
};

export async function refreshTikTokCredentials(http: HttpClient, app: NetworkApp, credentials: Credentials) {
  const current = readCredentials(credentials);
  if (!current.refreshToken) throw new ProviderError('auth_expired', 'This TikTok login has no refresh token; reconnect the channel');
  const token = await tokenRequest(http, app, { grant_type: 'refresh_token', refresh_token: current.refreshToken });
  return { credentials: { ...current, accessToken: token.access_token, refreshToken: token.refresh_token ?? current.refreshToken }, expiresAt: expiry(token) };
}
