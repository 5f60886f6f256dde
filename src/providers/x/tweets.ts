/**
 * Building X posts from Varde content (text + attached link, media, reply chain, poll, who may
 * reply), and finding a post again on the account's timeline — X has no idempotency key, so a post
 * whose answer was lost is looked up by its text, its place in the thread and its time.
 */
import { countText } from '../../core/text-count.js';
import type { PublishContent } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { withLink } from '../shared/link-text.js';
import type { XApi } from './client.js';

export const REPLY_SETTINGS = ['following', 'mentionedUsers', 'subscribers', 'verified'] as const;

export interface TweetBody {
  text?: string;
  media?: { media_ids: string[] };
  reply?: { in_reply_to_tweet_id: string };
  poll?: { options: string[]; duration_minutes: number };
  reply_settings?: (typeof REPLY_SETTINGS)[number];
}

export interface TimelineTweet {
  id: string;
  text: string;
  created_at?: string;
  conversation_id?: string;
  referenced_tweets?: { type: 'replied_to' | 'quoted' | 'retweeted'; id: string }[];
  attachments?: { media_keys?: string[] };
}

/** The text of part `i`: the post's text, with the attached link added when it is not in it. */
export function partText(content: PublishContent, i: number): string {
  const text = content.parts[i].text;
  const joined = withLink(text, i === 0 ? content.link : null);
  if (joined === text) return text;
  const { count, limit } = countText('x', joined);
  if (count > limit) throw new ProviderError('rejected', `With the link added the post is ${count} of ${limit} characters on X; shorten the text or put the link in it`);
  return joined;
}

/** Validated per-target options: `replySettings`, `pollOptions` ("a|b|c"), `pollMinutes`. */
export function readOptions(options: PublishContent['options'] = {}, hasMedia: boolean): Pick<TweetBody, 'poll' | 'reply_settings'> {
  const out: Pick<TweetBody, 'poll' | 'reply_settings'> = {};
  if (options.replySettings !== undefined) {
    const value = String(options.replySettings);
    if (!(REPLY_SETTINGS as readonly string[]).includes(value)) throw new ProviderError('rejected', `X option replySettings must be one of ${REPLY_SETTINGS.join(', ')}`);
    out.reply_settings = value as TweetBody['reply_settings'];
  }
  if (options.pollOptions !== undefined) {
    const choices = String(options.pollOptions).split(/[|\n]/).map((s) => s.trim()).filter(Boolean);
    if (choices.length < 2 || choices.length > 4 || choices.some((c) => [...c].length > 25)) {
      throw new ProviderError('rejected', 'X option pollOptions must hold 2 to 4 choices of at most 25 characters, separated by "|"');
    }
    if (hasMedia) throw new ProviderError('rejected', 'An X post cannot have both a poll and media');
    const minutes = options.pollMinutes === undefined ? 1440 : Number(options.pollMinutes);
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 10080) throw new ProviderError('rejected', 'X option pollMinutes must be a whole number of minutes from 5 to 10080 (7 days)');
    out.poll = { options: choices, duration_minutes: minutes };
  }
  return out;
}

export function tweetBody(text: string, mediaIds: string[], replyTo: string | null, extra: Pick<TweetBody, 'poll' | 'reply_settings'>): TweetBody {
  const body: TweetBody = {};
  if (text) body.text = text;
  if (mediaIds.length) body.media = { media_ids: mediaIds };
  if (replyTo) body.reply = { in_reply_to_tweet_id: replyTo };
  return { ...body, ...extra };
}

/**
 * Text as X will show it back, for comparison: X returns `&amp; &lt; &gt;` escaped, rewrites every
 * URL to a t.co link and appends one for attached media; NFC and whitespace differences vanish.
 */
export function comparable(text: string): string {
  return text
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .normalize('NFC')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The account's own recent posts and replies, newest first, created at or after `since`. */
export async function recentTweets(api: XApi, userId: string, since: Date | null): Promise<TimelineTweet[]> {
  const res = await api<{ data?: TimelineTweet[] }>('GET', `/2/users/${userId}/tweets`, {
    query: {
      max_results: 100,
      'tweet.fields': 'created_at,conversation_id,referenced_tweets,attachments',
      start_time: since ? since.toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined,
    },
  });
  return res.data ?? [];
}

/** The post among `tweets` that is part `text` (with `mediaCount` media, replying to `replyTo`). */
export function matchTweet(tweets: TimelineTweet[], text: string, mediaCount: number, replyTo: string | null): TimelineTweet | undefined {
  const want = comparable(text);
  return tweets.find((t) => {
    if (comparable(t.text) !== want) return false;
    if ((t.attachments?.media_keys?.length ?? 0) !== mediaCount) return false;
    const parent = t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? null;
    return parent === replyTo;
  });
}

/** Posts made before the delivery was due cannot be its own: look only from a little before then. */
export function lookupSince(content: PublishContent): Date | null {
  return content.meta.dueAt ? new Date(Date.parse(content.meta.dueAt) - 5 * 60_000) : null;
}
