/**
 * Threads insights: per post `views, likes, replies, reposts, quotes, shares`
 * (`/{media}/insights`), per profile `followers_count` (`/{user}/threads_insights`). Normalised:
 * impressions = views, comments = replies, shares = reposts + quotes + shares (every way a post is
 * passed on); the network's own names stay in `raw`.
 */
import type { AccountMetrics, PostMetrics, ProviderContext, PublishResult } from '../contract.js';
import { toProviderError } from '../meta/errors.js';
import { openProfile } from './account.js';

export const THREADS_POST_METRICS = ['views', 'likes', 'replies', 'reposts', 'quotes', 'shares'];

type Row = { name: string; values?: { value?: number }[]; total_value?: { value?: number } };
const valueOf = (row: Row) => row.values?.[0]?.value ?? row.total_value?.value ?? null;

export async function fetchThreadsMetrics(ctx: ProviderContext, posts: PublishResult[]): Promise<PostMetrics[]> {
  const t = openProfile(ctx);
  const out: PostMetrics[] = [];
  try {
    for (const post of posts) {
      if (post.parts[0]?.ref?.mediaIdUnknown) {
        out.push({ externalId: post.externalId, metrics: { impressions: null, likes: null, comments: null, shares: null, saves: null, clicks: null }, raw: {} });
        continue;
      }
      const res = await t.graph.get<{ data?: Row[] }>(`${post.externalId}/insights`, { metric: THREADS_POST_METRICS.join(',') });
      const raw: Record<string, number | null> = Object.fromEntries(THREADS_POST_METRICS.map((m) => [m, null]));
      for (const row of res.data ?? []) raw[row.name] = valueOf(row);
      const passedOn = [raw.reposts, raw.quotes, raw.shares].filter((v): v is number => v !== null);
      out.push({ externalId: post.externalId, metrics: { impressions: raw.views, likes: raw.likes, comments: raw.replies, shares: passedOn.length ? passedOn.reduce((a, b) => a + b, 0) : null, saves: null, clicks: null }, raw });
    }
  } catch (err) {
    throw toProviderError(err, 'Threads', 'metrics read');
  }
  return out;
}

export async function fetchThreadsFollowers(ctx: ProviderContext): Promise<AccountMetrics> {
  const t = openProfile(ctx);
  try {
    const res = await t.graph.get<{ data?: Row[] }>(`${t.userId}/threads_insights`, { metric: 'followers_count' });
    const row = (res.data ?? []).find((r) => r.name === 'followers_count');
    const followers = row ? valueOf(row) : null;
    return { followers, raw: { followers_count: followers } };
  } catch (err) {
    throw toProviderError(err, 'Threads', 'follower count read');
  }
}
