/**
 * Discord against its emulator, through Varde where it matters: connect with a webhook URL, a bot
 * token, or OAuth (`webhook.incoming`, PKCE and state checked); text, links, images with alt text,
 * threads and forum posts sent by the worker and read back; over-long text refused before any call;
 * a deleted webhook marking the channel for reconnection; `retry_after` honoured; a bot message
 * accepted but never answered found among the channel's messages (no duplicate), a webhook one
 * handed to a person. Then replies and mentions, reply/react/delete and counts through the provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedHttp, type GuardedHttpClient } from '../../src/net/guarded-http.js';
import type { ProviderContext } from '../../src/providers/contract.js';
import { discordProvider } from '../../src/providers/discord/discord.provider.js';
import { createTestApp, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { connectThroughOAuth } from '../support/oauth-dance.js';
import { contextDefaults, testNetworkApp } from '../support/provider-context.js';
import { publishNow } from '../support/publish.js';
import { startDiscordEmulator, type DiscordEmulator } from '../emulators/discord/index.js';

describe('Discord', () => {
  let emu: DiscordEmulator;
  let app: TestApp;
  let user: TestUser;
  let hookChannel: any;
  let botChannel: any;
  let http: GuardedHttpClient;

  beforeAll(async () => {
    emu = await startDiscordEmulator({ clientId: 'discord-client', clientSecret: 'discord-secret' });
    emu.config.messagesPerWindow = 100; // the throttle itself is exercised by a fault below
    app = await createTestApp({
      providers: [discordProvider],
      env: {
        VARDE_DISCORD_API_URL: `${emu.url}/api/v10`, VARDE_DISCORD_WEB_URL: emu.url, VARDE_DISCORD_CLIENT_ID: 'discord-client',
        VARDE_DISCORD_CLIENT_SECRET: 'discord-secret', VARDE_DISCORD_TIMEOUT_MS: '2000', VARDE_RETRY_BASE_MS: '50',
      },
    });
    emu.allowRedirect(`${app.config.publicUrl}/api/v1/oauth/callback/discord`);
    user = await app.signUp();
    hookChannel = await connect({ webhookUrl: emu.webhookUrl() });
    botChannel = await connect({ botToken: emu.bot.token, channelId: emu.text.id });
    http = createGuardedHttp({ allowHosts: [`127.0.0.1:${emu.port}`] });
  });
  afterAll(async () => {
    http?.close();
    await app?.close();
    await emu?.close();
  });

  async function connect(fields: Record<string, unknown>) {
    const res = await app.api('POST', `${user.ws}/channels`, { network: 'discord', ...fields }, user.token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  const publish = (channelId: string, body: Record<string, unknown>, target: Record<string, unknown> = {}) => publishNow(app, user, channelId, body, target);

  const last = (channelId = emu.text.id) => emu.messagesIn(channelId).at(-1)!;

  const botContext = (): ProviderContext => ({
    ...contextDefaults(),
    app: testNetworkApp({ urls: { api: `${emu.url}/api/v10` } }),
    idempotencyKey: `k${Math.random().toString(36).slice(2, 10)}`,
    credentials: { botToken: emu.bot.token },
    settings: { mode: 'bot', channelId: emu.text.id, guildId: emu.guild.id, botId: emu.bot.id },
    http,
  });

  it('connects a webhook URL and a bot, keeping tokens secret; refuses what cannot post', async () => {
    expect(hookChannel).toMatchObject({ network: 'discord', externalId: emu.text.id, name: 'Varde announcements', settings: { mode: 'webhook', channelId: emu.text.id } });
    expect(botChannel).toMatchObject({ externalId: emu.text.id, handle: '#announcements', settings: { mode: 'bot', botUsername: 'VardeBot' } });
    expect(JSON.stringify([hookChannel, botChannel])).not.toContain(emu.webhook.token);
    expect(JSON.stringify(botChannel)).not.toContain(emu.bot.token);

    const badUrl = await app.api('POST', `${user.ws}/channels`, { network: 'discord', webhookUrl: 'https://example.com/hook' }, user.token);
    expect(badUrl.status).toBe(422);
    expect(badUrl.body.error.message).toContain('Integrations → Webhooks');
    const gone = await app.api('POST', `${user.ws}/channels`, { network: 'discord', webhookUrl: `https://discord.com/api/webhooks/${emu.webhook.id}/${'x'.repeat(40)}` }, user.token);
    expect(gone.body.error.message).toContain('Unknown Webhook');
    const hidden = await app.api('POST', `${user.ws}/channels`, { network: 'discord', botToken: emu.bot.token, channelId: emu.forum.id }, user.token);
    expect(hidden.body.error.message).toContain('Missing Access');
  });

  it('connects through OAuth: Discord creates the webhook in the channel the user picks', async () => {
    const { result, authorizeUrl } = await connectThroughOAuth(app, user, 'discord');
    const url = new URL(authorizeUrl);
    expect(url.searchParams.get('scope')).toBe('webhook.incoming');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(result.status, JSON.stringify(result)).toBe('done');
    const channel = result.channels[0];
    expect(channel).toMatchObject({ externalId: emu.text.id, settings: { mode: 'webhook' } });
    const done = await publish(channel.id, { text: 'Via OAuth webhook' });
    expect(done.deliveries[0].state).toBe('published');
    expect(last()).toMatchObject({ content: 'Via OAuth webhook', webhook_id: expect.any(String) });
    await app.api('DELETE', `${user.ws}/channels/${channel.id}`, undefined, user.token);
  });

  it('posts text with its link through the webhook, under the name chosen for the target', async () => {
    const done = await publish(hookChannel.id, { text: 'Release notes', link: 'https://example.com/notes' }, { options: { username: 'Varde Releases', silent: true } });
    const d = done.deliveries[0];
    expect(d.state).toBe('published');
    expect(last()).toMatchObject({ id: d.externalId, content: 'Release notes\nhttps://example.com/notes', webhook_id: emu.webhook.id, flags: 4096, author: { username: 'Varde Releases' } });
    expect(d.url).toBe(`https://discord.com/channels/${emu.guild.id}/${emu.text.id}/${d.externalId}`);
  });

  it('posts images with alt text and a thread as replies, as the bot with nonces', async () => {
    const a = await uploadPng(app, user);
    const b = await uploadPng(app, user, { width: 12, height: 12 });
    const done = await publish(botChannel.id, { text: 'Screenshots', media: [{ mediaId: a, alt: 'Calendar view' }, { mediaId: b, alt: 'Inbox' }], followups: [{ text: 'And more' }] });
    const d = done.deliveries[0];
    const [first, second] = emu.messagesIn(emu.text.id).slice(-2);
    expect(first.attachments.map((x) => x.description)).toEqual(['Calendar view', 'Inbox']);
    expect(first).toMatchObject({ content: 'Screenshots', nonce: `${d.idempotencyKey}-0`, sentWith: { enforce_nonce: true } });
    expect(second).toMatchObject({ content: 'And more', nonce: `${d.idempotencyKey}-1`, message_reference: { message_id: first.id } });
  });

  it('opens a forum post with the thread name and puts the follow-ups inside it', async () => {
    const forum = await connect({ webhookUrl: emu.webhookUrl(emu.forumWebhook) });
    const done = await publish(forum.id, { text: 'v1.2 is out', followups: [{ text: 'Changelog inside' }] }, { options: { threadName: 'Varde 1.2' } });
    expect(done.deliveries[0].state).toBe('published');
    const threadId = (done.deliveries[0].url as string).split('/').at(-2)!; // …/channels/<guild>/<thread>/<message>
    expect(threadId).not.toBe(emu.forum.id);
    expect(emu.messagesIn(threadId).map((m) => m.content)).toEqual(['v1.2 is out', 'Changelog inside']);
    const missing = await publish(forum.id, { text: 'No thread name' });
    expect(missing.deliveries[0]).toMatchObject({ state: 'failed', error: { kind: 'rejected' } });
    expect(missing.deliveries[0].error.message).toContain('thread_name');
  });

  it('refuses text over 2,000 characters and bot-only misuse of webhook options before any call', async () => {
    const calls = emu.writes().length;
    const body = { text: 'x'.repeat(2001), targets: [{ channelId: botChannel.id }], schedule: { mode: 'now' } };
    const check = await app.api('POST', `${user.ws}/posts/check`, body, user.token);
    expect(check.body.targets[0].problems[0]).toMatchObject({ code: 'text.too_long', params: { count: 2001, limit: 2000 } });
    expect((await app.api('POST', `${user.ws}/posts`, body, user.token)).status).toBeGreaterThanOrEqual(400);
    expect(emu.writes().length).toBe(calls);
    const done = await publish(botChannel.id, { text: 'Who am I?' }, { options: { username: 'Someone else' } });
    expect(done.deliveries[0].error.message).toContain('only work on a channel connected with a webhook');
    expect(emu.writes().length).toBe(calls);
  });

  it('waits for retry_after before posting again', async () => {
    emu.fault({ method: 'POST', path: /\/webhooks\/\d+\/[\w-]+$/ }, { status: 429, json: { message: 'You are being rate limited.', retry_after: 1.5, global: false }, headers: { 'retry-after': '2', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '1.500' } });
    const before = emu.callsTo('POST', /\/webhooks\/\d+\/[\w-]+$/).length;
    const done = await publish(hookChannel.id, { text: 'Patience' });
    expect(done.deliveries[0].state).toBe('published');
    const [throttled, retried] = emu.callsTo('POST', /\/webhooks\/\d+\/[\w-]+$/).slice(before);
    expect(throttled.status).toBe(429);
    expect(retried.at - throttled.at).toBeGreaterThanOrEqual(1500);
  });

  it('finds a bot message that was accepted but never answered, and does not post it twice', async () => {
    emu.fault({ method: 'POST', path: `/api/v10/channels/${emu.text.id}/messages` }, { acceptThenHang: true });
    const done = await publish(botChannel.id, { text: 'Exactly once, please', followups: [{ text: 'Second part' }] });
    const d = done.deliveries[0];
    expect(d.state).toBe('published');
    expect(d.attempts.map((a: any) => a.outcome)).toEqual(['unknown', 'published']);
    expect(emu.messagesIn(emu.text.id).filter((m) => m.content === 'Exactly once, please')).toHaveLength(1);
    expect(emu.messagesIn(emu.text.id).filter((m) => m.content === 'Second part')).toHaveLength(1);
  });

  it('hands a webhook message accepted but never answered to a person', async () => {
    emu.fault({ method: 'POST', path: /\/webhooks\/\d+\/[\w-]+$/ }, { acceptThenHang: true });
    const done = await publish(hookChannel.id, { text: 'Did the webhook post it?' });
    expect(done.deliveries[0]).toMatchObject({ state: 'needs_attention', error: { kind: 'unknown_outcome' } });
    expect(emu.messagesIn(emu.text.id).filter((m) => m.content === 'Did the webhook post it?')).toHaveLength(1);
  });

  it('marks a channel for reconnection when its webhook is deleted in Discord', async () => {
    const { result } = await connectThroughOAuth(app, user, 'discord');
    const channel = result.channels[0];
    const hookId = (await app.varde.ctx.db.query<{ credentials: string }>(`SELECT credentials FROM channels WHERE id = $1`, [channel.id])).map((r) => app.varde.ctx.secrets.decrypt<{ webhookId: string }>(r.credentials).webhookId)[0];
    emu.deleteWebhook(hookId);
    const done = await publish(channel.id, { text: 'Into the void' });
    expect(done.deliveries[0]).toMatchObject({ state: 'failed', error: { kind: 'auth_expired' } });
    const shown = await app.api('GET', `${user.ws}/channels/${channel.id}`, undefined, user.token);
    expect(shown.body).toMatchObject({ status: 'needs_reconnect', statusReason: 'Unknown Webhook' });
  });

  it('deletes a published thread through the API', async () => {
    const done = await publish(hookChannel.id, { text: 'Short-lived', followups: [{ text: 'Also short-lived' }] });
    const res = await app.api('POST', `${user.ws}/deliveries/${done.deliveries[0].id}/unpublish`, undefined, user.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(emu.messagesIn(emu.text.id).filter((m) => m.content.includes('hort-lived'))).toHaveLength(0);
  });

  it('reads replies and mentions as the bot, and replies, reacts and deletes', async () => {
    const ctx = botContext();
    const start = await discordProvider.listInbox(ctx, {});
    const post = await discordProvider.publish(ctx, { parts: [{ text: 'Questions welcome', media: [] }], meta: { postId: 'p', deliveryId: 'd', dueAt: null } });
    emu.personWrites(emu.text.id, 'I have one', { replyTo: post.externalId, name: 'alice' });
    emu.personWrites(emu.text.id, 'what do you think?', { mentionBot: true, name: 'bob' });
    emu.personWrites(emu.text.id, 'unrelated chatter', { name: 'carol' });
    const page = await discordProvider.listInbox(ctx, { cursor: start.cursor });
    expect(page.items.map((i) => [i.kind, i.author.handle])).toEqual([['reply', 'alice'], ['mention', 'bob']]);
    expect(page.items[0]).toMatchObject({ postExternalId: post.externalId, text: 'I have one' });
    expect((await discordProvider.listInbox(ctx, { cursor: page.cursor })).items).toEqual([]);

    const reply = await discordProvider.replyTo({ ...ctx, idempotencyKey: 'reply-1' }, page.items[0], { text: 'Go ahead', media: [] });
    await discordProvider.replyTo({ ...ctx, idempotencyKey: 'reply-1' }, page.items[0], { text: 'Go ahead', media: [] }); // retried: same nonce
    expect(emu.messagesIn(emu.text.id).filter((m) => m.content === 'Go ahead')).toHaveLength(1);
    expect(last()).toMatchObject({ id: reply.externalId, message_reference: { message_id: page.items[0].externalId } });

    await discordProvider.likeItem(ctx, page.items[1]);
    await discordProvider.deleteItem(ctx, page.items[1]);
    expect(emu.messagesIn(emu.text.id).some((m) => m.content.endsWith('what do you think?'))).toBe(false);

    const hookCtx = { ...ctx, credentials: { webhookId: emu.webhook.id, webhookToken: emu.webhook.token }, settings: { mode: 'webhook', channelId: emu.text.id } };
    expect(await discordProvider.listInbox(hookCtx, { cursor: 'c' })).toEqual({ items: [], cursor: 'c' }); // a webhook sees nothing
    await expect(discordProvider.replyTo(hookCtx, page.items[0], { text: 'x', media: [] })).rejects.toThrow(/needs a channel connected with a bot/);
  });

  it('counts reactions per message and the server’s members', async () => {
    const ctx = botContext();
    const post = await discordProvider.publish(ctx, { parts: [{ text: 'React to me', media: [] }], meta: { postId: 'p', deliveryId: 'd', dueAt: null } });
    const item = { externalId: post.externalId, kind: 'reply' as const, conversationId: post.externalId, author: { id: 'x' }, text: '', createdAt: '' };
    await discordProvider.likeItem(ctx, item);
    const [m] = await discordProvider.fetchPostMetrics(ctx, [post]);
    expect(m.metrics).toEqual({ impressions: null, likes: 1, comments: null, shares: null, saves: null, clicks: null });
    expect(m.raw['reaction:👍']).toBe(1);
    expect(await discordProvider.fetchAccountMetrics(ctx)).toMatchObject({ followers: 321 });
  });
});
