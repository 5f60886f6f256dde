/**
 * Facebook Login, shared by Facebook Pages and Instagram (professional accounts are reached
 * through the Page they are linked to): the login dialog, the code exchange, the long-lived user
 * token (`grant_type=fb_exchange_token`, ~60 days), and the Pages the person manages
 * (`/me/accounts`), each with its own Page token — which does not expire when it comes from a
 * long-lived user token.
 *
 * PKCE: Meta documents S256 PKCE for manually built login flows (marked "still in testing"), so
 * Varde sends a challenge and its verifier alongside the app secret; an operator whose app
 * refuses it sets `VARDE_<SLUG>_PKCE=off`. With `VARDE_<SLUG>_CONFIG_ID` (Facebook Login for
 * Business) the configuration's permissions replace `scope`.
 */
import type { HttpClient } from '../../net/http.types.js';
import type { NetworkApp } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { createGraph, type Graph } from './graph.js';
import { toProviderError } from './errors.js';
import { metaTimeouts } from './settings.js';

export interface LoginToken {
  accessToken: string;
  expiresAt: Date | null;
}

export function pkceEnabled(app: NetworkApp): boolean {
  return (app.values.PKCE ?? 'on').toLowerCase() !== 'off';
}

export function loginDialogUrl(app: NetworkApp, input: { state: string; codeChallenge?: string }, scopes: string[]): string {
  const url = new URL(`${app.urls.dialog}/dialog/oauth`);
  const params: Record<string, string> = { client_id: app.values.APP_ID ?? '', redirect_uri: app.redirectUri, state: input.state, response_type: 'code' };
  if (app.values.CONFIG_ID) params.config_id = app.values.CONFIG_ID;
  else params.scope = scopes.join(',');
  if (input.codeChallenge && pkceEnabled(app)) Object.assign(params, { code_challenge: input.codeChallenge, code_challenge_method: 'S256' });
  url.search = new URLSearchParams(params).toString();
  return url.toString();
}

function graphFor(http: HttpClient, app: NetworkApp): Graph {
  return createGraph(http, { baseUrl: app.urls.graph, timeoutMs: metaTimeouts(app).requestMs });
}

/** Code → short-lived user token → long-lived user token. */
export async function exchangeLoginCode(http: HttpClient, app: NetworkApp, code: string, codeVerifier: string | undefined, network: string): Promise<LoginToken> {
  const graph = graphFor(http, app);
  try {
    const short = await graph.post<{ access_token?: string }>('oauth/access_token', {
      client_id: app.values.APP_ID, client_secret: app.values.APP_SECRET, redirect_uri: app.redirectUri, code,
      code_verifier: pkceEnabled(app) ? codeVerifier : undefined,
    });
    if (!short.access_token) throw new ProviderError('rejected', `${network} returned no access token`);
    return await exchangeLongLived(graph, app, short.access_token);
  } catch (err) {
    throw toProviderError(err, network, 'sign-in');
  }
}

async function exchangeLongLived(graph: Graph, app: NetworkApp, token: string): Promise<LoginToken> {
  const long = await graph.post<{ access_token?: string; expires_in?: number }>('oauth/access_token', {
    grant_type: 'fb_exchange_token', client_id: app.values.APP_ID, client_secret: app.values.APP_SECRET, fb_exchange_token: token,
  });
  if (!long.access_token) throw new ProviderError('rejected', 'Meta returned no long-lived token');
  return { accessToken: long.access_token, expiresAt: long.expires_in ? new Date(Date.now() + long.expires_in * 1000) : null };
}

export interface ManagedPage {
  id: string;
  name: string;
  access_token: string;
  category?: string;
  tasks?: string[];
  link?: string;
  username?: string;
  instagram_business_account?: { id: string; username?: string; name?: string; profile_picture_url?: string };
}

/** Every Page the login manages (following Graph's cursor paging, up to 500). */
export async function listManagedPages(http: HttpClient, app: NetworkApp, userToken: string, fields: string, network: string): Promise<ManagedPage[]> {
  const graph = createGraph(http, { baseUrl: app.urls.graph, token: userToken, appSecret: app.values.APP_SECRET, timeoutMs: metaTimeouts(app).requestMs });
  const pages: ManagedPage[] = [];
  let after: string | undefined;
  try {
    for (let i = 0; i < 5; i++) {
      const res = await graph.get<{ data?: ManagedPage[]; paging?: { cursors?: { after?: string }; next?: string } }>('me/accounts', { fields, limit: 100, after });
      pages.push(...(res.data ?? []));
      after = res.paging?.next ? res.paging.cursors?.after : undefined;
      if (!after) break;
    }
  } catch (err) {
    throw toProviderError(err, network, 'listing the Pages');
  }
  return pages;
}

/** A fresh Page token from the stored long-lived user token (after Meta refused the old one). */
export async function renewPageToken(http: HttpClient, app: NetworkApp, userToken: string, pageId: string, network: string): Promise<string> {
  const graph = createGraph(http, { baseUrl: app.urls.graph, token: userToken, appSecret: app.values.APP_SECRET, timeoutMs: metaTimeouts(app).requestMs });
  try {
    const page = await graph.get<{ access_token?: string }>(pageId, { fields: 'access_token' });
    if (!page.access_token) throw new ProviderError('auth_expired', `${network}: this login no longer manages the Page; reconnect the channel`);
    return page.access_token;
  } catch (err) {
    throw toProviderError(err, network, 'token renewal');
  }
}
