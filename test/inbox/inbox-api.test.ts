/**
 * The inbox through the API, on every engine: items filed with sentiment, language and priority;
 * filters and full-text search; states, assignment (with a notification), snoozes, tags, read
 * marks, bulk changes and notes; the unread count; live updates over server-sent events;
 * permissions (a viewer reads but cannot change or reply); and polling through the periodic task.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestItems } from '../../src/inbox/ingest.service.js';
import type { InboxItem } from '../../src/providers/contract.js';
import { createTestApp, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { createFakeInbox, fakeItem, FAKE_INBOX, insertChannel, type FakeInbox } from './support.js';

describe.each(ENGINES)('inbox API (%s)', (engine) => {
  let app: TestApp;
  let owner: TestUser;
  let editor: TestUser;
  let viewerCookie: string;
  let fake: FakeInbox;
  let channelId: string;

  const ingest = (items: InboxItem[]) =>
    ingestItems(app.varde.ctx, { id: channelId, workspaceId: owner.workspaceId, network: FAKE_INBOX, name: 'Faux', externalId: 'acct-faux' }, items, 'poll');
  const list = async (query = '') => (await app.api('GET', `${owner.ws}/inbox/items${query ? `?${query}` : ''}`, undefined, owner.token)).body;

  beforeAll(async () => {
    fake = createFakeInbox();
    app = await createTestApp({ engine, providers: [fake], env: { VARDE_INBOX_POLL_SECONDS: '1' } });
    owner = await app.signUp({ name: 'Owner' });
    editor = await app.signUp({ name: 'Edda Editor' });
    const viewer = await app.signUp({ name: 'Vera Viewer' });
    await app.db.db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'editor'), ($1, $3, 'viewer')`, [owner.workspaceId, editor.userId, viewer.userId]);
    viewerCookie = viewer.cookie;
    channelId = await insertChannel(app.db.db, app.varde.ctx.secrets, owner.workspaceId, { network: FAKE_INBOX, externalId: 'acct-faux', name: 'Faux' });
  });
  afterAll(async () => app?.close());

  it('files items with language, sentiment and priority, and finds them by filter and search', async () => {
    const stored = await ingest([
      fakeItem({ text: 'This is terrible, I want a refund now!', author: { id: 'a1', handle: 'angry', name: 'Angry Andy', followers: 25_000 } }),
      fakeItem({ text: 'Love it, congratulations on the launch', author: { id: 'a2', handle: 'happy', name: 'Happy Hanne' } }),
      fakeItem({ text: 'Das ist wirklich schlecht und teuer', author: { id: 'a3', handle: 'dieter', name: 'Dieter' } }),
      fakeItem({ text: 'When do you open in Bergen?', kind: 'message', conversationId: 'dm-1', author: { id: 'a4', handle: 'ola', name: 'Ola' } }),
    ]);
    expect(stored).toEqual({ received: 4, stored: 4 });
    const all = await list();
    expect(all.total).toBe(4);
    const byAuthor = Object.fromEntries(all.items.map((i: any) => [i.author.handle, i]));
    expect(byAuthor.angry).toMatchObject({ sentiment: 'negative', language: 'eng', priorityLevel: 'high', state: 'open', read: false, source: 'poll' });
    expect(byAuthor.happy).toMatchObject({ sentiment: 'positive', priorityLevel: 'low' });
    expect(byAuthor.dieter).toMatchObject({ sentiment: 'unscored', language: 'deu', sentimentScore: null });
    expect(byAuthor.ola).toMatchObject({ kind: 'message', priorityLevel: 'low' });

    expect((await list('sentiment=negative')).items.map((i: any) => i.author.handle)).toEqual(['angry']);
    expect((await list('kind=message')).total).toBe(1);
    expect((await list('sort=priority')).items[0].author.handle).toBe('angry');
    expect((await list('q=refund')).items.map((i: any) => i.author.handle)).toEqual(['angry']);
    expect((await list(`q=${encodeURIComponent('"happy hanne"')}`)).total).toBe(1);
    expect((await list('priority=high')).total).toBe(1);
    expect((await list(`network=${FAKE_INBOX}&channelId=${channelId}`)).total).toBe(4);
    const bad = await app.api('GET', `${owner.ws}/inbox/items?state=maybe`, undefined, owner.token);
    expect(bad.status).toBe(400);
  });

  it('moves items through open, assigned and done; tags, snoozes, read marks, notes; notifies the assignee', async () => {
    const [item] = (await list('sentiment=negative')).items;
    const url = `${owner.ws}/inbox/items/${item.id}`;
    const assigned = await app.api('PATCH', url, { assigneeId: editor.userId, tags: ['billing', 'billing', 'vip'] }, owner.token);
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body).toMatchObject({ state: 'assigned', assigneeId: editor.userId, tags: ['billing', 'vip'] });
    const notes = await app.api("GET", `${owner.ws}/notifications`, undefined, editor.cookie);
    expect(JSON.stringify(notes.body)).toContain('assigned to you');

    expect((await app.api('PATCH', url, { assigneeId: randomUUID() } /* not a member */, owner.token)).status).toBe(400);
    expect((await list('assignee=none')).total).toBe(3);
    expect((await app.api('GET', `${owner.ws}/inbox/items?assignee=me`, undefined, editor.cookie)).body.total).toBe(1);
    expect((await list('tag=vip')).total).toBe(1);

    expect((await app.api('PATCH', url, { state: 'done' }, editor.cookie)).body.state).toBe('done');
    expect((await app.api('PATCH', url, { state: 'open' }, owner.token)).body.state).toBe('assigned');
    expect((await app.api('PATCH', url, { assigneeId: null }, owner.token)).body.state).toBe('open');

    const until = new Date(Date.now() + 3600_000).toISOString();
    expect((await app.api('PATCH', url, { snoozedUntil: until }, owner.token)).body.snoozedUntil).toBeTruthy();
    expect((await list()).items.some((i: any) => i.id === item.id)).toBe(false);
    expect((await list('snoozed=only')).items.map((i: any) => i.id)).toEqual([item.id]);
    await app.api('PATCH', url, { snoozedUntil: null }, owner.token);

    const note = await app.api('POST', `${url}/notes`, { body: 'Customer since 2019 — offer a refund' }, owner.token);
    expect(note.status).toBe(201);
    const conv = await app.api('GET', `${url}/conversation`, undefined, owner.token);
    expect(conv.body.notes).toEqual([expect.objectContaining({ body: 'Customer since 2019 — offer a refund', author: { id: owner.userId, name: 'Owner' } })]);
  });

  it('applies one change to many items, and counts what is unread for the navigation', async () => {
    const ids = (await list()).items.map((i: any) => i.id);
    const count = async () => (await app.api('GET', `${owner.ws}/inbox/unread-count`, undefined, owner.token)).body;
    expect(await count()).toMatchObject({ unread: ids.length, open: ids.length });
    const res = await app.api('POST', `${owner.ws}/inbox/items/bulk`, { ids: ids.slice(0, 2), action: 'read' }, owner.token);
    expect(res.body.changed).toBe(2);
    expect((await count()).unread).toBe(ids.length - 2);
    await app.api('POST', `${owner.ws}/inbox/items/bulk`, { ids, action: 'tag', tag: 'triaged' }, owner.token);
    expect((await list('tag=triaged')).total).toBe(ids.length);
    await app.api('POST', `${owner.ws}/inbox/items/bulk`, { ids: ids.slice(0, 1), action: 'done' }, owner.token);
    expect((await count()).open).toBe(ids.length - 1);
    await app.api('POST', `${owner.ws}/inbox/items/bulk`, { ids: ids.slice(0, 1), action: 'assign', assigneeId: editor.userId }, owner.token);
    expect((await app.api('GET', `${owner.ws}/inbox/unread-count`, undefined, editor.cookie)).body.mine).toBe(1);
    // Another workspace's ids change nothing.
    const other = await app.api('POST', `${editor.ws}/inbox/items/bulk`, { ids, action: 'done' }, editor.token);
    expect(other.body.changed).toBe(0);
  });

  it('lets a viewer read but not change, reply, hide or write rules', async () => {
    const [item] = (await list()).items;
    expect((await app.api('GET', `${owner.ws}/inbox/items`, undefined, viewerCookie)).status).toBe(200);
    const tries = [
      ['POST', `${owner.ws}/inbox/items/${item.id}/reply`, { text: 'Hi!' }],
      ['PATCH', `${owner.ws}/inbox/items/${item.id}`, { state: 'done' }],
      ['POST', `${owner.ws}/inbox/items/${item.id}/hide`, { hidden: true }],
      ['POST', `${owner.ws}/inbox/rules`, { name: 'r', conditions: { keywords: ['x'] }, actions: { tags: ['x'] } }],
    ] as const;
    for (const [method, url, body] of tries) {
      const res = await app.api(method, url, body, viewerCookie);
      expect(res.status, `${method} ${url}`).toBe(403);
    }
    expect(fake.replies).toHaveLength(0);
  });

  it('sends new and changed items to open inbox screens at once (server-sent events)', async () => {
    const abort = new AbortController();
    const res = await fetch(`${app.url}${owner.ws}/events`, { headers: { authorization: `Bearer ${owner.token}` }, signal: abort.signal });
    const reader = res.body!.getReader();
    let text = '';
    const until = async (needle: string) => {
      const deadline = Date.now() + 15_000;
      while (!text.includes(needle)) {
        if (Date.now() > deadline) throw new Error(`no event with ${needle}; got ${text.slice(-500)}`);
        const { value } = await reader.read();
        text += Buffer.from(value ?? []).toString('utf8');
      }
    };
    try {
      await until('event: ready');
      await ingest([fakeItem({ text: 'Live one', externalId: 'live-1' })]);
      const id = (await list('q=live')).items[0].id;
      await until(`{"id":"${id}","state":"open"}`);
      await app.api('PATCH', `${owner.ws}/inbox/items/${id}`, { state: 'done' }, owner.token);
      await until(`{"id":"${id}","state":"done"}`);
    } finally {
      abort.abort();
    }
  });

  it('polls channels whose network is read by polling, from the stored cursor', async () => {
    fake.feed.set('acct-faux', [fakeItem({ text: 'Arrived by poll', externalId: 'polled-1' })]);
    await app.api('POST', `${owner.ws}/inbox/sync`, undefined, owner.token);
    await waitFor(async () => (await list('q=poll')).total === 1, 20_000, 'the polled item');
    const sources = await app.api('GET', `${owner.ws}/inbox/sources`, undefined, owner.token);
    expect(sources.body.sources[0]).toMatchObject({ channelId, ingest: 'poll', poll: { failures: 0, lastError: null } });
    // The same item offered again (a poll overlapping a webhook) is not stored twice.
    const polledAt = async () => (await app.db.db.query<{ at: Date }>(`SELECT last_polled_at AS at FROM inbox_cursors WHERE channel_id = $1`, [channelId]))[0].at.getTime();
    const first = await polledAt();
    fake.feed.set('acct-faux', [fakeItem({ text: 'Arrived by poll', externalId: 'polled-1' })]);
    await app.api('POST', `${owner.ws}/inbox/sync`, undefined, owner.token);
    await waitFor(async () => (await polledAt()) > first && fake.feed.get('acct-faux')!.length === 0, 20_000, 'a second poll');
    expect((await list('q=poll')).total).toBe(1);
  });

  it('leaves a channel the network rate-limited alone, even when asked to check now', async () => {
    const until = new Date(Date.now() + 10 * 60_000);
    fake.throttle.until = until;
    try {
      const before = fake.throttle.polls;
      await app.api('POST', `${owner.ws}/inbox/sync`, undefined, owner.token);
      await waitFor(async () => fake.throttle.polls > before, 20_000, 'a rate-limited poll');
      const source = async () => (await app.api('GET', `${owner.ws}/inbox/sources`, undefined, owner.token)).body.sources[0];
      await waitFor(async () => (await source()).poll.rateLimitedUntil !== null, 20_000, 'the limit recorded');
      expect(new Date((await source()).poll.rateLimitedUntil).getTime()).toBe(until.getTime());
      const polls = fake.throttle.polls;
      const again = await app.api('POST', `${owner.ws}/inbox/sync`, undefined, owner.token);
      expect(again.status).toBe(200);
      expect(again.body.channels).toBe(0);
      await new Promise((r) => setTimeout(r, 3_000));
      expect(fake.throttle.polls).toBe(polls);
      expect(new Date((await source()).poll.nextAt).getTime()).toBe(until.getTime());
    } finally {
      fake.throttle.until = null;
    }
  });
});
