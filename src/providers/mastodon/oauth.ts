/**
 * Connecting a Mastodon account: the user names their server, Varde registers itself there once
 * (`POST /api/v1/apps`, kept encrypted in the NetworkAppStore per server), then the OAuth 2.0
 * authorization-code flow with `state` and PKCE (S256, honoured from Mastodon 4.3; older servers
 * ignore the extra parameters). Mastodon tokens do not expire and there is no refresh token: a
 * revoked token means the user logs in again.
 */
import type { HttpClient } from '../../net/http.types.js';
import type { ConnectCandidate, NetworkApp, NetworkAppStore } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { createMastodonApi, MastodonError, toProviderError } from './client.js';
import { readInstanceConfig } from './instance.js';

/** What Varde asks for: post and upload, read mentions and replies, favourite, read the profile. */
export const MASTODON_SCOPES = 'read:accounts read:statuses read:notifications write:statuses write:media write:favourites';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The server's origin from what a user typed: `mastodon.social`, `https://mastodon.social/`, or
 * `@alice@mastodon.social`. HTTPS only, except a server on this machine (development, tests).
 */
export function normalizeInstance(input: string | undefined): string {
  const raw = (input ?? '').trim().replace(/^@?[^@\s/]+@(?=[^@]+$)/, '');
  if (!raw) throw new ProviderError('rejected', 'Name the Mastodon server to connect, e.g. mastodon.social');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new ProviderError('rejected', `"${raw}" is not a Mastodon server name like mastodon.social`);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure || url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search) {
    throw new ProviderError('rejected', `"${raw}" is not a Mastodon server name like mastodon.social (https only, no path)`);
  }
  return url.origin;
}

interface RegisteredApp {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string;
}

/** Varde's app on this server: the stored one, or a new registration when none fits. */
async function appOn(http: HttpClient, instance: string, app: NetworkApp, store: NetworkAppStore): Promise<RegisteredApp> {
  const known = await store.get(instance);
  if (known && known.redirectUri === app.redirectUri && known.scopes === MASTODON_SCOPES && known.clientId && known.clientSecret) {
    return known as unknown as RegisteredApp;
  }
  const api = createMastodonApi(http, instance, null);
  try {
    const { data } = await api<{ client_id?: string; client_secret?: string }>('POST', '/api/v1/apps', {
      anonymous: true,
      json: { client_name: app.values.APP_NAME ?? 'Varde', redirect_uris: [app.redirectUri], scopes: MASTODON_SCOPES, website: app.publicUrl },
    });
    if (!data.client_id || !data.client_secret) throw new ProviderError('transient', `${instance} did not return app credentials`);
    const registered: RegisteredApp = { clientId: data.client_id, clientSecret: data.client_secret, redirectUri: app.redirectUri, scopes: MASTODON_SCOPES };
    await store.put(instance, { ...registered });
    return registered;
  } catch (err) {
    if (err instanceof MastodonError && err.status === 404) throw new ProviderError('rejected', `${instance} does not look like a Mastodon server (no /api/v1/apps)`, { status: 404 });
    throw toProviderError(err, 'app registration');
  }
}

/** The URL of the server's consent page. */
export async function authorizeUrl(http: HttpClient, app: NetworkApp, input: { state: string; codeChallenge?: string; instance?: string }, store: NetworkAppStore) {
  const instance = normalizeInstance(input.instance);
  const registered = await appOn(http, instance, app, store);
  const url = new URL(`${instance}/oauth/authorize`);
  const params: Record<string, string> = { response_type: 'code', client_id: registered.clientId, redirect_uri: app.redirectUri, scope: MASTODON_SCOPES, state: input.state };
  if (input.codeChallenge) Object.assign(params, { code_challenge: input.codeChallenge, code_challenge_method: 'S256' });
  url.search = new URLSearchParams(params).toString();
  return { url: url.toString() };
}

interface MastodonAccount {
  id: string;
  username: string;
  acct: string;
  display_name?: string;
  url?: string;
  source?: { privacy?: string };
}

/** Exchanges the code, then reads the account and the server's limits: one channel per login. */
export async function exchangeCode(http: HttpClient, app: NetworkApp, input: { code: string; codeVerifier?: string; instance?: string }, store: NetworkAppStore): Promise<ConnectCandidate[]> {
  const instance = normalizeInstance(input.instance);
  const registered = await store.get(instance);
  if (!registered?.clientId) throw new ProviderError('rejected', `Varde has no app on ${instance} any more; start connecting again`);
  const anonymous = createMastodonApi(http, instance, null);
  let accessToken: string;
  try {
    const form: Record<string, string> = {
      grant_type: 'authorization_code', code: input.code, client_id: registered.clientId, client_secret: registered.clientSecret,
      redirect_uri: app.redirectUri, scope: MASTODON_SCOPES,
    };
    if (input.codeVerifier) form.code_verifier = input.codeVerifier;
    const { data } = await anonymous<{ access_token?: string }>('POST', '/oauth/token', { anonymous: true, form });
    if (!data.access_token) throw new ProviderError('rejected', `${instance} returned no access token`);
    accessToken = data.access_token;
  } catch (err) {
    throw toProviderError(err, 'sign-in');
  }
  const api = createMastodonApi(http, instance, accessToken);
  try {
    const { data: account } = await api<MastodonAccount>('GET', '/api/v1/accounts/verify_credentials');
    const limits = await readInstanceConfig(api);
    const host = new URL(instance).host;
    return [{
      credentials: { accessToken },
      settings: { instanceUrl: instance, accountId: account.id, ...limits, ...(account.source?.privacy ? { defaultVisibility: account.source.privacy } : {}) },
      account: { externalId: `${account.id}@${host}`, handle: `@${account.username}@${host}`, name: account.display_name?.trim() || account.username, profileUrl: account.url },
      tokenExpiresAt: null,
    }];
  } catch (err) {
    throw toProviderError(err, 'reading the account');
  }
}
