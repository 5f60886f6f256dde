/**
 * Mastodon against its emulator, through Varde where it matters: the OAuth dance with a
 * per-server app registration (PKCE and state checked by the server), every content kind
 * published by the worker and read back from the server, content over the server's limit refused
 * before any call, a revoked token marking the channel for reconnection, the rate-limit reset
 * honoured, an accepted-then-unanswered status retried under the same Idempotency-Key without a
 * duplicate; then the inbox, replies, favourites and counts through the provider itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedHttp, type GuardedHttpClient } from '../../src/net/guarded-http.js';
import type { ProviderContext } from '../../src/providers/contract.js';
import { mastodonProvider } from '../../src/providers/mastodon/mastodon.provider.js';
import { normalizeInstance } from '../../src/providers/mastodon/oauth.js';
import { createTestApp, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { connectOneChannel, connectThroughOAuth } from '../support/oauth-dance.js';
import { contextDefaults } from '../support/provider-context.js';
import { publishNow } from '../support/publish.js';
import { startMastodonEmulator, type MastodonEmulator } from '../emulators/mastodon/index.js';
import { makeMp4 } from '../support/mp4.js';

describe('Mastodon', () => {
  let emu: MastodonEmulator;
  let app: TestApp;
  let user: TestUser;
  let channel: any;
  let http: GuardedHttpClient;

  beforeAll(async () => {
    emu = await startMastodonEmulator();
    app = await createTestApp({ providers: [mastodonProvider], env: { VARDE_MASTODON_TIMEOUT_MS: '2000', VARDE_RETRY_BASE_MS: '50' } });
    user = await app.signUp();
    ({ channel } = await connectOneChannel(app, user, 'mastodon', { instance: emu.url }));
    http = createGuardedHttp({ allowHosts: [`127.0.0.1:${emu.port}`] });
  });
  afterAll(async () => {
    http?.close();
    await app?.close();
    await emu?.close();
  });

  const publish = (body: Record<string, unknown>, target: Record<string, unknown> = {}, channelId = channel.id) => publishNow(app, user, channelId, body, target);

  const context = (overrides: Partial<ProviderContext> = {}): ProviderContext => ({
    ...contextDefaults(),
    idempotencyKey: `reply-${Math.random().toString(36).slice(2)}`,
    credentials: { accessToken: emu.authority.issue(emu.me.id, 'read write').accessToken },
    settings: { instanceUrl: emu.url, accountId: emu.me.id },
    http,
    ...overrides,
  });

  it('connects through a per-server app and OAuth with PKCE and state, keeping the server limits', async () => {
    expect(channel).toMatchObject({ network: 'mastodon', externalId: `${emu.me.id}@127.0.0.1:${emu.port}`, handle: `@varde_test@127.0.0.1:${emu.port}`, name: 'Varde Test', status: 'active' });
    expect(channel.settings).toMatchObject({ instanceUrl: emu.url, maxCharacters: 500, maxMediaAttachments: 4, defaultVisibility: 'public' });
    const [registered] = [...emu.apps.values()];
    expect(registered.redirectUris).toEqual([`${app.config.publicUrl}/api/v1/oauth/callback/mastodon`]);
    expect(registered.scopes).toContain('write:statuses');

    const again = await connectThroughOAuth(app, user, 'mastodon', { instance: emu.url });
    const url = new URL(again.authorizeUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(again.start.state);
    expect(emu.apps.size).toBe(1); // the server's app is registered once and reused
    await app.api('DELETE', `${user.ws}/channels/${again.result.channels[0].id}`, undefined, user.token);
  });

  it('refuses server names that are not https Mastodon servers', () => {
    expect(normalizeInstance('@alice@Mastodon.Social')).toBe('https://mastodon.social');
    expect(normalizeInstance('https://fosstodon.org/')).toBe('https://fosstodon.org');
    expect(() => normalizeInstance('http://mastodon.social')).toThrow(/https only/);
    expect(() => normalizeInstance('mastodon.social/@alice')).toThrow(/no path/);
  });

  it('publishes text with its link under the delivery’s idempotency key', async () => {
    const done = await publish({ text: 'Launch day', link: 'https://example.com/launch' });
    const d = done.deliveries[0];
    expect(d.state).toBe('published');
    const status = emu.publishedBy().find((s) => s.id === d.externalId)!;
    expect(status.text).toBe('Launch day\n\nhttps://example.com/launch');
    expect(status.idempotencyKey).toBe(d.idempotencyKey);
    expect(d.url).toBe(`http://127.0.0.1:${emu.port}/@varde_test/${status.id}`);
  });

  it('publishes several images with alt text, and a video once the server has processed it', async () => {
    const a = await uploadPng(app, user, { width: 20, height: 10 });
    const b = await uploadPng(app, user);
    const images = await publish({ text: 'Two pictures', media: [{ mediaId: a, alt: 'A wide one' }, { mediaId: b, alt: 'A square one' }] });
    const pics = emu.publishedBy().find((s) => s.id === images.deliveries[0].externalId)!;
    expect(pics.media.map((m) => [m.type, m.description])).toEqual([['image', 'A wide one'], ['image', 'A square one']]);

    const upload = await app.api('POST', `${user.ws}/media?filename=clip.mp4`, makeMp4(), user.token, { 'content-type': 'video/mp4' });
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    const polls = emu.callsTo('GET', '/api/v1/media/:id').length;
    const video = await publish({ text: 'A clip', media: [{ mediaId: upload.body.id, alt: 'Moving pictures' }] });
    expect(video.deliveries[0].state).toBe('published');
    const clip = emu.publishedBy().find((s) => s.id === video.deliveries[0].externalId)!;
    expect(clip.media[0]).toMatchObject({ type: 'video', mime: 'video/mp4', description: 'Moving pictures' });
    expect(emu.callsTo('GET', '/api/v1/media/:id').length).toBeGreaterThan(polls); // 202, then polled to 200
  });

  it('fails a video the server cannot process, with the server’s reason', async () => {
    const upload = await app.api('POST', `${user.ws}/media?filename=bad.mp4`, makeMp4({ padBytes: 300 }), user.token, { 'content-type': 'video/mp4' });
    emu.config.failMediaProcessing = true;
    try {
      const done = await publish({ text: 'Broken clip', media: [{ mediaId: upload.body.id, alt: 'x' }] });
      expect(done.deliveries[0]).toMatchObject({ state: 'failed', error: { kind: 'rejected' } });
      expect(done.deliveries[0].error.message).toContain('could not be processed');
    } finally {
      emu.config.failMediaProcessing = false;
    }
  });

  it('publishes a thread as a reply chain, each part with its own key', async () => {
    const done = await publish({ text: 'Thread 1/3', followups: [{ text: 'Thread 2/3' }, { text: 'Thread 3/3' }] });
    const d = done.deliveries[0];
    const [first, second, third] = ['Thread 1/3', 'Thread 2/3', 'Thread 3/3'].map((t) => emu.publishedBy().find((s) => s.text === t)!);
    expect(second.inReplyToId).toBe(first.id);
    expect(third.inReplyToId).toBe(second.id);
    expect([first.idempotencyKey, second.idempotencyKey, third.idempotencyKey]).toEqual([d.idempotencyKey, `${d.idempotencyKey}-1`, `${d.idempotencyKey}-2`]);
  });

  it('applies visibility and a content warning from the target options, and refuses unknown ones', async () => {
    const done = await publish({ text: 'Spoilers ahead' }, { options: { visibility: 'unlisted', spoilerText: 'Film ending', language: 'en' } });
    const s = emu.publishedBy().find((x) => x.id === done.deliveries[0].externalId)!;
    expect(s).toMatchObject({ visibility: 'unlisted', spoilerText: 'Film ending', language: 'en' });

    const calls = emu.callsTo('POST', '/api/v1/statuses').length;
    const bad = await publish({ text: 'Who sees this?' }, { options: { visibility: 'everyone' } });
    expect(bad.deliveries[0]).toMatchObject({ state: 'failed', error: { kind: 'rejected' } });
    expect(bad.deliveries[0].error.message).toContain('public, unlisted, private, direct');
    expect(emu.callsTo('POST', '/api/v1/statuses').length).toBe(calls);
  });

  it('refuses text over the server’s limit before any call', async () => {
    const calls = emu.writes().length;
    const body = { text: 'a'.repeat(501), targets: [{ channelId: channel.id }], schedule: { mode: 'now' } };
    const check = await app.api('POST', `${user.ws}/posts/check`, body, user.token);
    expect(check.body.ok).toBe(false);
    expect(check.body.targets[0].problems[0]).toMatchObject({ code: 'text.too_long', params: { count: 501, limit: 500 } });
    const create = await app.api('POST', `${user.ws}/posts`, body, user.token);
    expect(create.status).toBeGreaterThanOrEqual(400);
    expect(emu.writes().length).toBe(calls);
  });

  it('marks the channel for reconnection when the user revokes Varde, and reconnects it', async () => {
    const { result } = await connectThroughOAuth(app, user, 'mastodon', { instance: emu.url });
    const revokedChannel = result.channels[0];
    emu.revoke(emu.tokens.at(-1));
    const done = await publish({ text: 'After revocation' }, {}, revokedChannel.id);
    expect(done.deliveries[0]).toMatchObject({ state: 'failed', error: { kind: 'auth_expired' } });
    const shown = await app.api('GET', `${user.ws}/channels/${revokedChannel.id}`, undefined, user.token);
    expect(shown.body).toMatchObject({ status: 'needs_reconnect', statusReason: 'The access token is invalid' });

    const back = await connectThroughOAuth(app, user, 'mastodon', { instance: emu.url, reconnectChannelId: revokedChannel.id });
    expect(back.result.channels[0]).toMatchObject({ id: revokedChannel.id, status: 'active' });
    expect((await publish({ text: 'Reconnected' }, {}, revokedChannel.id)).deliveries[0].state).toBe('published');
    await app.api('DELETE', `${user.ws}/channels/${revokedChannel.id}`, undefined, user.token);
  });

  it('waits for the rate-limit reset before calling again', async () => {
    const reset = new Date(Date.now() + 1500);
    emu.fault({ method: 'POST', path: '/api/v1/statuses' }, { status: 429, json: { error: 'Too many requests' }, headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset.toISOString() } });
    const before = emu.callsTo('POST', '/api/v1/statuses').length;
    const done = await publish({ text: 'Patience' });
    expect(done.deliveries[0].state).toBe('published');
    const [throttled, retried] = emu.callsTo('POST', '/api/v1/statuses').slice(before);
    expect(throttled.status).toBe(429);
    expect(retried.at).toBeGreaterThanOrEqual(reset.getTime());
    expect(done.deliveries[0].attempts[0]).toMatchObject({ errorKind: 'rate_limited' });
  });

  it('retries a status that was accepted but never answered under the same key: no duplicate', async () => {
    emu.fault({ method: 'POST', path: '/api/v1/statuses' }, { acceptThenHang: true });
    const done = await publish({ text: 'Exactly once, please' });
    const d = done.deliveries[0];
    expect(d.state).toBe('published');
    expect(d.attempts[0]).toMatchObject({ errorKind: 'unknown_outcome' });
    expect(emu.publishedBy().filter((s) => s.text === 'Exactly once, please')).toHaveLength(1);
    expect(emu.callsTo('POST', '/api/v1/statuses').filter((c) => c.status === 'hung')).toHaveLength(1);
  });

  it('deletes a published thread through the API', async () => {
    const done = await publish({ text: 'Short-lived', followups: [{ text: 'Also short-lived' }] });
    const res = await app.api('POST', `${user.ws}/deliveries/${done.deliveries[0].id}/unpublish`, undefined, user.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(emu.publishedBy().filter((s) => s.text.includes('hort-lived'))).toHaveLength(0);
  });

  it('reads mentions, replies and direct messages, and replies in the thread', async () => {
    const ctx = context();
    const mine = await mastodonProvider.publish({ ...ctx, idempotencyKey: `inbox-${Date.now()}` }, { parts: [{ text: 'Ask me anything', media: [] }], meta: { postId: 'p', deliveryId: 'd', dueAt: null } });
    const first = await mastodonProvider.listInbox(ctx, {});
    emu.mention({ from: 'alice', text: '@varde_test hello there' });
    emu.mention({ from: 'bob', text: '@varde_test great post', inReplyToId: mine.externalId });
    emu.mention({ from: 'carol', text: '@varde_test psst', visibility: 'direct' });
    const page = await mastodonProvider.listInbox(ctx, { cursor: first.cursor });
    expect(page.items.map((i) => [i.kind, i.author.handle, i.text])).toEqual([
      ['mention', `@alice@127.0.0.1:${emu.port}`, '@varde_test hello there'],
      ['reply', `@bob@127.0.0.1:${emu.port}`, '@varde_test great post'],
      ['message', `@carol@127.0.0.1:${emu.port}`, '@varde_test psst'],
    ]);
    expect(page.items[1]).toMatchObject({ postExternalId: mine.externalId, parentExternalId: mine.externalId });
    expect((await mastodonProvider.listInbox(ctx, { cursor: page.cursor })).items).toEqual([]);
    expect((await mastodonProvider.listInbox(ctx, { cursor: first.cursor, kinds: ['message'] })).items.map((i) => i.kind)).toEqual(['message']);

    const replyCtx = context({ credentials: ctx.credentials, idempotencyKey: 'reply-key-1' });
    const reply = await mastodonProvider.replyTo(replyCtx, page.items[1], { text: 'Thank you!', media: [] });
    await mastodonProvider.replyTo(replyCtx, page.items[1], { text: 'Thank you!', media: [] }); // a retry: same key
    const sent = emu.publishedBy().filter((s) => s.inReplyToId === page.items[1].externalId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id: reply.externalId, text: `@bob@127.0.0.1:${emu.port} Thank you!` });
    const dm = await mastodonProvider.replyTo(context({ credentials: ctx.credentials }), page.items[2], { text: 'Hi Carol', media: [] });
    expect(emu.statuses.find((s) => s.id === dm.externalId)!.visibility).toBe('direct');

    await mastodonProvider.likeItem(ctx, page.items[0]);
    expect(emu.statuses.find((s) => s.id === page.items[0].externalId)!.favouritedBy.has(emu.me.id)).toBe(true);
  });

  it('measures favourites, boosts and replies per post, and followers', async () => {
    const ctx = context();
    const post = await mastodonProvider.publish({ ...ctx, idempotencyKey: `metrics-${Date.now()}` }, { parts: [{ text: 'Count me', media: [] }], meta: { postId: 'p', deliveryId: 'd', dueAt: null } });
    const s = emu.statuses.find((x) => x.id === post.externalId)!;
    s.favouritedBy.add('9').add('10');
    s.reblogs = 3;
    emu.mention({ from: 'dave', text: '@varde_test nice', inReplyToId: s.id });
    const [m] = await mastodonProvider.fetchPostMetrics(ctx, [post]);
    expect(m.metrics).toEqual({ impressions: null, likes: 2, comments: 1, shares: 3, saves: null, clicks: null });
    expect(m.raw).toMatchObject({ favourites_count: 2, reblogs_count: 3, replies_count: 1 });
    expect(await mastodonProvider.fetchAccountMetrics(ctx)).toMatchObject({ followers: 42, raw: { followers_count: 42 } });
  });

  it('offers no webhooks, hiding or deleting others’ replies: Mastodon has none for apps', () => {
    const p = mastodonProvider as Record<string, unknown>;
    expect(p.webhooks).toBeUndefined();
    expect(p.hideItem).toBeUndefined();
    expect(p.deleteItem).toBeUndefined();
  });
});
