/**
 * Posts through the HTTP API: drafts, a moment (with offset, or local time in a zone), the queue,
 * now; times in the past and unknown zones refused without saving; per-target overrides; listing,
 * showing, editing, rescheduling, cancelling, deleting; a failed delivery shown with the
 * receiver's message and retried; the post's status rolled up from its deliveries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { connectWebhook, countRows, inMinutes, waitForPost } from './fixtures.js';

const everyDay = (...times: string[]) => [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => times.map((time) => ({ weekday, time })));

describe.each(ENGINES)('posts on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;
  let receiver: Receiver;
  let hook: Awaited<ReturnType<typeof connectWebhook>>;
  let other: Awaited<ReturnType<typeof connectWebhook>>;

  beforeAll(async () => {
    app = await createTestApp({ engine });
    user = await app.signUp();
    receiver = await startWebhookReceiver();
    hook = await connectWebhook(app, user, receiver, { name: 'Main hook' });
    other = await connectWebhook(app, user, receiver, { name: 'Other hook' });
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  const create = (body: unknown) => app.api('POST', `${user.ws}/posts`, body, user.token);
  const show = (id: string) => app.api('GET', `${user.ws}/posts/${id}`, undefined, user.token);
  const eventsAt = (path: string) => receiver.events.filter((e) => e.path === path);

  describe('creating', () => {
    it('saves a draft: no time, nothing queued', async () => {
      const res = await create({ text: 'An idea for later', targets: [{ channelId: hook.id }] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'draft', scheduledAt: null, content: { text: 'An idea for later', media: [], link: null, followups: [] } });
      expect(res.body.deliveries).toEqual([expect.objectContaining({ channelId: hook.id, state: 'draft', dueAt: null, channel: { name: 'Main hook', network: 'webhook', handle: `127.0.0.1:${receiver.port}` } })]);
      expect(res.body.deliveries[0].idempotencyKey).toEqual(expect.any(String));
    });

    it('schedules at an ISO time with an offset, stored as that instant', async () => {
      const res = await create({ text: 'Offset time', targets: [{ channelId: hook.id }], schedule: { mode: 'at', at: '2031-03-04T10:15:00+02:00' } });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('scheduled');
      expect(res.body.scheduledAt).toBe('2031-03-04T08:15:00.000Z');
      expect(res.body.deliveries[0]).toMatchObject({ state: 'scheduled', dueAt: '2031-03-04T08:15:00.000Z' });
    });

    it('schedules at a local time in an IANA zone, stored as the right UTC instant (DST included)', async () => {
      const summer = await create({ text: 'LA summer', targets: [{ channelId: hook.id }], schedule: { mode: 'at', localTime: '2031-07-01T09:00', timezone: 'America/Los_Angeles' } });
      expect(summer.status).toBe(201);
      expect(summer.body.scheduledAt).toBe('2031-07-01T16:00:00.000Z'); // PDT, UTC-7
      const winter = await create({ text: 'LA winter', targets: [{ channelId: hook.id }], schedule: { mode: 'at', localTime: '2031-12-01T09:00', timezone: 'America/Los_Angeles' } });
      expect(winter.body.scheduledAt).toBe('2031-12-01T17:00:00.000Z'); // PST, UTC-8
      const [row] = await app.db.db.query(`SELECT scheduled_at FROM posts WHERE id = $1`, [summer.body.id]);
      expect(new Date(row.scheduled_at).toISOString()).toBe('2031-07-01T16:00:00.000Z');
      const [d] = await app.db.db.query(`SELECT due_at FROM deliveries WHERE post_id = $1`, [summer.body.id]);
      expect(new Date(d.due_at).toISOString()).toBe('2031-07-01T16:00:00.000Z');
    });

    it('puts two posts queued at once into two different slots of the channel', async () => {
      const ch = await connectWebhook(app, user, receiver, { name: 'Queue hook', timezone: 'Europe/Oslo' });
      const put = await app.api('PUT', `${user.ws}/channels/${ch.id}/schedule`, { timezone: 'Europe/Oslo', slots: everyDay('08:00', '12:00', '20:00') }, user.token);
      expect(put.status).toBe(200);
      const free = (await app.api('GET', `${user.ws}/channels/${ch.id}/queue?free=2`, undefined, user.token)).body.freeSlots;
      const [a, b] = await Promise.all([
        create({ text: 'queued A', targets: [{ channelId: ch.id }], schedule: { mode: 'queue' } }),
        create({ text: 'queued B', targets: [{ channelId: ch.id }], schedule: { mode: 'queue' } }),
      ]);
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      const times = [a.body.deliveries[0].dueAt, b.body.deliveries[0].dueAt].sort();
      expect(times).toEqual(free);
      expect(a.body.status).toBe('scheduled');
      const next = (await app.api('GET', `${user.ws}/channels/${ch.id}/queue?free=1`, undefined, user.token)).body;
      expect(next.upcoming.map((u: any) => u.postId).sort()).toEqual([a.body.id, b.body.id].sort());
      expect(free).not.toContain(next.freeSlots[0]);
    });

    it('publishes now, exactly once', async () => {
      const res = await create({ text: 'Right now', targets: [{ channelId: hook.id }], schedule: { mode: 'now' } });
      expect(res.status).toBe(201);
      const done = await waitForPost(app, user, res.body.id, (p) => p.status === 'published');
      const d = done.deliveries[0];
      expect(d).toMatchObject({ state: 'published', attemptCount: 1, url: expect.stringMatching(/^https:\/\/receiver\.example\/p\//) });
      expect(d.attempts).toEqual([expect.objectContaining({ number: 1, outcome: 'published' })]);
      const events = eventsAt(hook.path).filter((e) => e.body.data.postId === res.body.id);
      expect(events).toHaveLength(1);
      expect(events[0].body.data.text).toBe('Right now');
      expect(events[0].id).toBe(d.idempotencyKey);
    });

    it('refuses a time in the past with 400 time.past, saving nothing', async () => {
      const posts = await countRows(app, 'posts', user.workspaceId);
      const deliveries = await countRows(app, 'deliveries', user.workspaceId);
      const res = await create({ text: 'Too late', targets: [{ channelId: hook.id }], schedule: { mode: 'at', at: inMinutes(-60) } });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/is in the past; pick a future time, or publish now/);
      expect(res.body.error.details).toEqual({ code: 'time.past' });
      expect(await countRows(app, 'posts', user.workspaceId)).toBe(posts);
      expect(await countRows(app, 'deliveries', user.workspaceId)).toBe(deliveries);
    });

    it.each([
      ['an unknown time zone', { mode: 'at', localTime: '2031-01-01T09:00', timezone: 'Mars/Base' }, 'timezone.unknown', /Mars\/Base/],
      ['a local time without a zone', { mode: 'at', localTime: '2031-01-01T09:00' }, 'timezone.required', /timezone/],
      ['an ISO time without an offset', { mode: 'at', at: '2031-01-01T09:00:00' }, 'time.no_offset', /offset/],
      ['an impossible date', { mode: 'at', at: '2031-02-30T09:00:00Z' }, 'time.invalid', /2031-02-30/],
      ['no time at all', { mode: 'at' }, 'time.missing', /publish time/],
    ])('refuses %s with 400, saving nothing', async (_what, schedule, code, message) => {
      const posts = await countRows(app, 'posts', user.workspaceId);
      const res = await create({ text: 'When?', targets: [{ channelId: hook.id }], schedule });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual({ code });
      expect(res.body.error.message).toMatch(message);
      expect(await countRows(app, 'posts', user.workspaceId)).toBe(posts);
    });

    it('refuses an unknown schedule mode and a target given twice with 400', async () => {
      const mode = await create({ text: 'x', targets: [{ channelId: hook.id }], schedule: { mode: 'someday' } });
      expect(mode.status).toBe(400);
      expect(mode.body.error.details[0].field).toMatch(/^body\.schedule/);
      const twice = await create({ text: 'x', targets: [{ channelId: hook.id }, { channelId: hook.id }] });
      expect(twice.status).toBe(400);
      expect(twice.body.error.message).toMatch(/targeted twice/);
    });
  });

  describe('per-target overrides', () => {
    it('stores text, media and follow-ups per target and publishes each target its own version', async () => {
      const base = await uploadPng(app, user, { width: 10, height: 10 });
      const special = await uploadPng(app, user, { width: 12, height: 6 });
      const res = await create({
        text: 'Base text',
        media: [{ mediaId: base, alt: 'the base picture' }],
        followups: [{ text: 'base follow-up' }],
        targets: [
          { channelId: hook.id },
          { channelId: other.id, text: 'Shorter', media: [{ mediaId: special, alt: 'a wide picture' }], followups: [{ text: 'other 1' }, { text: 'other 2' }] },
        ],
        schedule: { mode: 'now' },
      });
      expect(res.status).toBe(201);
      const byChannel = Object.fromEntries(res.body.deliveries.map((d: any) => [d.channelId, d]));
      expect(byChannel[hook.id].override).toEqual({});
      expect(byChannel[other.id].override).toEqual({
        text: 'Shorter',
        media: [{ mediaId: special, alt: 'a wide picture' }],
        followups: [{ text: 'other 1', media: [] }, { text: 'other 2', media: [] }],
      });
      expect(res.body.content).toMatchObject({ text: 'Base text', media: [{ mediaId: base, alt: 'the base picture' }], followups: [{ text: 'base follow-up', media: [] }] });

      await waitForPost(app, user, res.body.id, (p) => p.status === 'published');
      const mainEvent = eventsAt(hook.path).find((e) => e.body.data.postId === res.body.id)!;
      const otherEvent = eventsAt(other.path).find((e) => e.body.data.postId === res.body.id)!;
      expect(mainEvent.body.data).toMatchObject({ text: 'Base text', media: [{ id: base, alt: 'the base picture', width: 10, height: 10 }], followups: [{ text: 'base follow-up' }] });
      expect(otherEvent.body.data).toMatchObject({ text: 'Shorter', media: [{ id: special, alt: 'a wide picture', width: 12, height: 6 }], followups: [{ text: 'other 1' }, { text: 'other 2' }] });
    });
  });

  describe('listing and showing', () => {
    let listChannel: Awaited<ReturnType<typeof connectWebhook>>;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      listChannel = await connectWebhook(app, user, receiver, { name: 'List hook' });
      for (const [key, at] of [['jan', '2033-01-15T12:00:00Z'], ['feb', '2033-02-15T12:00:00Z'], ['mar', '2033-03-15T12:00:00Z']] as const) {
        const res = await create({ text: `List ${key}`, targets: [{ channelId: listChannel.id }], schedule: { mode: 'at', at } });
        expect(res.status).toBe(201);
        ids[key] = res.body.id;
      }
      const draft = await create({ text: 'List draft', targets: [{ channelId: listChannel.id }] });
      ids.draft = draft.body.id;
    });

    const list = async (query: string) => {
      const res = await app.api('GET', `${user.ws}/posts?${query}`, undefined, user.token);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.posts as any[];
    };

    it('lists by time range, in time order', async () => {
      const posts = await list('from=2033-01-01T00:00:00Z&to=2033-03-01T00:00:00Z');
      expect(posts.map((p) => p.id)).toEqual([ids.jan, ids.feb]);
      expect(posts[0]).toMatchObject({ status: 'scheduled', scheduledAt: '2033-01-15T12:00:00.000Z', deliveries: [expect.objectContaining({ channelId: listChannel.id, state: 'scheduled' })] });
      const offset = await list(`from=${encodeURIComponent('2033-02-15T13:00:00+01:00')}&to=2034-01-01T00:00:00Z`);
      expect(offset.map((p) => p.id)).toEqual([ids.feb, ids.mar]);
    });

    it('lists by status and by channel', async () => {
      const onChannel = await list(`channelId=${listChannel.id}`);
      expect(onChannel.map((p) => p.id).sort()).toEqual(Object.values(ids).sort());
      const drafts = await list(`channelId=${listChannel.id}&status=draft`);
      expect(drafts.map((p) => p.id)).toEqual([ids.draft]);
      const published = await list('status=published');
      expect(published.length).toBeGreaterThan(0);
      expect(published.every((p) => p.status === 'published')).toBe(true);
      expect(published.map((p) => p.id)).not.toContain(ids.jan);
    });

    it('refuses bad list filters with 400 naming them', async () => {
      const res = await app.api('GET', `${user.ws}/posts?status=sideways&from=yesterday`, undefined, user.token);
      expect(res.status).toBe(400);
      const fields = res.body.error.details.map((d: any) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['querystring.status', 'querystring.from']));
    });

    it('shows one post with its deliveries; another id is 404', async () => {
      const res = await show(ids.jan);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: ids.jan, status: 'scheduled', content: { text: 'List jan' } });
      expect(res.body.deliveries).toEqual([
        expect.objectContaining({ channelId: listChannel.id, channel: expect.objectContaining({ name: 'List hook' }), state: 'scheduled', dueAt: '2033-01-15T12:00:00.000Z', attempts: [], error: null, url: null }),
      ]);
      expect((await show('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });
  });

  describe('changing posts', () => {
    it('edits a draft, adding and removing targets', async () => {
      const third = await connectWebhook(app, user, receiver, { name: 'Third hook' });
      const draft = await create({ text: 'v1', targets: [{ channelId: hook.id }, { channelId: other.id }] });
      const keys = Object.fromEntries(draft.body.deliveries.map((d: any) => [d.channelId, d.idempotencyKey]));
      const res = await app.api('PUT', `${user.ws}/posts/${draft.body.id}`, { text: 'v2', targets: [{ channelId: hook.id, text: 'v2 for main' }, { channelId: third.id }] }, user.token);
      expect(res.status).toBe(200);
      expect(res.body.content.text).toBe('v2');
      expect(res.body.status).toBe('draft');
      const channels = res.body.deliveries.map((d: any) => d.channelId).sort();
      expect(channels).toEqual([hook.id, third.id].sort());
      const main = res.body.deliveries.find((d: any) => d.channelId === hook.id);
      expect(main.override).toEqual({ text: 'v2 for main' });
      expect(main.idempotencyKey).toBe(keys[hook.id]); // the same delivery, not a new one
      const rows = await app.db.db.query(`SELECT channel_id FROM deliveries WHERE post_id = $1`, [draft.body.id]);
      expect(rows.map((r: any) => r.channel_id).sort()).toEqual(channels);
    });

    it('turns a draft into a scheduled post by editing its schedule', async () => {
      const draft = await create({ text: 'to schedule', targets: [{ channelId: hook.id }] });
      const res = await app.api('PUT', `${user.ws}/posts/${draft.body.id}`, { text: 'to schedule', targets: [{ channelId: hook.id }], schedule: { mode: 'at', at: '2031-05-05T05:05:00Z' } }, user.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'scheduled', scheduledAt: '2031-05-05T05:05:00.000Z' });
    });

    it('refuses to edit a published post with 409, changing nothing', async () => {
      const post = await create({ text: 'already out', targets: [{ channelId: hook.id }], schedule: { mode: 'now' } });
      await waitForPost(app, user, post.body.id, (p) => p.status === 'published');
      const res = await app.api('PUT', `${user.ws}/posts/${post.body.id}`, { text: 'rewritten', targets: [{ channelId: hook.id }] }, user.token);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/published/);
      const after = await show(post.body.id);
      expect(after.body.content.text).toBe('already out');
      expect(after.body.status).toBe('published');
      const del = await app.api('DELETE', `${user.ws}/posts/${post.body.id}`, undefined, user.token);
      expect(del.status).toBe(409);
    });

    it('reschedules a scheduled post, and refuses a time in the past', async () => {
      const post = await create({ text: 'move me', targets: [{ channelId: hook.id }, { channelId: other.id }], schedule: { mode: 'at', at: '2031-06-01T10:00:00Z' } });
      const res = await app.api('POST', `${user.ws}/posts/${post.body.id}/reschedule`, { schedule: { mode: 'at', at: '2031-06-02T11:30:00+02:00' } }, user.token);
      expect(res.status).toBe(200);
      expect(res.body.scheduledAt).toBe('2031-06-02T09:30:00.000Z');
      expect(res.body.deliveries.map((d: any) => d.dueAt)).toEqual(['2031-06-02T09:30:00.000Z', '2031-06-02T09:30:00.000Z']);
      const past = await app.api('POST', `${user.ws}/posts/${post.body.id}/reschedule`, { schedule: { mode: 'at', at: inMinutes(-5) } }, user.token);
      expect(past.status).toBe(400);
      expect(past.body.error.details).toEqual({ code: 'time.past' });
      expect((await show(post.body.id)).body.scheduledAt).toBe('2031-06-02T09:30:00.000Z');
    });

    it('cancels a scheduled post; cancelling again is 409', async () => {
      const post = await create({ text: 'cancel me', targets: [{ channelId: hook.id }], schedule: { mode: 'at', at: '2031-08-01T10:00:00Z' } });
      const res = await app.api('POST', `${user.ws}/posts/${post.body.id}/cancel`, undefined, user.token);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled');
      expect(res.body.deliveries[0].state).toBe('cancelled');
      const again = await app.api('POST', `${user.ws}/posts/${post.body.id}/cancel`, undefined, user.token);
      expect(again.status).toBe(409);
    });

    it('deletes a draft', async () => {
      const draft = await create({ text: 'delete me', targets: [{ channelId: hook.id }] });
      const res = await app.api('DELETE', `${user.ws}/posts/${draft.body.id}`, undefined, user.token);
      expect(res.status).toBe(204);
      expect((await show(draft.body.id)).status).toBe(404);
      expect(await app.db.db.query(`SELECT id FROM deliveries WHERE post_id = $1`, [draft.body.id])).toEqual([]);
      expect((await app.api('DELETE', `${user.ws}/posts/${draft.body.id}`, undefined, user.token)).status).toBe(404);
    });
  });

  describe('failures', () => {
    it('shows a rejected delivery as failed with the receiver’s message, and a retry publishes it once', async () => {
      receiver.script([{ path: hook.path, status: 400, body: 'Text contains a banned word' }]);
      const post = await create({ text: 'Spicy', targets: [{ channelId: hook.id }], schedule: { mode: 'now' } });
      const failed = await waitForPost(app, user, post.body.id, (p) => p.status === 'failed');
      const d = failed.deliveries[0];
      expect(d.state).toBe('failed');
      expect(d.error).toMatchObject({ kind: 'rejected', networkMessage: 'Text contains a banned word' });
      expect(d.error.message).toMatch(/400/);
      expect(d.attempts).toEqual([expect.objectContaining({ number: 1, outcome: 'failed', errorKind: 'rejected', errorMessage: 'Text contains a banned word' })]);
      const notes = await app.api('GET', `${user.ws}/notifications`, undefined, user.token);
      expect(notes.body.notifications).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'delivery.failed', subjectId: d.id, message: expect.stringContaining('Text contains a banned word') })]));
      expect(eventsAt(hook.path).filter((e) => e.body.data.postId === post.body.id)).toHaveLength(0);

      const retry = await app.api('POST', `${user.ws}/deliveries/${d.id}/retry`, undefined, user.token);
      expect(retry.status).toBe(200);
      const done = await waitForPost(app, user, post.body.id, (p) => p.status === 'published');
      expect(done.deliveries[0]).toMatchObject({ state: 'published', idempotencyKey: d.idempotencyKey, error: null });
      const events = eventsAt(hook.path).filter((e) => e.body.data.postId === post.body.id);
      expect(events).toHaveLength(1);
      expect(events[0].id).toBe(d.idempotencyKey);

      const again = await app.api('POST', `${user.ws}/deliveries/${d.id}/retry`, undefined, user.token);
      expect(again.status).toBe(409);
    });

    it('rolls a post with one failed and one published target up to partially_failed', async () => {
      receiver.script([{ path: other.path, status: 400, body: 'No thanks' }]);
      const post = await create({ text: 'Half and half', targets: [{ channelId: hook.id }, { channelId: other.id }], schedule: { mode: 'now' } });
      const done = await waitForPost(app, user, post.body.id, (p) => p.status === 'partially_failed');
      const states = Object.fromEntries(done.deliveries.map((d: any) => [d.channelId, d.state]));
      expect(states).toEqual({ [hook.id]: 'published', [other.id]: 'failed' });
      const listed = await app.api('GET', `${user.ws}/posts?status=partially_failed`, undefined, user.token);
      expect(listed.body.posts.map((p: any) => p.id)).toContain(post.body.id);
    });
  });
});
