/**
 * YouTube against its emulator, through Varde where it matters: the Google OAuth dance (PKCE and
 * state checked), a video through the resumable upload in chunks with its metadata and a first
 * comment, content refused before any call, an expired token renewed, rate limits and the daily
 * quota waited out, timeouts mid-upload resumed in the same session (never a second video), then
 * comments, replies, moderation and metrics through the provider itself (the inbox and analytics
 * services come later).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedHttp } from '../../src/net/guarded-http.js';
import type { ProviderContext, PublishedPart } from '../../src/providers/contract.js';
import { nextPacificMidnight } from '../../src/providers/youtube/google-api.js';
import { youtubeProvider } from '../../src/providers/youtube/youtube.provider.js';
import { createTestApp, makePng, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { connectOneChannel, connectThroughOAuth } from '../support/oauth-dance.js';
import { contextDefaults, testNetworkApp } from '../support/provider-context.js';
import { googleError, SCOPES, startYouTubeEmulator, type EmuChannel, type EmuVideo, type YouTubeEmulator } from '../emulators/youtube/index.js';
import { makeMp4, type Mp4Options } from '../support/mp4.js';
import { createPostNow, waitForPost } from '../support/publish.js';

const CLIENT_ID = 'varde-test.apps.googleusercontent.com';
const CLIENT_SECRET = 'GOCSPX-test-secret';
const CHUNK = 256 * 1024;
/** A 10-second 720p clip of 4 KB unless told otherwise. */
const makeClip = (opts: Mp4Options = {}) => makeMp4({ seconds: 10, width: 1280, height: 720, bytes: 4096, ...opts });

describe('YouTube', () => {
  let yt: YouTubeEmulator;
  let app: TestApp;
  let user: TestUser;
  let main: EmuChannel;
  let channelId: string;
  const http = createGuardedHttp({ allowHosts: ['127.0.0.1'] });

  beforeAll(async () => {
    yt = await startYouTubeEmulator();
    app = await createTestApp({
      providers: [youtubeProvider],
      env: { VARDE_YOUTUBE_CLIENT_ID: CLIENT_ID, VARDE_YOUTUBE_CLIENT_SECRET: CLIENT_SECRET, ...yt.env(), VARDE_YOUTUBE_TIMEOUT_MS: '1500', VARDE_YOUTUBE_CHUNK_BYTES: String(CHUNK), VARDE_RETRY_BASE_MS: '100' },
    });
    yt.registerClient(CLIENT_ID, CLIENT_SECRET, `${app.config.publicUrl}/api/v1/oauth/callback/youtube`);
    user = await app.signUp();
    main = yt.addChannel({ userId: 'creator', title: 'Varde Demo', subscriberCount: 1234 });
    channelId = await connect('creator');
  });

  afterAll(async () => {
    await app?.close();
    await yt?.close();
    http.close();
  });

  async function connect(userId: string): Promise<string> {
    yt.authority.currentUser = userId;
    return (await connectOneChannel(app, user, 'youtube')).channel.id;
  }

  async function uploadVideo(opts: Mp4Options = {}): Promise<{ id: string; sha256: string }> {
    const bytes = makeClip(opts);
    const res = await app.api('POST', `${user.ws}/media?filename=clip.mp4`, bytes, user.token, { 'content-type': 'video/mp4' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
  }

  const publish = (body: Record<string, unknown>, target: Record<string, unknown> = {}, channel = channelId) => createPostNow(app, user, channel, body, target);

  async function settled(postId: string, timeoutMs = 20_000) {
    return (await waitForPost(app, user, postId, { timeoutMs })).deliveries[0];
  }

  const outcomes = (d: { attempts: { outcome: string; errorKind: string | null }[] }) => d.attempts.map((a) => [a.outcome, a.errorKind]);
  const videosTitled = (title: string) => yt.state.videos.filter((v) => v.title === title);
  const sessionsTitled = (title: string) => [...yt.state.sessions.values()].filter((s) => s.resource.snippet.title === title);

  /** A context for calling the provider directly, as the channel `ch` with a fresh token. */
  function directContext(ch: EmuChannel, scopes?: string[], parts: PublishedPart[] = []): ProviderContext {
    const { accessToken, refreshToken } = yt.tokenFor(ch.ownerUserId, scopes);
    return {
      ...contextDefaults(),
      app: testNetworkApp({ values: { CLIENT_ID, CLIENT_SECRET, TIMEOUT_MS: '1500' }, urls: { auth: yt.url, token: yt.url, api: yt.url, analytics: yt.url } }),
      idempotencyKey: '3lbsnxyztest2',
      credentials: { accessToken, refreshToken, expiresAt: new Date(Date.now() + 3600_000).toISOString(), scope: (scopes ?? [SCOPES.upload, SCOPES.forceSsl, SCOPES.analytics]).join(' ') },
      settings: {},
      account: { externalId: ch.id, handle: ch.customUrl },
      http,
      previousParts: parts,
      onPartPublished: async (i, part) => void (parts[i] = part),
    };
  }

  /** A video already on the channel, straight in the emulator. */
  function seedVideo(ch: EmuChannel, title = `Seeded ${crypto.randomUUID()}`): EmuVideo {
    const video: EmuVideo = {
      id: crypto.randomBytes(8).toString('base64url').slice(0, 11), channelId: ch.id, title, description: '', tags: [], categoryId: '22', privacyStatus: 'public',
      notifySubscribers: true, uploadStatus: 'processed', publishedAt: new Date().toISOString(), mime: 'video/mp4', size: 1, sha256: '0',
      stats: { viewCount: 0, likeCount: 0, commentCount: 0, favoriteCount: 0, shares: 0 },
    };
    yt.state.videos.push(video);
    return video;
  }

  describe('connect', () => {
    it('signs in with Google (offline access, consent, PKCE, state) and adds the channel', async () => {
      yt.authority.currentUser = 'creator';
      const { result, authorizeUrl } = await connectThroughOAuth(app, user, 'youtube');
      const q = new URL(authorizeUrl).searchParams;
      expect(q.get('access_type')).toBe('offline');
      expect(q.get('prompt')).toBe('consent');
      expect(q.get('code_challenge_method')).toBe('S256');
      expect(q.get('state')).toBeTruthy();
      expect(q.get('scope')!.split(' ')).toEqual([SCOPES.upload, SCOPES.forceSsl, SCOPES.analytics]);
      expect(result.status).toBe('done');
      expect(result.channels[0]).toMatchObject({ network: 'youtube', externalId: main.id, handle: main.customUrl, name: 'Varde Demo', status: 'active', settings: { privacyStatus: 'public', categoryId: '22' } });
      const [row] = await app.db.db.query(`SELECT credentials, token_expires_at FROM channels WHERE id = $1`, [result.channels[0].id]);
      expect(row.credentials).not.toContain('at_');
      const ttl = new Date(row.token_expires_at).getTime() - Date.now();
      expect(ttl).toBeGreaterThan(3500_000);
      expect(ttl).toBeLessThan(3600_000);
    });

    it('offers every channel of the login to pick from', async () => {
      yt.addChannel({ userId: 'brand-owner', title: 'Brand One' });
      const second = yt.addChannel({ userId: 'brand-owner', title: 'Brand Two' });
      yt.authority.currentUser = 'brand-owner';
      const { result } = await connectThroughOAuth(app, user, 'youtube');
      expect(result.status).toBe('awaiting_pick');
      expect(result.candidates.map((c: any) => c.name)).toEqual(['Brand One', 'Brand Two']);
      const picked = await app.api('POST', `${user.ws}/channels/oauth/${result.state}/pick`, { externalIds: [second.id] }, user.token);
      expect(picked.status).toBe(201);
      expect(picked.body.channels[0]).toMatchObject({ externalId: second.id, name: 'Brand Two' });
    });

    it('refuses a login without the upload permission, or without any channel', async () => {
      yt.state.deniedScopes = [SCOPES.upload];
      yt.authority.currentUser = 'creator';
      try {
        const { result } = await connectThroughOAuth(app, user, 'youtube');
        expect(result).toMatchObject({ status: 'failed', error: expect.stringContaining('youtube.upload') });
      } finally {
        yt.state.deniedScopes = [];
      }
      yt.authority.currentUser = 'no-channel';
      const { result } = await connectThroughOAuth(app, user, 'youtube');
      expect(result).toMatchObject({ status: 'failed', error: expect.stringContaining('no YouTube channel') });
    });
  });

  describe('publish', () => {
    it('uploads the video in 256 KiB chunks of one session, with its metadata and a first comment', async () => {
      const media = await uploadVideo({ bytes: 600_000, seconds: 42 });
      const title = `Launch ${crypto.randomUUID().slice(0, 8)} 🚀`;
      const postsBefore = yt.emu.callsTo('POST', '/upload/youtube/v3/videos').length;
      const postId = await publish({ title, text: 'All about the launch.\nSee you there!', media: [{ mediaId: media.id }] }, {
        options: { privacy: 'unlisted', tags: 'launch, varde, social media', categoryId: 28, madeForKids: false, notifySubscribers: false, firstComment: 'Questions? Ask here 👇' },
      });
      const d = await settled(postId);
      expect(d.state, JSON.stringify(d.error)).toBe('published');
      const [video] = videosTitled(title);
      expect(video).toMatchObject({
        channelId: main.id, description: 'All about the launch.\nSee you there!', tags: ['launch', 'varde', 'social media'], categoryId: '28',
        privacyStatus: 'unlisted', selfDeclaredMadeForKids: false, notifySubscribers: false, sha256: media.sha256, size: 600_000, mime: 'video/mp4',
      });
      expect(d.externalId).toBe(video.id);
      expect(d.url).toBe(`https://www.youtube.com/watch?v=${video.id}`);
      expect(yt.emu.callsTo('POST', '/upload/youtube/v3/videos').length - postsBefore).toBe(1);
      expect(sessionsTitled(title)).toHaveLength(1);
      const comment = yt.state.comments.find((c) => c.videoId === video.id)!;
      expect(comment).toMatchObject({ text: 'Questions? Ask here 👇', authorChannelId: main.id });
      expect(comment.parentId).toBeUndefined();
      expect(d.attempts.at(-1).detail).toMatchObject({ privacyStatus: 'unlisted', uploadStatus: 'uploaded' });
    });

    it('takes privacy from the channel when the post names none, and schedules a release with publishAt', async () => {
      const media = await uploadVideo();
      const title = `Scheduled ${crypto.randomUUID().slice(0, 8)}`;
      const publishAt = new Date(Date.now() + 86_400_000).toISOString();
      const d = await settled(await publish({ title, text: '', media: [{ mediaId: media.id }] }, { options: { publishAt } }));
      expect(d.state, JSON.stringify(d.error)).toBe('published');
      expect(videosTitled(title)[0]).toMatchObject({ privacyStatus: 'private', publishAt });
    });

    it('refuses content over YouTube’s limits before any call', async () => {
      const media = await uploadVideo();
      const image = await app.api('POST', `${user.ws}/media?filename=a.png`, makePng(8, 8), user.token, { 'content-type': 'image/png' });
      const calls = yt.emu.writes().length;
      const check = async (body: Record<string, unknown>) => {
        const res = await app.api('POST', `${user.ws}/posts/check`, { ...body, targets: [{ channelId }], schedule: { mode: 'now' } }, user.token);
        expect(res.status).toBe(200);
        return res.body.targets[0].problems.filter((p: any) => p.severity === 'error').map((p: any) => p.code);
      };
      expect(await check({ title: 'x'.repeat(101), text: 'fine', media: [{ mediaId: media.id }] })).toEqual(['title.too_long']);
      expect(await check({ title: 'Bytes', text: 'ø'.repeat(2501), media: [{ mediaId: media.id }] })).toContain('text.too_long');
      expect(await check({ title: 'Tags <b>', text: 'a > b', media: [{ mediaId: media.id }] })).toEqual(expect.arrayContaining(['text.forbidden_characters', 'title.forbidden_characters']));
      expect(await check({ title: 'A picture', text: '', media: [{ mediaId: image.body.id }] })).toEqual(expect.arrayContaining(['media.kind_not_supported']));
      expect(await check({ text: 'No title', media: [{ mediaId: media.id }] })).toEqual(['title.required']);
      const refused = await app.api('POST', `${user.ws}/posts`, { title: 'x'.repeat(101), media: [{ mediaId: media.id }], targets: [{ channelId }], schedule: { mode: 'now' } }, user.token);
      expect(refused.status).toBe(422);
      expect(yt.emu.writes().length).toBe(calls);
    });

    it('refuses an option YouTube does not have, naming it, without uploading', async () => {
      const media = await uploadVideo();
      const uploads = yt.emu.callsTo('POST', '/upload/youtube/v3/videos').length;
      const d = await settled(await publish({ title: 'Options', media: [{ mediaId: media.id }] }, { options: { privacy: 'friends' } }));
      expect(d.state).toBe('failed');
      expect(d.error).toMatchObject({ kind: 'rejected', message: expect.stringContaining('public, unlisted, private') });
      const d2 = await settled(await publish({ title: 'Options', media: [{ mediaId: media.id }] }, { options: { subreddit: 'videos' } }));
      expect(d2.error.message).toContain('subreddit');
      expect(yt.emu.callsTo('POST', '/upload/youtube/v3/videos').length).toBe(uploads);
    });

    it('renews an expired access token and publishes', async () => {
      const media = await uploadVideo();
      const title = `Renewed ${crypto.randomUUID().slice(0, 8)}`;
      yt.authority.expire();
      // This login's renewals only: the other channels connected by earlier tests renew theirs too,
      // whenever their background reads (comments, metrics) meet the expired token.
      const renewals = () => yt.authority.tokenRequests.filter((r) => r.grantType === 'refresh_token' && r.userId === 'creator').length;
      const refreshes = renewals();
      const d = await settled(await publish({ title, media: [{ mediaId: media.id }] }));
      expect(d.state, JSON.stringify(d.error)).toBe('published');
      expect(renewals()).toBe(refreshes + 1);
      expect(videosTitled(title)).toHaveLength(1);
    });

    it('marks the channel needs_reconnect when Google revoked the login', async () => {
      yt.addChannel({ userId: 'revoked', title: 'Soon Revoked' });
      const revokedChannel = await connect('revoked');
      yt.authority.revokeRefreshTokens();
      yt.authority.expire();
      const media = await uploadVideo();
      const d = await settled(await publish({ title: 'Never', media: [{ mediaId: media.id }] }, {}, revokedChannel));
      expect(d.state).toBe('failed');
      expect(d.error.kind).toBe('auth_expired');
      const ch = await app.api('GET', `${user.ws}/channels/${revokedChannel}`, undefined, user.token);
      expect(ch.body).toMatchObject({ status: 'needs_reconnect', statusReason: expect.stringContaining('expired or revoked') });
      // Every token just expired: log the main channel in again for the tests that follow.
      yt.authority.currentUser = 'creator';
      const again = await connectThroughOAuth(app, user, 'youtube', { reconnectChannelId: channelId });
      expect(again.result.status).toBe('done');
    });
  });

  describe('rate limits and the daily quota', () => {
    it('waits out a rate limit before calling again', async () => {
      const media = await uploadVideo();
      const title = `Throttled ${crypto.randomUUID().slice(0, 8)}`;
      const before = yt.emu.callsTo('POST', '/upload/youtube/v3/videos').length;
      yt.emu.fault({ method: 'POST', path: '/upload/youtube/v3/videos' }, { ...(googleError(403, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your rate limit.', 'youtube.quota') as any), headers: { 'retry-after': '2' } });
      const d = await settled(await publish({ title, media: [{ mediaId: media.id }] }));
      expect(d.state, JSON.stringify(d.error)).toBe('published');
      expect(outcomes(d)).toEqual([['retry', 'rate_limited'], ['published', null]]);
      const calls = yt.emu.callsTo('POST', '/upload/youtube/v3/videos').slice(before);
      expect(calls.map((c) => c.status)).toEqual([403, 200]);
      expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(2_000);
    });

    it('stops at quotaExceeded until midnight Pacific time, with no call before', async () => {
      const quotaChannel = yt.addChannel({ userId: 'quota', title: 'Quota' });
      const id = await connect('quota');
      const media = await uploadVideo();
      const before = yt.emu.callsTo('POST', '/upload/youtube/v3/videos').length;
      yt.state.quota.limit = yt.state.quota.used; // the project's units are spent
      try {
        const postId = await publish({ title: 'Over quota', media: [{ mediaId: media.id }] }, {}, id);
        const d = await waitFor(async () => {
          const p = await app.api('GET', `${user.ws}/posts/${postId}`, undefined, user.token);
          return p.body.deliveries[0].attempts.some((a: any) => a.errorKind === 'rate_limited') && p.body.deliveries[0];
        });
        expect(d.state).toBe('queued');
        expect(d.error).toMatchObject({ kind: 'rate_limited', networkMessage: expect.stringContaining('exceeded your quota') });
        expect(new Date(d.nextAttemptAt).getTime()).toBe(nextPacificMidnight(new Date(d.attempts[0].startedAt)).getTime());
        await new Promise((r) => setTimeout(r, 1_000));
        expect(yt.emu.callsTo('POST', '/upload/youtube/v3/videos').length - before).toBe(1);
        expect(videosTitled('Over quota')).toHaveLength(0);
        expect(quotaChannel.id).toBeTruthy();
      } finally {
        yt.state.quota.limit = 1_000_000;
      }
    });
  });

  describe('exactly once', () => {
    it('resumes the same session after a chunk is accepted and the answer never comes: one video', async () => {
      const media = await uploadVideo({ bytes: 700_000 });
      const title = `Hung chunk ${crypto.randomUUID().slice(0, 8)}`;
      yt.failPut(2, 'hang');
      const d = await settled(await publish({ title, media: [{ mediaId: media.id }] }));
      expect(d.state, JSON.stringify(d.error)).toBe('published');
      expect(outcomes(d)).toEqual([['unknown', 'unknown_outcome'], ['published', null]]);
      expect(sessionsTitled(title)).toHaveLength(1);
      expect(videosTitled(title)).toHaveLength(1);
      expect(videosTitled(title)[0].sha256).toBe(media.sha256);
    });

    it('finds the video from the session when the last chunk was accepted and the answer lost', async () => {
      const media = await uploadVideo({ bytes: 100_000 });
      const title = `Hung last ${crypto.randomUUID().slice(0, 8)}`;
      yt.failPut(1, 'hang');
      const d = await settled(await publish({ title, media: [{ mediaId: media.id }] }));
      expect(d.state, JSON.stringify(d.error)).toBe('published');
      expect(outcomes(d)).toEqual([['unknown', 'unknown_outcome'], ['reconciled', null]]);
      expect(videosTitled(title)).toHaveLength(1);
      expect(d.externalId).toBe(videosTitled(title)[0].id);
      expect(sessionsTitled(title)).toHaveLength(1);
    });

    it('resumes the same session after a 503 on a chunk', async () => {
      const media = await uploadVideo({ bytes: 300_000 });
      const title = `Backend error ${crypto.randomUUID().slice(0, 8)}`;
      yt.failPut(1, 503);
      const d = await settled(await publish({ title, media: [{ mediaId: media.id }] }));
      expect(d.state, JSON.stringify(d.error)).toBe('published');
      expect(outcomes(d)).toEqual([['retry', 'transient'], ['published', null]]);
      expect(sessionsTitled(title)).toHaveLength(1);
      expect(videosTitled(title)).toHaveLength(1);
    });

    it('reconciles an expired session from the channel’s uploads, and restarts when the video is not there', async () => {
      const parts: PublishedPart[] = [];
      const ctx = directContext(main, undefined, parts);
      const title = `Expired ${crypto.randomUUID().slice(0, 8)}`;
      const bytes = makeClip({ bytes: 50_000 });
      const item = { id: 'm1', mime: 'video/mp4', kind: 'video' as const, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), read: async () => bytes };
      const content = { parts: [{ text: 'x', media: [item] }], title, options: {}, meta: { postId: 'p', deliveryId: 'd', dueAt: null } };
      yt.failPut(1, 'hang');
      await expect(youtubeProvider.publish(ctx, content)).rejects.toMatchObject({ kind: 'unknown_outcome' });
      for (const s of sessionsTitled(title)) s.expired = true;
      const found = await youtubeProvider.reconcile(directContext(main, undefined, parts), content);
      expect(found).toMatchObject({ status: 'published', result: { externalId: videosTitled(title)[0].id } });

      const other = `Never arrived ${crypto.randomUUID().slice(0, 8)}`;
      const parts2: PublishedPart[] = [];
      yt.failPut(1, 503);
      await expect(youtubeProvider.publish(directContext(main, undefined, parts2), { ...content, title: other })).rejects.toMatchObject({ kind: 'transient' });
      for (const s of sessionsTitled(other)) s.expired = true;
      expect(await youtubeProvider.reconcile(directContext(main, undefined, parts2), { ...content, title: other })).toEqual({ status: 'not_found' });
      const done = await youtubeProvider.publish(directContext(main, undefined, parts2), { ...content, title: other });
      expect(videosTitled(other)).toHaveLength(1);
      expect(done.externalId).toBe(videosTitled(other)[0].id);
      expect(sessionsTitled(other)).toHaveLength(2);
    });

    it('deletes the video through the API', async () => {
      const media = await uploadVideo();
      const title = `Short-lived ${crypto.randomUUID().slice(0, 8)}`;
      const d = await settled(await publish({ title, media: [{ mediaId: media.id }] }));
      expect(videosTitled(title)).toHaveLength(1);
      const res = await app.api('POST', `${user.ws}/deliveries/${d.id}/unpublish`, undefined, user.token);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(videosTitled(title)).toHaveLength(0);
    });
  });

  describe('read back', () => {
    it('reads comments and replies since the cursor, leaving the channel’s own out', async () => {
      const ctx = directContext(main);
      const video = seedVideo(main);
      const t0 = Date.now() - 60_000;
      const first = yt.addComment({ videoId: video.id, text: 'Great video!', authorName: 'Ada', publishedAt: new Date(t0).toISOString() });
      for (let i = 0; i < 3; i++) yt.addComment({ videoId: video.id, parentId: first.id, text: `reply ${i}`, publishedAt: new Date(t0 + 1000 * (i + 1)).toISOString() });
      await youtubeProvider.replyTo(ctx, { externalId: first.id, kind: 'comment', conversationId: first.id, author: { id: 'x' }, text: '', createdAt: '' }, { text: 'Thanks!', media: [] });
      const page = await youtubeProvider.listInbox(ctx, { cursor: new Date(t0 - 1000).toISOString() });
      const mine = page.items.filter((i) => i.postExternalId === video.id);
      expect(mine.map((i) => [i.kind, i.text])).toEqual([['comment', 'Great video!'], ['reply', 'reply 0'], ['reply', 'reply 1'], ['reply', 'reply 2']]);
      expect(mine[1]).toMatchObject({ parentExternalId: first.id, conversationId: first.id, author: { name: 'A viewer' }, url: expect.stringContaining(`lc=`) });
      expect(yt.emu.callsTo('GET', '/youtube/v3/comments').length).toBeGreaterThan(0); // the thread carried only 2 of 4 replies

      const later = yt.addComment({ videoId: video.id, text: 'Second!', publishedAt: new Date(Date.now() + 1000).toISOString() });
      const next = await youtubeProvider.listInbox(ctx, { cursor: page.cursor });
      expect(next.items.map((i) => i.externalId)).toEqual([later.id]);
    });

    it('replies under the top-level comment, hides, shows and removes comments', async () => {
      const ctx = directContext(main);
      const video = seedVideo(main);
      const top = yt.addComment({ videoId: video.id, text: 'Where can I buy it?' });
      const reply = yt.addComment({ videoId: video.id, parentId: top.id, text: 'Me too' });
      const item = (c: typeof top, kind: 'comment' | 'reply') => ({ externalId: c.id, kind, conversationId: top.id, parentExternalId: c.parentId ?? null, postExternalId: video.id, author: { id: c.authorChannelId }, text: c.text, createdAt: c.publishedAt });

      const answer = await youtubeProvider.replyTo(ctx, item(reply, 'reply'), { text: 'At varde.example', media: [] });
      expect(yt.state.comments.find((c) => c.id === answer.externalId)).toMatchObject({ parentId: top.id, authorChannelId: main.id, text: 'At varde.example' });
      await expect(youtubeProvider.replyTo(ctx, item(top, 'comment'), { text: 'pic', media: [{} as any] })).rejects.toMatchObject({ kind: 'rejected' });

      await youtubeProvider.hideItem(ctx, item(reply, 'reply'), true);
      expect(yt.state.comments.find((c) => c.id === reply.id)?.moderationStatus).toBe('heldForReview');
      await youtubeProvider.hideItem(ctx, item(reply, 'reply'), false);
      expect(yt.state.comments.find((c) => c.id === reply.id)?.moderationStatus).toBe('published');

      await youtubeProvider.deleteItem(ctx, item(reply, 'reply'));
      expect(yt.state.comments.find((c) => c.id === reply.id)?.moderationStatus).toBe('rejected');
      await youtubeProvider.deleteItem(ctx, { ...item(top, 'reply'), externalId: answer.externalId, author: { id: main.id } });
      expect(yt.state.comments.some((c) => c.id === answer.externalId)).toBe(false);
      expect(youtubeProvider.inboxKinds).toEqual(['comment', 'reply']);
      expect('likeItem' in youtubeProvider || 'webhooks' in youtubeProvider).toBe(false);
    });

    it('measures views, likes, comments, shares and subscribers', async () => {
      const a = seedVideo(main);
      const b = seedVideo(main);
      a.stats = { viewCount: 1500, likeCount: 120, commentCount: 7, favoriteCount: 0, shares: 9 };
      b.stats = { viewCount: 10, likeCount: 1, commentCount: 0, favoriteCount: 0, shares: 0 };
      const posts = [a, b].map((v) => ({ externalId: v.id, parts: [] }));
      const metrics = await youtubeProvider.fetchPostMetrics(directContext(main), posts);
      expect(metrics.find((m) => m.externalId === a.id)).toMatchObject({
        metrics: { impressions: 1500, likes: 120, comments: 7, shares: 9, saves: null, clicks: null },
        raw: { viewCount: 1500, likeCount: 120, commentCount: 7, shares: 9, sharesSource: 'youtubeAnalytics' },
      });
      const withoutAnalytics = await youtubeProvider.fetchPostMetrics(directContext(main, [SCOPES.upload, SCOPES.forceSsl]), posts);
      expect(withoutAnalytics.find((m) => m.externalId === a.id)?.metrics).toMatchObject({ impressions: 1500, shares: null });
      expect(await youtubeProvider.fetchAccountMetrics(directContext(main))).toMatchObject({ followers: 1234, raw: { subscriberCount: 1234 } });
    });
  });
});
