/**
 * Reddit against its emulator, through Varde where it matters: the OAuth dance (state, permanent
 * duration, Basic client auth), text, link, image, gallery and video posts with a first comment
 * made by the worker and read back; a missing or over-long title refused before any call; an
 * expired token refreshed; a revoked login marking the channel for reconnection; RATELIMIT inside
 * a 200 and 429 honoured; a submit accepted but never answered found in the user's submissions (no
 * duplicate); ALREADY_SUB explained. Then the inbox, replies, moderation, votes and counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedHttp, type GuardedHttpClient } from '../../src/net/guarded-http.js';
import type { ProviderContext } from '../../src/providers/contract.js';
import { redditProvider } from '../../src/providers/reddit/reddit.provider.js';
import { createTestApp, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { connectOneChannel, connectThroughOAuth } from '../support/oauth-dance.js';
import { contextDefaults, testNetworkApp } from '../support/provider-context.js';
import { publishNow } from '../support/publish.js';
import { makeMp4 } from '../support/mp4.js';
import { startRedditEmulator, type RedditEmulator } from '../emulators/reddit/index.js';

describe('Reddit', () => {
  let emu: RedditEmulator;
  let app: TestApp;
  let user: TestUser;
  let channel: any;
  let http: GuardedHttpClient;

  beforeAll(async () => {
    emu = await startRedditEmulator({ clientId: 'reddit-client', clientSecret: 'reddit-secret' });
    app = await createTestApp({
      providers: [redditProvider],
      env: {
        VARDE_REDDIT_CLIENT_ID: 'reddit-client', VARDE_REDDIT_CLIENT_SECRET: 'reddit-secret', VARDE_REDDIT_API_URL: emu.url, VARDE_REDDIT_WWW_URL: emu.url,
        VARDE_REDDIT_USERNAME: 'varde_ops', VARDE_REDDIT_TIMEOUT_MS: '2000', VARDE_RETRY_BASE_MS: '50',
      },
    });
    emu.allowRedirect(`${app.config.publicUrl}/api/v1/oauth/callback/reddit`);
    user = await app.signUp();
    ({ channel } = await connectOneChannel(app, user, 'reddit'));
    http = createGuardedHttp({ allowHosts: [`127.0.0.1:${emu.port}`] });
  });
  afterAll(async () => {
    http?.close();
    await app?.close();
    await emu?.close();
  });

  const publish = (body: Record<string, unknown>, target: Record<string, unknown> = {}, channelId = channel.id) => publishNow(app, user, channelId, body, target, { timeoutMs: 25_000 });

  const credentialsOf = async (channelId: string) => {
    const [row] = await app.varde.ctx.db.query<{ credentials: string }>(`SELECT credentials FROM channels WHERE id = $1`, [channelId]);
    return app.varde.ctx.secrets.decrypt<{ accessToken: string; refreshToken: string }>(row.credentials);
  };

  const context = (): ProviderContext => ({
    ...contextDefaults(),
    app: testNetworkApp({ urls: { api: emu.url, www: emu.url }, values: { USER_AGENT: 'test:varde:1 (by /u/varde_ops)' } }),
    idempotencyKey: 'k',
    credentials: { accessToken: emu.authority.issue(emu.me.name, 'identity submit read edit history privatemessages vote modposts').accessToken },
    settings: { username: emu.me.name, defaultSubreddit: `u_${emu.me.name}` },
    http,
  });

  it('connects through OAuth for a permanent, refreshable login with Basic client auth', async () => {
    expect(channel).toMatchObject({ network: 'reddit', externalId: `t2_${emu.me.id}`, handle: 'u/varde_tester', settings: { username: 'varde_tester', defaultSubreddit: 'u_varde_tester' } });
    const again = await connectThroughOAuth(app, user, 'reddit');
    const url = new URL(again.authorizeUrl);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ duration: 'permanent', response_type: 'code', state: again.start.state, scope: 'identity submit read edit history privatemessages vote modposts' });
    expect(url.searchParams.has('code_challenge')).toBe(false); // Reddit has no PKCE
    const [row] = await app.varde.ctx.db.query<{ token_expires_at: Date }>(`SELECT token_expires_at FROM channels WHERE id = $1`, [channel.id]);
    expect(new Date(row.token_expires_at).getTime()).toBeGreaterThan(Date.now() + 3000_000);
    expect(emu.userAgents.every((ua) => ua.includes('by /u/varde_ops'))).toBe(true);
    await app.api('DELETE', `${user.ws}/channels/${again.result.channels[0].id}`, undefined, user.token);
  });

  it('posts text to the chosen subreddit with flair, and the first comment', async () => {
    const done = await publish({ title: 'Varde 1.0 is out', text: 'Self-hosted **scheduling**.' }, { options: { subreddit: 'r/typescript', flairText: 'Show-off', firstComment: 'Source: github.com/varde' } });
    const d = done.deliveries[0];
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const post = emu.postsBy().find((p) => p.name === d.externalId)!;
    expect(post).toMatchObject({ subreddit: 'typescript', kind: 'self', title: 'Varde 1.0 is out', selftext: 'Self-hosted **scheduling**.', flairText: 'Show-off' });
    expect(emu.comments.find((c) => c.linkId === post.name)).toMatchObject({ author: 'varde_tester', body: 'Source: github.com/varde' });
    expect(d.url).toMatch(/^https:\/\/www\.reddit\.com\/r\/typescript\/comments\//);
  });

  it('posts a link with body text to the user’s profile by default', async () => {
    const done = await publish({ title: 'Read the launch post', text: 'Why we built it', link: 'https://example.com/launch' });
    const post = emu.postsBy().find((p) => p.name === done.deliveries[0].externalId)!;
    expect(post).toMatchObject({ subreddit: 'u_varde_tester', kind: 'link', url: 'https://example.com/launch', selftext: 'Why we built it' });
  });

  it('posts an image, a gallery with captions and a video, waiting for Reddit to process the media', async () => {
    const a = await uploadPng(app, user);
    const image = await publish({ title: 'One picture', media: [{ mediaId: a, alt: 'Calendar' }] }, { options: { subreddit: 'pics' } });
    expect(image.deliveries[0].state, JSON.stringify(image.deliveries[0].error)).toBe('published');
    expect(emu.postsBy().find((p) => p.name === image.deliveries[0].externalId)).toMatchObject({ kind: 'image', subreddit: 'pics', media: [expect.objectContaining({ mime: 'image/png' })] });

    const b = await uploadPng(app, user, { width: 12, height: 9 });
    const gallery = await publish({ title: 'Two pictures', media: [{ mediaId: a, alt: 'Calendar' }, { mediaId: b, alt: 'Inbox' }] }, { options: { subreddit: 'pics' } });
    expect(emu.postsBy().find((p) => p.name === gallery.deliveries[0].externalId)!.media.map((m) => m.caption)).toEqual(['Calendar', 'Inbox']);

    const upload = await app.api('POST', `${user.ws}/media?filename=clip.mp4`, makeMp4(), user.token, { 'content-type': 'video/mp4' });
    const video = await publish({ title: 'A clip', media: [{ mediaId: upload.body.id }] }, { options: { subreddit: 'typescript' } });
    const clip = emu.postsBy().find((p) => p.name === video.deliveries[0].externalId)!;
    expect(clip).toMatchObject({ kind: 'video', media: [expect.objectContaining({ mime: 'video/mp4' })], posterUrl: expect.stringContaining('/s3/') });
  });

  it('refuses a missing or over-long title before any call', async () => {
    const calls = emu.writes().length;
    const base = { text: 'No title', targets: [{ channelId: channel.id }], schedule: { mode: 'now' } };
    const check = await app.api('POST', `${user.ws}/posts/check`, base, user.token);
    expect(check.body.targets[0].problems[0]).toMatchObject({ code: 'title.required' });
    const long = await app.api('POST', `${user.ws}/posts/check`, { ...base, title: 't'.repeat(301) }, user.token);
    expect(long.body.targets[0].problems[0]).toMatchObject({ code: 'title.too_long' });
    expect((await app.api('POST', `${user.ws}/posts`, base, user.token)).status).toBeGreaterThanOrEqual(400);
    expect(emu.writes().length).toBe(calls);
  });

  it('fails with Reddit’s own reason when a subreddit refuses the post', async () => {
    const noSelfs = await publish({ title: 'Text in a pictures sub', text: 'words' }, { options: { subreddit: 'pics' } });
    expect(noSelfs.deliveries[0]).toMatchObject({ state: 'failed', error: { kind: 'rejected', networkMessage: "This community doesn't allow text posts." } });
    const flair = await publish({ title: 'Needs flair', text: 'x' }, { options: { subreddit: 'flairy' } });
    expect(flair.deliveries[0].error.networkMessage).toBe('Your post must contain post flair.');
    const typo = await publish({ title: 'Typo', text: 'x' }, { options: { subredit: 'typescript' } });
    expect(typo.deliveries[0].error.message).toContain('use subreddit, flairId');
  });

  it('refreshes an expired access token and publishes', async () => {
    const { accessToken } = await credentialsOf(channel.id);
    emu.authority.expire(accessToken);
    const refreshes = emu.authority.tokenRequests.filter((r) => r.grantType === 'refresh_token').length;
    const done = await publish({ title: 'After expiry', text: 'still here' });
    expect(done.deliveries[0].state).toBe('published');
    expect(emu.authority.tokenRequests.filter((r) => r.grantType === 'refresh_token').length).toBe(refreshes + 1);
    expect((await credentialsOf(channel.id)).accessToken).not.toBe(accessToken);
  });

  it('marks the channel for reconnection when the login is revoked', async () => {
    const { result } = await connectThroughOAuth(app, user, 'reddit');
    const other = result.channels[0];
    const creds = await credentialsOf(other.id);
    emu.revokeRefreshToken(creds.refreshToken);
    emu.authority.expire(creds.accessToken);
    const done = await publish({ title: 'Revoked', text: 'x' }, {}, other.id);
    expect(done.deliveries[0]).toMatchObject({ state: 'failed', error: { kind: 'auth_expired' } });
    const shown = await app.api('GET', `${user.ws}/channels/${other.id}`, undefined, user.token);
    expect(shown.body.status).toBe('needs_reconnect');
    expect(shown.body.statusReason).toContain('invalid_grant');
  });

  it('waits out RATELIMIT inside a 200 answer, and a 429 until X-Ratelimit-Reset', async () => {
    emu.fault({ method: 'POST', path: '/api/submit' }, { status: 200, json: { json: { errors: [['RATELIMIT', "Looks like you've been doing that a lot. Take a break for 2 seconds before trying again.", 'ratelimit']], ratelimit: 1.5 } } });
    const before = emu.callsTo('POST', '/api/submit').length;
    const done = await publish({ title: 'Patience', text: 'x' });
    expect(done.deliveries[0].state).toBe('published');
    const [limited, retried] = emu.callsTo('POST', '/api/submit').slice(before);
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(1500);

    emu.fault({ method: 'POST', path: '/api/submit' }, { status: 429, json: { message: 'Too Many Requests', error: 429 }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '600', 'x-ratelimit-reset': '1' } });
    const before429 = emu.callsTo('POST', '/api/submit').length;
    expect((await publish({ title: 'More patience', text: 'x' })).deliveries[0].state).toBe('published');
    const [throttled, again] = emu.callsTo('POST', '/api/submit').slice(before429);
    expect(again.at - throttled.at).toBeGreaterThanOrEqual(1000);
  });

  it('finds a post whose submit was accepted but never answered, and does not post it twice', async () => {
    emu.fault({ method: 'POST', path: '/api/submit' }, { acceptThenHang: true });
    const done = await publish({ title: 'Exactly once', text: 'please' }, { options: { subreddit: 'typescript', firstComment: 'first!' } });
    const d = done.deliveries[0];
    expect(d.state).toBe('published');
    expect(d.attempts[0]).toMatchObject({ errorKind: 'unknown_outcome' });
    expect(emu.postsBy().filter((p) => p.title === 'Exactly once')).toHaveLength(1);
    expect(emu.comments.filter((c) => c.body === 'first!')).toHaveLength(1);
  });

  it('explains ALREADY_SUB for a link someone already posted', async () => {
    await publish({ title: 'Original', link: 'https://example.com/dup' }, { options: { subreddit: 'typescript' } });
    const dup = await publish({ title: 'Again', link: 'https://example.com/dup' }, { options: { subreddit: 'typescript' } });
    expect(dup.deliveries[0]).toMatchObject({ state: 'failed', error: { kind: 'rejected' } });
    expect(dup.deliveries[0].error.message).toContain('set options.resubmit to true');
    const forced = await publish({ title: 'Again, on purpose', link: 'https://example.com/dup' }, { options: { subreddit: 'typescript', resubmit: true } });
    expect(forced.deliveries[0].state).toBe('published');
  });

  it('deletes the post and its first comment through the API', async () => {
    const done = await publish({ title: 'Short-lived', text: 'x' }, { options: { firstComment: 'also short-lived' } });
    const res = await app.api('POST', `${user.ws}/deliveries/${done.deliveries[0].id}/unpublish`, undefined, user.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(emu.postsBy().some((p) => p.title === 'Short-lived')).toBe(false);
    expect(emu.comments.find((c) => c.body === 'also short-lived')!.deleted).toBe(true);
  });

  it('reads comments, replies, mentions and messages; replies, moderates and upvotes', async () => {
    const ctx = context();
    const start = await redditProvider.listInbox(ctx, {});
    const post = await redditProvider.publish(ctx, { parts: [{ text: 'AMA', media: [] }], title: 'Ask me anything', options: { subreddit: 'typescript', firstComment: 'Answers below' }, meta: { postId: 'p', deliveryId: 'd', dueAt: null } });
    const onPost = emu.commentOn(post.externalId, 'alice', 'How does it dedupe?');
    emu.commentOn(post.parts[1].externalId, 'bob', 'Nice first comment');
    emu.mention('carol', 'ask u/varde_tester');
    emu.message('dave', 'hello', 'Can we talk?');
    const page = await redditProvider.listInbox(ctx, { cursor: start.cursor });
    expect(page.items.map((i) => [i.kind, i.author.handle, i.text])).toEqual([
      ['comment', 'u/alice', 'How does it dedupe?'],
      ['reply', 'u/bob', 'Nice first comment'],
      ['mention', 'u/carol', 'ask u/varde_tester'],
      ['message', 'u/dave', 'Can we talk?'],
    ]);
    expect(page.items[0]).toMatchObject({ externalId: onPost.name, postExternalId: post.externalId });
    expect((await redditProvider.listInbox(ctx, { cursor: page.cursor })).items).toEqual([]);

    const reply = await redditProvider.replyTo(ctx, page.items[0], { text: 'Record keys and look-ups', media: [] });
    expect(emu.comments.find((c) => c.name === reply.externalId)).toMatchObject({ parentId: onPost.name, body: 'Record keys and look-ups' });
    await redditProvider.hideItem(ctx, page.items[0], true);
    expect(emu.comments.find((c) => c.name === onPost.name)!.removed).toBe(true);
    await redditProvider.hideItem(ctx, page.items[0], false);
    expect(emu.comments.find((c) => c.name === onPost.name)!.removed).toBe(false);
    await expect(redditProvider.hideItem(ctx, page.items[2], true)).rejects.toThrow(/only moderators may/);
    await redditProvider.likeItem(ctx, page.items[1]);
    expect(emu.comments.find((c) => c.body === 'Nice first comment')!.votes.has(emu.me.name)).toBe(true);
  });

  it('measures score and comments per post, and the profile’s followers', async () => {
    const ctx = context();
    const post = await redditProvider.publish(ctx, { parts: [{ text: 'Count me', media: [] }], title: 'Metrics', options: { subreddit: 'typescript' }, meta: { postId: 'p', deliveryId: 'd', dueAt: null } });
    emu.commentOn(post.externalId, 'erin', 'One');
    emu.posts.find((p) => p.name === post.externalId)!.score = 42;
    const [m] = await redditProvider.fetchPostMetrics(ctx, [post]);
    expect(m.metrics).toEqual({ impressions: null, likes: 42, comments: 1, shares: 0, saves: null, clicks: null });
    expect(m.raw).toMatchObject({ score: 42, upvote_ratio: 1 });
    expect(await redditProvider.fetchAccountMetrics(ctx)).toMatchObject({ followers: 57, raw: { total_karma: 1234 } });
  });
});
