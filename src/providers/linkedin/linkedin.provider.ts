/**
 * LinkedIn (Posts API, versioned REST). Connect with OAuth; the member and every page they
 * administer are candidates. Publish text (little-text escaped, hashtags kept), one image or GIF,
 * 2–20 images (multiImage), one video (multipart upload with ETags), a link as an article, an
 * optional first comment; visibility and page targeting from the target's options.
 *
 * LinkedIn has no idempotency key. The new post's URN comes back in `x-restli-id`; each accepted
 * part (the post, then the first comment) is recorded at once; a lost answer is `unknown_outcome`
 * and `reconcile` looks the post up among the author's recent posts (this needs
 * `r_organization_social` for pages — for members LinkedIn restricts the read, so a lost answer on a
 * member post becomes needs_attention). "Content is a duplicate of urn:li:share:…" gets the same
 * look-up: the named post is taken as this delivery's own only if it appeared after it was due.
 */
import type { Provider, ProviderContext, PublishedPart, ReconcileOutcome } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { channelTimeoutMs } from '../shared/request-timeout.js';
import { createLinkedInApi, DEFAULT_TIMEOUT_MS, enc, LinkedInError, toProviderError, type LinkedInApi } from './client.js';
import { accountMetrics, commentOn, deleteComment, likeComment, listComments, postMetrics, replyToComment } from './inbox.js';
import { uploadMedia } from './media.js';
import { linkedinOAuth, readCredentials, refreshLinkedInCredentials } from './oauth.js';
import { findPost, lookupSince, postBody, postUrl, readOptions, toLittleText, type MediaRef } from './posts.js';
import { linkedinWebhooks } from './webhooks.js';

/** The request timeout: channel setting `timeoutMs`, else VARDE_LINKEDIN_TIMEOUT_MS, else 30 s. */
function timeoutOf(ctx: ProviderContext): number {
  return channelTimeoutMs(ctx.app.values, ctx.settings, DEFAULT_TIMEOUT_MS);
}

function open(ctx: ProviderContext) {
  const creds = readCredentials(ctx.credentials);
  const author = typeof ctx.settings.author === 'string' ? ctx.settings.author : ctx.account.externalId ?? creds.memberUrn;
  const api = createLinkedInApi(ctx.http, ctx.app.urls.api, creds.accessToken, { version: ctx.app.values.API_VERSION, timeoutMs: timeoutOf(ctx), signal: ctx.signal });
  return { api, author };
}

/** The post if it appeared since the delivery was due (a duplicate LinkedIn named, or a look-up). */
async function adoptIfRecent(api: LinkedInApi, urn: string, since: Date | null): Promise<boolean> {
  const { body } = await api<{ createdAt?: number }>('GET', `/rest/posts/${enc(urn)}`);
  return !since || (body.createdAt ?? 0) >= since.getTime();
}

async function findComment(api: LinkedInApi, author: string, post: string, text: string): Promise<PublishedPart | undefined> {
  const { body } = await api<{ elements?: { commentUrn?: string; $URN?: string; actor?: string; message?: { text?: string } }[] }>('GET', `/rest/socialActions/${enc(post)}/comments`, { query: 'count=100' });
  const c = (body.elements ?? []).find((e) => e.actor === author && (e.message?.text === text || e.message?.text === toLittleText(text)));
  const urn = c && (c.commentUrn ?? c.$URN);
  return urn ? { externalId: urn } : undefined;
}

export const linkedinProvider = {
  network: 'linkedin',
  idempotentPublish: false,
  app: {
    required: ['CLIENT_ID', 'CLIENT_SECRET'],
    optional: ['ORGANIZATIONS', 'API_VERSION', 'TIMEOUT_MS'],
    urls: { api: 'https://api.linkedin.com', auth: 'https://www.linkedin.com' },
  },
  oauth: linkedinOAuth,
  inboxKinds: ['comment', 'reply'],
  webhooks: linkedinWebhooks,

  refreshCredentials: (http, app, credentials) => refreshLinkedInCredentials(http, app, credentials),

  async publish(ctx, content) {
    const { api, author } = open(ctx);
    const opts = readOptions(content.options, author);
    const since = lookupSince(content);
    const parts: PublishedPart[] = [];
    let post = ctx.previousParts?.[0];
    if (!post) {
      const media: MediaRef[] = [];
      for (const item of content.parts[0].media) media.push({ urn: await uploadMedia(api, author, item), kind: item.kind, alt: item.alt });
      let urn: string;
      try {
        const res = await api('POST', '/rest/posts', { json: postBody(author, content, media, opts) });
        urn = res.headers['x-restli-id'] ?? '';
        if (!urn) throw new ProviderError('unknown_outcome', 'LinkedIn accepted the post but returned no x-restli-id');
      } catch (err) {
        const dup = err instanceof LinkedInError ? err.duplicateOf : null;
        if (!dup || !(await adoptIfRecent(api, dup, since).catch(() => false))) throw toProviderError(err, 'publish the post', true);
        urn = dup;
      }
      post = { externalId: urn, url: postUrl(urn) };
      await ctx.onPartPublished?.(0, post);
    }
    parts.push(post);
    if (opts.firstComment) {
      let comment = ctx.previousParts?.[1];
      if (!comment) {
        comment = await commentOn(api, author, post.externalId, opts.firstComment).catch((err: unknown) => {
          throw toProviderError(err, 'add the first comment', true);
        });
        await ctx.onPartPublished?.(1, comment);
      }
      parts.push(comment);
    }
    return { externalId: post.externalId, url: post.url, parts, detail: { author } };
  },

  /** Looks the post (then its first comment) up; found parts are recorded so a publish continues after them. */
  async reconcile(ctx, content): Promise<ReconcileOutcome> {
    const { api, author } = open(ctx);
    try {
      const opts = readOptions(content.options, author);
      const record = async (i: number, part: PublishedPart) => {
        (ctx.previousParts ??= [])[i] = part;
        await ctx.onPartPublished?.(i, part);
      };
      let post = ctx.previousParts?.[0];
      if (!post) {
        const found = await findPost(api, author, postBody(author, content, [], opts).commentary, lookupSince(content));
        if (!found) return { status: 'not_found' };
        post = { externalId: found.id, url: postUrl(found.id) };
        await record(0, post);
      }
      const parts = [post];
      if (opts.firstComment) {
        const comment = ctx.previousParts?.[1] ?? (await findComment(api, author, post.externalId, opts.firstComment));
        if (!comment) return { status: 'not_found' };
        if (!ctx.previousParts?.[1]) await record(1, comment);
        parts.push(comment);
      }
      return { status: 'published', result: { externalId: post.externalId, url: post.url, parts } };
    } catch (err) {
      return { status: 'unknown', evidence: `LinkedIn could not be asked for the author's recent posts: ${toProviderError(err, 'look the post up').message}` };
    }
  },

  async deletePost(ctx, result) {
    const { api } = open(ctx);
    await api('DELETE', `/rest/posts/${enc(result.externalId)}`).catch((err: unknown) => {
      if (!(err instanceof LinkedInError && err.status === 404)) throw toProviderError(err, 'delete the post');
    });
  },

  describeSettings: (settings) => ({ author: typeof settings.author === 'string' ? settings.author : null }),

  async listInbox(ctx, opts) {
    const { api, author } = open(ctx);
    return listComments(api, author, opts.recentPosts ?? [], opts.cursor).catch((err: unknown) => {
      throw toProviderError(err, 'read comments');
    });
  },

  async replyTo(ctx, item, content) {
    const { api, author } = open(ctx);
    return replyToComment(api, author, item, content).catch((err: unknown) => {
      throw toProviderError(err, 'reply to the comment', true);
    });
  },

  async deleteItem(ctx, item) {
    const { api, author } = open(ctx);
    await deleteComment(api, author, item).catch((err: unknown) => {
      throw toProviderError(err, 'delete the comment');
    });
  },

  async likeItem(ctx, item) {
    const { api, author } = open(ctx);
    await likeComment(api, author, item).catch((err: unknown) => {
      throw toProviderError(err, 'like the comment');
    });
  },

  async fetchPostMetrics(ctx, posts) {
    const { api, author } = open(ctx);
    return postMetrics(api, author, posts).catch((err: unknown) => {
      throw toProviderError(err, 'read post statistics');
    });
  },

  async fetchAccountMetrics(ctx) {
    const { api, author } = open(ctx);
    return accountMetrics(api, author).catch((err: unknown) => {
      throw toProviderError(err, 'read the follower count');
    });
  },
} satisfies Provider;
