/**
 * Incoming webhooks, for every provider that has them (`ctx.providers.list()`), through the real
 * server: a correctly signed event is stored once (also when delivered again); a wrongly signed,
 * an unsigned and a replayed-too-late one are refused with nothing stored (verification comes
 * before parsing: a bad signature on a body that is not even JSON is still a 401); the
 * verification handshake is answered. Signed fixtures: webhook-fixtures.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PROVIDERS } from '../../src/providers/registry.js';
import { createTestApp, type TestApp, type TestUser } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { ingestWebhook } from '../../src/inbox/ingest.service.js';
import { countItems, fakeItem, insertChannel } from './support.js';
import { fixtureEnv, WEBHOOK_FIXTURES, type SignedRequest, type WebhookFixture } from './webhook-fixtures.js';

const withWebhooks = BUILT_IN_PROVIDERS.filter((p) => p.webhooks).map((p) => p.network as string);
const covered = WEBHOOK_FIXTURES.filter((f) => withWebhooks.includes(f.network));
for (const f of WEBHOOK_FIXTURES.filter((f) => !withWebhooks.includes(f.network))) console.info(`inbox webhooks: skipping ${f.network} — its provider does not exist (or has no webhooks) yet`);
const unfixtured = withWebhooks.filter((n) => !WEBHOOK_FIXTURES.some((f) => f.network === n));

describe.each(ENGINES)('incoming webhooks (%s)', (engine) => {
  let app: TestApp;
  let user: TestUser;
  const channels = new Map<string, string>();

  beforeAll(async () => {
    app = await createTestApp({ engine, env: fixtureEnv(covered) });
    user = await app.signUp();
    for (const f of covered) channels.set(f.network, await insertChannel(app.db.db, app.varde.ctx.secrets, user.workspaceId, { network: f.network, externalId: f.accountId }));
  });
  afterAll(async () => app?.close());

  const post = (network: string, r: SignedRequest) => app.api('POST', `/api/v1/webhooks/${network}`, r.body, undefined, r.headers);

  it.each(unfixtured)('%s: no signed fixture yet (add one to test/inbox/webhook-fixtures.ts)', () => {});

  it.each(covered.map((f) => [f.network, f] as [string, WebhookFixture]))('%s: signed stored once; wrong, unsigned and late refused; handshake', async (network, f) => {
    const channelId = channels.get(network)!;
    const first = await post(network, f.event(1));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ received: f.itemsPerEvent, stored: f.itemsPerEvent, unknownAccounts: [] });
    expect(await countItems(app.db.db, channelId)).toBe(f.itemsPerEvent);

    // Delivered again (networks retry until they get a 200): accepted, stored once.
    const again = await post(network, f.event(1));
    expect(again.status).toBe(200);
    expect(again.body.stored).toBe(0);

    for (const [what, req] of [['wrong secret', f.wrongSecret(2)], ['unsigned', f.unsigned(3)]] as const) {
      const res = await post(network, req);
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(401);
      expect(res.body.error.message).toMatch(/^Webhook refused: /);
    }
    const late = f.stale(4);
    if (late) {
      const res = await post(network, late);
      expect(res.status, JSON.stringify(res.body)).toBe(401);
    } else {
      console.info(`inbox webhooks: ${network} signs no timestamp — a late replay cannot be refused; it is stored once (checked above)`);
    }
    // Verified before anything is parsed: a body that is not JSON, wrongly signed, is a 401, not a 400.
    const garbage = await post(network, { body: '{not json', headers: f.wrongSecret(5).headers });
    expect(garbage.status).toBe(401);
    expect(await countItems(app.db.db, channelId)).toBe(f.itemsPerEvent);

    if (f.handshake) {
      const hs = await app.api('GET', `/api/v1/webhooks/${network}?${new URLSearchParams(f.handshake.query)}`);
      expect(hs.status).toBe(200);
      expect(f.handshake.expectBody(typeof hs.body === 'string' ? hs.body : JSON.stringify(hs.body))).toBe(true);
      if (f.handshake.wrongQuery) expect((await app.api('GET', `/api/v1/webhooks/${network}?${new URLSearchParams(f.handshake.wrongQuery)}`)).status).toBe(403);
    } else {
      console.info(`inbox webhooks: ${network} has no verification handshake`);
    }
  });

  it('answers 404 for a network that sends no webhooks; ignores accounts no channel belongs to', async () => {
    expect((await app.api('POST', '/api/v1/webhooks/bluesky', '{}', undefined, { 'content-type': 'application/json' })).status).toBe(404);
    const result = await ingestWebhook(app.varde.ctx, 'telegram', [{ accountId: 'no-such-chat', items: [fakeItem({ text: 'Hello?' })] }]);
    expect(result).toEqual({ received: 1, stored: 0, unknownAccounts: ['no-such-chat'] });
  });

  it('stores each item once whatever the order and concurrency of deliveries', async () => {
    const f = covered.find((c) => c.itemsPerEvent > 0)!;
    const total = async () => (await app.db.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox_items WHERE network = $1`, [f.network]))[0].n;
    const before = await total();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post(f.network, f.event(1000 + (i % 20)))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.reduce((n, a) => n + a.body.stored, 0)).toBe(20);
    expect((await total()) - before).toBe(20);
  });
});
