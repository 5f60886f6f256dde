/**
 * Google's OAuth endpoints as the YouTube emulator serves them: the consent screen (which approves
 * at once and redirects), and the token endpoint (code and refresh grants). Google issues a
 * refresh token only for `access_type=offline`, never rotates it, and answers errors as
 * `{ error, error_description }`.
 */
import type { Emulator } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';
import type { YouTubeState } from './state.js';

export function oauthRoutes(emu: Emulator, state: YouTubeState, authority: OAuthAuthority, clientSecret: () => string) {
  const offline = new Set<string>();

  emu.route('GET', '/o/oauth2/v2/auth', (req) => {
    if (!req.query.scope) return { status: 400, json: { error: 'invalid_request', error_description: 'Missing required parameter: scope' } };
    const granted = req.query.scope.split(/\s+/).filter((s) => !state.deniedScopes.includes(s)).join(' ');
    const r = authority.authorize({ ...req.query, scope: granted });
    if ('error' in r) return { status: 400, json: { error: r.error, error_description: r.description } };
    const code = new URL(r.redirect).searchParams.get('code')!;
    if (req.query.access_type === 'offline') offline.add(code);
    return { status: 302, headers: { location: r.redirect } };
  });

  emu.route('POST', '/token', (req) => {
    if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      return { status: 400, json: { error: 'invalid_request', error_description: 'Invalid content type' } };
    }
    const body = req.body as Record<string, string>;
    const client = authority.clientFrom(req.headers, body);
    // A web application client always authenticates with its secret, PKCE or not.
    if (!client.ok || (body.client_secret ?? '') !== clientSecret()) return { status: 401, json: { error: 'invalid_client', error_description: 'Unauthorized' } };
    if (body.grant_type === 'authorization_code') {
      const g = authority.exchangeCode(client.id, body);
      if ('error' in g) return { status: 400, json: { error: g.error, error_description: g.description } };
      const json: Record<string, unknown> = { access_token: g.accessToken, expires_in: g.expiresIn, scope: g.scope, token_type: 'Bearer' };
      if (offline.delete(body.code)) json.refresh_token = g.refreshToken;
      return { json };
    }
    if (body.grant_type === 'refresh_token') {
      const g = authority.refreshGrant(client.id, body.refresh_token ?? '');
      if ('error' in g) return { status: 400, json: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
      return { json: { access_token: g.accessToken, expires_in: g.expiresIn, scope: g.scope, token_type: 'Bearer' } };
    }
    return { status: 400, json: { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${body.grant_type ?? ''}` } };
  });
}
