/**
 * Pinterest through Varde against the Pinterest emulator: OAuth with boards to pick from, pins with
 * one image (sent as bytes, or downloaded by the emulator from a media URL), a carousel, a video through the
 * media upload, another board per target, refusal before any call, token renewal, throttles,
 * reconciling a lost answer; then metrics and deletion.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinterestProvider } from '../../src/providers/pinterest/pinterest.provider.js';
import { createTestApp, freePort, makePng, type TestApp, type TestUser } from '../support/app.js';
import { connectThroughOAuth } from '../support/oauth-dance.js';
import { connectedChannelContext } from '../support/provider-context.js';
import { publishNow } from '../support/publish.js';
import { makeMp4 } from '../support/mp4.js';
import { startPinterestEmulator, type PinterestEmulator } from '../emulators/pinterest/pinterest.emulator.js';

const LAUNCH = '549755885175';
const RECIPES = '549755885176';

describe('Pinterest', () => {
  let pin: PinterestEmulator;
  let app: TestApp;
  let user: TestUser;
  let channelId: string;
  let n = 0;
  const unique = (s: string) => `${s} ${++n}-${Date.now() % 100000}`;

  beforeAll(async () => {
    const port = await freePort();
    pin = await startPinterestEmulator({ redirectUri: `http://127.0.0.1:${port}/api/v1/oauth/callback/pinterest` });
    app = await createTestApp({
      providers: [pinterestProvider], config: { port },
      env: { VARDE_PINTEREST_CLIENT_ID: 'pin-client', VARDE_PINTEREST_CLIENT_SECRET: 'pin-secret', VARDE_PINTEREST_API_URL: pin.url, VARDE_PINTEREST_AUTH_URL: pin.url, VARDE_PINTEREST_TIMEOUT_MS: '1500', VARDE_RETRY_BASE_MS: '100',
        // Varde's signed media URLs are not served yet (the token is longer than Fastify's default maxParamLength of 100): send the bytes instead.
        VARDE_PINTEREST_MEDIA_SOURCE: 'base64' },
    });
    user = await app.signUp();
    const { result } = await connectThroughOAuth(app, user, 'pinterest');
    expect(result.status, JSON.stringify(result)).toBe('awaiting_pick');
    expect(result.candidates.map((c: any) => [c.externalId, c.handle])).toEqual([[LAUNCH, 'varde_pins/Launch'], [RECIPES, 'varde_pins/Recipes']]);
    const picked = await app.api('POST', `${user.ws}/channels/oauth/${result.state}/pick`, { externalIds: [LAUNCH] }, user.token);
    channelId = picked.body.channels[0].id;
    expect(picked.body.channels[0].settings).toEqual({ boardId: LAUNCH, boardName: 'Launch' });
  });

  afterAll(async () => {
    await app?.close();
    await pin?.close();
  });

  const upload = async (bytes: Uint8Array, type: string) => {
    const res = await app.api('POST', `${user.ws}/media`, Buffer.from(bytes), user.token, { 'content-type': type });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };

  const publish = async (body: Record<string, unknown>, options?: Record<string, unknown>) =>
    (await publishNow(app, user, channelId, body, options ? { options } : {}, { timeoutMs: 25_000 })).deliveries[0];

  const channelContext = () => connectedChannelContext(app, channelId);

  it('pins one image with title, link and alt text', async () => {
    const png = makePng(20, 30);
    const id = await upload(png, 'image/png');
    const d = await publish({ text: unique('Spring menu'), title: 'Spring', link: 'https://example.com/spring', media: [{ mediaId: id, alt: 'A plate of greens' }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const p = pin.pins.get(d.externalId)!;
    expect(p).toMatchObject({ board_id: LAUNCH, title: 'Spring', link: 'https://example.com/spring', alt_text: 'A plate of greens', source_type: 'image_base64' });
    expect(p.media.images[0].equals(Buffer.from(png))).toBe(true);
    expect(d.url).toBe(`https://www.pinterest.com/pin/${d.externalId}/`);
  });

  it('by default gives Pinterest the media URL to download (image_url, multiple_image_urls)', async () => {
    const bytes = [Buffer.from(makePng(6, 6)), Buffer.from(makePng(7, 6))];
    const files = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(bytes[Number(req.url!.slice(1))]));
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
      const ctx = { ...(await channelContext()), app: { ...app.varde.ctx.providers.appFor('pinterest'), values: { ...app.varde.ctx.providers.appFor('pinterest').values, MEDIA_SOURCE: undefined } }, mediaUrl: (m: { id: string }) => `${base}/${m.id}` };
      const media = bytes.map((b, i) => ({ id: String(i), mime: 'image/png', kind: 'image' as const, size: b.length, sha256: String(i), alt: null, read: async () => new Uint8Array(b) }));
      const content = (m: typeof media, text: string) => ({ parts: [{ text, media: m }], link: null, title: null, options: {}, meta: { postId: 'p', deliveryId: 'd', dueAt: null } });
      const one = await pinterestProvider.publish(ctx, content(media.slice(0, 1), unique('From URL')));
      expect(pin.pins.get(one.externalId)).toMatchObject({ source_type: 'image_url', media: { images: [bytes[0]] } });
      const two = await pinterestProvider.publish(ctx, content(media, unique('From URLs')));
      expect(pin.pins.get(two.externalId)).toMatchObject({ source_type: 'multiple_image_urls', media: { type: 'carousel', images: bytes } });
    } finally {
      files.close();
    }
  });

  it('pins a carousel of three images', async () => {
    const ids = [await upload(makePng(10, 10), 'image/png'), await upload(makePng(11, 10), 'image/png'), await upload(makePng(12, 10), 'image/png')];
    const d = await publish({ text: unique('Three steps'), media: ids.map((mediaId) => ({ mediaId, alt: 'step' })) });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    expect(pin.pins.get(d.externalId)!.media).toMatchObject({ type: 'carousel', contentTypes: ['image/png', 'image/png', 'image/png'] });
  });

  it('pins a video through the media upload, waiting for processing', async () => {
    const mp4 = makeMp4({ seconds: 8, padBytes: 200_000 });
    const d = await publish({ text: unique('Watch'), title: 'Clip', media: [{ mediaId: await upload(mp4, 'video/mp4') }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const p = pin.pins.get(d.externalId)!;
    expect(p.media).toMatchObject({ type: 'video', coverFrame: 0 });
    expect(pin.videos.get(p.media.videoId!)!.bytes!.equals(Buffer.from(mp4))).toBe(true);
  });

  it('fails a video Pinterest cannot process with its reason', async () => {
    pin.failNextVideo = 'Video too short';
    const d = await publish({ text: unique('Bad clip'), media: [{ mediaId: await upload(makeMp4({ seconds: 5 }), 'video/mp4') }] });
    expect(d.state).toBe('failed');
    expect(d.error.message).toContain('Video too short');
  });

  it('pins to another board named in the target, and refuses a malformed one before any call', async () => {
    const id = await upload(makePng(8, 9), 'image/png');
    const d = await publish({ text: unique('Soup'), media: [{ mediaId: id }] }, { board: RECIPES });
    expect(pin.pins.get(d.externalId)!.board_id).toBe(RECIPES);
    const before = pin.emu.writes().length;
    const bad = await publish({ text: unique('Soup'), media: [{ mediaId: id }] }, { board: 'recipes' });
    expect(bad.state).toBe('failed');
    expect(bad.error.message).toMatch(/board id/);
    expect(pin.emu.writes().length).toBe(before);
  });

  it('refuses over-limit content before any call', async () => {
    const id = await upload(makePng(8, 8), 'image/png');
    const before = pin.emu.writes().length;
    const body = { text: 'a'.repeat(801), title: 't'.repeat(101), media: [{ mediaId: id }], targets: [{ channelId }] };
    const check = await app.api('POST', `${user.ws}/posts/check`, body, user.token);
    expect(check.body.targets[0].problems.filter((p: any) => p.severity === 'error').map((p: any) => p.code).sort()).toEqual(['text.too_long', 'title.too_long']);
    expect((await app.api('POST', `${user.ws}/posts`, { ...body, schedule: { mode: 'now' } }, user.token)).status).toBeGreaterThanOrEqual(400);
    expect(pin.emu.writes().length).toBe(before);
  });

  it('renews an expired token with the continuous refresh token', async () => {
    pin.authority.expire();
    const d = await publish({ text: unique('Renewed'), media: [{ mediaId: await upload(makePng(9, 9), 'image/png') }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    expect(pin.authority.tokenRequests.filter((r) => r.grantType === 'refresh_token')).toHaveLength(1);
  });

  it('waits for the rate-limit reset before calling again', async () => {
    pin.emu.fault({ method: 'POST', path: '/v5/pins' }, { status: 429, json: { code: 8, message: 'You have exceeded your rate limit. Try again later.' }, headers: { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' } });
    const before = pin.emu.callsTo('POST', '/v5/pins').length;
    const d = await publish({ text: unique('Later'), media: [{ mediaId: await upload(makePng(9, 10), 'image/png') }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const calls = pin.emu.callsTo('POST', '/v5/pins').slice(before);
    expect(calls[0].status).toBe(429);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(1900);
  });

  it('reconciles a pin whose answer was lost, without pinning twice', async () => {
    const text = unique('Did it pin?');
    pin.emu.fault({ method: 'POST', path: '/v5/pins' }, { acceptThenHang: true });
    const d = await publish({ text, media: [{ mediaId: await upload(makePng(9, 11), 'image/png') }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    expect(d.attempts.map((a: any) => a.outcome)).toEqual(['unknown', 'reconciled']);
    expect([...pin.pins.values()].filter((p) => p.description === text)).toHaveLength(1);
  });

  it('fetches pin analytics and followers, normalised', async () => {
    const ctx = await channelContext();
    const [id] = [...pin.pins.keys()];
    pin.analytics.set(id, { IMPRESSION: 120, SAVE: 7, PIN_CLICK: 9, OUTBOUND_CLICK: 4 });
    const [m] = await pinterestProvider.fetchPostMetrics(ctx, [{ externalId: id, parts: [] }]);
    expect(m.metrics).toEqual({ impressions: 120, likes: null, comments: null, shares: null, saves: 7, clicks: 4 });
    expect(m.raw).toEqual({ IMPRESSION: 120, SAVE: 7, PIN_CLICK: 9, OUTBOUND_CLICK: 4 });
    expect(await pinterestProvider.fetchAccountMetrics(ctx)).toMatchObject({ followers: 321 });
  });

  it('deletes a pin through the API', async () => {
    const d = await publish({ text: unique('Gone soon'), media: [{ mediaId: await upload(makePng(7, 7), 'image/png') }] });
    const res = await app.api('POST', `${user.ws}/deliveries/${d.id}/unpublish`, undefined, user.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(pin.pins.has(d.externalId)).toBe(false);
  });
});
