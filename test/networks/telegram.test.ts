/**
 * Telegram against its Bot API emulator, through Varde where it matters: connect with a bot token
 * (refused when the bot cannot post), every content kind sent by the worker and read back from the
 * chat, an over-long caption refused before any call, a revoked token marking the channel for
 * reconnection, `retry_after` honoured, and a send accepted but never answered handed to a person
 * (the Bot API can neither deduplicate nor list messages) without a second message. Then comments,
 * replies and mentions, reply/react/delete, member count and the webhook secret, through the provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedHttp, type GuardedHttpClient } from '../../src/net/guarded-http.js';
import type { IncomingWebhook, ProviderContext } from '../../src/providers/contract.js';
import { telegramProvider } from '../../src/providers/telegram/telegram.provider.js';
import { createTestApp, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { contextDefaults, testNetworkApp } from '../support/provider-context.js';
import { publishNow } from '../support/publish.js';
import { makeMp4 } from '../support/mp4.js';
import { startTelegramEmulator, type TelegramEmulator } from '../emulators/telegram/index.js';

const GIF = Buffer.from('474946383961010001008000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex');
const SECRET = 'varde_tg_secret-123';

describe('Telegram', () => {
  let emu: TelegramEmulator;
  let app: TestApp;
  let user: TestUser;
  let channel: any;
  let http: GuardedHttpClient;

  beforeAll(async () => {
    emu = await startTelegramEmulator();
    app = await createTestApp({ providers: [telegramProvider], env: { VARDE_TELEGRAM_API_URL: emu.url, VARDE_TELEGRAM_TIMEOUT_MS: '2000', VARDE_RETRY_BASE_MS: '50' } });
    user = await app.signUp();
    channel = await connect('@varde_news');
    http = createGuardedHttp({ allowHosts: [`127.0.0.1:${emu.port}`] });
  });
  afterAll(async () => {
    http?.close();
    await app?.close();
    await emu?.close();
  });

  async function connect(chatId: string | number, botToken = emu.bot.token) {
    const res = await app.api('POST', `${user.ws}/channels`, { network: 'telegram', botToken, chatId }, user.token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  const publish = (body: Record<string, unknown>, target: Record<string, unknown> = {}, channelId = channel.id) => publishNow(app, user, channelId, body, target);

  const uploadRaw = async (bytes: Uint8Array, type: string) => {
    const res = await app.api('POST', `${user.ws}/media?filename=f`, bytes, user.token, { 'content-type': type });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };

  const lastIn = (chatId: number) => emu.messagesIn(chatId).at(-1)!;

  const context = (settings: Record<string, unknown> = {}): ProviderContext => ({
    ...contextDefaults(),
    app: testNetworkApp({ urls: { api: emu.url }, values: { WEBHOOK_SECRET: SECRET } }),
    idempotencyKey: 'k',
    credentials: { botToken: emu.bot.token },
    settings: { chatId: String(emu.channel.id), chatUsername: 'varde_news', botId: emu.bot.id, botUsername: emu.bot.username, discussionChatId: String(emu.discussion.id), ...settings },
    http,
  });

  it('connects a channel with a bot token, keeping the token secret', async () => {
    expect(channel).toMatchObject({ network: 'telegram', externalId: String(emu.channel.id), handle: '@varde_news', name: 'Varde News', status: 'active' });
    expect(channel.settings).toMatchObject({ chatId: String(emu.channel.id), chatType: 'channel', botUsername: 'varde_test_bot', discussionChatId: String(emu.discussion.id) });
    expect(JSON.stringify(channel)).not.toContain(emu.bot.token);
  });

  it('points the bot’s updates at Varde’s webhook when a secret is set and Varde is on https', async () => {
    expect(channel.settings.updates).toBe('poll'); // this test server is plain http
    const second = emu.addBot('varde_hooked_bot');
    const app = testNetworkApp({ urls: { api: emu.url }, values: { WEBHOOK_SECRET: SECRET }, publicUrl: 'https://varde.example' });
    const connected = await telegramProvider.connect({ botToken: second.token, chatId: '@varde_news' }, http, app);
    expect(connected.settings).toMatchObject({ updates: 'webhook' });
    expect([emu.webhookUrl, emu.webhookSecret]).toEqual(['https://varde.example/api/v1/webhooks/telegram', SECRET]);
    const hooked = { ...context(), credentials: connected.credentials, settings: connected.settings! };
    expect(await telegramProvider.listInbox(hooked, { cursor: '7' })).toEqual({ items: [], cursor: '7' });
    emu.webhookUrl = null;
  });

  it('refuses a wrong token, an unknown chat and a bot that may not post, saying what to fix', async () => {
    const wrong = await app.api('POST', `${user.ws}/channels`, { network: 'telegram', botToken: `7001234567:${'x'.repeat(35)}`, chatId: '@varde_news' }, user.token);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toContain('@BotFather');
    const unknown = await app.api('POST', `${user.ws}/channels`, { network: 'telegram', botToken: emu.bot.token, chatId: '@nowhere_chat' }, user.token);
    expect(unknown.body.error.message).toContain('chat not found');
    emu.channel.members.set(emu.bot.id, { status: 'administrator', can_post_messages: false });
    try {
      const denied = await app.api('POST', `${user.ws}/channels`, { network: 'telegram', botToken: emu.bot.token, chatId: '@varde_news' }, user.token);
      expect(denied.status).toBe(422);
      expect(denied.body.error.message).toContain('administrator with the right to post messages');
    } finally {
      emu.channel.members.set(emu.bot.id, { status: 'administrator', can_post_messages: true, can_delete_messages: true });
    }
  });

  it('sends text with the link as its preview', async () => {
    const done = await publish({ text: 'Launch day', link: 'https://example.com/launch' });
    const d = done.deliveries[0];
    expect(d.state).toBe('published');
    const msg = lastIn(emu.channel.id);
    expect(msg.text).toBe('Launch day\n\nhttps://example.com/launch');
    expect(msg.sentWith?.link_preview_options).toEqual({ url: 'https://example.com/launch' });
    expect(d.url).toBe(`https://t.me/varde_news/${msg.message_id}`);
  });

  it('sends a photo with a caption, an album of photos and a video, and a GIF on its own', async () => {
    const a = await uploadPng(app, user);
    await publish({ text: 'One picture', media: [{ mediaId: a, alt: 'a' }] }, { options: { spoiler: true } });
    expect(lastIn(emu.channel.id)).toMatchObject({ caption: 'One picture', has_media_spoiler: true, photo: [expect.objectContaining({ file_size: expect.any(Number) })] });

    const b = await uploadPng(app, user, { width: 10, height: 6 });
    const v = await uploadRaw(makeMp4(), 'video/mp4');
    const album = await publish({ text: 'An album', media: [{ mediaId: a }, { mediaId: b }, { mediaId: v }] });
    const items = emu.messagesIn(emu.channel.id).slice(-3);
    expect(items.map((m) => (m.photo ? 'photo' : m.video ? 'video' : '?'))).toEqual(['photo', 'photo', 'video']);
    expect(items.map((m) => m.caption)).toEqual(['An album', undefined, undefined]);
    expect(new Set(items.map((m) => m.media_group_id)).size).toBe(1);
    expect(album.deliveries[0].externalId).toBe(String(items[0].message_id));

    const g = await uploadRaw(GIF, 'image/gif');
    await publish({ text: 'Moving', media: [{ mediaId: g }] });
    expect(lastIn(emu.channel.id)).toMatchObject({ caption: 'Moving', animation: expect.objectContaining({ mime_type: 'image/gif' }) });
  });

  it('sends a thread as replies, honours the silent option and refuses unknown ones', async () => {
    const done = await publish({ text: 'Part 1', followups: [{ text: 'Part 2' }] }, { options: { silent: true } });
    const [one, two] = emu.messagesIn(emu.channel.id).slice(-2);
    expect(two.reply_to_message?.message_id).toBe(one.message_id);
    expect(one.sentWith?.disable_notification).toBe(true);
    expect(done.deliveries[0].state).toBe('published');

    const bad = await publish({ text: 'Shh' }, { options: { silence: true } });
    expect(bad.deliveries[0]).toMatchObject({ state: 'failed', error: { kind: 'rejected' } });
    expect(bad.deliveries[0].error.message).toContain('silent, protectContent, linkPreview, spoiler, topicId');
  });

  it('refuses a caption over 1,024 characters before any call', async () => {
    const img = await uploadPng(app, user);
    const calls = emu.writes().filter((r) => !r.path.endsWith('/getUpdates')).length;
    const body = { text: 'x'.repeat(1025), media: [{ mediaId: img }], targets: [{ channelId: channel.id }], schedule: { mode: 'now' } };
    const check = await app.api('POST', `${user.ws}/posts/check`, body, user.token);
    expect(check.body.targets[0].problems[0]).toMatchObject({ code: 'text.too_long', params: { count: 1025, limit: 1024 } });
    expect((await app.api('POST', `${user.ws}/posts`, body, user.token)).status).toBeGreaterThanOrEqual(400);
    expect(emu.writes().filter((r) => !r.path.endsWith('/getUpdates')).length).toBe(calls);
  });

  it('waits for retry_after before sending again', async () => {
    emu.fault({ method: 'POST', path: /\/sendMessage$/ }, { status: 429, json: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } } });
    const before = emu.callsTo('POST', /\/sendMessage$/).length;
    const done = await publish({ text: 'Patience' });
    expect(done.deliveries[0].state).toBe('published');
    const [throttled, retried] = emu.callsTo('POST', /\/sendMessage$/).slice(before);
    expect(throttled.status).toBe(429);
    expect(retried.at - throttled.at).toBeGreaterThanOrEqual(2000);
  });

  it('hands a message accepted but never answered to a person, without sending it twice', async () => {
    emu.fault({ method: 'POST', path: /\/sendMessage$/ }, { acceptThenHang: true });
    const done = await publish({ text: 'Did it go out?' });
    const d = done.deliveries[0];
    expect(d.state).toBe('needs_attention');
    expect(d.error.message).toContain('can neither deduplicate a message nor list');
    expect(emu.messagesIn(emu.channel.id).filter((m) => m.text === 'Did it go out?')).toHaveLength(1);
    const notes = await app.api('GET', `${user.ws}/notifications`, undefined, user.token);
    expect(JSON.stringify(notes.body)).toContain('delivery.needs_attention');
  });

  it('marks the channel for reconnection when the bot token is revoked', async () => {
    const second = emu.addBot('varde_second_bot');
    const other = await connect(emu.group.id, second.token);
    emu.revoke(second.token);
    const done = await publish({ text: 'After revocation' }, {}, other.id);
    expect(done.deliveries[0]).toMatchObject({ state: 'failed', error: { kind: 'auth_expired' } });
    const shown = await app.api('GET', `${user.ws}/channels/${other.id}`, undefined, user.token);
    expect(shown.body).toMatchObject({ status: 'needs_reconnect', statusReason: 'Unauthorized' });
  });

  it('deletes every message of a published album through the API', async () => {
    const a = await uploadPng(app, user);
    const b = await uploadPng(app, user, { width: 9, height: 9 });
    const done = await publish({ text: 'Short-lived', media: [{ mediaId: a }, { mediaId: b }] });
    const ids = emu.messagesIn(emu.channel.id).slice(-2).map((m) => m.message_id);
    const res = await app.api('POST', `${user.ws}/deliveries/${done.deliveries[0].id}/unpublish`, undefined, user.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(emu.messagesIn(emu.channel.id).filter((m) => ids.includes(m.message_id))).toHaveLength(0);
  });

  it('reads comments, replies and mentions, and replies, reacts and deletes', async () => {
    const ctx = context();
    const start = await telegramProvider.listInbox(ctx, {});
    const post = await telegramProvider.publish(ctx, { parts: [{ text: 'Ask me anything', media: [] }], meta: { postId: 'p', deliveryId: 'd', dueAt: null } });
    const forwarded = emu.forwardToDiscussion(Number(post.externalId));
    emu.userWrites(emu.discussion.id, 'Great news!', { replyTo: forwarded.message_id, from: 'alice' });
    const botMsg = lastIn(emu.channel.id);
    expect(botMsg.text).toBe('Ask me anything');
    const groupCtx = context({ chatId: String(emu.group.id), chatUsername: null, discussionChatId: null });
    const inGroup = await telegramProvider.publish(groupCtx, { parts: [{ text: 'Hello group', media: [] }], meta: { postId: 'p', deliveryId: 'd', dueAt: null } });
    emu.userWrites(emu.group.id, 'Hello bot', { replyTo: Number(inGroup.externalId), from: 'bob' });
    emu.userWrites(emu.group.id, 'hey @varde_test_bot look', { from: 'carol' });
    emu.userWrites(emu.group.id, 'just chatting', { from: 'dave' });

    const page = await telegramProvider.listInbox(ctx, { cursor: start.cursor });
    expect(page.items.map((i) => [i.kind, i.author.handle, i.text])).toEqual([['comment', '@alice', 'Great news!']]);
    expect(page.items[0]).toMatchObject({ postExternalId: post.externalId, externalId: `${emu.discussion.id}:${lastIn(emu.discussion.id).message_id}` });
    const groupPage = await telegramProvider.listInbox(groupCtx, { cursor: start.cursor });
    expect(groupPage.items.map((i) => [i.kind, i.author.handle])).toEqual([['reply', '@bob'], ['mention', '@carol']]);
    expect((await telegramProvider.listInbox(ctx, { cursor: groupPage.cursor })).items).toEqual([]);

    const sent = await telegramProvider.replyTo(ctx, page.items[0], { text: 'Thanks Alice', media: [] });
    const reply = lastIn(emu.discussion.id);
    expect(reply).toMatchObject({ text: 'Thanks Alice', reply_to_message: expect.objectContaining({ text: 'Great news!' }) });
    expect(sent.externalId).toBe(`${emu.discussion.id}:${reply.message_id}`);

    await telegramProvider.likeItem(ctx, groupPage.items[1]);
    expect(emu.messagesIn(emu.group.id).find((m) => m.text === 'hey @varde_test_bot look')!.reactions).toEqual(['👍']);
    await telegramProvider.deleteItem(ctx, groupPage.items[0]);
    expect(emu.messagesIn(emu.group.id).some((m) => m.text === 'Hello bot')).toBe(false);
  });

  it('counts the channel’s subscribers; Telegram gives bots no per-message counts', async () => {
    expect(await telegramProvider.fetchAccountMetrics(context())).toEqual({ followers: 1234, raw: { member_count: 1234 } });
    expect((telegramProvider as Record<string, unknown>).fetchPostMetrics).toBeUndefined();
  });

  it('verifies the webhook secret token in constant time and files comments under the channel', () => {
    const app = testNetworkApp({ values: { WEBHOOK_SECRET: SECRET } });
    const update = { update_id: 9, message: { message_id: 5, date: 1_700_000_000, chat: { id: emu.discussion.id, type: 'supergroup' }, from: { id: 42, first_name: 'Eve', username: 'eve' }, text: 'Nice', reply_to_message: { message_id: 4, date: 1_700_000_000, chat: { id: emu.discussion.id, type: 'supergroup' }, is_automatic_forward: true, sender_chat: { id: emu.channel.id }, forward_origin: { type: 'channel', message_id: 17 } } } };
    const req = (headers: Record<string, string>): IncomingWebhook => ({ method: 'POST', query: {}, headers, rawBody: Buffer.from(JSON.stringify(update)) });
    const hooks = telegramProvider.webhooks;
    expect(hooks.verify(req({ 'x-telegram-bot-api-secret-token': SECRET }), app)).toEqual({ ok: true });
    expect(hooks.verify(req({ 'x-telegram-bot-api-secret-token': `${SECRET}x` }), app)).toMatchObject({ ok: false, reason: expect.stringContaining('does not match') });
    expect(hooks.verify(req({}), app)).toMatchObject({ ok: false, reason: expect.stringContaining('no X-Telegram-Bot-Api-Secret-Token') });
    expect(hooks.verify(req({ 'x-telegram-bot-api-secret-token': SECRET }), testNetworkApp())).toMatchObject({ ok: false, reason: expect.stringContaining('VARDE_TELEGRAM_WEBHOOK_SECRET') });
    const [group] = hooks.parse(req({ 'x-telegram-bot-api-secret-token': SECRET }), app);
    expect(group.accountId).toBe(String(emu.channel.id));
    expect(group.items[0]).toMatchObject({ kind: 'comment', postExternalId: '17', text: 'Nice', author: { handle: '@eve' } });
  });
});
