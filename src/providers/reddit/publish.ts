/**
 * Publishing to a subreddit (or the user's own profile, `u_<name>`): a text post, a link post, an
 * image post, a gallery of images (`/api/submit_gallery_post.json`), or a video post — each with the
 * title, optional body text, flair, NSFW/spoiler marks — and an optional first comment.
 *
 * Image and video posts are the trap: Reddit answers their submit with only a websocket URL and makes
 * the post once the media is processed, so Varde waits for the post to appear in the user's
 * submitted listing. A link already posted to the subreddit answers ALREADY_SUB — and when the earlier
 * post is the user's own (a retry), Varde takes it as this delivery's post.
 */
import type { PublishContent, PublishedPart, PublishResult, ProviderContext } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { createRedditApi, DEFAULT_API_URL, RedditApiError, timeoutOf, toProviderError, userAgentOf, type RedditApi } from './client.js';
import { DEFAULT_VIDEO_POSTER, uploadMedia } from './media.js';
import { findOwnPost, postPart, sinceOf, type RedditPost } from './lookup.js';

export interface RedditChannel {
  api: RedditApi;
  ctx: ProviderContext;
  apiUrl: string;
  username: string;
}

/** Per-target options Varde reads for Reddit (docs/networks/reddit.md). */
export interface PostOptions {
  subreddit: string;
  flairId?: string;
  flairText?: string;
  nsfw: boolean;
  spoiler: boolean;
  sendReplies: boolean;
  resubmit: boolean;
  firstComment?: string;
}

const OPTION_KEYS = ['subreddit', 'flairId', 'flairText', 'nsfw', 'spoiler', 'sendReplies', 'resubmit', 'firstComment'];
const IMAGE_WAIT_MS = 30_000;
const VIDEO_WAIT_MS = 180_000;

export function openChannel(ctx: ProviderContext): RedditChannel {
  const token = ctx.credentials.accessToken;
  const username = ctx.settings.username;
  if (typeof token !== 'string' || !token || typeof username !== 'string') throw new ProviderError('auth_expired', 'This Reddit channel has no token; reconnect it');
  const apiUrl = ctx.app.urls.api ?? DEFAULT_API_URL;
  return { api: createRedditApi(ctx.http, apiUrl, token, userAgentOf(ctx.app.values), { timeoutMs: timeoutOf(ctx.app.values, ctx.settings), signal: ctx.signal }), ctx, apiUrl, username };
}

/** `r/typescript`, `/r/typescript`, `typescript` → `typescript`; `u/alice` → `u_alice`. */
export function normalizeSubreddit(value: string): string {
  const v = value.trim().replace(/^\/+/, '');
  const user = /^u(?:ser)?\/([\w-]{3,20})\/?$/i.exec(v);
  if (user) return `u_${user[1]}`;
  const name = v.replace(/^r\//i, '').replace(/\/$/, '');
  if (!/^(u_)?[A-Za-z0-9][\w]{1,20}$/.test(name)) throw new ProviderError('rejected', `"${value}" is not a subreddit name like r/typescript`);
  return name;
}

export function readOptions(options: PublishContent['options'], settings: Record<string, unknown>): PostOptions {
  const given = options ?? {};
  const unknown = Object.keys(given).filter((k) => !OPTION_KEYS.includes(k));
  if (unknown.length) throw new ProviderError('rejected', `Reddit does not know the option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; use ${OPTION_KEYS.join(', ')}`);
  const bool = (key: string, fallback: boolean) => {
    if (given[key] === undefined) return fallback;
    if (typeof given[key] !== 'boolean') throw new ProviderError('rejected', `Reddit ${key} must be true or false`);
    return given[key] as boolean;
  };
  const text = (key: string, max: number) => {
    if (given[key] === undefined) return undefined;
    if (typeof given[key] !== 'string' || !(given[key] as string).trim() || (given[key] as string).length > max) throw new ProviderError('rejected', `Reddit ${key} must be text of at most ${max} characters`);
    return given[key] as string;
  };
  const subreddit = text('subreddit', 100) ?? (typeof settings.defaultSubreddit === 'string' ? settings.defaultSubreddit : undefined);
  if (!subreddit) throw new ProviderError('rejected', 'Choose the subreddit: set options.subreddit (e.g. "r/typescript") on this target');
  return {
    subreddit: normalizeSubreddit(subreddit), flairId: text('flairId', 100), flairText: text('flairText', 64),
    nsfw: bool('nsfw', false), spoiler: bool('spoiler', false), sendReplies: bool('sendReplies', true), resubmit: bool('resubmit', false),
    firstComment: text('firstComment', 10_000),
  };
}

/** Which kind of post the content makes. */
export function postKind(content: PublishContent): 'self' | 'link' | 'image' | 'gallery' | 'video' {
  const media = content.parts[0].media;
  if (media.some((m) => m.kind === 'video')) return 'video';
  if (media.length > 1) return 'gallery';
  if (media.length === 1) return 'image';
  return content.link ? 'link' : 'self';
}

function checkContent(content: PublishContent): string {
  const title = content.title?.trim();
  if (!title) throw new ProviderError('rejected', 'A Reddit post needs a title');
  if ([...title].length > 300) throw new ProviderError('rejected', 'A Reddit title is at most 300 characters');
  if (content.parts.length > 1) throw new ProviderError('rejected', 'Reddit posts have no thread: use options.firstComment for a first comment');
  const media = content.parts[0].media;
  if (media.some((m) => m.kind === 'video') && media.length > 1) throw new ProviderError('rejected', 'A Reddit video post holds one video and nothing else');
  return title;
}

/** Submits the post (part 0) and the first comment (part 1), reusing parts an earlier attempt made. */
export async function publishPost(ctx: ProviderContext, content: PublishContent): Promise<PublishResult> {
  const title = checkContent(content);
  const ch = openChannel(ctx);
  const opts = readOptions(content.options, ctx.settings);
  const kind = postKind(content);
  let post = ctx.previousParts?.[0];
  if (!post) {
    post = await submit(ch, content, title, opts, kind);
    await ctx.onPartPublished?.(0, post);
  }
  const parts: PublishedPart[] = [post];
  if (opts.firstComment) {
    let comment = ctx.previousParts?.[1];
    if (!comment) {
      comment = await addComment(ch.api, post.externalId, opts.firstComment);
      await ctx.onPartPublished?.(1, comment);
    }
    parts.push(comment);
  }
  return { externalId: post.externalId, url: post.url, parts, detail: { subreddit: opts.subreddit, kind } };
}

function common(opts: PostOptions, title: string, text: string) {
  return {
    sr: opts.subreddit, title, nsfw: opts.nsfw, spoiler: opts.spoiler, sendreplies: opts.sendReplies, flair_id: opts.flairId, flair_text: opts.flairText,
    validate_on_submit: true, ...(text.trim() ? { text } : {}),
  };
}

async function submit(ch: RedditChannel, content: PublishContent, title: string, opts: PostOptions, kind: ReturnType<typeof postKind>): Promise<PublishedPart> {
  const part = content.parts[0];
  const base = common(opts, title, part.text);
  const startedAt = Date.now();
  try {
    if (kind === 'gallery') {
      const items = [];
      for (const [i, m] of part.media.entries()) {
        const up = await uploadMedia(ch.api, ch.ctx.http, ch.apiUrl, { bytes: await m.read(), mime: m.mime, name: `image${i}.${m.mime.split('/')[1]}` }, ch.ctx.signal);
        items.push({ media_id: up.assetId, caption: (m.alt ?? '').slice(0, 180), outbound_url: content.link ?? '' });
      }
      const res = await ch.api<{ json: { data: { id: string; url: string } } }>('POST', '/api/submit_gallery_post.json', { json: { ...base, api_type: 'json', show_error_list: true, items } });
      return postPart(res.json.data);
    }
    if (kind === 'self' || kind === 'link') {
      const res = await ch.api<{ json: { data: { id: string; name?: string; url: string } } }>('POST', '/api/submit', {
        form: { ...base, kind, ...(kind === 'link' ? { url: content.link!, resubmit: opts.resubmit } : { text: part.text }) },
      });
      return postPart(res.json.data);
    }
    const media = part.media[0];
    const up = await uploadMedia(ch.api, ch.ctx.http, ch.apiUrl, { bytes: await media.read(), mime: media.mime, name: `upload.${media.mime.split('/')[1]}` }, ch.ctx.signal);
    const poster = kind === 'video' ? await uploadMedia(ch.api, ch.ctx.http, ch.apiUrl, { bytes: DEFAULT_VIDEO_POSTER, mime: 'image/png', name: 'poster.png' }, ch.ctx.signal) : null;
    await ch.api('POST', '/api/submit', { form: { ...base, kind, url: up.url, ...(poster ? { video_poster_url: poster.url } : {}) } });
    return waitForMediaPost(ch, title, opts.subreddit, startedAt, kind === 'video' ? VIDEO_WAIT_MS : IMAGE_WAIT_MS);
  } catch (err) {
    if (err instanceof RedditApiError && err.code === 'ALREADY_SUB' && kind === 'link') {
      // Ours only when this delivery made it (a retry whose first answer was lost), not an older post.
      const own = await findOwnPost(ch, { title, subreddit: opts.subreddit, url: content.link!, since: sinceOf(ch.ctx.idempotencyKey) }).catch(() => null);
      if (own) return postPart(own);
      throw new ProviderError('rejected', `This link was already posted to r/${opts.subreddit}; set options.resubmit to true to post it again`, { networkMessage: err.message, detail: { code: err.code } });
    }
    throw toProviderError(err, `posting to r/${opts.subreddit}`);
  }
}

/** Image and video posts appear once Reddit has processed the media: look for them in the user's submissions. */
async function waitForMediaPost(ch: RedditChannel, title: string, subreddit: string, since: number, waitMs: number): Promise<PublishedPart> {
  const deadline = Date.now() + waitMs;
  let pause = 500;
  for (;;) {
    const found: RedditPost | null = await findOwnPost(ch, { title, subreddit, since: since - 120_000 }).catch(() => null);
    if (found) return postPart(found);
    if (Date.now() > deadline) {
      throw new ProviderError('unknown_outcome', `Reddit accepted the media post to r/${subreddit} but it has not appeared yet (media still processing?)`, { detail: { kind: 'media_pending' } });
    }
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(pause * 2, 5_000);
  }
}

export async function addComment(api: RedditApi, thingId: string, text: string): Promise<PublishedPart> {
  try {
    const res = await api<{ json: { data: { things: { data: { id: string; name: string; permalink?: string } }[] } } }>('POST', '/api/comment', { form: { thing_id: thingId, text } });
    const c = res.json.data.things[0]?.data;
    if (!c) throw new ProviderError('unknown_outcome', 'Reddit accepted the comment but returned none');
    return { externalId: c.name, url: c.permalink ? `https://www.reddit.com${c.permalink}` : undefined, ref: { parent: thingId } };
  } catch (err) {
    throw toProviderError(err, 'commenting');
  }
}

/** Deletes the first comment, then the post; something already gone counts as deleted (Reddit answers 200). */
export async function deletePost(ctx: ProviderContext, result: PublishResult): Promise<void> {
  const { api } = openChannel(ctx);
  const ids = result.parts.length ? result.parts.map((p) => p.externalId) : [result.externalId];
  for (const id of ids.reverse()) {
    try {
      await api('POST', '/api/del', { form: { id } });
    } catch (err) {
      throw toProviderError(err, 'deleting');
    }
  }
}
