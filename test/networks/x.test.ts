/**
 * X through Varde against the X emulator: OAuth with PKCE, every content kind (text + link + poll,
 * images with alt text, chunked video with processing, threads), refusal before any call, token
 * renewal, waiting out a 429, reconciling a post whose answer was lost, X's own refusals; then
 * read-back, webhooks and metrics through the provider.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xProvider } from '../../src/providers/x/x.provider.js';
import { createTestApp, freePort, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { connectOneChannel } from '../support/oauth-dance.js';
import { connectedChannelContext } from '../support/provider-context.js';
import { publishNow } from '../support/publish.js';
import { accountActivityDelivery } from '../emulators/x/fixtures.js';
import { makeMp4 } from '../support/mp4.js';
import { startXEmulator, type XEmulator } from '../emulators/x/x.emulator.js';

const CONSUMER_SECRET = 'consumer-secret';
const ME = '1001';

describe('X', () => {
  let x: XEmulator;
  let app: TestApp;
  let user: TestUser;
  let channelId: string;
  let n = 0;
  const unique = (s: string) => `${s} #${++n}-${Date.now() % 100000}`;

  beforeAll(async () => {
    const port = await freePort();
    x = await startXEmulator({ clientId: 'x-client', clientSecret: 'x-secret', redirectUri: `http://127.0.0.1:${port}/api/v1/oauth/callback/x` });
    app = await createTestApp({
      providers: [xProvider],
      config: { port },
      env: {
        VARDE_X_CLIENT_ID: 'x-client', VARDE_X_CLIENT_SECRET: 'x-secret', VARDE_X_CONSUMER_SECRET: CONSUMER_SECRET,
        VARDE_X_API_URL: x.url, VARDE_X_AUTH_URL: x.url, VARDE_X_TIMEOUT_MS: '1500', VARDE_RETRY_BASE_MS: '100',
      },
    });
    user = await app.signUp();
    const { channel, authorizeUrl } = await connectOneChannel(app, user, 'x');
    const scopes = new URL(authorizeUrl).searchParams.get('scope')!.split(' ');
    expect(scopes).toEqual(expect.arrayContaining(['tweet.write', 'media.write', 'offline.access', 'users.read']));
    channelId = channel.id;
  });

  afterAll(async () => {
    await app?.close();
    await x?.close();
  });

  const publish = async (body: Record<string, unknown>, options?: Record<string, unknown>) =>
    (await publishNow(app, user, channelId, body, options ? { options } : {}, { timeoutMs: 25_000 })).deliveries[0];

  /** A ProviderContext on the connected channel's real (decrypted) credentials. */
  const channelContext = () => connectedChannelContext(app, channelId);

  it('connects the signed-in account with its tokens encrypted and their expiry', async () => {
    const [row] = await app.db.db.query<any>(`SELECT external_id, handle, credentials, token_expires_at FROM channels WHERE id = $1`, [channelId]);
    expect(row).toMatchObject({ external_id: ME, handle: 'varde_hq' });
    expect(row.credentials).not.toContain('at_');
    expect(new Date(row.token_expires_at).getTime()).toBeGreaterThan(Date.now() + 3600_000);
    expect(x.authority.tokenRequests.filter((r) => r.grantType === 'authorization_code')).toHaveLength(1);
  });

  it('publishes text with the attached link, a poll and who may reply', async () => {
    const text = unique('Launch day');
    const d = await publish({ text, link: 'https://example.com/launch' }, { pollOptions: 'Yes|No|Maybe', pollMinutes: 60, replySettings: 'following' });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const t = x.state.tweets.get(d.externalId)!;
    expect(t.text).toBe(`${text}\n\nhttps://example.com/launch`);
    expect(t.poll).toEqual({ options: ['Yes', 'No', 'Maybe'], duration_minutes: 60 });
    expect(t.reply_settings).toBe('following');
    expect(d.url).toBe(`https://x.com/varde_hq/status/${d.externalId}`);
  });

  it('refuses a bad option with a clear message, before posting', async () => {
    const before = x.emu.callsTo('POST', '/2/tweets').length;
    const d = await publish({ text: unique('Poll') }, { pollOptions: 'only one' });
    expect(d.state).toBe('failed');
    expect(d.error.message).toMatch(/pollOptions must hold 2 to 4 choices/);
    expect(x.emu.callsTo('POST', '/2/tweets').length).toBe(before);
  });

  it('publishes several images with alt text through the chunked upload', async () => {
    const a = await uploadPng(app, user, { width: 10, height: 10 });
    const b = await uploadPng(app, user, { width: 12, height: 8 });
    const d = await publish({ text: unique('Two pictures'), media: [{ mediaId: a, alt: 'A lighthouse' }, { mediaId: b, alt: 'A beacon' }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const t = x.state.tweets.get(d.externalId)!;
    expect(t.media_ids).toHaveLength(2);
    const media = t.media_ids.map((id) => x.state.media.get(id)!);
    expect(media.map((m) => [m.category, m.alt, m.state])).toEqual([['tweet_image', 'A lighthouse', 'succeeded'], ['tweet_image', 'A beacon', 'succeeded']]);
  });

  it('publishes a video in several chunks and waits for X to process it', async () => {
    const mp4 = makeMp4({ seconds: 12, padBytes: 9 * 1024 * 1024 });
    const up = await app.api('POST', `${user.ws}/media?filename=clip.mp4`, Buffer.from(mp4), user.token, { 'content-type': 'video/mp4' });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const appendsBefore = x.emu.requests.filter((r) => r.path.endsWith('/append')).length;
    const d = await publish({ text: unique('Watch this'), media: [{ mediaId: up.body.id }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const m = x.state.media.get(x.state.tweets.get(d.externalId)!.media_ids[0])!;
    expect(m).toMatchObject({ category: 'tweet_video', state: 'succeeded', total_bytes: mp4.length });
    expect(m.segments.size).toBe(3);
    expect(Buffer.concat([...m.segments.entries()].sort(([i], [j]) => i - j).map(([, b]) => b)).equals(Buffer.from(mp4))).toBe(true);
    expect(x.emu.requests.filter((r) => r.path.endsWith('/append')).length - appendsBefore).toBe(3);
    expect(x.emu.callsTo('GET', '/2/media/upload').length).toBeGreaterThanOrEqual(2);
  });

  it('fails a video X cannot process with X’s reason', async () => {
    const up = await app.api('POST', `${user.ws}/media?filename=bad.mp4`, Buffer.from(makeMp4({ seconds: 3 })), user.token, { 'content-type': 'video/mp4' });
    x.state.failNextProcessing = 'Unsupported video codec';
    const d = await publish({ text: unique('Broken video'), media: [{ mediaId: up.body.id }] });
    expect(d.state).toBe('failed');
    expect(d.error.message).toContain('Unsupported video codec');
  });

  it('publishes a thread as a chain of replies', async () => {
    const first = unique('Thread 1/3');
    const d = await publish({ text: first, followups: [{ text: 'Thread 2/3' + first.slice(-8), media: [] }, { text: 'Thread 3/3' + first.slice(-8), media: [] }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const root = x.state.tweets.get(d.externalId)!;
    const second = [...x.state.tweets.values()].find((t) => t.referenced_tweets?.[0]?.id === root.id)!;
    const third = [...x.state.tweets.values()].find((t) => t.referenced_tweets?.[0]?.id === second.id)!;
    expect(second.text.startsWith('Thread 2/3')).toBe(true);
    expect(third.text.startsWith('Thread 3/3')).toBe(true);
    expect(third.conversation_id).toBe(root.id);
  });

  it('refuses over-limit content before any call to X', async () => {
    const before = x.emu.writes().length;
    const text = '界'.repeat(141); // 282 weighted units
    const check = await app.api('POST', `${user.ws}/posts/check`, { text, targets: [{ channelId }] }, user.token);
    expect(check.status).toBe(200);
    expect(check.body.ok).toBe(false);
    expect(check.body.targets[0].problems[0]).toMatchObject({ code: 'text.too_long', params: { count: 282, limit: 280 } });
    const post = await app.api('POST', `${user.ws}/posts`, { text, targets: [{ channelId }], schedule: { mode: 'now' } }, user.token);
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(x.emu.writes().length).toBe(before);
  });

  it('renews an expired token once and publishes', async () => {
    x.authority.expire();
    const refreshes = x.authority.tokenRequests.filter((r) => r.grantType === 'refresh_token').length;
    const d = await publish({ text: unique('After renewal') });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    expect(x.authority.tokenRequests.filter((r) => r.grantType === 'refresh_token').length).toBe(refreshes + 1);
    // The rotated refresh token was stored: a second renewal works too.
    x.authority.expire();
    expect((await publish({ text: unique('Second renewal') })).state).toBe('published');
  });

  it('waits for the rate-limit reset before calling again', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 2;
    x.exhaustPostLimit(ME, reset);
    const before = x.emu.callsTo('POST', '/2/tweets').length;
    const d = await publish({ text: unique('Patience') });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const calls = x.emu.callsTo('POST', '/2/tweets').slice(before);
    expect(calls[0].status).toBe(429);
    expect(calls.slice(1).every((c) => c.at >= reset * 1000)).toBe(true);
    expect(d.attempts[0]).toMatchObject({ outcome: 'retry', errorKind: 'rate_limited' });
  });

  it('reconciles a post X accepted but never answered, without posting it twice', async () => {
    const text = unique('Did it go out?');
    x.emu.fault({ method: 'POST', path: '/2/tweets' }, { acceptThenHang: true });
    const d = await publish({ text });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    expect(d.attempts.map((a: any) => a.outcome)).toEqual(['unknown', 'reconciled']);
    expect(x.tweetsBy(ME).filter((t) => t.text === text)).toHaveLength(1);
  });

  it('publishes once after a lost request that never reached X', async () => {
    const text = unique('Dropped');
    x.emu.fault({ method: 'POST', path: '/2/tweets' }, { dropBeforeHandling: true });
    const d = await publish({ text });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    expect(d.attempts[0].outcome).toBe('unknown');
    expect(x.tweetsBy(ME).filter((t) => t.text === text)).toHaveLength(1);
  });

  it('reports X’s duplicate-content refusal when the same text was posted before', async () => {
    const text = unique('Said it before');
    x.postAs(ME, text, { createdAt: new Date(Date.now() - 3600_000) });
    const d = await publish({ text });
    expect(d.state).toBe('failed');
    expect(d.error.networkMessage).toMatch(/duplicate content/);
  });

  it('explains an access-tier refusal', async () => {
    x.emu.fault({ method: 'POST', path: '/2/tweets' }, { status: 403, json: { title: 'Client Forbidden', detail: 'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.', reason: 'client-not-enrolled', type: 'https://api.twitter.com/2/problems/client-forbidden' } });
    const d = await publish({ text: unique('Tier') });
    expect(d.state).toBe('failed');
    expect(d.error.message).toMatch(/access level/);
  });

  it('reads mentions, replies, quotes and messages, then replies, hides and likes', async () => {
    const ctx = await channelContext();
    const mine = x.tweetsBy(ME)[0];
    const first = await xProvider.listInbox(ctx, {});
    const reply = x.postAs('2001', '@varde_hq love it', { replyTo: mine.id });
    const mention = x.postAs('2001', 'Have you seen @varde_hq?');
    const quote = x.postAs('2001', 'Look', { quote: mine.id });
    const dm = x.dm('2001', ME, 'Hello in private');
    const page = await xProvider.listInbox(ctx, { cursor: first.cursor });
    const byId = Object.fromEntries(page.items.map((i) => [i.externalId, i]));
    expect(byId[reply.id]).toMatchObject({ kind: 'reply', parentExternalId: mine.id, conversationId: mine.conversation_id, author: { handle: 'fan_one' } });
    expect(byId[mention.id]).toMatchObject({ kind: 'mention', text: 'Have you seen @varde_hq?' });
    expect(byId[quote.id]).toMatchObject({ kind: 'quote', parentExternalId: mine.id });
    expect(byId[dm.id]).toMatchObject({ kind: 'message', conversationId: dm.dm_conversation_id, text: 'Hello in private' });
    expect((await xProvider.listInbox(ctx, { cursor: page.cursor })).items).toEqual([]);

    const answered = await xProvider.replyTo(ctx, byId[reply.id], { text: 'Thank you!', media: [] });
    expect(x.state.tweets.get(answered.externalId)).toMatchObject({ text: 'Thank you!', referenced_tweets: [{ type: 'replied_to', id: reply.id }] });
    const dmAnswer = await xProvider.replyTo(ctx, byId[dm.id], { text: 'Hi back', media: [] });
    expect(x.state.dms.find((m) => m.id === dmAnswer.externalId)).toMatchObject({ sender_id: ME, text: 'Hi back' });
    await xProvider.hideItem(ctx, byId[reply.id], true);
    expect(x.state.tweets.get(reply.id)!.hidden).toBe(true);
    await xProvider.likeItem(ctx, byId[mention.id]);
    expect(x.state.tweets.get(mention.id)!.likes.has(ME)).toBe(true);
  });

  it('answers the CRC and verifies Account Activity signatures over the raw body', () => {
    const appInfo = app.varde.ctx.providers.appFor('x');
    const crc = xProvider.webhooks.handshake!({ method: 'GET', query: { crc_token: 'challenge-123' }, headers: {}, rawBody: Buffer.alloc(0) }, appInfo)!;
    const expected = `sha256=${crypto.createHmac('sha256', CONSUMER_SECRET).update('challenge-123').digest('base64')}`;
    expect(JSON.parse(crc.body)).toEqual({ response_token: expected });

    const event = { for_user_id: ME, tweet_create_events: [{ id_str: '42', text: '@varde_hq hi', created_at: 'Wed Oct 10 20:19:24 +0000 2018', user: { id_str: '2001', screen_name: 'fan_one', name: 'Fan One' }, in_reply_to_status_id_str: null }] };
    const good = accountActivityDelivery(CONSUMER_SECRET, event);
    const req = { method: 'POST', query: {}, headers: good.headers, rawBody: good.rawBody };
    expect(xProvider.webhooks.verify(req, appInfo)).toEqual({ ok: true });
    expect(xProvider.webhooks.verify({ ...req, rawBody: Buffer.from(good.rawBody.toString().replace('hi', 'ho')) }, appInfo).ok).toBe(false);
    expect(xProvider.webhooks.verify({ ...req, headers: accountActivityDelivery('wrong-secret', event).headers }, appInfo).ok).toBe(false);
    expect(xProvider.webhooks.verify({ ...req, headers: { 'content-type': 'application/json' } }, appInfo)).toMatchObject({ ok: false, reason: expect.stringContaining('unsigned') });
    expect(xProvider.webhooks.parse(req, appInfo)).toEqual([{ accountId: ME, items: [expect.objectContaining({ externalId: '42', kind: 'mention', createdAt: '2018-10-10T20:19:24.000Z' })] }]);
  });

  it('fetches post metrics and the follower count, normalised', async () => {
    const ctx = await channelContext();
    const t = x.tweetsBy(ME).find((tw) => !tw.referenced_tweets)!;
    Object.assign(t.metrics, { impression_count: 900, retweet_count: 3, quote_count: 2, bookmark_count: 4, url_link_clicks: 7 });
    const [m] = await xProvider.fetchPostMetrics(ctx, [{ externalId: t.id, parts: [] }]);
    expect(m.metrics).toEqual({ impressions: 900, likes: t.likes.size, comments: expect.any(Number), shares: 5, saves: 4, clicks: 7 });
    expect(m.raw).toMatchObject({ retweet_count: 3, 'non_public.url_link_clicks': 7 });
    expect(await xProvider.fetchAccountMetrics(ctx)).toMatchObject({ followers: 1234, raw: { followers_count: 1234 } });
  });

  it('deletes a published thread through the API', async () => {
    const first = unique('Short-lived');
    const d = await publish({ text: first, followups: [{ text: `${first} (2)`, media: [] }] });
    const res = await app.api('POST', `${user.ws}/deliveries/${d.id}/unpublish`, undefined, user.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(x.tweetsBy(ME).filter((t) => t.text.startsWith(first))).toHaveLength(0);
  });
});
