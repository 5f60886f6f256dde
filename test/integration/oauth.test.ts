/**
 * The OAuth connect machinery with a minimal provider against an emulator: state and PKCE checked,
 * a code used once, one account added at once, several offered to pick from, missing operator
 * settings named, a replayed callback refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectCandidate, Provider } from '../../src/providers/contract.js';
import { ProviderError } from '../../src/providers/provider-error.js';
import { createTestApp, type TestApp, type TestUser } from '../support/app.js';
import { connectThroughOAuth } from '../support/oauth-dance.js';
import { startEmulator, type Emulator } from '../emulators/kit.js';
import { OAuthAuthority } from '../emulators/oauth.js';

function fakeProvider(accounts: () => string[]): Provider {
  return {
    network: 'pinterest',
    idempotentPublish: false,
    app: { required: ['CLIENT_ID', 'CLIENT_SECRET'], urls: { api: 'https://api.example' } },
    oauth: {
      pkce: true,
      async authorize(_http, app, input) {
        const u = new URL(`${app.urls.api}/oauth/authorize`);
        u.search = new URLSearchParams({ client_id: app.values.CLIENT_ID!, redirect_uri: app.redirectUri, response_type: 'code', state: input.state, code_challenge: input.codeChallenge!, code_challenge_method: 'S256' }).toString();
        return { url: u.toString() };
      },
      async exchange(http, app, input): Promise<ConnectCandidate[]> {
        const res = await http(`${app.urls.api}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${app.values.CLIENT_ID}:${app.values.CLIENT_SECRET}`).toString('base64')}` },
          body: new URLSearchParams({ grant_type: 'authorization_code', code: input.code, redirect_uri: app.redirectUri, code_verifier: input.codeVerifier! }).toString(),
        });
        if (res.status !== 200) throw new ProviderError('rejected', 'token exchange refused', { networkMessage: res.text() });
        const token = res.json<{ access_token: string }>().access_token;
        return accounts().map((id) => ({ credentials: { token }, account: { externalId: id, handle: id, name: `Board ${id}` }, tokenExpiresAt: new Date(Date.now() + 3600_000) }));
      },
    },
    async publish() {
      throw new ProviderError('rejected', 'not in this test');
    },
  };
}

describe('OAuth connect', () => {
  let emu: Emulator;
  let authority: OAuthAuthority;
  let app: TestApp;
  let user: TestUser;
  let boards = ['b1'];

  beforeAll(async () => {
    emu = await startEmulator();
    app = await createTestApp({
      providers: [fakeProvider(() => boards)],
      env: { VARDE_PINTEREST_CLIENT_ID: 'cid', VARDE_PINTEREST_CLIENT_SECRET: 'csecret', VARDE_PINTEREST_API_URL: emu.url },
    });
    authority = new OAuthAuthority({ clients: { cid: { secret: 'csecret', redirectUris: [`${app.config.publicUrl}/api/v1/oauth/callback/pinterest`] } }, pkceRequired: true });
    emu.route('GET', '/oauth/authorize', (req) => {
      const r = authority.authorize(req.query);
      return 'redirect' in r ? { status: 302, headers: { location: r.redirect } } : { status: 400, json: r };
    });
    emu.route('POST', '/oauth/token', (req) => {
      const client = authority.clientFrom(req.headers, req.body);
      if (!client.ok) return { status: 401, json: { error: 'invalid_client' } };
      const g = authority.exchangeCode(client.id, req.body);
      return 'error' in g ? { status: 400, json: g } : { json: { access_token: g.accessToken, refresh_token: g.refreshToken, expires_in: g.expiresIn } };
    });
    user = await app.signUp();
  });
  afterAll(async () => {
    await app?.close();
    await emu?.close();
  });

  it('adds the one account a login gives, with encrypted tokens and their expiry', async () => {
    boards = ['b1'];
    const { result, authorizeUrl } = await connectThroughOAuth(app, user, 'pinterest');
    expect(new URL(authorizeUrl).searchParams.get('code_challenge_method')).toBe('S256');
    expect(result.status).toBe('done');
    expect(result.channels[0]).toMatchObject({ network: 'pinterest', externalId: 'b1', status: 'active' });
    const [row] = await app.db.db.query(`SELECT credentials, token_expires_at FROM channels WHERE id = $1`, [result.channels[0].id]);
    expect(row.credentials.startsWith('v1:')).toBe(true);
    expect(row.credentials).not.toContain('at_');
    expect(row.token_expires_at).toBeTruthy();
  });

  it('offers several accounts to pick from, and adds only the picked ones', async () => {
    boards = ['b2', 'b3', 'b4'];
    const { result } = await connectThroughOAuth(app, user, 'pinterest');
    expect(result.status).toBe('awaiting_pick');
    expect(result.candidates.map((c: any) => c.externalId)).toEqual(['b2', 'b3', 'b4']);
    const shown = await app.api('GET', `${user.ws}/channels/oauth/${result.state}`, undefined, user.token);
    expect(JSON.stringify(shown.body)).not.toContain('at_');
    const bad = await app.api('POST', `${user.ws}/channels/oauth/${result.state}/pick`, { externalIds: ['nope'] }, user.token);
    expect(bad.status).toBe(400);
    const picked = await app.api('POST', `${user.ws}/channels/oauth/${result.state}/pick`, { externalIds: ['b3'] }, user.token);
    expect(picked.status).toBe(201);
    expect(picked.body.channels.map((c: any) => c.externalId)).toEqual(['b3']);
    const again = await app.api('POST', `${user.ws}/channels/oauth/${result.state}/pick`, { externalIds: ['b2'] }, user.token);
    expect(again.status).toBe(409);
  });

  it('refuses a replayed or forged callback', async () => {
    boards = ['b5'];
    const start = await app.api('POST', `${user.ws}/channels/oauth/pinterest/start`, {}, user.token);
    const location = (await fetch(start.body.authorizeUrl, { redirect: 'manual' })).headers.get('location')!;
    const back = new URL(location);
    expect((await app.api('GET', back.pathname + back.search)).status).toBe(200);
    const replay = await app.api('GET', back.pathname + back.search);
    expect(replay.status).toBe(400);
    expect(replay.body.error.message).toMatch(/already used|expired|unknown/);
    const forged = await app.api('GET', `/api/v1/oauth/callback/pinterest?code=x&state=forged`);
    expect(forged.status).toBe(400);
    // An oversized parameter is refused by the route's schema, before any lookup.
    const huge = await app.api('GET', `/api/v1/oauth/callback/pinterest?code=x&state=${'s'.repeat(501)}`);
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toMatch(/state/);
  });

  it('describes the callback\'s parameters in the OpenAPI document', async () => {
    const doc = (await app.api('GET', '/api/openapi.json')).body;
    const params = doc.paths['/api/v1/oauth/callback/{network}'].get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
    expect(params).toEqual(expect.arrayContaining(['path:network', 'query:state', 'query:code', 'query:error', 'query:error_description']));
  });

  it('reports a refused login without adding anything', async () => {
    const start = await app.api('POST', `${user.ws}/channels/oauth/pinterest/start`, {}, user.token);
    const res = await app.api('GET', `/api/v1/oauth/callback/pinterest?error=access_denied&error_description=User+said+no&state=${start.body.state}`);
    expect(res.body).toMatchObject({ status: 'failed', error: expect.stringContaining('User said no') });
  });

  it('names the settings the operator must add when the network is not configured', async () => {
    const bare = await createTestApp({ providers: [fakeProvider(() => boards)] });
    try {
      const u = await bare.signUp();
      const res = await bare.api('POST', `${u.ws}/channels/oauth/pinterest/start`, {}, u.token);
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain('VARDE_PINTEREST_CLIENT_ID, VARDE_PINTEREST_CLIENT_SECRET');
    } finally {
      await bare.close();
    }
  });
});
