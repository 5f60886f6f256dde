/**
 * Validation before anything is saved, through the HTTP API: the dry-run check answers every
 * problem per target (stable code, params, a message a marketer understands) and saves nothing;
 * creating the same post is a 422 with the same report, and saves nothing either. Bluesky
 * channels are inserted directly (no PDS): validation never calls the network.
 */
import dns from 'node:dns/promises';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../src/net/address-policy.js';
import { ENGINES } from '../support/databases.js';
import { createTestApp, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { countRows, insertBlueskyChannel } from './fixtures.js';

/** The machine's own name when it resolves to a loopback or private address (it usually does). */
async function localHostname(): Promise<string | null> {
  const name = os.hostname().toLowerCase();
  if (name === 'localhost') return null;
  try {
    const addresses = await dns.lookup(name, { all: true });
    return addresses.length > 0 && addresses.every((a) => !isPublicAddress(a.address)) ? name : null;
  } catch {
    return null;
  }
}

describe.each(ENGINES)('validation on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;
  let stranger: TestUser;
  let bsky: { id: string; name: string };
  let hookId: string;
  let strangerChannelId: string;

  beforeAll(async () => {
    app = await createTestApp({ engine });
    user = await app.signUp();
    stranger = await app.signUp();
    bsky = await insertBlueskyChannel(app, user, { name: 'Brand on Bluesky' });
    // A webhook channel that is never called: checks and drafts do not publish.
    const hook = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: 'https://hooks.example.com/varde', name: 'Site hook' }, user.token);
    hookId = hook.body.id;
    strangerChannelId = (await insertBlueskyChannel(app, stranger)).id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const saved = async () => ({ posts: await countRows(app, 'posts'), deliveries: await countRows(app, 'deliveries') });

  /** Dry-runs `body`, then creates it: both must agree, and neither may save anything. */
  async function checkThenCreate(body: Record<string, unknown>) {
    const before = await saved();
    const check = await app.api('POST', `${user.ws}/posts/check`, body, user.token);
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(await saved()).toEqual(before);
    const created = await app.api('POST', `${user.ws}/posts`, { schedule: { mode: 'at', at: '2031-01-01T09:00:00Z' }, ...body }, user.token);
    expect(created.status, JSON.stringify(created.body)).toBe(422);
    expect(created.body.error.code).toBe('validation_failed');
    expect(created.body.error.details).toEqual(check.body);
    expect(await saved()).toEqual(before);
    return { report: check.body, error: created.body.error };
  }

  const target = (report: any, channelId: string) => report.targets.find((t: any) => t.channelId === channelId);

  it('passes a post that fits, with counts per target, and saves nothing', async () => {
    const before = await saved();
    const res = await app.api('POST', `${user.ws}/posts/check`, { text: 'Hello 👩‍👩‍👧‍👦 world', targets: [{ channelId: bsky.id }, { channelId: hookId }] }, user.token);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.problems).toEqual([]);
    const b = target(res.body, bsky.id);
    expect(b).toMatchObject({ channelName: 'Brand on Bluesky', network: 'bluesky', ok: true, problems: [] });
    // The family emoji is one grapheme, as Bluesky counts it.
    expect(b.counts).toEqual({ count: 13, limit: 300, unit: 'graphemes' });
    expect(target(res.body, hookId)).toMatchObject({ network: 'webhook', ok: true, problems: [] });
    expect(await saved()).toEqual(before);
  });

  it('counts Bluesky text in graphemes: 299 with flags and accents fits', async () => {
    const res = await app.api('POST', `${user.ws}/posts/check`, { text: `${'a'.repeat(290)} 🇳🇴🇳🇴🇳🇴🇳🇴🇳🇴 éé`, targets: [{ channelId: bsky.id }] }, user.token);
    expect(res.body.ok).toBe(true);
    expect(target(res.body, bsky.id)).toMatchObject({ ok: true, counts: { count: 299, limit: 300, unit: 'graphemes' }, problems: [] });
  });

  it('reports text over Bluesky’s 300 graphemes with the exact message, and 422 on create', async () => {
    const { report, error } = await checkThenCreate({ text: `Launch day! ${'x'.repeat(300)}`, targets: [{ channelId: bsky.id }, { channelId: hookId }] });
    const b = target(report, bsky.id);
    expect(b.ok).toBe(false);
    expect(b.counts).toEqual({ count: 312, limit: 300, unit: 'graphemes' });
    expect(b.problems).toEqual([expect.objectContaining({ code: 'text.too_long', field: 'text', params: { count: 312, limit: 300, unit: 'graphemes' }, message: 'Bluesky: 312 of 300 characters' })]);
    expect(target(report, hookId).ok).toBe(true);
    expect(error.message).toBe('Bluesky: 312 of 300 characters');
  });

  it('reports Bluesky’s 3,000-byte ceiling even when the graphemes fit', async () => {
    const family = '👩‍👩‍👧‍👦'; // one grapheme, 25 bytes
    const { report } = await checkThenCreate({ text: family.repeat(200), targets: [{ channelId: bsky.id }] });
    const b = target(report, bsky.id);
    expect(b.counts).toEqual({ count: 200, limit: 300, unit: 'graphemes' });
    expect(b.problems).toEqual([expect.objectContaining({ code: 'text.too_many_bytes', params: { count: 5000, limit: 3000, unit: 'bytes' }, message: 'Bluesky: 5,000 of 3,000 bytes' })]);
  });

  it('reports 5 images for Bluesky as media.too_many', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await uploadPng(app, user, { width: 4 + i, height: 4 }));
    const { report } = await checkThenCreate({ text: 'Five pictures', media: ids.map((mediaId, i) => ({ mediaId, alt: `picture ${i + 1}` })), targets: [{ channelId: bsky.id }] });
    expect(target(report, bsky.id).problems).toEqual([
      { code: 'media.too_many', severity: 'error', field: 'media', params: { kind: 'image', count: 5, limit: 4 }, message: 'Bluesky: 5 images, at most 4' },
    ]);
  });

  it('reports an image over 2 MB for Bluesky as media.too_large', async () => {
    const big = await uploadPng(app, user, { padBytes: 2_100_000 });
    const { report } = await checkThenCreate({ text: 'A big one', media: [{ mediaId: big, alt: 'big' }], targets: [{ channelId: bsky.id }, { channelId: hookId }] });
    const [problem] = target(report, bsky.id).problems;
    expect(problem).toMatchObject({ code: 'media.too_large', severity: 'error', field: 'media[0]', params: { index: 0, kind: 'image', limit: 2_000_000 } });
    expect(problem.params.size).toBeGreaterThan(2_100_000);
    expect(problem.message).toBe('Bluesky: image 1 is 2.2 MB, at most 2 MB');
    expect(target(report, hookId).ok).toBe(true);
  });

  it('checks per-target overrides and follow-ups on their own', async () => {
    const { report } = await checkThenCreate({
      text: 'Short base',
      followups: [{ text: 'fine' }],
      targets: [{ channelId: hookId }, { channelId: bsky.id, followups: [{ text: 'fine' }, { text: 'y'.repeat(301) }] }],
    });
    expect(target(report, hookId).ok).toBe(true);
    expect(target(report, bsky.id).problems).toEqual([
      expect.objectContaining({ code: 'text.too_long', field: 'followups[1].text', message: 'Bluesky: follow-up 2: 301 of 300 characters' }),
    ]);
  });

  describe('a link card pointing at a private address', () => {
    const privateLinks = ['http://10.0.0.1/x', 'http://169.254.169.254/', 'http://127.0.0.2:9/', 'http://[::1]/', 'http://0x7f000002/', 'http://[::ffff:192.168.0.1]/'];

    it.each(privateLinks)('refuses %s as link.not_allowed', async (link) => {
      const { report } = await checkThenCreate({ text: 'See this', link, targets: [{ channelId: bsky.id }] });
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ code: 'link.not_allowed', severity: 'error', field: 'link', params: { reason: expect.stringMatching(/private or local address/) } })]);
      expect(report.problems[0].message).toMatch(/^The link cannot be used for a link card: /);
    });

    it('refuses a host name that resolves to a local address and is not on the allow-list', async (ctx) => {
      const name = await localHostname();
      if (!name) return ctx.skip();
      const { report } = await checkThenCreate({ text: 'See this', link: `http://${name}:8080/page`, targets: [{ channelId: bsky.id }] });
      expect(report.problems).toEqual([expect.objectContaining({ code: 'link.not_allowed', params: { reason: expect.stringContaining(name) } })]);
    });

    it('lets allow-listed hosts and public addresses through', async () => {
      for (const link of ['http://127.0.0.1:9/page', 'http://localhost:9/page', 'https://93.184.215.14/']) {
        const res = await app.api('POST', `${user.ws}/posts/check`, { text: 'See this', link, targets: [{ channelId: bsky.id }] }, user.token);
        expect(res.body.problems, link).toEqual([]);
      }
    });
  });

  describe('ids that are not the caller’s', () => {
    it('answers unknown channel ids with 422 naming them, on check and on create', async () => {
      const missing = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
      const before = await saved();
      for (const url of [`${user.ws}/posts/check`, `${user.ws}/posts`]) {
        const res = await app.api('POST', url, { text: 'hi', targets: [{ channelId: bsky.id }, ...missing.map((channelId) => ({ channelId }))] }, user.token);
        expect(res.status).toBe(422);
        expect(res.body.error.message).toBe(`Unknown channels: ${missing.join(', ')}`);
        expect(res.body.error.details).toEqual({ missingChannels: missing });
      }
      expect(await saved()).toEqual(before);
    });

    it('answers another workspace’s channel id exactly like an unknown one', async () => {
      const before = await saved();
      for (const url of [`${user.ws}/posts/check`, `${user.ws}/posts`]) {
        const res = await app.api('POST', url, { text: 'hi', targets: [{ channelId: strangerChannelId }] }, user.token);
        expect(res.status).toBe(422);
        expect(res.body.error).toEqual({ code: 'validation_failed', message: `Unknown channel: ${strangerChannelId}`, details: { missingChannels: [strangerChannelId] } });
      }
      expect(await saved()).toEqual(before);
    });

    it('answers unknown media, and another workspace’s media, with 422 naming them', async () => {
      const foreign = await uploadPng(app, stranger);
      const unknown = '00000000-0000-4000-8000-0000000000ff';
      const before = await saved();
      for (const mediaId of [unknown, foreign]) {
        for (const url of [`${user.ws}/posts/check`, `${user.ws}/posts`]) {
          const res = await app.api('POST', url, { text: 'hi', media: [{ mediaId }], targets: [{ channelId: bsky.id }] }, user.token);
          expect(res.status).toBe(422);
          expect(res.body.error.message).toContain(`Unknown media: ${mediaId}`);
          expect(res.body.error.details).toEqual({ missing: [mediaId] });
        }
      }
      // Media named only in a per-target override or a follow-up is checked too.
      const inOverride = await app.api('POST', `${user.ws}/posts`, { text: 'hi', targets: [{ channelId: bsky.id, followups: [{ text: 'x', media: [{ mediaId: foreign }] }] }] }, user.token);
      expect(inOverride.status).toBe(422);
      expect(await saved()).toEqual(before);
    });

    it('refuses malformed ids with 400 naming the field', async () => {
      const res = await app.api('POST', `${user.ws}/posts/check`, { text: 'hi', targets: [{ channelId: 'bluesky' }], media: [{ mediaId: 42 }] }, user.token);
      expect(res.status).toBe(400);
      const fields = res.body.error.details.map((d: any) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['body.targets.0.channelId', 'body.media.0.mediaId']));
    });
  });

  it('reports an empty post and a scheduled post without targets', async () => {
    const empty = await app.api('POST', `${user.ws}/posts/check`, { text: '   ', targets: [{ channelId: bsky.id }] }, user.token);
    expect(empty.body.ok).toBe(false);
    expect(target(empty.body, bsky.id).problems).toEqual([expect.objectContaining({ code: 'content.empty', field: 'text', message: 'Bluesky: the post is empty' })]);
    const before = await saved();
    const noTargets = await app.api('POST', `${user.ws}/posts`, { text: 'to nowhere', schedule: { mode: 'now' } }, user.token);
    expect(noTargets.status).toBe(422);
    expect(noTargets.body.error.details.problems).toEqual([expect.objectContaining({ code: 'targets.required' })]);
    expect(await saved()).toEqual(before);
  });
});
