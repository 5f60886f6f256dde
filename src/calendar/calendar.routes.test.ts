/**
 * The calendar endpoint: every post of a range in the documented shape (the JSON is built by the
 * database, so the schema is checked here), filters, gzip, limits and tenancy.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/support/databases.js';
import { createTestApp, type TestApp, type TestUser } from '../../test/support/app.js';
import { CalendarAnswer } from './calendar.routes.js';

describe.each(ENGINES)('calendar on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;
  let other: TestUser;
  const channels: string[] = [];
  const range = 'from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z';

  beforeAll(async () => {
    app = await createTestApp({ engine });
    [user, other] = [await app.signUp(), await app.signUp()];
    for (const name of ['One', 'Two']) {
      const ch = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: `https://hooks.example.com/${name}`, name }, user.token);
      channels.push(ch.body.id);
    }
    const post = (text: string, at: string, targets: string[]) =>
      app.api('POST', `${user.ws}/posts`, { text, targets: targets.map((channelId) => ({ channelId })), schedule: { mode: 'at', at } }, user.token);
    expect((await post('March the 3rd, both channels', '2031-03-03T09:00:00Z', channels)).status).toBe(201);
    expect((await post('March the 2nd, one channel', '2031-03-02T09:00:00+01:00', [channels[0]])).status).toBe(201);
    expect((await post('April, outside the range', '2031-04-02T09:00:00Z', [channels[1]])).status).toBe(201);
    expect((await post('x'.repeat(500), '2031-03-20T09:00:00Z', [channels[1]])).status).toBe(201);
  });
  afterAll(async () => app?.close());

  it('lists the range’s posts in time order, lean, in the documented shape', async () => {
    const res = await app.api('GET', `${user.ws}/calendar?${range}`, undefined, user.token);
    expect(res.status).toBe(200);
    const answer = CalendarAnswer.parse(res.body);
    expect(answer.truncated).toBe(false);
    expect(answer.posts.map((p) => p.text.slice(0, 12))).toEqual(['March the 2n', 'March the 3r', 'xxxxxxxxxxxx']);
    expect(answer.posts[0]).toMatchObject({ status: 'scheduled', scheduledAt: '2031-03-02T08:00:00.000Z', campaignId: null, mediaCount: 0, deliveries: [{ channelId: channels[0], state: 'scheduled' }] });
    expect(answer.posts[1].deliveries.map((d) => d.channelId).sort()).toEqual([...channels].sort());
    expect(answer.posts[2].text).toHaveLength(140);
  });

  it('filters by channel and status, and gzips for browsers', async () => {
    const byChannel = await app.api('GET', `${user.ws}/calendar?${range}&channelId=${channels[1]}`, undefined, user.token);
    expect(byChannel.body.posts).toHaveLength(2);
    const published = await app.api('GET', `${user.ws}/calendar?${range}&status=published`, undefined, user.token);
    expect(published.body.posts).toEqual([]);
    const res = await app.varde.server!.inject({ url: `${user.ws}/calendar?${range}`, headers: { authorization: `Bearer ${user.token}`, 'accept-encoding': 'gzip, br' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(res.rawPayload).toString()).posts).toHaveLength(3);
  });

  it('answers a month grid with the first posts of each day in the asked zone and every day’s count', async () => {
    const may = 'from=2031-05-01T00:00:00Z&to=2031-06-01T00:00:00Z';
    for (const at of ['2031-05-03T09:00:00Z', '2031-05-03T10:00:00Z', '2031-05-03T22:30:00Z', '2031-05-04T08:00:00Z']) {
      expect((await app.api('POST', `${user.ws}/posts`, { text: `At ${at}`, targets: [{ channelId: channels[0] }], schedule: { mode: 'at', at } }, user.token)).status).toBe(201);
    }
    // 22:30 UTC is 00:30 the next day in Oslo (summer time).
    const oslo = await app.api('GET', `${user.ws}/calendar?${may}&perDay=1&timeZone=Europe/Oslo`, undefined, user.token);
    expect(oslo.status).toBe(200);
    const answer = CalendarAnswer.parse(oslo.body);
    expect(answer.days).toEqual([{ day: '2031-05-03', count: 2 }, { day: '2031-05-04', count: 2 }]);
    expect(answer.posts.map((p) => p.text)).toEqual(['At 2031-05-03T09:00:00Z', 'At 2031-05-03T22:30:00Z']);
    const utc = await app.api('GET', `${user.ws}/calendar?${may}&perDay=2&timeZone=UTC`, undefined, user.token);
    expect(utc.body.days).toEqual([{ day: '2031-05-03', count: 3 }, { day: '2031-05-04', count: 1 }]);
    expect(utc.body.posts).toHaveLength(3);
    const filtered = await app.api('GET', `${user.ws}/calendar?${may}&perDay=1&timeZone=UTC&channelId=${channels[1]}`, undefined, user.token);
    expect(filtered.body).toEqual({ posts: [], truncated: false, days: [] });
    for (const bad of ['perDay=1', 'perDay=1&timeZone=Mars/Olympus', 'perDay=0&timeZone=UTC', 'perDay=99&timeZone=UTC']) {
      const res = await app.api('GET', `${user.ws}/calendar?${may}&${bad}`, undefined, user.token);
      expect(res.status, bad).toBe(400);
    }
    // Without perDay the answer is the whole list, as before.
    expect((await app.api('GET', `${user.ws}/calendar?${may}`, undefined, user.token)).body.posts).toHaveLength(4);
  });

  it('refuses ranges over 100 days and another workspace’s calendar', async () => {
    expect((await app.api('GET', `${user.ws}/calendar?from=2031-01-01T00:00:00Z&to=2031-06-01T00:00:00Z`, undefined, user.token)).status).toBe(400);
    expect((await app.api('GET', `${user.ws}/calendar?${range}`, undefined, other.token)).status).toBe(404);
    expect((await app.api('GET', `${other.ws}/calendar?${range}`, undefined, other.token)).body.posts).toEqual([]);
  });
});
