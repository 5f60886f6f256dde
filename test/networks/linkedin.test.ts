/**
 * LinkedIn through Varde against the LinkedIn emulator: OAuth with the member and their page as
 * candidates, every content kind (escaped text with hashtags, targeting, image, multi-image, video
 * in parts, article, first comment), refusal before any call, token renewal, throttles, reconciling
 * a lost answer (page: found; member: needs a person), duplicates; then comments, webhooks, metrics.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedinProvider } from '../../src/providers/linkedin/linkedin.provider.js';
import { createTestApp, freePort, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { connectThroughOAuth } from '../support/oauth-dance.js';
import { connectedChannelContext } from '../support/provider-context.js';
import { createPostNow, firstDeliveryIn, SETTLED, waitForPost } from '../support/publish.js';
import { makeMp4 } from '../support/mp4.js';
import { startLinkedInEmulator, type LinkedInEmulator } from '../emulators/linkedin/linkedin.emulator.js';

const MEMBER = 'urn:li:person:abc123';
const ORG = 'urn:li:organization:2414183';
const SECRET = 'li-secret';

describe('LinkedIn', () => {
  let li: LinkedInEmulator;
  let app: TestApp;
  let user: TestUser;
  const channels: Record<string, string> = {};
  let n = 0;
  const unique = (s: string) => `${s} ${++n}-${Date.now() % 100000}`;

  beforeAll(async () => {
    const port = await freePort();
    li = await startLinkedInEmulator({ clientId: 'li-client', clientSecret: SECRET, redirectUri: `http://127.0.0.1:${port}/api/v1/oauth/callback/linkedin` });
    app = await createTestApp({
      providers: [linkedinProvider],
      config: { port },
      env: {
        VARDE_LINKEDIN_CLIENT_ID: 'li-client', VARDE_LINKEDIN_CLIENT_SECRET: SECRET, VARDE_LINKEDIN_ORGANIZATIONS: 'true',
        VARDE_LINKEDIN_API_URL: li.url, VARDE_LINKEDIN_AUTH_URL: li.url, VARDE_LINKEDIN_TIMEOUT_MS: '1500', VARDE_RETRY_BASE_MS: '100',
      },
    });
    user = await app.signUp();
    const { result, authorizeUrl } = await connectThroughOAuth(app, user, 'linkedin');
    expect(new URL(authorizeUrl).searchParams.get('scope')!.split(' ')).toEqual(expect.arrayContaining(['w_member_social', 'w_organization_social', 'r_organization_social']));
    expect(result.status, JSON.stringify(result)).toBe('awaiting_pick');
    expect(result.candidates.map((c: any) => c.externalId)).toEqual([MEMBER, ORG]);
    const picked = await app.api('POST', `${user.ws}/channels/oauth/${result.state}/pick`, { externalIds: [MEMBER, ORG] }, user.token);
    expect(picked.status).toBe(201);
    for (const c of picked.body.channels) channels[c.externalId] = c.id;
  });

  afterAll(async () => {
    await app?.close();
    await li?.close();
  });

  const publish = async (author: string, body: Record<string, unknown>, options?: Record<string, unknown>, settle = SETTLED) => {
    const postId = await createPostNow(app, user, channels[author], body, options ? { options } : {});
    const post = await waitForPost(app, user, postId, { until: firstDeliveryIn(settle), timeoutMs: 25_000 });
    return { ...post.deliveries[0], postId };
  };

  const channelContext = (author: string) => connectedChannelContext(app, channels[author]);

  it('publishes escaped text with hashtags to the page, with organic targeting', async () => {
    const text = unique('Big news (really) for #Varde_fans & friends: 50% off* <today>');
    const d = await publish(ORG, { text }, { targetGeos: 'urn:li:geo:103644278', targetIndustries: 'urn:li:industry:4' });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const p = li.state.posts.get(d.externalId)!;
    expect(p.author).toBe(ORG);
    expect(p.commentary).toContain('\\(really\\)');
    expect(p.commentary).toContain('{hashtag|\\#|Varde\\_fans}');
    expect(p.commentary).toContain('50% off\\* \\<today\\>');
    expect(p.distribution.targetEntities).toEqual([{ geoLocations: ['urn:li:geo:103644278'], industries: ['urn:li:industry:4'] }]);
    expect(d.url).toBe(`https://www.linkedin.com/feed/update/${d.externalId}/`);
  });

  it('refuses page targeting on a member post before any call', async () => {
    const before = li.emu.writes().length;
    const d = await publish(MEMBER, { text: unique('Targeted') }, { targetGeos: 'urn:li:geo:1' });
    expect(d.state).toBe('failed');
    expect(d.error.message).toMatch(/for page posts only/);
    expect(li.emu.writes().slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('publishes one image with alt text and the link in the text, and a multi-image post', async () => {
    const img = await uploadPng(app, user);
    const one = await publish(MEMBER, { text: unique('One picture'), link: 'https://example.com/a', media: [{ mediaId: img, alt: 'A beacon' }] });
    expect(one.state, JSON.stringify(one.error)).toBe('published');
    const p1 = li.state.posts.get(one.externalId)!;
    expect(p1.content.media.altText).toBe('A beacon');
    expect(li.state.assets.get(p1.content.media.id)).toMatchObject({ kind: 'image', status: 'AVAILABLE', owner: MEMBER });
    expect(p1.commentary).toMatch(/https:\/\/example\.com\/a$/);
    const ids = [await uploadPng(app, user, { width: 9 }), await uploadPng(app, user, { width: 10 }), await uploadPng(app, user, { width: 11 })];
    const many = await publish(MEMBER, { text: unique('Three pictures'), media: ids.map((mediaId, i) => ({ mediaId, alt: `pic ${i}` })) });
    expect(many.state, JSON.stringify(many.error)).toBe('published');
    expect(li.state.posts.get(many.externalId)!.content.multiImage.images.map((i: any) => i.altText)).toEqual(['pic 0', 'pic 1', 'pic 2']);
  });

  it('publishes a video in parts with their ETags, titled', async () => {
    const mp4 = makeMp4({ seconds: 20, padBytes: 9 * 1024 * 1024 });
    const up = await app.api('POST', `${user.ws}/media?filename=v.mp4`, Buffer.from(mp4), user.token, { 'content-type': 'video/mp4' });
    const d = await publish(ORG, { text: unique('Our film'), title: 'The film', media: [{ mediaId: up.body.id }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const p = li.state.posts.get(d.externalId)!;
    expect(p.content.media.title).toBe('The film');
    const asset = li.state.assets.get(p.content.media.id)!;
    expect(asset.parts).toHaveLength(3);
    expect(Buffer.concat([0, 1, 2].map((i) => asset.bytes.get(i)!)).equals(Buffer.from(mp4))).toBe(true);
  });

  it('fails a video LinkedIn cannot process with its reason', async () => {
    const up = await app.api('POST', `${user.ws}/media?filename=v.mp4`, Buffer.from(makeMp4({ seconds: 4 })), user.token, { 'content-type': 'video/mp4' });
    li.state.failNextVideo = 'VIDEO_TOO_SHORT';
    const d = await publish(ORG, { text: unique('Bad film'), media: [{ mediaId: up.body.id }] });
    expect(d.state).toBe('failed');
    expect(d.error.message).toContain('VIDEO_TOO_SHORT');
  });

  it('publishes a link as an article and adds the first comment', async () => {
    const d = await publish(ORG, { text: unique('Read this'), link: 'https://example.com/story', title: 'The story' }, { firstComment: 'More in the thread (see #2)' });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    expect(li.state.posts.get(d.externalId)!.content).toEqual({ article: { source: 'https://example.com/story', title: 'The story' } });
    const comment = li.state.comments.find((c) => c.object === d.externalId)!;
    expect(comment).toMatchObject({ actor: ORG, text: 'More in the thread \\(see \\#2\\)' });
  });

  it('refuses over-limit content before any call', async () => {
    const before = li.emu.writes().length;
    const check = await app.api('POST', `${user.ws}/posts/check`, { text: 'a'.repeat(3001), targets: [{ channelId: channels[ORG] }] }, user.token);
    expect(check.body.targets[0].problems[0]).toMatchObject({ code: 'text.too_long', params: { count: 3001, limit: 3000 } });
    const post = await app.api('POST', `${user.ws}/posts`, { text: 'a'.repeat(3001), targets: [{ channelId: channels[ORG] }], schedule: { mode: 'now' } }, user.token);
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(li.emu.writes().slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('renews an expired token with the refresh token and publishes', async () => {
    li.authority.expire();
    const d = await publish(ORG, { text: unique('After renewal') });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    expect((await publish(MEMBER, { text: unique('Member after renewal') })).state).toBe('published');
    expect(li.authority.tokenRequests.filter((r) => r.grantType === 'refresh_token').length).toBe(2);
  });

  it('waits out a throttle: Retry-After when given, midnight UTC for a daily limit', async () => {
    li.emu.fault({ method: 'POST', path: '/rest/posts' }, { status: 429, json: { status: 429, message: 'Too Many Requests' }, headers: { 'retry-after': '2' } });
    const started = Date.now();
    const before = li.emu.callsTo('POST', '/rest/posts').length;
    const d = await publish(ORG, { text: unique('Patience') });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const calls = li.emu.callsTo('POST', '/rest/posts').slice(before);
    expect(calls[0].status).toBe(429);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(1900);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);

    li.emu.fault({ method: 'POST', path: '/rest/posts' }, { status: 429, json: { status: 429, message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.' } });
    const q = await publish(MEMBER, { text: unique('Tomorrow') }, undefined, ['deferred']);
    const now = new Date();
    expect(new Date(q.nextAttemptAt).toISOString()).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString());
    await app.api('POST', `${user.ws}/posts/${q.postId}/cancel`, undefined, user.token);
    await app.db.db.query(`DELETE FROM channel_limits WHERE channel_id = $1`, [channels[MEMBER]]); // not wait until midnight
  });

  it('reconciles a page post whose answer was lost, without posting it twice', async () => {
    const text = unique('Did it go out?');
    li.emu.fault({ method: 'POST', path: '/rest/posts' }, { acceptThenHang: true });
    const d = await publish(ORG, { text });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    expect(d.attempts.map((a: any) => a.outcome)).toEqual(['unknown', 'reconciled']);
    expect(li.postsBy(ORG).filter((p) => p.commentary === text)).toHaveLength(1);
  });

  it('asks a person when a member post’s answer was lost (LinkedIn restricts reading member posts)', async () => {
    li.emu.fault({ method: 'POST', path: '/rest/posts' }, { acceptThenHang: true });
    const d = await publish(MEMBER, { text: unique('Member post') });
    expect(d.state).toBe('needs_attention');
    expect(d.error.message).toMatch(/cannot tell whether/);
  });

  it('reports LinkedIn’s duplicate refusal when the same content was posted before', async () => {
    const text = unique('Said before');
    li.state.posts.set('urn:li:share:1', { id: 'urn:li:share:1', author: ORG, commentary: text, visibility: 'PUBLIC', distribution: {}, createdAt: Date.now() - 3600_000, lifecycleState: 'PUBLISHED' });
    const d = await publish(ORG, { text });
    expect(d.state).toBe('failed');
    expect(d.error.networkMessage).toBe('Content is a duplicate of urn:li:share:1');
  });

  it('reads comments on recent posts, replies, likes and deletes', async () => {
    const ctx = await channelContext(ORG);
    const post = li.postsBy(ORG)[0];
    const first = await linkedinProvider.listInbox(ctx, { recentPosts: [{ externalId: post.id, parts: [] }] });
    const c = li.comment(post.id, 'urn:li:person:fan', 'Great post!');
    const page = await linkedinProvider.listInbox(ctx, { cursor: first.cursor, recentPosts: [{ externalId: post.id, parts: [] }] });
    expect(page.items).toEqual([expect.objectContaining({ externalId: c.urn, kind: 'comment', postExternalId: post.id, text: 'Great post!', author: { id: 'urn:li:person:fan' } })]);
    const reply = await linkedinProvider.replyTo(ctx, page.items[0], { text: 'Thanks!', media: [] });
    expect(li.state.comments.find((x) => x.urn === reply.externalId)).toMatchObject({ actor: ORG, parentComment: c.urn, text: 'Thanks!' });
    await linkedinProvider.likeItem(ctx, page.items[0]);
    expect(c.likes.has(ORG)).toBe(true);
    await linkedinProvider.deleteItem(ctx, page.items[0]);
    expect(li.state.comments.some((x) => x.urn === c.urn)).toBe(false);
  });

  it('answers the challenge and verifies X-LI-Signature over the raw body', () => {
    const appInfo = app.varde.ctx.providers.appFor('linkedin');
    const hs = linkedinProvider.webhooks.handshake!({ method: 'GET', query: { challengeCode: 'f0e1d2' }, headers: {}, rawBody: Buffer.alloc(0) }, appInfo)!;
    expect(JSON.parse(hs.body)).toEqual({ challengeCode: 'f0e1d2', challengeResponse: crypto.createHmac('sha256', SECRET).update('f0e1d2').digest('hex') });
    const rawBody = Buffer.from(JSON.stringify({ type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS', notifications: [{ action: 'COMMENT', organizationalEntity: ORG, sourcePost: 'urn:li:share:9', generatedActivity: 'urn:li:comment:(urn:li:activity:9,1)', decoratedGeneratedActivity: { comment: { text: 'Hi', owner: 'urn:li:person:fan' } }, lastModifiedAt: 1_700_000_000_000 }] }));
    const sig = `hmacsha256=${crypto.createHmac('sha256', SECRET).update(rawBody).digest('hex')}`;
    const req = { method: 'POST', query: {}, headers: { 'x-li-signature': sig }, rawBody };
    expect(linkedinProvider.webhooks.verify(req, appInfo)).toEqual({ ok: true });
    expect(linkedinProvider.webhooks.verify({ ...req, rawBody: Buffer.concat([rawBody, Buffer.from(' ')]) }, appInfo).ok).toBe(false);
    expect(linkedinProvider.webhooks.verify({ ...req, headers: {} }, appInfo)).toMatchObject({ ok: false, reason: expect.stringContaining('unsigned') });
    expect(linkedinProvider.webhooks.parse(req, appInfo)).toEqual([{ accountId: ORG, items: [expect.objectContaining({ kind: 'comment', text: 'Hi', postExternalId: 'urn:li:share:9' })] }]);
  });

  it('fetches page post statistics and followers, normalised', async () => {
    const ctx = await channelContext(ORG);
    const post = li.postsBy(ORG)[0];
    li.state.stats.set(post.id, { impressionCount: 500, likeCount: 12, shareCount: 3, clickCount: 9 });
    const [m] = await linkedinProvider.fetchPostMetrics(ctx, [{ externalId: post.id, parts: [] }]);
    expect(m).toMatchObject({ externalId: post.id, metrics: { impressions: 500, likes: 12, shares: 3, clicks: 9, saves: null }, raw: { impressionCount: 500 } });
    expect(await linkedinProvider.fetchAccountMetrics(ctx)).toEqual({ followers: 4321, raw: { firstDegreeSize: 4321 } });
    const member = await channelContext(MEMBER);
    const mp = li.postsBy(MEMBER)[0];
    const [mm] = await linkedinProvider.fetchPostMetrics(member, [{ externalId: mp.id, parts: [] }]);
    expect(mm.metrics).toMatchObject({ impressions: null, likes: 0, comments: 0 });
  });
});
