/**
 * LinkedIn 3-legged OAuth 2.0 (no PKCE for web apps): the member signs in, Varde reads who they are
 * (OpenID Connect `userinfo`) and — when the app has the Community Management API — the pages
 * (organizations) they administer; the member and each page become candidates to pick from.
 * Access tokens last 60 days; refresh tokens are issued only to apps LinkedIn approved for
 * programmatic refresh (then they last a year), otherwise the channel is reconnected.
 */
import type { ConnectCandidate, Credentials, NetworkApp, OAuthSupport } from '../contract.js';
import type { HttpClient } from '../../net/http.types.js';
import { ProviderError } from '../provider-error.js';
import { createLinkedInApi, enc, toProviderError } from './client.js';
import { requestToken, tokenExpiry, type TokenResponse } from '../oauth-token.js';

export const MEMBER_SCOPES = ['openid', 'profile', 'w_member_social'];
export const ORGANIZATION_SCOPES = ['w_organization_social', 'r_organization_social', 'rw_organization_admin'];
const POSTING_ROLES = new Set(['ADMINISTRATOR', 'CONTENT_ADMINISTRATOR']);

export interface LinkedInCredentials {
  accessToken: string;
  refreshToken?: string;
  memberUrn: string;
  scope?: string;
}

export function readCredentials(c: Credentials): LinkedInCredentials {
  if (typeof c.accessToken !== 'string' || typeof c.memberUrn !== 'string') throw new ProviderError('auth_expired', 'The stored LinkedIn login is incomplete; reconnect the channel');
  return c as unknown as LinkedInCredentials;
}

/** Organization scopes need LinkedIn's Community Management API: asked for only when the operator says the app has it. */
export function scopesFor(app: NetworkApp): string[] {
  return /^(1|true|yes)$/i.test(app.values.ORGANIZATIONS ?? '') ? [...MEMBER_SCOPES, ...ORGANIZATION_SCOPES] : MEMBER_SCOPES;
}


async function tokenRequest(http: HttpClient, app: NetworkApp, form: Record<string, string>): Promise<TokenResponse> {
  return requestToken<TokenResponse>(http, {
    network: 'LinkedIn', url: `${app.urls.auth}/oauth/v2/accessToken`, toError: (err) => toProviderError(err, 'sign in'),
    form: { ...form, client_id: app.values.CLIENT_ID ?? '', client_secret: app.values.CLIENT_SECRET ?? '' },
  });
}

const expiry = tokenExpiry;

export const linkedinOAuth: OAuthSupport = {
  pkce: false,
  async authorize(_http, app, input) {
    const url = new URL(`${app.urls.auth}/oauth/v2/authorization`);
    url.search = new URLSearchParams({ response_type: 'code', client_id: app.values.CLIENT_ID ?? '', redirect_uri: app.redirectUri, state: input.state, scope: scopesFor(app).join(' ') }).toString();
    return { url: url.toString() };
  },

  async exchange(http, app, input): Promise<ConnectCandidate[]> {
    const token = await tokenRequest(http, app, { grant_type: 'authorization_code', code: input.code, redirect_uri: app.redirectUri });
    const api = createLinkedInApi(http, app.urls.api, token.access_token, { version: app.values.API_VERSION, timeoutMs: 15_000 });
    try {
      const me = (await api<{ sub: string; name?: string; given_name?: string; family_name?: string }>('GET', '/v2/userinfo')).body;
      const memberUrn = `urn:li:person:${me.sub}`;
      const credentials = { accessToken: token.access_token, refreshToken: token.refresh_token, memberUrn, scope: token.scope } satisfies LinkedInCredentials;
      const name = me.name || [me.given_name, me.family_name].filter(Boolean).join(' ') || me.sub;
      const candidates: ConnectCandidate[] = [{ credentials: { ...credentials }, settings: { author: memberUrn }, account: { externalId: memberUrn, handle: name, name }, tokenExpiresAt: expiry(token) }];
      const granted = new Set((token.scope ?? '').split(/[ ,]+/));
      if (!granted.has('rw_organization_admin') && !granted.has('w_organization_social')) return candidates;
      const acls = (await api<{ elements?: { organization: string; role: string; state: string }[] }>('GET', '/rest/organizationAcls', { query: 'q=roleAssignee&state=APPROVED&count=100' })).body;
      for (const acl of acls.elements ?? []) {
        if (!POSTING_ROLES.has(acl.role) || candidates.some((c) => c.account.externalId === acl.organization)) continue;
        const id = acl.organization.split(':').pop()!;
        const org = (await api<{ localizedName?: string; vanityName?: string }>('GET', `/rest/organizations/${enc(id)}`)).body;
        const orgName = org.localizedName ?? `Organization ${id}`;
        candidates.push({
          credentials: { ...credentials }, settings: { author: acl.organization }, tokenExpiresAt: expiry(token),
          account: { externalId: acl.organization, handle: org.vanityName ?? id, name: orgName, profileUrl: `https://www.linkedin.com/company/${org.vanityName ?? id}` },
        });
      }
      return candidates;
    } catch (err) {
      throw toProviderError(err, 'read the signed-in member and their pages');
    }
  },
};

/** Programmatic refresh, for apps LinkedIn approved for it; otherwise the member reconnects. */
export async function refreshLinkedInCredentials(http: HttpClient, app: NetworkApp, credentials: Credentials) {
  const current = readCredentials(credentials);
  if (!current.refreshToken) throw new ProviderError('auth_expired', 'LinkedIn gave this app no refresh token (programmatic refresh is for approved apps); reconnect the channel');
  const token = await tokenRequest(http, app, { grant_type: 'refresh_token', refresh_token: current.refreshToken });
  const next: LinkedInCredentials = { ...current, accessToken: token.access_token, refreshToken: token.refresh_token ?? current.refreshToken, scope: token.scope ?? current.scope };
  return { credentials: { ...next }, expiresAt: expiry(token) };
}
