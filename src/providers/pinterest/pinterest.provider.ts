/**
 * Pinterest (API v5). Connect with OAuth; each board is a channel. Publish a pin with one image, a
 * 2–5 image carousel or one video, with title, description, link and alt text, on the channel's
 * board or the one the target names.
 *
 * Pinterest has no idempotency key: a lost answer to `POST /v5/pins` is `unknown_outcome`, and
 * `reconcile` looks for the pin on its board (same title, description and link, created since the
 * delivery was due). Pinterest's v5 API has no comments or messages to read, and no webhooks for
 * organic content, so the inbox is not offered.
 */
import type { PostMetrics, Provider, ProviderContext, ReconcileOutcome } from '../contract.js';
import { channelTimeoutMs } from '../shared/request-timeout.js';
import { createPinterestApi, DEFAULT_TIMEOUT_MS, PinterestError, toProviderError } from './client.js';
import { pinterestOAuth, readCredentials, refreshPinterestCredentials } from './oauth.js';
import { findPin, lookupSince, pinBody, pinTarget, uploadVideo } from './pins.js';

function open(ctx: ProviderContext) {
  const creds = readCredentials(ctx.credentials);
  const api = createPinterestApi(ctx.http, ctx.app.urls.api, creds.accessToken, { timeoutMs: channelTimeoutMs(ctx.app.values, ctx.settings, DEFAULT_TIMEOUT_MS), signal: ctx.signal });
  return { api, creds };
}

const pinUrl = (id: string) => `https://www.pinterest.com/pin/${id}/`;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const day = (d: Date) => d.toISOString().slice(0, 10);

export const pinterestProvider = {
  network: 'pinterest',
  idempotentPublish: false,
  app: {
    required: ['CLIENT_ID', 'CLIENT_SECRET'],
    optional: ['MEDIA_SOURCE', 'TIMEOUT_MS'],
    urls: { api: 'https://api.pinterest.com', auth: 'https://www.pinterest.com' },
  },
  oauth: pinterestOAuth,
  inboxKinds: [],

  refreshCredentials: (http, app, credentials) => refreshPinterestCredentials(http, app, credentials),

  async publish(ctx, content) {
    const { api } = open(ctx);
    const target = pinTarget(ctx, content);
    const known = ctx.previousParts?.[0];
    if (known) return { externalId: known.externalId, url: known.url, parts: [known] };
    const video = content.parts[0].media.find((m) => m.kind === 'video');
    const videoId = video ? await uploadVideo(ctx, api, video).catch((err: unknown) => {
      throw toProviderError(err, 'upload the video');
    }) : undefined;
    const body = await pinBody(ctx, content, target, videoId);
    const pin = await api<{ id: string }>('POST', '/v5/pins', { json: body }).catch((err: unknown) => {
      throw toProviderError(err, 'create the pin', true);
    });
    const part = { externalId: pin.id, url: pinUrl(pin.id), ref: { boardId: target.boardId } };
    await ctx.onPartPublished?.(0, part);
    return { externalId: pin.id, url: part.url, parts: [part], detail: { boardId: target.boardId } };
  },

  async reconcile(ctx, content): Promise<ReconcileOutcome> {
    const { api } = open(ctx);
    try {
      const target = pinTarget(ctx, content);
      const body = await pinBody({ ...ctx, mediaUrl: () => '' }, content, target, content.parts[0].media.some((m) => m.kind === 'video') ? 'video' : undefined);
      const found = await findPin(api, body, lookupSince(content));
      if (!found) return { status: 'not_found' };
      const part = { externalId: found.id, url: pinUrl(found.id), ref: { boardId: target.boardId } };
      return { status: 'published', result: { externalId: found.id, url: part.url, parts: [part] } };
    } catch (err) {
      return { status: 'unknown', evidence: `Pinterest could not be asked for the board's pins: ${toProviderError(err, 'look the pin up').message}` };
    }
  },

  async deletePost(ctx, result) {
    const { api } = open(ctx);
    await api('DELETE', `/v5/pins/${result.externalId}`).catch((err: unknown) => {
      if (!(err instanceof PinterestError && err.status === 404)) throw toProviderError(err, 'delete the pin');
    });
  },

  describeSettings: (settings) => ({ boardId: settings.boardId ?? null, boardName: settings.boardName ?? null }),

  /** Impressions, saves and clicks over the last 90 days (Pinterest's analytics window). */
  async fetchPostMetrics(ctx, posts) {
    const { api } = open(ctx);
    const out: PostMetrics[] = [];
    const end = new Date();
    const start = new Date(end.getTime() - 89 * 86400_000);
    for (const p of posts) {
      const res = await api<{ all?: { summary_metrics?: Record<string, number>; lifetime_metrics?: Record<string, number> } }>('GET', `/v5/pins/${p.externalId}/analytics`, {
        query: { start_date: day(start), end_date: day(end), metric_types: 'IMPRESSION,SAVE,PIN_CLICK,OUTBOUND_CLICK' },
      }).catch((err: unknown) => {
        throw toProviderError(err, 'read pin analytics');
      });
      const m = res.all?.summary_metrics ?? res.all?.lifetime_metrics ?? {};
      out.push({
        externalId: p.externalId,
        metrics: { impressions: num(m.IMPRESSION), likes: null, comments: null, shares: null, saves: num(m.SAVE), clicks: num(m.OUTBOUND_CLICK) ?? num(m.PIN_CLICK) },
        raw: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, num(v)])),
      });
    }
    return out;
  },

  async fetchAccountMetrics(ctx) {
    const { api } = open(ctx);
    const me = await api<{ follower_count?: number; following_count?: number; pin_count?: number; monthly_views?: number }>('GET', '/v5/user_account').catch((err: unknown) => {
      throw toProviderError(err, 'read the follower count');
    });
    return { followers: num(me.follower_count), raw: { follower_count: num(me.follower_count), following_count: num(me.following_count), pin_count: num(me.pin_count), monthly_views: num(me.monthly_views) } };
  },
} satisfies Provider;
