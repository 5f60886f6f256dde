/**
 * Channels through the HTTP API: connecting a webhook (credentials encrypted at rest and never
 * shown), refusing bad URLs and unknown networks without saving, the weekly posting schedule in
 * the channel's own zone, the queue's next free slots, rename, reconnect and delete.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { allStrings, connectWebhook, countRows, newWebhookSecret } from './fixtures.js';

describe.each(ENGINES)('channels on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;
  let receiver: Receiver;

  beforeAll(async () => {
    app = await createTestApp({ engine });
    user = await app.signUp();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  describe('connecting a webhook', () => {
    it('stores the secret encrypted and never shows it', async () => {
      const secret = newWebhookSecret();
      const res = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: receiver.url('/secret-check?token=s3cr3t-query'), secret, name: 'Launch hook' }, user.token);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ network: 'webhook', name: 'Launch hook', status: 'active', handle: `127.0.0.1:${receiver.port}`, schedule: { timezone: 'UTC', slots: [] } });
      // The receiver URL is shown with its query values elided: receivers often carry tokens there.
      expect(res.body.settings.url).toBe(`http://127.0.0.1:${receiver.port}/secret-check?token=…`);

      const list = await app.api('GET', `${user.ws}/channels`, undefined, user.token);
      const one = await app.api('GET', `${user.ws}/channels/${res.body.id}`, undefined, user.token);
      for (const shown of [res.body, list.body, one.body]) {
        const text = JSON.stringify(shown);
        expect(text).not.toContain(secret);
        expect(text).not.toContain(secret.slice('whsec_'.length));
        expect(text).not.toContain('s3cr3t-query');
        expect(allStrings(shown)).not.toContain('credentials');
      }

      const [row] = await app.db.db.query(`SELECT credentials FROM channels WHERE id = $1`, [res.body.id]);
      expect(row.credentials.startsWith('v1:')).toBe(true);
      expect(row.credentials).not.toContain(secret);
      expect(row.credentials).not.toContain(secret.slice('whsec_'.length));
      expect(app.varde.ctx.secrets.decrypt(row.credentials)).toEqual({ secret });
    });

    it('generates a secret when none is given: shown once, then only stored encrypted', async () => {
      const path = '/generated-secret';
      const res = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: receiver.url(path) }, user.token);
      expect(res.status).toBe(201);
      expect(res.body.name).toBe(`127.0.0.1:${receiver.port}`);
      const [row] = await app.db.db.query(`SELECT credentials FROM channels WHERE id = $1`, [res.body.id]);
      const { secret } = app.varde.ctx.secrets.decrypt<{ secret: string }>(row.credentials);
      expect(secret).toMatch(/^whsec_/);
      expect(row.credentials).not.toContain(secret);
      // Like an API token: the receiver needs it to verify signatures, so the answer to connect shows it once.
      expect(res.body.secret).toBe(secret);
      const later = await app.api('GET', `${user.ws}/channels/${res.body.id}`, undefined, user.token);
      const list = await app.api('GET', `${user.ws}/channels`, undefined, user.token);
      expect(JSON.stringify(later.body)).not.toContain(secret);
      expect(JSON.stringify(list.body)).not.toContain(secret);
      // And it is the secret events are signed with.
      receiver.setSecret(path, res.body.secret);
      const post = await app.api('POST', `${user.ws}/posts`, { text: 'signed with the generated secret', targets: [{ channelId: res.body.id }], schedule: { mode: 'now' } }, user.token);
      expect(post.status).toBe(201);
      await waitFor(() => receiver.events.some((e) => e.path === path && e.body.data.text === 'signed with the generated secret'), 10_000, 'the signed event');
    });

    it.each([
      ['not a url'],
      ['ftp://x'],
      ['ftp://example.com/hook'],
      ['javascript:alert(1)'],
      [''],
    ])('refuses the webhook URL %j with 400 naming the field, saving nothing', async (url) => {
      const before = await countRows(app, 'channels', user.workspaceId);
      const res = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url, secret: newWebhookSecret() }, user.token);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.message).toMatch(/^Invalid request: body\.url: /);
      expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.url' })]));
      expect(await countRows(app, 'channels', user.workspaceId)).toBe(before);
    });

    it('refuses a URL with credentials in it, saving nothing', async () => {
      const before = await countRows(app, 'channels', user.workspaceId);
      const res = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: 'https://user:pass@example.com/hook' }, user.token);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.message).toMatch(/URL/);
      expect(await countRows(app, 'channels', user.workspaceId)).toBe(before);
    });

    it('refuses an unknown network with 400, saving nothing', async () => {
      const before = await countRows(app, 'channels', user.workspaceId);
      const res = await app.api('POST', `${user.ws}/channels`, { network: 'myspace', url: 'https://example.com/hook' }, user.token);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.stringContaining('network') })]));
      expect(await countRows(app, 'channels', user.workspaceId)).toBe(before);
    });

    it('refuses an unknown time zone with 400, saving nothing', async () => {
      const before = await countRows(app, 'channels', user.workspaceId);
      const res = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: 'https://example.com/hook', timezone: 'Mars/Base' }, user.token);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('Mars/Base');
      expect(await countRows(app, 'channels', user.workspaceId)).toBe(before);
    });

    it('answers a Bluesky PDS that is down with a clear 5xx, saving nothing', async () => {
      const before = await countRows(app, 'channels', user.workspaceId);
      const res = await app.api('POST', `${user.ws}/channels`, { network: 'bluesky', handle: 'alice.test', appPassword: 'abcd-efgh-ijkl-mnop', pdsUrl: 'http://127.0.0.1:9' }, user.token);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('unavailable');
      expect(res.body.error.message).toMatch(/Bluesky|PDS|reach/i);
      expect(JSON.stringify(res.body)).not.toContain('abcd-efgh-ijkl-mnop');
      expect(await countRows(app, 'channels', user.workspaceId)).toBe(before);
    });

    it('with verify: sends a signed ping and refuses a receiver that does not answer 2xx', async () => {
      const ok = await connectWebhook(app, user, receiver, { name: 'verified' });
      const path = `${ok.path}-v`;
      const secret = newWebhookSecret();
      receiver.setSecret(path, secret);
      const pinged = receiver.events.length;
      const res = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: receiver.url(path), secret, verify: true }, user.token);
      expect(res.status).toBe(201);
      expect(receiver.events.length).toBe(pinged + 1);
      expect(receiver.events.at(-1)!.body.type).toBe('ping');

      const before = await countRows(app, 'channels', user.workspaceId);
      receiver.script([{ path, status: 500, body: 'receiver is down' }]);
      const refused = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: receiver.url(path), secret, verify: true }, user.token);
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toMatch(/500/);
      expect(refused.body.error.details.networkMessage).toBe('receiver is down');
      expect(await countRows(app, 'channels', user.workspaceId)).toBe(before);
    });
  });

  describe('posting schedule and queue', () => {
    it('saves weekly slots in the channel’s zone, sorted', async () => {
      const ch = await connectWebhook(app, user, receiver);
      const res = await app.api('PUT', `${user.ws}/channels/${ch.id}/schedule`, {
        timezone: 'America/New_York',
        slots: [{ weekday: 3, time: '17:30' }, { weekday: 1, time: '09:00' }, { weekday: 3, time: '08:15' }],
      }, user.token);
      expect(res.status).toBe(200);
      expect(res.body.schedule).toEqual({ timezone: 'America/New_York', slots: [{ weekday: 1, time: '09:00' }, { weekday: 3, time: '08:15' }, { weekday: 3, time: '17:30' }] });
      const again = await app.api('GET', `${user.ws}/channels/${ch.id}`, undefined, user.token);
      expect(again.body.schedule.timezone).toBe('America/New_York');
    });

    it.each([
      ['an unknown zone', { timezone: 'Mars/Base', slots: [{ weekday: 1, time: '09:00' }] }, /Mars\/Base/],
      ['a time of 25:00', { timezone: 'Europe/Oslo', slots: [{ weekday: 1, time: '25:00' }] }, /time/],
      ['weekday 8', { timezone: 'Europe/Oslo', slots: [{ weekday: 8, time: '09:00' }] }, /weekday/],
      ['a duplicate slot', { timezone: 'Europe/Oslo', slots: [{ weekday: 2, time: '09:00' }, { weekday: 2, time: '09:00' }] }, /repeats Tuesday 09:00/],
    ])('refuses %s with 400 and keeps the old schedule', async (_what, body, message) => {
      const ch = await connectWebhook(app, user, receiver);
      const good = { timezone: 'Europe/Oslo', slots: [{ weekday: 5, time: '12:00' }] };
      expect((await app.api('PUT', `${user.ws}/channels/${ch.id}/schedule`, good, user.token)).status).toBe(200);
      const res = await app.api('PUT', `${user.ws}/channels/${ch.id}/schedule`, body, user.token);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      const after = await app.api('GET', `${user.ws}/channels/${ch.id}`, undefined, user.token);
      expect(after.body.schedule).toEqual(good);
    });

    it('shows the next free slots in the channel’s zone and skips the taken ones', async () => {
      const ch = await connectWebhook(app, user, receiver);
      const zone = 'Asia/Tokyo';
      const slots = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [{ weekday, time: '09:00' }, { weekday, time: '18:30' }]);
      expect((await app.api('PUT', `${user.ws}/channels/${ch.id}/schedule`, { timezone: zone, slots }, user.token)).status).toBe(200);

      const queue = await app.api('GET', `${user.ws}/channels/${ch.id}/queue?free=4`, undefined, user.token);
      expect(queue.status).toBe(200);
      expect(queue.body.timezone).toBe(zone);
      expect(queue.body.upcoming).toEqual([]);
      const free: string[] = queue.body.freeSlots;
      expect(free).toHaveLength(4);
      const now = Date.now();
      for (const [i, iso] of free.entries()) {
        const local = DateTime.fromISO(iso, { zone });
        expect(['09:00', '18:30']).toContain(local.toFormat('HH:mm'));
        expect(local.toMillis()).toBeGreaterThan(now);
        if (i > 0) expect(local.toMillis()).toBeGreaterThan(Date.parse(free[i - 1]));
      }
      // Consecutive slots alternate 09:00 / 18:30 Tokyo time, so none is skipped.
      expect(Date.parse(free[1]) - Date.parse(free[0])).toBeLessThanOrEqual(14.5 * 3600_000);

      // Take the first free slot with a post at exactly that time: it leaves the free list.
      const post = await app.api('POST', `${user.ws}/posts`, { text: 'in the first slot', targets: [{ channelId: ch.id }], schedule: { mode: 'at', at: free[0] } }, user.token);
      expect(post.status).toBe(201);
      const after = await app.api('GET', `${user.ws}/channels/${ch.id}/queue?free=3`, undefined, user.token);
      expect(after.body.freeSlots).toEqual(free.slice(1, 4));
      expect(after.body.upcoming).toEqual([expect.objectContaining({ postId: post.body.id, state: 'scheduled', text: 'in the first slot' })]);
      expect(new Date(after.body.upcoming[0].dueAt).toISOString()).toBe(free[0]);

      // A cancelled post gives its slot back.
      expect((await app.api('POST', `${user.ws}/posts/${post.body.id}/cancel`, undefined, user.token)).status).toBe(200);
      const freed = await app.api('GET', `${user.ws}/channels/${ch.id}/queue?free=1`, undefined, user.token);
      expect(freed.body.freeSlots).toEqual([free[0]]);
      expect(freed.body.upcoming).toEqual([]);
    });

    it('has no free slots without a schedule, and says so when queueing to it', async () => {
      const ch = await connectWebhook(app, user, receiver, { name: 'No schedule' });
      const queue = await app.api('GET', `${user.ws}/channels/${ch.id}/queue`, undefined, user.token);
      expect(queue.status).toBe(200);
      expect(queue.body.freeSlots).toEqual([]);
      const before = await countRows(app, 'posts', user.workspaceId);
      const post = await app.api('POST', `${user.ws}/posts`, { text: 'queued', targets: [{ channelId: ch.id }], schedule: { mode: 'queue' } }, user.token);
      expect(post.status).toBe(422);
      expect(post.body.error.message).toMatch(/No schedule.*no posting schedule/);
      expect(await countRows(app, 'posts', user.workspaceId)).toBe(before);
    });
  });

  describe('rename, reconnect, delete', () => {
    it('renames a channel', async () => {
      const ch = await connectWebhook(app, user, receiver, { name: 'Old name' });
      const res = await app.api('PATCH', `${user.ws}/channels/${ch.id}`, { name: '  New name  ' }, user.token);
      expect(res.status).toBe(200);
      expect(res.body.name).toBe('New name');
      expect((await app.api('GET', `${user.ws}/channels/${ch.id}`, undefined, user.token)).body.name).toBe('New name');
      const empty = await app.api('PATCH', `${user.ws}/channels/${ch.id}`, { name: '   ' }, user.token);
      expect(empty.status).toBe(400);
      expect(empty.body.error.details[0].field).toBe('body.name');
    });

    it('reconnects with a new secret and makes the channel active again', async () => {
      const ch = await connectWebhook(app, user, receiver);
      await app.db.db.query(`UPDATE channels SET status = 'needs_reconnect', status_reason = 'secret rotated' WHERE id = $1`, [ch.id]);
      expect((await app.api('GET', `${user.ws}/channels/${ch.id}`, undefined, user.token)).body.status).toBe('needs_reconnect');
      const secret = newWebhookSecret();
      const res = await app.api('POST', `${user.ws}/channels/${ch.id}/reconnect`, { network: 'webhook', url: receiver.url(ch.path), secret }, user.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: ch.id, status: 'active', statusReason: null });
      expect(JSON.stringify(res.body)).not.toContain(secret);
      const [row] = await app.db.db.query(`SELECT credentials FROM channels WHERE id = $1`, [ch.id]);
      expect(app.varde.ctx.secrets.decrypt(row.credentials)).toEqual({ secret });
    });

    it('refuses to reconnect a channel to another network or another endpoint', async () => {
      const ch = await connectWebhook(app, user, receiver);
      const [before] = await app.db.db.query(`SELECT credentials FROM channels WHERE id = $1`, [ch.id]);
      const network = await app.api('POST', `${user.ws}/channels/${ch.id}/reconnect`, { network: 'bluesky', handle: 'a.bsky.social', appPassword: 'x' }, user.token);
      expect(network.status).toBe(400);
      expect(network.body.error.message).toMatch(/webhook channel/);
      const elsewhere = await app.api('POST', `${user.ws}/channels/${ch.id}/reconnect`, { network: 'webhook', url: 'https://elsewhere.example/hook', secret: newWebhookSecret() }, user.token);
      expect(elsewhere.status).toBe(409);
      const [after] = await app.db.db.query(`SELECT credentials FROM channels WHERE id = $1`, [ch.id]);
      expect(after.credentials).toBe(before.credentials);
    });

    it('deletes a channel, and a second delete is 404', async () => {
      const ch = await connectWebhook(app, user, receiver);
      const draft = await app.api('POST', `${user.ws}/posts`, { text: 'draft to a doomed channel', targets: [{ channelId: ch.id }] }, user.token);
      expect(draft.status).toBe(201);
      expect((await app.api('DELETE', `${user.ws}/channels/${ch.id}`, undefined, user.token)).status).toBe(204);
      expect((await app.api('GET', `${user.ws}/channels/${ch.id}`, undefined, user.token)).status).toBe(404);
      expect((await app.api('DELETE', `${user.ws}/channels/${ch.id}`, undefined, user.token)).status).toBe(404);
      const list = await app.api('GET', `${user.ws}/channels`, undefined, user.token);
      expect(list.body.channels.map((c: any) => c.id)).not.toContain(ch.id);
      const post = await app.api('GET', `${user.ws}/posts/${draft.body.id}`, undefined, user.token);
      expect(post.body.deliveries).toEqual([]);
    });

    it('answers 404 for a channel id that does not exist', async () => {
      const id = '00000000-0000-4000-8000-000000000000';
      expect((await app.api('GET', `${user.ws}/channels/${id}`, undefined, user.token)).status).toBe(404);
      expect((await app.api('PATCH', `${user.ws}/channels/${id}`, { name: 'x' }, user.token)).status).toBe(404);
      expect((await app.api('PUT', `${user.ws}/channels/${id}/schedule`, { timezone: 'UTC', slots: [] }, user.token)).status).toBe(404);
      const bad = await app.api('GET', `${user.ws}/channels/not-a-uuid`, undefined, user.token);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('params.id');
    });
  });
});
