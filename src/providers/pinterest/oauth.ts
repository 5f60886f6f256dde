/**
 * Pinterest OAuth 2.0: authorization code at pinterest.com/oauth, tokens from `/v5/oauth/token` with
 * HTTP Basic client authentication. Access tokens last 30 days; refresh tokens are "continuous"
 * (each refresh returns a new one, valid 60 days). Each board the user owns becomes a candidate
 * channel: the board is where pins go unless a target names another (`board` option).
 */
import type { ConnectCandidate, Credentials, NetworkApp, OAuthSupport } from '../contract.js';
import type { HttpClient } from '../../net/http.types.js';
import { ProviderError } from '../provider-error.js';
import { createPinterestApi, toProviderError } from './client.js';
import { requestToken, tokenExpiry, type TokenResponse } from '../oauth-token.js';

export const PINTEREST_SCOPES = ['boards:read', 'boards:write', 'pins:read', 'pins:write', 'user_accounts:read'];

export interface PinterestCredentials { accessToken: string; refreshToken?: string; username: string; scope?: string }

export function readCredentials(c: Credentials): PinterestCredentials {
  if (typeof c.accessToken !== 'string') throw new ProviderError('auth_expired', 'The stored Pinterest login is incomplete; reconnect the channel');
  return c as unknown as PinterestCredentials;
}


async function tokenRequest(http: HttpClient, app: NetworkApp, form: Record<string, string>): Promise<TokenResponse> {
  return requestToken<TokenResponse>(http, {
    network: 'Pinterest', url: `${app.urls.api}/v5/oauth/token`, form, toError: (err) => toProviderError(err, 'sign in'),
    basic: { id: app.values.CLIENT_ID ?? '', secret: app.values.CLIENT_SECRET ?? '' },
  });
}

const expiry = tokenExpiry;

export const pinterestOAuth: OAuthSupport = {
  pkce: false,
  async authorize(_http, app, input) {
    const url = new URL(`${app.urls.auth}/oauth/`);
    url.search = new URLSearchParams({ client_id: app.values.CLIENT_ID ?? '', redirect_uri: app.redirectUri, response_type: 'code', scope: PINTEREST_SCOPES.join(','), state: input.state }).toString();
    return { url: url.toString() };
  },

  async exchange(http, app, input): Promise<ConnectCandidate[]> {
    const token = await tokenRequest(http, app, { grant_type: 'authorization_code', code: input.code, redirect_uri: app.redirectUri, continuous_refresh: 'true' });
    const api = createPinterestApi(http, app.urls.api, token.access_token, { timeoutMs: 15_000 });
    try {
      const me = await api<{ username: string; business_name?: string }>('GET', '/v5/user_account');
      const credentials: PinterestCredentials = { accessToken: token.access_token, refreshToken: token.refresh_token, username: me.username, scope: token.scope };
      const boards: { id: string; name: string; privacy?: string }[] = [];
      let bookmark: string | undefined;
      do {
        const page = await api<{ items: { id: string; name: string; privacy?: string }[]; bookmark?: string | null }>('GET', '/v5/boards', { query: { page_size: 100, bookmark } });
        boards.push(...page.items);
        bookmark = page.bookmark ?? undefined;
      } while (bookmark && boards.length < 1000);
      if (boards.length === 0) throw new ProviderError('rejected', 'This Pinterest account has no board; create one on Pinterest, then connect again');
      return boards.map((b) => ({
        credentials: { ...credentials }, tokenExpiresAt: expiry(token),
        settings: { boardId: b.id, boardName: b.name, username: me.username },
        account: { externalId: b.id, handle: `${me.username}/${b.name}`, name: `${me.business_name || me.username}: ${b.name}`, profileUrl: `https://www.pinterest.com/${me.username}/` },
      }));
    } catch (err) {
      throw toProviderError(err, 'read the account and its boards');
    }
  },
};

export async function refreshPinterestCredentials(http: HttpClient, app: NetworkApp, credentials: Credentials) {
  const current = readCredentials(credentials);
  if (!current.refreshToken) throw new ProviderError('auth_expired', 'This Pinterest login has no refresh token; reconnect the channel');
  const token = await tokenRequest(http, app, { grant_type: 'refresh_token', refresh_token: current.refreshToken, continuous_refresh: 'true' });
  return { credentials: { ...current, accessToken: token.access_token, refreshToken: token.refresh_token ?? current.refreshToken }, expiresAt: expiry(token) };
}
