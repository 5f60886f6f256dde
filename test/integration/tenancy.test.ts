/**
 * The wall between workspaces. User B calls every workspace route listed in /api/openapi.json
 * (so a new route is covered the day it is added) with user A's workspace and object ids, with
 * B's API token and with B's session cookie: every call answers 404 (or 403), never 2xx, and A's
 * data is byte-for-byte unchanged afterwards.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, makePng, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { connectWebhook, newWebhookSecret, waitForPost } from './fixtures.js';

/**
 * A minimal valid body per route, so that B's call gets past input validation and reaches the
 * access check. A new route that needs a body gets `{}`; if that is invalid the test says so.
 */
const BODIES: Record<string, unknown> = {
  'post /api/v1/workspaces/{workspaceId}/tokens': { name: 'intruder' },
  'post /api/v1/workspaces/{workspaceId}/channels': { network: 'webhook', url: 'https://intruder.example/hook' },
  'patch /api/v1/workspaces/{workspaceId}/channels/{id}': { name: 'taken over' },
  'post /api/v1/workspaces/{workspaceId}/channels/{id}/reconnect': { network: 'webhook', url: 'https://intruder.example/hook', secret: 'intruder-secret' },
  'put /api/v1/workspaces/{workspaceId}/channels/{id}/schedule': { timezone: 'UTC', slots: [{ weekday: 1, time: '03:00' }] },
  'post /api/v1/workspaces/{workspaceId}/posts/check': { text: 'probe' },
  'post /api/v1/workspaces/{workspaceId}/campaigns': { name: 'intruder' },
  'patch /api/v1/workspaces/{workspaceId}/campaigns/{id}': { name: 'taken over' },
  'put /api/v1/workspaces/{workspaceId}/channels/{id}/queue/order': { deliveryIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] },
  'post /api/v1/workspaces/{workspaceId}/posts': { text: 'planted' },
  'put /api/v1/workspaces/{workspaceId}/posts/{id}': { text: 'rewritten', targets: [] },
  'post /api/v1/workspaces/{workspaceId}/posts/{id}/reschedule': { schedule: { mode: 'now' } },
  'post /api/v1/workspaces/{workspaceId}/deliveries/{id}/resolve': { outcome: 'published', url: 'https://intruder.example/p/1' },
  'post /api/v1/workspaces/{workspaceId}/notifications/read': { all: true },
  'patch /api/v1/workspaces/{workspaceId}/inbox/items/{id}': { state: 'done' },
  'post /api/v1/workspaces/{workspaceId}/inbox/items/{id}/reply': { text: 'planted reply' },
  'post /api/v1/workspaces/{workspaceId}/inbox/rules': { name: 'intruder', conditions: { keywords: ['x'] }, actions: { tags: ['x'] } },
  'put /api/v1/workspaces/{workspaceId}/inbox/rules/{id}': { name: 'intruder', conditions: { keywords: ['x'] }, actions: { tags: ['x'] } },
  'post /api/v1/workspaces/{workspaceId}/inbox/rules/dry-run': { conditions: { keywords: ['x'] } },
};

/** Path parameters that name one of A's objects (besides `{id}`); others get PARAM_VALUES. */
const OBJECT_PARAMS = new Set(['tokenId', 'state', 'userId']);
const PARAM_VALUES: Record<string, string> = { network: 'webhook' };

interface Route {
  method: string;
  path: string;
  /** The JSON schema of the request body, from the OpenAPI document. */
  body?: any;
  /** Required query parameters, from the OpenAPI document. */
  query: Array<{ name: string; schema?: any }>;
}

const hasObjectParam = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].some(([, p]) => p === 'id' || OBJECT_PARAMS.has(p));

/** A minimal value valid for a JSON schema (required properties only, smallest sizes). */
function sampleJson(schema: any): unknown {
  if (!schema || typeof schema !== 'object') return {};
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alt)) return sampleJson(alt.find((s: any) => s.type !== 'null') ?? alt[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k: string) => [k, sampleJson(schema.properties?.[k])]));
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleJson(schema.items));
    case 'string':
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-00000000abcd';
      if (schema.format === 'uri' || schema.format === 'url') return 'https://example.com/x';
      if (schema.format === 'date-time') return '2031-01-01T00:00:00Z';
      if (schema.format === 'email') return 'someone@example.com';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return {};
  }
}


describe.each(ENGINES)('tenancy on %s', (engine) => {
  let app: TestApp;
  let a: TestUser;
  let b: TestUser;
  let receiver: Receiver;
  /** A's object ids, by the path segment before `{id}` (or the parameter name). */
  const ids: Record<string, string[]> = {};
  let routes: Route[] = [];

  beforeAll(async () => {
    app = await createTestApp({ engine });
    receiver = await startWebhookReceiver();
    a = await app.signUp({ name: 'Alice' });
    b = await app.signUp({ name: 'Bob' });

    const good = await connectWebhook(app, a, receiver, { name: 'A good hook' });
    const picky = await connectWebhook(app, a, receiver, { name: 'A picky hook' });
    await app.api('PUT', `${a.ws}/channels/${good.id}/schedule`, { timezone: 'Europe/Oslo', slots: [{ weekday: 2, time: '10:00' }] }, a.token);
    const mediaId = await uploadPng(app, a);
    receiver.script([{ path: picky.path, status: 400, body: 'no thanks' }]);
    const published = await app.api('POST', `${a.ws}/posts`, { text: 'A says hi', media: [{ mediaId, alt: 'A' }], targets: [{ channelId: good.id }, { channelId: picky.id }], schedule: { mode: 'now' } }, a.token);
    const settled = await waitForPost(app, a, published.body.id, (p) => p.status === 'partially_failed');
    const draft = await app.api('POST', `${a.ws}/posts`, { text: 'A draft', targets: [{ channelId: good.id }] }, a.token);
    const scheduled = await app.api('POST', `${a.ws}/posts`, { text: 'A later', targets: [{ channelId: good.id }], schedule: { mode: 'at', at: '2031-01-01T00:00:00Z' } }, a.token);
    const token = await app.api('POST', `${a.ws}/tokens`, { name: 'A automation' }, a.token);

    ids.channels = [good.id];
    ids.media = [mediaId];
    ids.posts = [published.body.id, draft.body.id, scheduled.body.id];
    ids.deliveries = settled.deliveries.map((d: any) => d.id);
    ids.tokenId = [token.body.id];
    ids.campaigns = [(await app.api('POST', `${a.ws}/campaigns`, { name: 'A campaign' }, a.token)).body.id];
    // A's team: a member, an invitation and a client review link.
    const invitation = await app.api('POST', `${a.ws}/invitations`, { role: 'viewer' }, a.token);
    const member = await app.api('POST', `/api/v1/invitations/${invitation.body.url.split('/invite/')[1]}/accept`, { email: `a-member-${Date.now()}@example.com`, password: 'correct horse battery', name: 'A member' });
    ids.userId = [member.body.userId];
    ids.invitations = [(await app.api('POST', `${a.ws}/invitations`, { role: 'editor' }, a.token)).body.id];
    ids['review-links'] = [(await app.api('POST', `${a.ws}/review-links`, { name: 'A review', from: '2030-01-01T00:00:00Z', to: '2032-01-01T00:00:00Z' }, a.token)).body.id];
    // A sign-in A started at a network (OAuth), waiting for A to pick accounts.
    if ((await app.db.db.query(`SELECT to_regclass('oauth_states') AS t`))[0].t) {
      const state = `a-state-${Date.now()}`;
      await app.db.db.query(
        `INSERT INTO oauth_states (state, workspace_id, user_id, network, secret, redirect_uri, status, expires_at)
         VALUES ($1, $2, $3, 'mastodon', $4, 'http://localhost/cb', 'awaiting_pick', now() + interval '1 hour')`,
        [state, a.workspaceId, a.userId, app.varde.ctx.secrets.encrypt({ candidates: [{ externalId: 'acct-1', account: { externalId: 'acct-1', handle: 'a@x', name: 'A' } }] })],
      );
      ids.state = [state];
    }
    // A's inbox: an item with a reply sent, a rule and a saved reply.
    if ((await app.db.db.query(`SELECT to_regclass('inbox_items') AS t`))[0].t) {
      const { ingestItems } = await import('../../src/inbox/ingest.service.js');
      await ingestItems(app.varde.ctx, { id: good.id, workspaceId: a.workspaceId, network: 'webhook', name: 'A good hook', externalId: null }, [{ externalId: 'a-item-1', kind: 'comment', conversationId: 'a-post', author: { id: 'fan' }, text: 'A fan writes', createdAt: new Date().toISOString() }], 'poll');
      const [item] = await app.db.db.query<{ id: string }>(`SELECT id FROM inbox_items WHERE workspace_id = $1`, [a.workspaceId]);
      const [postId, deliveryId, replyId] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
      await app.db.db.query(`INSERT INTO posts (id, workspace_id, status, content, kind) VALUES ($1, $2, 'published', '{"text":"A replies","media":[],"link":null,"followups":[]}'::jsonb, 'reply')`, [postId, a.workspaceId]);
      await app.db.db.query(`INSERT INTO deliveries (id, workspace_id, post_id, channel_id, state, idempotency_key, external_id) VALUES ($1, $2, $3, $4, 'published', $5, 'a-reply-1')`, [deliveryId, a.workspaceId, postId, good.id, `a-reply-key-${Date.now()}`]);
      await app.db.db.query(`INSERT INTO inbox_replies (id, workspace_id, item_id, post_id, delivery_id) VALUES ($1, $2, $3, $4, $5)`, [replyId, a.workspaceId, item.id, postId, deliveryId]);
      ids.items = [item.id];
      ids.replies = [replyId];
      ids.rules = [(await app.api('POST', `${a.ws}/inbox/rules`, { name: 'A rule', conditions: { keywords: ['fan'] }, actions: { tags: ['fans'] } }, a.token)).body.id];
      ids['saved-replies'] = [(await app.api('POST', `${a.ws}/inbox/saved-replies`, { name: 'A thanks', body: 'Thanks {{author.name}}' }, a.token)).body.id];
    }

    const doc = await app.api('GET', '/api/openapi.json');
    routes = Object.entries<Record<string, any>>(doc.body.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([method, op]) => ({
          method, path,
          body: op?.requestBody?.content?.['application/json']?.schema,
          query: (op?.parameters ?? []).filter((p: any) => p.in === 'query' && p.required),
        })),
    );
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  /** A's rows in every table that has a workspace_id (new tables included), and what A sees through the API. */
  async function snapshotA() {
    const rows: Record<string, unknown> = {};
    const tables = await app.db.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE column_name = 'workspace_id' AND table_schema = current_schema() ORDER BY table_name`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const { table_name: table } of tables) rows[table] = await app.db.db.query(`SELECT * FROM ${table} WHERE workspace_id = $1 ORDER BY 1, 2`, [a.workspaceId]);
    rows.workspace = await app.db.db.query(`SELECT * FROM workspaces WHERE id = $1`, [a.workspaceId]);
    rows.limits = await app.db.db.query(`SELECT l.* FROM channel_limits l JOIN channels c ON c.id = l.channel_id WHERE c.workspace_id = $1`, [a.workspaceId]);
    const api: Record<string, unknown> = {};
    for (const url of [`${a.ws}`, `${a.ws}/channels`, `${a.ws}/posts`, `${a.ws}/media`, `${a.ws}/tokens`, `${a.ws}/notifications`, ...ids.posts.map((id) => `${a.ws}/posts/${id}`), `${a.ws}/channels/${ids.channels[0]}/queue`]) {
      const res = await app.api('GET', url, undefined, a.cookie);
      expect(res.status, url).toBe(200);
      api[url] = res.body;
    }
    // The queue's free slots move with the clock; the rest must not move at all.
    delete (api[`${a.ws}/channels/${ids.channels[0]}/queue`] as any).freeSlots;
    return JSON.parse(JSON.stringify({ rows, api }));
  }

  /**
   * Fills a route's path parameters: the workspace given, A's objects for object parameters
   * (`{id}` by the segment before it, `{tokenId}`, `{state}`), a plain value for the rest.
   * One URL per candidate object.
   */
  function fill(path: string, workspaceId: string): string[] {
    let urls = [path.replace('{workspaceId}', workspaceId)];
    for (const m of path.matchAll(/(?:\/([a-z-]+))?\/\{(\w+)\}/g)) {
      const [, segment, param] = m;
      if (param === 'workspaceId') continue;
      const key = param === 'id' ? segment : param;
      const values = ids[key] ?? (param === 'id' || OBJECT_PARAMS.has(param) ? undefined : [PARAM_VALUES[param] ?? 'x']);
      if (!values) throw new Error(`tenancy.test.ts has no object of A's for "${key}" in ${path}: add one to \`ids\` in beforeAll`);
      urls = urls.flatMap((u) => values.map((v) => u.replace(`{${param}}`, encodeURIComponent(v))));
    }
    return urls;
  }

  async function call(route: Route, url: string, auth: string) {
    const key = `${route.method} ${route.path}`;
    if (key === 'post /api/v1/workspaces/{workspaceId}/media') {
      return app.api('POST', url, makePng(4, 4), auth, { 'content-type': 'image/png' });
    }
    const body = route.method === 'get' || route.method === 'delete' ? undefined : key in BODIES ? BODIES[key] : route.body ? sampleJson(route.body) : {};
    const query = new URLSearchParams(route.query.map((p) => [p.name, String(sampleJson(p.schema))])).toString();
    return app.api(route.method.toUpperCase(), query ? `${url}?${query}` : url, body, auth);
  }

  /** Calls every workspace route as B with `workspaceId` in the URL; returns the calls that got through. */
  async function probeAll(workspaceId: string, opts: { onlyObjectRoutes: boolean }) {
    const leaks: string[] = [];
    let calls = 0;
    for (const route of routes.filter((r) => r.path.includes('{workspaceId}'))) {
      if (opts.onlyObjectRoutes && !hasObjectParam(route.path)) continue;
      const { method, path } = route;
      for (const url of fill(path, workspaceId)) {
        for (const [via, auth] of [['token', b.token], ['cookie', b.cookie]] as const) {
          const res = await call(route, url, auth);
          calls += 1;
          if (res.status === 400) leaks.push(`${method} ${path}: B's call did not reach the access check; give it minimal valid input (BODIES) (got 400 ${JSON.stringify(res.body)})`);
          else if (res.status !== 404 && res.status !== 403) leaks.push(`${method.toUpperCase()} ${url} via B's ${via}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        }
      }
    }
    return { leaks, calls };
  }

  it('finds the workspace routes in the OpenAPI document', () => {
    const scoped = routes.filter((r) => r.path.includes('{workspaceId}'));
    expect(scoped.length).toBeGreaterThanOrEqual(20);
    expect(scoped.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining([
      'get /api/v1/workspaces/{workspaceId}/posts/{id}',
      'post /api/v1/workspaces/{workspaceId}/deliveries/{id}/retry',
      'delete /api/v1/workspaces/{workspaceId}/tokens/{tokenId}',
    ]));
  });

  it('answers B 404 or 403 on every route with A’s workspace id, by token and by cookie, and changes nothing of A’s', async () => {
    const before = await snapshotA();
    const { leaks, calls } = await probeAll(a.workspaceId, { onlyObjectRoutes: false });
    expect(leaks).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(2 * 30);
    expect(await snapshotA()).toEqual(before);
  });

  it('answers B 404 when B puts A’s object ids under B’s own workspace, and changes nothing of A’s', async () => {
    const before = await snapshotA();
    const { leaks, calls } = await probeAll(b.workspaceId, { onlyObjectRoutes: true });
    expect(leaks).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(2 * 15);
    expect(await snapshotA()).toEqual(before);
  });

  it('says only "Workspace not found" to B’s token with A’s workspace id', async () => {
    const res = await app.api('GET', `${a.ws}/channels`, undefined, b.token);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'Workspace not found' } });
    // Same answer as for a workspace that does not exist at all: existence is not revealed.
    const none = await app.api('GET', '/api/v1/workspaces/00000000-0000-4000-8000-000000000000/channels', undefined, b.token);
    expect(none.body).toEqual(res.body);
  });

  it('keeps A’s token to A’s workspace even for A’s own other workspaces', async () => {
    const second = await app.api('POST', '/api/v1/workspaces', { name: 'A second' }, a.cookie);
    expect(second.status).toBe(201);
    const res = await app.api('GET', `/api/v1/workspaces/${second.body.id}/channels`, undefined, a.token);
    expect(res.status).toBe(404);
    const viaCookie = await app.api('GET', `/api/v1/workspaces/${second.body.id}/channels`, undefined, a.cookie);
    expect(viaCookie.status).toBe(200);
  });

  it('lists only B’s own workspaces, channels, posts and media to B', async () => {
    const workspaces = await app.api('GET', '/api/v1/workspaces', undefined, b.cookie);
    expect(workspaces.body.workspaces.map((w: any) => w.id)).toEqual([b.workspaceId]);
    const me = await app.api('GET', '/api/v1/me', undefined, b.cookie);
    expect(me.body.workspaces.map((w: any) => w.id)).toEqual([b.workspaceId]);
    for (const what of ['channels', 'posts', 'media']) {
      const res = await app.api('GET', `${b.ws}/${what}`, undefined, b.token);
      expect(JSON.stringify(res.body)).not.toContain(a.workspaceId);
      for (const id of Object.values(ids).flat()) expect(JSON.stringify(res.body)).not.toContain(id);
    }
  });

  it('does not let B target A’s channel or attach A’s media from B’s workspace', async () => {
    const before = await snapshotA();
    const own = await app.api('POST', `${b.ws}/channels`, { network: 'webhook', url: receiver.url('/b-hook'), secret: newWebhookSecret() }, b.token);
    const channel = await app.api('POST', `${b.ws}/posts`, { text: 'via A', targets: [{ channelId: ids.channels[0] }], schedule: { mode: 'now' } }, b.token);
    expect(channel.status).toBe(422);
    const media = await app.api('POST', `${b.ws}/posts`, { text: 'with A’s picture', media: [{ mediaId: ids.media[0] }], targets: [{ channelId: own.body.id }], schedule: { mode: 'now' } }, b.token);
    expect(media.status).toBe(422);
    const override = await app.api('POST', `${b.ws}/posts`, { text: 'x', targets: [{ channelId: own.body.id, media: [{ mediaId: ids.media[0] }] }] }, b.cookie);
    expect(override.status).toBe(422);
    expect(await snapshotA()).toEqual(before);
  });
});
