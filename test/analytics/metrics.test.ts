/**
 * Metric collection through the API against the Mastodon emulator: a published post measured on
 * every channel (the snapshot is what the server reports, Mastodon's missing counts stay null),
 * the post's roll-up, daily follower readings, the cadence that decays with the post's age, the
 * rate-limit reset honoured (no call before it, on schedule or on demand), backoff after an
 * error, "collect now", and another workspace's ids answered 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectDueMetrics } from '../../src/analytics/metrics.job.js';
import { nextCollectionAt, rollUp } from '../../src/analytics/metrics.service.js';
import { mastodonProvider } from '../../src/providers/mastodon/mastodon.provider.js';
import { startMastodonEmulator, type MastodonEmulator } from '../emulators/mastodon/index.js';
import { createTestApp, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { connectThroughOAuth } from '../support/oauth-dance.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STATUS = '/api/v1/statuses/:id';
const ACCOUNT = '/api/v1/accounts/verify_credentials';

describe('Metrics', () => {
  let emu: MastodonEmulator;
  let app: TestApp;
  let user: TestUser;
  let intruder: TestUser;
  let channel: any;
  let second: any;
  let measured: any;

  beforeAll(async () => {
    emu = await startMastodonEmulator();
    app = await createTestApp({ providers: [mastodonProvider], env: { VARDE_MASTODON_TIMEOUT_MS: '2000', VARDE_RETRY_BASE_MS: '50' } });
    // The worker's periodic tasks first run 1 s after start: let that round pass with nothing to
    // measure, so every collection below is the test's own (the next round is minutes away).
    await sleep(1200);
    user = await app.signUp();
    intruder = await app.signUp();
    channel = (await connectThroughOAuth(app, user, 'mastodon', { instance: emu.url })).result.channels[0];
    second = (await connectThroughOAuth(app, user, 'mastodon', { instance: emu.url })).result.channels[0];
    expect(second.id).not.toBe(channel.id);
  });
  afterAll(async () => {
    await app?.close();
    await emu?.close();
  });

  const collect = () => collectDueMetrics(app.varde.ctx);
  const metricsOf = async (postId: string, who = user) => app.api('GET', `${who.ws}/posts/${postId}/metrics`, undefined, who.token);
  const calls = (path: string) => emu.callsTo('GET', path).length;

  async function publish(text: string, channelIds: string[] = [channel.id]) {
    const post = await app.api('POST', `${user.ws}/posts`, { text, targets: channelIds.map((channelId) => ({ channelId })), schedule: { mode: 'now' } }, user.token);
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    return waitFor(async () => {
      const p = await app.api('GET', `${user.ws}/posts/${post.body.id}`, undefined, user.token);
      return p.body.deliveries.every((d: any) => d.state === 'published') && p.body;
    }, 20_000, 'the deliveries to be published');
  }

  /** The status as the emulator itself answers it (a call of the test's own, counted by `calls`). */
  async function statusFromServer(id: string) {
    const token = emu.authority.issue(emu.me.id, 'read').accessToken;
    const res = await fetch(`${emu.url}/api/v1/statuses/${id}`, { headers: { authorization: `Bearer ${token}` } });
    return (await res.json()) as { favourites_count: number; reblogs_count: number; replies_count: number };
  }

  it('measures a published post on every channel and rolls it up, keeping what Mastodon does not count as null', async () => {
    const post = await publish('Measure me', [channel.id, second.id]);
    const [d1, d2] = [channel, second].map((c) => post.deliveries.find((d: any) => d.channelId === c.id));
    const s1 = emu.statuses.find((s) => s.id === d1.externalId)!;
    const s2 = emu.statuses.find((s) => s.id === d2.externalId)!;
    s1.favouritedBy.add('9').add('10');
    s1.reblogs = 3;
    emu.mention({ from: 'dave', text: '@varde_test nice', inReplyToId: s1.id });
    s2.favouritedBy.add('11');
    s2.reblogs = 1;

    const before = await metricsOf(post.id);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body.deliveries.map((d: any) => [d.collectedAt, d.metrics, d.offered])).toEqual([[null, null, true], [null, null, true]]);
    expect(before.body.totals).toEqual({ impressions: null, likes: null, comments: null, shares: null, saves: null, clicks: null });

    const statusCalls = calls(STATUS);
    const startedAt = Date.now();
    expect((await collect()).deliveries).toBe(2);
    const endedAt = Date.now();
    expect(calls(STATUS) - statusCalls).toBe(2);

    const res = await metricsOf(post.id);
    const [m1, m2] = [d1, d2].map((d) => res.body.deliveries.find((m: any) => m.deliveryId === d.id));
    expect(m1).toMatchObject({ deliveryId: d1.id, channelId: channel.id, network: 'mastodon', state: 'published', url: d1.url });
    expect(m1.metrics).toEqual({ impressions: null, likes: 2, comments: 1, shares: 3, saves: null, clicks: null });
    expect(m2.metrics).toEqual({ impressions: null, likes: 1, comments: 0, shares: 1, saves: null, clicks: null });
    // The snapshot is what the server reports, under the server's own names.
    for (const [m, s] of [[m1, s1], [m2, s2]] as const) {
      const reported = await statusFromServer(s.id);
      expect(m.raw).toMatchObject({ favourites_count: reported.favourites_count, reblogs_count: reported.reblogs_count, replies_count: reported.replies_count });
    }
    expect(res.body.totals).toEqual({ impressions: null, likes: 3, comments: 1, shares: 4, saves: null, clicks: null });
    expect(Date.parse(res.body.collectedAt)).toBeGreaterThanOrEqual(startedAt - 1000);

    // Young posts are measured again in 15 minutes; nothing is due before then.
    const next = Date.parse(m1.nextCollectionAt);
    expect(next).toBeGreaterThanOrEqual(startedAt + 15 * MINUTE - 1000);
    expect(next).toBeLessThanOrEqual(endedAt + 15 * MINUTE + 1000);
    const asked = calls(STATUS);
    expect((await collect()).deliveries).toBe(0);
    expect(calls(STATUS)).toBe(asked);
    measured = post;
  });

  it('reads followers once a day, and shows them with the channel’s per-post totals', async () => {
    const res = await app.api('GET', `${user.ws}/channels/${channel.id}/metrics`, undefined, user.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.offered).toEqual({ posts: true, followers: true });
    expect(res.body.followers).toHaveLength(1);
    expect(res.body.followers[0]).toMatchObject({ followers: 42, raw: { followers_count: 42, following_count: 7 } });
    const listed = res.body.posts.find((p: any) => p.postId === measured.id);
    expect(listed).toMatchObject({ excerpt: 'Measure me', metrics: { likes: 2, comments: 1, shares: 3 } });
    expect(res.body.totals).toMatchObject({ likes: 2, comments: 1, shares: 3, impressions: null });

    emu.me.followers_count = 50;
    const accountCalls = calls(ACCOUNT);
    await collect();
    expect(calls(ACCOUNT)).toBe(accountCalls); // read today already
    const [{ next }] = await app.db.db.query<{ next: Date }>(`SELECT followers_next_at AS next FROM channel_metrics_state WHERE channel_id = $1`, [channel.id]);
    expect(new Date(next).getTime()).toBeGreaterThan(Date.now() + DAY - 5 * MINUTE);

    await app.db.db.query(`UPDATE channel_metrics_state SET followers_next_at = now() WHERE channel_id = $1`, [channel.id]);
    expect((await collect()).channels).toBe(1);
    const series = await app.api('GET', `${user.ws}/channels/${channel.id}/metrics`, undefined, user.token);
    expect(series.body.followers.map((f: any) => f.followers)).toEqual([42, 50]);

    const later = await app.api('GET', `${user.ws}/channels/${channel.id}/metrics?from=2031-01-01T00:00:00Z&to=2031-02-01T00:00:00Z`, undefined, user.token);
    expect(later.body).toMatchObject({ followers: [], posts: [], truncated: false });
    const backwards = await app.api('GET', `${user.ws}/channels/${channel.id}/metrics?from=2031-02-01T00:00:00Z&to=2031-01-01T00:00:00Z`, undefined, user.token);
    expect(backwards.status).toBe(400);
  });

  it('measures on a cadence that decays with the post’s age, and stops after 30 days', async () => {
    const at = new Date('2030-03-01T12:00:00Z');
    const after = (ms: number) => new Date(at.getTime() + ms);
    expect(nextCollectionAt(at, after(HOUR))).toEqual(after(HOUR + 15 * MINUTE));
    expect(nextCollectionAt(at, after(10 * HOUR))).toEqual(after(11 * HOUR));
    expect(nextCollectionAt(at, after(3 * DAY))).toEqual(after(4 * DAY));
    expect(nextCollectionAt(at, after(29.5 * DAY))).toEqual(after(30 * DAY)); // the last reading on day 30
    expect(nextCollectionAt(at, after(30 * DAY))).toBeNull();

    const post = await publish('Age me');
    const d = post.deliveries[0];
    await collect();
    const age = async (interval: string) => {
      await app.db.db.query(`UPDATE deliveries SET published_at = now() - $2::interval, metrics_next_at = now() WHERE id = $1`, [d.id, interval]);
      expect((await collect()).deliveries).toBe(1);
      return (await metricsOf(post.id)).body.deliveries[0].nextCollectionAt as string | null;
    };
    const hourly = Date.parse((await age('10 hours'))!);
    expect(Math.abs(hourly - (Date.now() + HOUR))).toBeLessThan(5000);
    const daily = Date.parse((await age('3 days'))!);
    expect(Math.abs(daily - (Date.now() + DAY))).toBeLessThan(5000);
    expect(await age('31 days')).toBeNull();
    const statusCalls = calls(STATUS);
    expect((await collect()).deliveries).toBe(0);
    expect(calls(STATUS)).toBe(statusCalls);
  });

  it('waits for the rate-limit reset before calling again, on schedule and on demand', async () => {
    const post = await publish('Throttle me');
    const reset = new Date(Date.now() + 2000);
    emu.fault({ method: 'GET', path: STATUS }, { status: 429, json: { error: 'Too many requests' }, headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset.toISOString() } });
    const statusCalls = calls(STATUS);
    expect((await collect()).deliveries).toBe(1);
    expect(emu.callsTo('GET', STATUS).slice(statusCalls).map((c) => c.status)).toEqual([429]);
    const shown = (await metricsOf(post.id)).body.deliveries[0];
    expect(shown.collectedAt).toBeNull();
    expect(Math.abs(Date.parse(shown.nextCollectionAt) - reset.getTime())).toBeLessThan(1000);

    // Before the reset: nothing is asked, neither by the task nor by "collect now".
    expect((await collect()).deliveries).toBe(0);
    const now = await app.api('POST', `${user.ws}/posts/${post.id}/metrics/refresh`, undefined, user.token);
    expect(now.status, JSON.stringify(now.body)).toBe(429);
    expect(now.body.error).toMatchObject({ code: 'rate_limited', details: { retryAt: expect.any(String) } });
    expect(Math.abs(Date.parse(now.body.error.details.retryAt) - reset.getTime())).toBeLessThan(1000);
    expect(Number(now.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(calls(STATUS)).toBe(statusCalls + 1);

    await sleep(Math.max(0, reset.getTime() - Date.now()) + 100);
    expect((await collect()).deliveries).toBe(1);
    const retried = emu.callsTo('GET', STATUS).slice(statusCalls);
    expect(retried.map((c) => c.status)).toEqual([429, 200]);
    expect(retried[1].at).toBeGreaterThanOrEqual(reset.getTime());
    expect((await metricsOf(post.id)).body.deliveries[0].metrics).toEqual({ impressions: null, likes: 0, comments: 0, shares: 0, saves: null, clicks: null });
  });

  it('backs off after a network error without failing the task', async () => {
    const post = await publish('Flaky server');
    emu.fault({ method: 'GET', path: STATUS }, { status: 503, json: { error: 'Service unavailable' } });
    const started = Date.now();
    expect((await collect()).deliveries).toBe(1);
    const d = (await metricsOf(post.id)).body.deliveries[0];
    expect(d.collectedAt).toBeNull();
    expect(Date.parse(d.nextCollectionAt) - started).toBeGreaterThanOrEqual(5 * MINUTE - 1000);
    const [row] = await app.db.db.query<{ metrics_failures: number }>(`SELECT metrics_failures FROM deliveries WHERE id = $1`, [d.deliveryId]);
    expect(row.metrics_failures).toBe(1);
  });

  it('measures a post now on demand, and not again within a minute', async () => {
    const post = await publish('Right now');
    const s = emu.statuses.find((x) => x.id === post.deliveries[0].externalId)!;
    s.favouritedBy.add('12');
    const statusCalls = calls(STATUS);
    const res = await app.api('POST', `${user.ws}/posts/${post.id}/metrics/refresh`, undefined, user.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.refresh).toEqual([{ deliveryId: post.deliveries[0].id, status: 'collected' }]);
    expect(res.body.totals).toMatchObject({ likes: 1 });
    expect(calls(STATUS)).toBe(statusCalls + 1);

    const again = await app.api('POST', `${user.ws}/posts/${post.id}/metrics/refresh`, undefined, user.token);
    expect(again.body.refresh).toEqual([{ deliveryId: post.deliveries[0].id, status: 'recent' }]);
    expect(calls(STATUS)).toBe(statusCalls + 1);
  });

  it('answers 404 to another workspace for its posts and channels', async () => {
    const statusCalls = calls(STATUS);
    for (const ws of [intruder.ws, user.ws]) {
      expect((await app.api('GET', `${ws}/posts/${measured.id}/metrics`, undefined, intruder.token)).status).toBe(404);
      expect((await app.api('GET', `${ws}/channels/${channel.id}/metrics`, undefined, intruder.token)).status).toBe(404);
      expect((await app.api('POST', `${ws}/posts/${measured.id}/metrics/refresh`, undefined, intruder.token)).status).toBe(404);
    }
    expect(calls(STATUS)).toBe(statusCalls);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = await app.api('GET', '/api/openapi.json');
    const paths = doc.body.paths;
    expect(Object.keys(paths['/api/v1/workspaces/{workspaceId}/posts/{id}/metrics'])).toEqual(['get']);
    expect(Object.keys(paths['/api/v1/workspaces/{workspaceId}/posts/{id}/metrics/refresh'])).toEqual(['post']);
    const channelRoute = paths['/api/v1/workspaces/{workspaceId}/channels/{id}/metrics'].get;
    expect(channelRoute.parameters.filter((p: any) => p.in === 'query').map((p: any) => [p.name, p.required])).toEqual([['from', false], ['to', false]]);
    expect(Object.keys(channelRoute.responses[200].content['application/json'].schema.properties)).toEqual(expect.arrayContaining(['followers', 'posts', 'totals']));
  });

  it('rolls up with sums, a metric staying null only when no network offers it', () => {
    const mastodon = { impressions: null, likes: 2, comments: 1, shares: 3, saves: null, clicks: null };
    const pins = { impressions: 100, likes: null, comments: null, shares: null, saves: 4, clicks: 7 };
    expect(rollUp([mastodon, pins, null])).toEqual({ impressions: 100, likes: 2, comments: 1, shares: 3, saves: 4, clicks: 7 });
    expect(rollUp([])).toEqual({ impressions: null, likes: null, comments: null, shares: null, saves: null, clicks: null });
  });
});
