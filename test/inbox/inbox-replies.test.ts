/**
 * Replies, saved replies, moderation and rules through the API: a reply goes out through the
 * publishing worker exactly once (also when the request is repeated with the same
 * Idempotency-Key) and shows in its conversation with its delivery state, never in the post
 * lists; what a network does not offer is a clear 4xx; rules tag, assign, hide and auto-reply
 * (once per author per conversation, within the hourly limit), and are dry-run before saving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestItems } from '../../src/inbox/ingest.service.js';
import type { InboxItem } from '../../src/providers/contract.js';
import { createTestApp, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { createFakeInbox, fakeItem, FAKE_INBOX, insertChannel, type FakeInbox } from './support.js';

describe.each(ENGINES)('inbox replies and rules (%s)', (engine) => {
  let app: TestApp;
  let owner: TestUser;
  let helper: TestUser;
  let fake: FakeInbox;
  let channelId: string;

  const ingest = (items: InboxItem[]) =>
    ingestItems(app.varde.ctx, { id: channelId, workspaceId: owner.workspaceId, network: FAKE_INBOX, name: 'Varde Coffee', externalId: 'acct-coffee' }, items, 'webhook');
  const itemByText = async (q: string) => (await app.api('GET', `${owner.ws}/inbox/items?q=${encodeURIComponent(q)}`, undefined, owner.token)).body.items[0];
  const conversation = async (id: string) => (await app.api('GET', `${owner.ws}/inbox/items/${id}/conversation`, undefined, owner.token)).body;

  beforeAll(async () => {
    fake = createFakeInbox();
    app = await createTestApp({ engine, providers: [fake] });
    owner = await app.signUp({ name: 'Owner' });
    helper = await app.signUp({ name: 'Helga Helper' });
    await app.db.db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'editor')`, [owner.workspaceId, helper.userId]);
    channelId = await insertChannel(app.db.db, app.varde.ctx.secrets, owner.workspaceId, { network: FAKE_INBOX, externalId: 'acct-coffee', name: 'Varde Coffee' });
  });
  afterAll(async () => app?.close());

  it('replies through the publishing worker, once per Idempotency-Key, shown in the conversation and not in the post lists', async () => {
    await ingest([fakeItem({ text: 'Do you roast decaf?', externalId: 'q-decaf', author: { id: 'u-ada', handle: 'ada', name: 'Ada' } })]);
    const item = await itemByText('decaf');
    const send = () => app.api('POST', `${owner.ws}/inbox/items/${item.id}/reply`, { text: 'Hi {{author.name}}, yes — every Friday at {{channel.name}}!' }, owner.token, { 'idempotency-key': 'reply-decaf-0001' });
    const [a, b] = [await send(), await send()];
    expect(a.status, JSON.stringify(a.body)).toBe(202);
    expect(b.body.id).toBe(a.body.id);
    expect(a.body.text).toBe('Hi Ada, yes — every Friday at Varde Coffee!');
    const published = await waitFor(async () => (await conversation(item.id)).replies.find((r: any) => r.state === 'published'), 20_000, 'the reply to be published');
    expect(published).toMatchObject({ id: a.body.id, url: expect.stringContaining('https://faux.example/r/'), auto: false, createdBy: owner.userId });
    expect(fake.replies.filter((r) => r.item === 'q-decaf')).toEqual([{ key: expect.any(String), item: 'q-decaf', text: 'Hi Ada, yes — every Friday at Varde Coffee!' }]);
    const posts = await app.api('GET', `${owner.ws}/posts`, undefined, owner.token);
    expect(posts.body.posts).toEqual([]);
    expect((await app.api('GET', `${owner.ws}/inbox/items/${item.id}`, undefined, owner.token)).body.read).toBe(true);
    const unknown = await app.api('POST', `${owner.ws}/inbox/items/${item.id}/reply`, { text: 'Hi {{autor.name}}' }, owner.token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('{{autor.name}}');
  });

  it('keeps saved replies with variables, renders them, and sends one', async () => {
    const saved = await app.api('POST', `${owner.ws}/inbox/saved-replies`, { name: 'Thanks', body: 'Thank you {{author.handle}}! — {{channel.name}}' }, owner.token);
    expect(saved.status).toBe(201);
    expect((await app.api('POST', `${owner.ws}/inbox/saved-replies`, { name: 'Thanks', body: 'again' }, owner.token)).status).toBe(409);
    expect((await app.api('POST', `${owner.ws}/inbox/saved-replies`, { name: 'Oops', body: 'Hi {{author.nick}}' }, owner.token)).status).toBe(400);
    await ingest([fakeItem({ text: 'Great beans', externalId: 'q-beans', author: { id: 'u-bo', handle: 'bo' } })]);
    const item = await itemByText('beans');
    const rendered = await app.api('POST', `${owner.ws}/inbox/saved-replies/${saved.body.id}/render`, { itemId: item.id }, owner.token);
    expect(rendered.body.text).toBe('Thank you @bo! — Varde Coffee');
    const sent = await app.api('POST', `${owner.ws}/inbox/items/${item.id}/reply`, { savedReplyId: saved.body.id }, owner.token);
    expect(sent.body.text).toBe('Thank you @bo! — Varde Coffee');
    expect((await app.api('GET', `${owner.ws}/inbox/saved-replies`, undefined, owner.token)).body.savedReplies).toHaveLength(1);
  });

  it('hides and likes where the network allows, and says plainly what it does not offer', async () => {
    const item = await itemByText('beans');
    // The conversation says what the network offers, so the screen shows only those buttons.
    expect((await conversation(item.id)).actions).toEqual({ reply: true, hide: true, like: true, delete: false });
    const hidden = await app.api('POST', `${owner.ws}/inbox/items/${item.id}/hide`, { hidden: true }, owner.token);
    expect(hidden.body.hidden).toBe(true);
    expect((await app.api('POST', `${owner.ws}/inbox/items/${item.id}/like`, undefined, owner.token)).body.liked).toBe(true);
    expect(fake.hidden).toContain('q-beans');
    const del = await app.api('POST', `${owner.ws}/inbox/items/${item.id}/delete`, undefined, owner.token);
    expect(del.status).toBe(400);
    expect(del.body.error.message).toBe(`Deleting comments is not offered by ${FAKE_INBOX}`);
  });

  it('dry-runs a rule against recent items before it is saved', async () => {
    await ingest([
      fakeItem({ text: 'I want a refund, the grinder is broken', externalId: 'r-1' }),
      fakeItem({ text: 'Refund please', externalId: 'r-2' }),
      fakeItem({ text: 'Lovely shop', externalId: 'r-3' }),
    ]);
    const dry = await app.api('POST', `${owner.ws}/inbox/rules/dry-run`, { conditions: { keywords: ['refund'] } }, owner.token);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ matched: 2, message: expect.stringMatching(/^This rule would have matched 2 of the \d+ most recent items$/) });
    expect((await app.api('GET', `${owner.ws}/inbox/rules`, undefined, owner.token)).body.rules).toEqual([]);
    expect((await app.api('POST', `${owner.ws}/inbox/rules`, { name: 'empty', conditions: {}, actions: { tags: ['x'] } }, owner.token)).status).toBe(400);
    expect((await app.api('POST', `${owner.ws}/inbox/rules`, { name: 'stranger', conditions: { keywords: ['x'] }, actions: { assignTo: '00000000-0000-4000-8000-000000000000' } }, owner.token)).status).toBe(400);
  });

  it('tags, assigns and hides new items that match, and auto-replies once per author per conversation', async () => {
    const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000).toISOString();
    const rule = (body: Record<string, unknown>) => app.api('POST', `${owner.ws}/inbox/rules`, body, owner.token);
    expect((await rule({ name: 'Billing', conditions: { keywords: ['refund', 'invoice'] }, actions: { tags: ['billing'], assignTo: helper.userId } })).status).toBe(201);
    expect((await rule({ name: 'Spam', conditions: { keywords: ['crypto giveaway'] }, actions: { hide: true, tags: ['spam'] } })).status).toBe(201);
    expect((await rule({ name: 'Hours', conditions: { keywords: ['opening hours'], kinds: ['comment'] }, actions: { autoReply: { text: 'Hi {{author.name}}, we open at 8.', maxPerHour: 2 } } })).status).toBe(201);

    await ingest([
      fakeItem({ text: 'Where is my invoice?', externalId: 'n-1' }),
      fakeItem({ text: 'Free CRYPTO giveaway click here', externalId: 'n-2' }),
      fakeItem({ text: 'What are your opening hours?', externalId: 'n-3', createdAt: at(1), conversationId: 'post-A', author: { id: 'u-kim', name: 'Kim' } }),
      fakeItem({ text: 'And opening hours on Sunday?', externalId: 'n-4', createdAt: at(2), conversationId: 'post-A', author: { id: 'u-kim', name: 'Kim' } }),
      fakeItem({ text: 'opening hours?', externalId: 'n-5', createdAt: at(3), conversationId: 'post-B', author: { id: 'u-kim', name: 'Kim' } }),
      fakeItem({ text: 'opening hours today?', externalId: 'n-6', createdAt: at(4), conversationId: 'post-C', author: { id: 'u-lea', name: 'Lea' } }),
    ]);
    expect(await itemByText('invoice')).toMatchObject({ tags: ['billing'], assigneeId: helper.userId, state: 'assigned' });
    expect((await itemByText('giveaway')).tags).toEqual(['spam']);
    await waitFor(async () => (await itemByText('giveaway')).hidden, 20_000, 'the rule to hide the spam');
    expect(fake.hidden).toContain('n-2');

    // n-3 answered; n-4 is the same author in the same conversation; n-5 a new conversation;
    // n-6 would be the third auto-reply within the hour of a rule allowing two.
    await waitFor(async () => (await app.db.db.query(`SELECT 1 FROM inbox_actions WHERE kind = 'auto_reply' AND done_at IS NULL`)).length === 0, 20_000, 'the auto-replies');
    await waitFor(async () => fake.replies.filter((r) => r.text.includes('we open at 8')).length === 2, 20_000, 'two auto-replies to go out');
    const outcomes = await app.db.db.query<{ external_id: string; outcome: string }>(
      `SELECT i.external_id, a.outcome FROM inbox_actions a JOIN inbox_items i ON i.id = a.item_id WHERE a.kind = 'auto_reply' ORDER BY i.external_id`,
    );
    expect(outcomes).toEqual([
      { external_id: 'n-3', outcome: 'reply_queued' },
      { external_id: 'n-4', outcome: 'skipped: this author was already answered in this conversation' },
      { external_id: 'n-5', outcome: 'reply_queued' },
      { external_id: 'n-6', outcome: 'skipped: the rule reached its hourly limit' },
    ]);
    expect(fake.replies.filter((r) => r.text === 'Hi Kim, we open at 8.').map((r) => r.item).sort()).toEqual(['n-3', 'n-5']);
    const conv = await conversation((await itemByText('Sunday')).id);
    expect(conv.replies).toEqual([expect.objectContaining({ auto: true, text: 'Hi Kim, we open at 8.' })]);
  });
});
