/**
 * Snap's Business OAuth as the emulator serves it: the consent screen (approves at once and
 * redirects with `code` and `state`) and `/login/oauth2/access_token` (code and refresh grants,
 * client secret in the form body; access tokens for 1800 s).
 */
import type { Emulator } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';

export function oauthRoutes(emu: Emulator, authority: OAuthAuthority, clientSecret: () => string) {
  emu.route('GET', '/login/oauth2/authorize', (req) => {
    if (!req.query.scope) return { status: 400, json: { error: 'invalid_scope', error_description: 'scope is required' } };
    const r = authority.authorize(req.query);
    return 'error' in r ? { status: 400, json: { error: r.error, error_description: r.description } } : { status: 302, headers: { location: r.redirect } };
  });

  emu.route('POST', '/login/oauth2/access_token', (req) => {
    if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return { status: 400, json: { error: 'invalid_request', error_description: 'form body expected' } };
    const body = req.body as Record<string, string>;
    const client = authority.clientFrom(req.headers, body);
    if (!client.ok || body.client_secret !== clientSecret()) return { status: 401, json: { error: 'invalid_client', error_description: 'Client authentication failed' } };
    const grant = body.grant_type === 'authorization_code' ? authority.exchangeCode(client.id, body)
      : body.grant_type === 'refresh_token' ? authority.refreshGrant(client.id, body.refresh_token ?? '')
        : { error: 'unsupported_grant_type', description: `grant_type ${body.grant_type ?? ''}` };
    if ('error' in grant) return { status: 400, json: { error: grant.error, error_description: grant.description } };
    return { json: { access_token: grant.accessToken, token_type: 'Bearer', expires_in: grant.expiresIn, refresh_token: grant.refreshToken, scope: grant.scope } };
  });
}
