/**
 * X (API v2). Connect with OAuth 2.0 + PKCE; publish text, up to four images, a GIF or a video
 * (chunked upload), an attached link, a poll, and threads as reply chains.
 *
 * X has no idempotency key, so exactly-once rests on looking: each accepted part is recorded at
 * once (`onPartPublished`), an answer that never came is `unknown_outcome`, and `reconcile` then
 * finds the part on the account's own recent posts by its text, place in the thread and time.
 * X's refusal of identical recent text ("duplicate content") gets the same look-up before it is
 * reported, because it is what a retry of a post that did go out looks like.
 */
import type { InboxItem, Provider, ProviderContext, PublishContent, PublishedPart, PublishResult, ReconcileOutcome } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { channelTimeoutMs } from '../shared/request-timeout.js';
import { createXApi, DEFAULT_TIMEOUT_MS, toProviderError, XApiError, type XApi } from './client.js';
import { listXInbox, replyOnX, xAccountMetrics, xPostMetrics } from './inbox.js';
import { uploadMedia } from './media.js';
import { readCredentials, refreshXCredentials, xOAuth } from './oauth.js';
import { lookupSince, matchTweet, partText, readOptions, recentTweets, tweetBody, type TimelineTweet } from './tweets.js';
import { xWebhooks } from './webhooks.js';

/** The request timeout: channel setting `timeoutMs`, else VARDE_X_TIMEOUT_MS, else 30 s. */
function timeoutOf(ctx: ProviderContext): number {
  return channelTimeoutMs(ctx.app.values, ctx.settings, DEFAULT_TIMEOUT_MS);
}

function open(ctx: ProviderContext) {
  const creds = readCredentials(ctx.credentials);
  const api = createXApi(ctx.http, ctx.app.urls.api, creds.accessToken, { timeoutMs: timeoutOf(ctx), signal: ctx.signal });
  return { api, creds };
}

const tweetUrl = (username: string, id: string) => `https://x.com/${username}/status/${id}`;

/** Finds part `i` on the timeline (fetched once, lazily). */
async function findPart(api: XApi, userId: string, content: PublishContent, i: number, replyTo: string | null, cache: { tweets?: TimelineTweet[] }) {
  cache.tweets ??= await recentTweets(api, userId, lookupSince(content));
  return matchTweet(cache.tweets, partText(content, i), content.parts[i].media.length, replyTo);
}

export const xProvider = {
  network: 'x',
  idempotentPublish: false,
  app: {
    required: ['CLIENT_ID'],
    optional: ['CLIENT_SECRET', 'CONSUMER_SECRET', 'TIMEOUT_MS'],
    urls: { api: 'https://api.x.com', auth: 'https://x.com' },
  },
  oauth: xOAuth,
  inboxKinds: ['mention', 'reply', 'quote', 'message'],
  webhooks: xWebhooks,

  refreshCredentials: (http, app, credentials) => refreshXCredentials(http, app, credentials),

  /** Publishes the post and its follow-ups as a reply chain, recording each part as X accepts it. */
  async publish(ctx, content) {
    const { api, creds } = open(ctx);
    const extra = readOptions(content.options, content.parts[0].media.length > 0);
    const parts: PublishedPart[] = [];
    const cache: { tweets?: TimelineTweet[] } = {};
    for (let i = 0; i < content.parts.length; i++) {
      const known = ctx.previousParts?.[i];
      if (known) {
        parts.push(known);
        continue;
      }
      const text = partText(content, i);
      const mediaIds: string[] = [];
      for (const item of content.parts[i].media) mediaIds.push(await uploadMedia(api, item));
      const replyTo = i === 0 ? null : parts[i - 1].externalId;
      let id: string;
      try {
        const res = await api<{ data: { id: string } }>('POST', '/2/tweets', { json: tweetBody(text, mediaIds, replyTo, i === 0 ? extra : {}) });
        id = res.data.id;
      } catch (err) {
        if (!(err instanceof XApiError && err.isDuplicate)) throw toProviderError(err, 'publish the post', true);
        const found = await findPart(api, creds.userId, content, i, replyTo, cache).catch(() => undefined);
        if (!found) throw toProviderError(err, 'publish the post', true);
        id = found.id;
      }
      const part = { externalId: id, url: tweetUrl(creds.username, id) };
      parts.push(part);
      await ctx.onPartPublished?.(i, part);
    }
    return { externalId: parts[0].externalId, url: parts[0].url, parts, detail: { userId: creds.userId } };
  },

  /**
   * Looks for each part not yet on record among the account's posts since the delivery was due.
   * Parts found are recorded (so a publish after `not_found` continues the thread after them);
   * `published` when every part is there; `unknown` when X cannot be asked (e.g. the access tier
   * has no timeline reads).
   */
  async reconcile(ctx, content): Promise<ReconcileOutcome> {
    const { api, creds } = open(ctx);
    const parts: PublishedPart[] = [];
    const cache: { tweets?: TimelineTweet[] } = {};
    try {
      for (let i = 0; i < content.parts.length; i++) {
        const known = ctx.previousParts?.[i];
        const found = known ? undefined : await findPart(api, creds.userId, content, i, i === 0 ? null : parts[i - 1].externalId, cache);
        if (!known && !found) break;
        const part = known ?? { externalId: found!.id, url: tweetUrl(creds.username, found!.id) };
        if (!known) {
          (ctx.previousParts ??= [])[i] = part;
          await ctx.onPartPublished?.(i, part);
        }
        parts.push(part);
      }
    } catch (err) {
      return { status: 'unknown', evidence: `X could not be asked for the account's recent posts: ${toProviderError(err, 'look the post up').message}` };
    }
    if (parts.length < content.parts.length) return { status: 'not_found' };
    return { status: 'published', result: { externalId: parts[0].externalId, url: parts[0].url, parts } };
  },

  /** Deletes every part, last first; a part already gone counts as deleted. */
  async deletePost(ctx, result: PublishResult) {
    const { api } = open(ctx);
    const ids = (result.parts.length ? result.parts.map((p) => p.externalId) : [result.externalId]).reverse();
    for (const id of ids) {
      await api('DELETE', `/2/tweets/${id}`).catch((err: unknown) => {
        if (!(err instanceof XApiError && err.status === 404)) throw toProviderError(err, 'delete the post');
      });
    }
  },

  describeSettings: () => ({}),

  async listInbox(ctx, opts) {
    const { api, creds } = open(ctx);
    return listXInbox(api, creds.userId, opts).catch((err: unknown) => {
      throw toProviderError(err, 'read mentions and messages');
    });
  },

  async replyTo(ctx, item: InboxItem, content) {
    const { api, creds } = open(ctx);
    const mediaIds: string[] = [];
    for (const m of content.media) mediaIds.push(await uploadMedia(api, m));
    return replyOnX(api, creds.username, item, content, mediaIds).catch((err: unknown) => {
      throw toProviderError(err, 'reply', true);
    });
  },

  /** Hides (or shows again) a reply in a conversation the account started. */
  async hideItem(ctx, item, hidden) {
    if (item.kind === 'message') throw new ProviderError('rejected', 'X cannot hide a direct message');
    const { api } = open(ctx);
    await api('PUT', `/2/tweets/${item.externalId}/hidden`, { json: { hidden } }).catch((err: unknown) => {
      throw toProviderError(err, hidden ? 'hide the reply' : 'show the reply');
    });
  },

  async likeItem(ctx, item) {
    if (item.kind === 'message') throw new ProviderError('rejected', 'X cannot like a direct message');
    const { api, creds } = open(ctx);
    await api('POST', `/2/users/${creds.userId}/likes`, { json: { tweet_id: item.externalId } }).catch((err: unknown) => {
      throw toProviderError(err, 'like the post');
    });
  },

  async fetchPostMetrics(ctx, posts) {
    const { api } = open(ctx);
    return xPostMetrics(api, posts).catch((err: unknown) => {
      throw toProviderError(err, 'read post metrics');
    });
  },

  async fetchAccountMetrics(ctx) {
    const { api } = open(ctx);
    return xAccountMetrics(api).catch((err: unknown) => {
      throw toProviderError(err, 'read the follower count');
    });
  },
} satisfies Provider;
