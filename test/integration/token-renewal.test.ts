/**
 * One renewal when several callers meet an expired token at once. Networks that rotate refresh
 * tokens accept each one once: a second renewal with the same token is refused, which would mark a
 * healthy channel for reconnecting. Here a publish, an inbox check and the periodic task (and a
 * caller holding an old copy of the channel's row, as a second worker would) renew together.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRenewing, refreshChannelCredentials, refreshExpiringTokens } from '../../src/channels/token-refresh.service.js';
import type { ChannelRow } from '../../src/channels/channels.repository.js';
import type { Provider } from '../../src/providers/contract.js';
import { ProviderError } from '../../src/providers/provider-error.js';
import { createTestApp, type TestApp, type TestUser } from '../support/app.js';
import { ENGINES } from '../support/databases.js';

/** A network whose refresh tokens work once each, and whose renewals take a moment. */
function rotatingProvider(calls: string[], valid: Set<string>): Provider {
  let n = 1;
  return {
    network: 'pinterest',
    idempotentPublish: false,
    app: { required: [], urls: { api: 'https://api.example' } },
    async refreshCredentials(_http, _app, credentials) {
      const given = String(credentials.refreshToken);
      calls.push(given);
      await new Promise((r) => setTimeout(r, 150));
      if (!valid.delete(given)) throw new ProviderError('auth_expired', 'invalid_grant: the refresh token was already used', { networkMessage: 'invalid_grant' });
      n += 1;
      valid.add(`rt-${n}`);
      return { credentials: { accessToken: `at-${n}`, refreshToken: `rt-${n}` }, expiresAt: new Date(Date.now() + 3_600_000) };
    },
    async publish() {
      throw new ProviderError('rejected', 'not in this test');
    },
  };
}

describe.each(ENGINES)('renewing a channel\'s login on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;
  const calls: string[] = [];
  /** Refresh tokens the network accepts (each once). */
  const valid = new Set(['rt-1']);

  beforeAll(async () => {
    app = await createTestApp({ engine, providers: [rotatingProvider(calls, valid)], env: { VARDE_PINTEREST_CLIENT_ID: 'cid', VARDE_PINTEREST_CLIENT_SECRET: 'secret' } });
    user = await app.signUp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const readChannel = async (id: string) => (await app.db.db.query<ChannelRow>(`SELECT * FROM channels WHERE id = $1`, [id]))[0];

  it('renews once for callers that meet the expired token together, and keeps the channel active', async () => {
    const ctx = app.varde.ctx;
    const id = crypto.randomUUID();
    await app.db.db.query(
      `INSERT INTO channels (id, workspace_id, network, name, external_id, handle, credentials, settings, token_expires_at)
       VALUES ($1, $2, 'pinterest', 'Boards', 'acct', 'acct', $3, '{}'::jsonb, now() + interval '1 minute')`,
      [id, user.workspaceId, ctx.secrets.encrypt({ accessToken: 'at-1', refreshToken: 'rt-1' })],
    );
    // Each caller with its own copy of the row, as a publish, an inbox check and another worker hold them.
    const copies = await Promise.all([readChannel(id), readChannel(id), readChannel(id)]);
    const [a, b, c] = await Promise.all([
      refreshChannelCredentials(ctx, copies[0]),
      refreshChannelCredentials(ctx, copies[1]),
      refreshExpiringTokens(ctx).then(() => refreshChannelCredentials(ctx, copies[2])),
    ]);
    expect(calls).toEqual(['rt-1']);
    expect(a).toEqual({ accessToken: 'at-2', refreshToken: 'rt-2' });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const stored = await readChannel(id);
    expect(stored.status).toBe('active');
    expect(ctx.secrets.decrypt(stored.credentials)).toEqual(a);
    // Every caller's row now holds what is stored, so a later expiry renews again, once.
    for (const copy of copies) expect(copy.credentials).toBe(stored.credentials);
    const again = await Promise.all(copies.map((copy) => refreshChannelCredentials(ctx, copy)));
    expect(calls).toEqual(['rt-1', 'rt-2']);
    expect(again.every((cr) => cr?.refreshToken === 'rt-3')).toBe(true);
    expect((await readChannel(id)).status).toBe('active');
  });

  it('a caller with an old copy of the row takes the credentials another worker stored, without renewing', async () => {
    const ctx = app.varde.ctx;
    const id = crypto.randomUUID();
    await app.db.db.query(
      `INSERT INTO channels (id, workspace_id, network, name, external_id, handle, credentials, settings)
       VALUES ($1, $2, 'pinterest', 'Old copy', 'acct2', 'acct2', $3, '{}'::jsonb)`,
      [id, user.workspaceId, ctx.secrets.encrypt({ accessToken: 'at-old', refreshToken: 'rt-old' })],
    );
    const stale = await readChannel(id);
    // Another worker renewed meanwhile (stored here by hand).
    const renewed = { accessToken: 'at-new', refreshToken: 'rt-new' };
    await app.db.db.query(`UPDATE channels SET credentials = $2 WHERE id = $1`, [id, ctx.secrets.encrypt(renewed)]);
    const before = calls.length;
    expect(await refreshChannelCredentials(ctx, stale)).toEqual(renewed);
    expect(calls.length).toBe(before);
    expect((await readChannel(id)).status).toBe('active');
  });

  it('renews again when the credentials another worker stored have expired too', async () => {
    const ctx = app.varde.ctx;
    const id = crypto.randomUUID();
    await app.db.db.query(
      `INSERT INTO channels (id, workspace_id, network, name, external_id, handle, credentials, settings)
       VALUES ($1, $2, 'pinterest', 'Twice', 'acct3', 'acct3', $3, '{}'::jsonb)`,
      [id, user.workspaceId, ctx.secrets.encrypt({ accessToken: 'at-old', refreshToken: 'rt-old' })],
    );
    const stale = await readChannel(id);
    // Another worker renewed meanwhile, and that access token has expired since as well.
    valid.add('rt-stored');
    await app.db.db.query(`UPDATE channels SET credentials = $2 WHERE id = $1`, [id, ctx.secrets.encrypt({ accessToken: 'at-stored', refreshToken: 'rt-stored' })]);
    const pctx = { credentials: ctx.secrets.decrypt<Record<string, unknown>>(stale.credentials) };
    const used: unknown[] = [];
    const before = calls.length;
    const answer = await callRenewing(ctx, stale, pctx, async () => {
      used.push(pctx.credentials.accessToken);
      if (pctx.credentials.accessToken === 'at-old' || pctx.credentials.accessToken === 'at-stored') throw new ProviderError('auth_expired', 'token expired');
      return 'done';
    });
    expect(answer).toBe('done');
    expect(used).toEqual(['at-old', 'at-stored', expect.stringMatching(/^at-\d+$/)]);
    expect(calls.slice(before)).toEqual(['rt-stored']);
    expect((await readChannel(id)).status).toBe('active');
  });
});
