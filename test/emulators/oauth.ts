/**
 * OAuth 2.0 authorization-code logic shared by the emulators: client and redirect-URI checks,
 * `state` echoed, PKCE (S256) verified, codes single-use and short-lived, access tokens that
 * expire (or are expired on demand), refresh tokens that rotate. Each emulator wraps these
 * results in its network's own response and error shapes.
 */
import crypto from 'node:crypto';

export interface TokenGrant {
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
  scope: string;
  userId: string;
}

interface CodeRecord {
  clientId: string;
  redirectUri: string;
  challenge?: string;
  userId: string;
  scope: string;
  issuedAt: number;
  used: boolean;
}

export type OAuthError = { error: string; description: string };

export class OAuthAuthority {
  private codes = new Map<string, CodeRecord>();
  private access = new Map<string, { userId: string; scope: string; expiresAt: number; clientId: string }>();
  private refresh = new Map<string, { userId: string; scope: string; clientId: string }>();
  /** The account that "logs in" at the next authorize. */
  currentUser = 'user-1';
  /** Log of token requests, for assertions. */
  /** Every token request; a refresh names the user whose login it renewed (when the token was known). */
  tokenRequests: { grantType: string; at: number; userId?: string }[] = [];

  constructor(
    private readonly opts: {
      clients: Record<string, { secret: string; redirectUris?: string[] }>;
      pkceRequired: boolean;
      codeTtlMs?: number;
      accessTtlSeconds?: number;
      issueRefreshTokens?: boolean;
      /** Rotate refresh tokens on use (X, TikTok do). */
      rotateRefresh?: boolean;
    },
  ) {}

  /** Validates an authorize request and returns where to redirect the browser (code + state). */
  authorize(q: Record<string, string>): { redirect: string } | OAuthError {
    const client = this.opts.clients[q.client_id ?? ''];
    if (!client) return { error: 'invalid_client', description: 'Unknown client_id' };
    if (!q.redirect_uri || (client.redirectUris && !client.redirectUris.includes(q.redirect_uri))) return { error: 'invalid_request', description: 'redirect_uri is not registered for this client' };
    if (q.response_type !== 'code') return { error: 'unsupported_response_type', description: 'response_type must be code' };
    if (!q.state) return { error: 'invalid_request', description: 'state is required' };
    if (this.opts.pkceRequired && (!q.code_challenge || q.code_challenge_method !== 'S256')) return { error: 'invalid_request', description: 'code_challenge with method S256 is required' };
    const code = crypto.randomBytes(16).toString('hex');
    this.codes.set(code, { clientId: q.client_id, redirectUri: q.redirect_uri, challenge: q.code_challenge, userId: this.currentUser, scope: q.scope ?? '', issuedAt: Date.now(), used: false });
    const url = new URL(q.redirect_uri);
    url.searchParams.set('code', code);
    url.searchParams.set('state', q.state);
    return { redirect: url.toString() };
  }

  /** Client authentication from HTTP Basic or the body. */
  clientFrom(headers: Record<string, string>, body: Record<string, string>): { id: string; ok: boolean } {
    const basic = /^Basic\s+(.+)$/i.exec(headers.authorization ?? '');
    const [id, secret] = basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(':').map(decodeURIComponent) : [body.client_id, body.client_secret];
    const client = this.opts.clients[id ?? ''];
    return { id: id ?? '', ok: Boolean(client && (secret === client.secret || (this.opts.pkceRequired && secret === undefined))) };
  }

  exchangeCode(clientId: string, body: Record<string, string>): TokenGrant | OAuthError {
    this.tokenRequests.push({ grantType: 'authorization_code', at: Date.now() });
    const rec = this.codes.get(body.code ?? '');
    if (!rec || rec.used) return { error: 'invalid_grant', description: 'The authorization code is invalid or was already used' };
    rec.used = true;
    if (Date.now() - rec.issuedAt > (this.opts.codeTtlMs ?? 30_000)) return { error: 'invalid_grant', description: 'The authorization code has expired' };
    if (rec.clientId !== clientId) return { error: 'invalid_grant', description: 'The code was issued to another client' };
    if (rec.redirectUri !== body.redirect_uri) return { error: 'invalid_grant', description: 'redirect_uri does not match' };
    if (rec.challenge) {
      const computed = crypto.createHash('sha256').update(body.code_verifier ?? '').digest('base64url');
      if (computed !== rec.challenge) return { error: 'invalid_grant', description: 'code_verifier does not match the code_challenge' };
    }
    return this.issue(rec.userId, rec.scope, clientId);
  }

  refreshGrant(clientId: string, refreshToken: string): TokenGrant | OAuthError {
    const rec = this.refresh.get(refreshToken);
    this.tokenRequests.push({ grantType: 'refresh_token', at: Date.now(), userId: rec?.userId });
    if (!rec || rec.clientId !== clientId) return { error: 'invalid_grant', description: 'The refresh token is invalid' };
    if (this.opts.rotateRefresh) this.refresh.delete(refreshToken);
    const grant = this.issue(rec.userId, rec.scope, clientId);
    if (!this.opts.rotateRefresh) grant.refreshToken = refreshToken;
    return grant;
  }

  issue(userId: string, scope: string, clientId = Object.keys(this.opts.clients)[0]): TokenGrant {
    const accessToken = `at_${crypto.randomBytes(12).toString('hex')}`;
    const expiresIn = this.opts.accessTtlSeconds ?? 7200;
    this.access.set(accessToken, { userId, scope, expiresAt: Date.now() + expiresIn * 1000, clientId });
    const grant: TokenGrant = { accessToken, expiresIn, scope, userId };
    if (this.opts.issueRefreshTokens !== false) {
      grant.refreshToken = `rt_${crypto.randomBytes(12).toString('hex')}`;
      this.refresh.set(grant.refreshToken, { userId, scope, clientId });
    }
    return grant;
  }

  /** The token's user, `expired`, or null when unknown. Reads `Authorization: Bearer` or a given token. */
  check(tokenOrHeader: string | undefined): { userId: string; scope: string } | 'expired' | null {
    const token = tokenOrHeader?.replace(/^Bearer\s+/i, '') ?? '';
    const rec = this.access.get(token);
    if (!rec) return null;
    if (rec.expiresAt <= Date.now()) return 'expired';
    return { userId: rec.userId, scope: rec.scope };
  }

  /** Makes every current access token (or one) expire now. */
  expire(token?: string) {
    for (const [t, rec] of this.access) if (!token || t === token) rec.expiresAt = 0;
  }

  revokeRefreshTokens() {
    this.refresh.clear();
  }
}
