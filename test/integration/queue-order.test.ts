/**
 * Reordering a channel's queue through the API: the waiting posts keep the channel's times and take
 * them in the order given; only that channel's deliveries move; bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, type TestApp, type TestUser } from '../support/app.js';

describe.each(ENGINES)('queue order on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;
  let other: TestUser;
  let channelId: string;
  let otherChannelId: string;
  const posts: string[] = [];

  beforeAll(async () => {
    app = await createTestApp({ engine });
    [user, other] = [await app.signUp(), await app.signUp()];
    const connect = async (name: string) => (await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: `https://hooks.example.com/${name}`, name, timezone: 'Europe/Oslo' }, user.token)).body.id as string;
    [channelId, otherChannelId] = [await connect('queue'), await connect('elsewhere')];
    for (const id of [channelId, otherChannelId]) {
      const slots = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, time: '09:00' }));
      expect((await app.api('PUT', `${user.ws}/channels/${id}/schedule`, { timezone: 'Europe/Oslo', slots }, user.token)).status).toBe(200);
    }
    for (const text of ['First', 'Second', 'Third']) {
      const targets = text === 'First' ? [{ channelId }, { channelId: otherChannelId }] : [{ channelId }];
      const res = await app.api('POST', `${user.ws}/posts`, { text, targets, schedule: { mode: 'queue' } }, user.token);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      posts.push(res.body.id);
    }
  });
  afterAll(async () => app?.close());

  const queue = async (id = channelId) => (await app.api('GET', `${user.ws}/channels/${id}/queue?free=0`, undefined, user.token)).body.upcoming as { deliveryId: string; postId: string; dueAt: string; text: string }[];
  const order = (deliveryIds: string[], auth = user.token, ws = user.ws) => app.api('PUT', `${ws}/channels/${channelId}/queue/order`, { deliveryIds }, auth);

  it('gives the posts the same times in the new order, moving only this channel', async () => {
    const before = await queue();
    expect(before.map((e) => e.text)).toEqual(['First', 'Second', 'Third']);
    const elsewhere = await queue(otherChannelId);
    const [a, b, c] = before;
    const res = await order([c.deliveryId, a.deliveryId, b.deliveryId]);
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    const after = await queue();
    expect(after.map((e) => [e.text, e.dueAt])).toEqual([['Third', a.dueAt], ['First', b.dueAt], ['Second', c.dueAt]]);
    expect(await queue(otherChannelId)).toEqual(elsewhere);
    const third = (await app.api('GET', `${user.ws}/posts/${posts[2]}`, undefined, user.token)).body;
    expect(third.scheduledAt).toBe(a.dueAt);
    const first = (await app.api('GET', `${user.ws}/posts/${posts[0]}`, undefined, user.token)).body;
    expect(first.scheduledAt).toBe(elsewhere[0].dueAt < b.dueAt ? elsewhere[0].dueAt : b.dueAt);

    // Two neighbours swap (what the keyboard's move buttons do).
    const [x, y] = after;
    expect((await order([y.deliveryId, x.deliveryId])).status).toBe(204);
    expect((await queue()).map((e) => e.text)).toEqual(['First', 'Third', 'Second']);
  });

  it('refuses bad input, another channel’s deliveries, other workspaces and tokens without publish, changing nothing', async () => {
    const before = await queue();
    const ids = before.map((e) => e.deliveryId);
    const foreign = (await queue(otherChannelId))[0].deliveryId;
    expect((await order([ids[0], ids[0]])).status).toBe(400);
    expect((await order([ids[0]])).status).toBe(400);
    expect((await order([ids[0], 'not-a-uuid'])).status).toBe(400);
    const wrongChannel = await order([ids[0], foreign]);
    expect(wrongChannel.status).toBe(400);
    expect(wrongChannel.body.error.message).toContain('not a delivery of this channel');
    const noPublish = (await app.api('POST', `${user.ws}/tokens`, { name: 'reader', scopes: ['read', 'write'] }, user.token)).body.token;
    expect((await order([ids[1], ids[0]], noPublish)).status).toBe(403);
    expect((await app.api('PUT', `${user.ws}/channels/${channelId}/queue/order`, { deliveryIds: [ids[1], ids[0]] }, other.token)).status).toBe(404);
    expect((await app.api('PUT', `${other.ws}/channels/${channelId}/queue/order`, { deliveryIds: [ids[1], ids[0]] }, other.token)).status).toBe(404);

    // A post that already went out cannot be moved.
    await app.db.db.query(`UPDATE deliveries SET state = 'published' WHERE id = $1`, [ids[0]]);
    expect((await order([ids[1], ids[0]])).status).toBe(409);
    await app.db.db.query(`UPDATE deliveries SET state = 'scheduled' WHERE id = $1`, [ids[0]]);
    expect(await queue()).toEqual(before);
  });
});
