/**
 * Finding what a delivery may already have made on Reddit, which has no idempotency key: the user's
 * own recent submissions (`/user/<name>/submitted`) matched on subreddit, title and (for links) URL,
 * created after the delivery was; and their recent comments for the first comment. Parts found are
 * recorded so publishing resumes after them. A media post not found may still be processing, so its
 * absence proves nothing: that is `unknown`, never `not_found`.
 */
import { isTid, parseTid } from '../../core/tid.js';
import type { ProviderContext, PublishContent, PublishedPart, ReconcileOutcome } from '../contract.js';
import { toProviderError } from './client.js';
import { openChannel, postKind, readOptions, type RedditChannel } from './publish.js';

export interface RedditPost {
  id: string;
  name?: string;
  url?: string;
  permalink?: string;
  title?: string;
  subreddit?: string;
  created_utc?: number;
}

interface Listing<T> {
  data: { children: { kind: string; data: T }[] };
}

/** A post from a submit answer (`{ id, name?, url }`, a gallery's `id` is already `t3_…`) or a listing. */
export function postPart(data: RedditPost): PublishedPart {
  const name = data.name ?? (data.id.startsWith('t3_') ? data.id : `t3_${data.id}`);
  const url = data.permalink ? `https://www.reddit.com${data.permalink}` : data.url;
  return { externalId: name, url, ref: data.subreddit ? { subreddit: data.subreddit } : undefined };
}

export async function findOwnPost(ch: RedditChannel, want: { title: string; subreddit: string; url?: string; since: number }): Promise<RedditPost | null> {
  const listing = await ch.api<Listing<RedditPost>>('GET', `/user/${encodeURIComponent(ch.username)}/submitted`, { query: { sort: 'new', limit: 25 } });
  return listing.data.children.map((c) => c.data).find((p) =>
    p.title === want.title && p.subreddit?.toLowerCase() === want.subreddit.toLowerCase() && (!want.url || p.url === want.url) && (p.created_utc ?? 0) * 1000 >= want.since,
  ) ?? null;
}

async function findOwnComment(ch: RedditChannel, postName: string, body: string): Promise<PublishedPart | null> {
  const listing = await ch.api<Listing<{ name: string; link_id: string; body: string; permalink?: string }>>('GET', `/user/${encodeURIComponent(ch.username)}/comments`, { query: { sort: 'new', limit: 25 } });
  const c = listing.data.children.map((x) => x.data).find((x) => x.link_id === postName && x.body === body);
  return c ? { externalId: c.name, url: c.permalink ? `https://www.reddit.com${c.permalink}` : undefined, ref: { parent: postName } } : null;
}

/** When the delivery was created (its key is a TID), a minute early for clock skew; else a day back. */
export function sinceOf(key: string): number {
  return isTid(key) ? parseTid(key).micros / 1000 - 60_000 : Date.now() - 24 * 3600_000;
}

export async function reconcilePost(ctx: ProviderContext, content: PublishContent): Promise<ReconcileOutcome> {
  const ch = openChannel(ctx);
  const opts = readOptions(content.options, ctx.settings);
  const title = content.title?.trim() ?? '';
  const kind = postKind(content);
  const record = async (i: number, part: PublishedPart) => {
    (ctx.previousParts ??= [])[i] = part;
    await ctx.onPartPublished?.(i, part);
  };
  try {
    let post = ctx.previousParts?.[0];
    if (!post) {
      const found = await findOwnPost(ch, { title, subreddit: opts.subreddit, url: kind === 'link' ? (content.link ?? undefined) : undefined, since: sinceOf(ctx.idempotencyKey) });
      if (!found) {
        return kind === 'image' || kind === 'video'
          ? { status: 'unknown', evidence: `no ${kind} post titled "${title}" in r/${opts.subreddit} yet, but Reddit may still be processing its media` }
          : { status: 'not_found' };
      }
      post = postPart(found);
      await record(0, post);
    }
    const parts = [post];
    if (opts.firstComment) {
      const comment = ctx.previousParts?.[1] ?? (await findOwnComment(ch, post.externalId, opts.firstComment));
      if (!comment) return { status: 'not_found' }; // the post is recorded: publishing adds only the comment
      if (!ctx.previousParts?.[1]) await record(1, comment);
      parts.push(comment);
    }
    return { status: 'published', result: { externalId: post.externalId, url: post.url, parts, detail: { reconciled: true } } };
  } catch (err) {
    return { status: 'unknown', evidence: `Reddit could not be asked: ${toProviderError(err, 'looking the post up').message}` };
  }
}
