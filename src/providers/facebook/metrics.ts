/**
 * Page post metrics: engagement from the post's own fields (`reactions`, `comments` summaries,
 * `shares`) and reach from Page Insights — `post_media_view` (views; the `post_impressions*`
 * metrics were removed on 15 November 2025), `post_total_media_view_unique` and `post_clicks`.
 * A metric Meta refuses (invalid metric, code 100) is left null instead of failing the rest.
 */
import type { AccountMetrics, PostMetrics, ProviderContext, PublishResult } from '../contract.js';
import { toProviderError } from '../meta/errors.js';
import { GraphError } from '../meta/graph.js';
import { openPage, type PageClient } from './page.js';

export const POST_INSIGHTS = ['post_media_view', 'post_total_media_view_unique', 'post_clicks'];

interface InsightRow {
  name: string;
  values?: { value?: number | Record<string, number> }[];
}

async function insights(page: PageClient, postId: string): Promise<Record<string, number | null>> {
  try {
    const res = await page.graph.get<{ data?: InsightRow[] }>(`${postId}/insights`, { metric: POST_INSIGHTS.join(','), period: 'lifetime' });
    const out: Record<string, number | null> = {};
    for (const row of res.data ?? []) {
      const v = row.values?.[0]?.value;
      out[row.name] = typeof v === 'number' ? v : v && typeof v === 'object' ? Object.values(v).reduce((a, b) => a + b, 0) : null;
    }
    return out;
  } catch (err) {
    if (err instanceof GraphError && err.code === 100) return {};
    throw err;
  }
}

export async function fetchPageMetrics(ctx: ProviderContext, posts: PublishResult[]): Promise<PostMetrics[]> {
  const page = openPage(ctx);
  const out: PostMetrics[] = [];
  try {
    for (const post of posts) {
      const id = typeof post.parts[0]?.ref?.postId === 'string' ? (post.parts[0].ref.postId as string) : post.externalId;
      const fields = await page.graph.get<{ shares?: { count?: number }; comments?: { summary?: { total_count?: number } }; reactions?: { summary?: { total_count?: number } } }>(id, {
        fields: 'shares,comments.limit(0).summary(true),reactions.limit(0).summary(true)',
      });
      const ins = await insights(page, id);
      const raw: Record<string, number | null> = {
        reactions: fields.reactions?.summary?.total_count ?? null,
        comments: fields.comments?.summary?.total_count ?? null,
        shares: fields.shares?.count ?? 0,
        ...Object.fromEntries(POST_INSIGHTS.map((m) => [m, ins[m] ?? null])),
      };
      out.push({
        externalId: post.externalId,
        metrics: { impressions: raw.post_media_view, likes: raw.reactions, comments: raw.comments, shares: raw.shares, saves: null, clicks: raw.post_clicks },
        raw,
      });
    }
  } catch (err) {
    throw toProviderError(err, 'Facebook', 'metrics read');
  }
  return out;
}

export async function fetchPageFollowers(ctx: ProviderContext): Promise<AccountMetrics> {
  const page = openPage(ctx);
  try {
    const res = await page.graph.get<{ followers_count?: number; fan_count?: number }>(page.pageId, { fields: 'followers_count,fan_count' });
    return { followers: res.followers_count ?? null, raw: { followers_count: res.followers_count ?? null, fan_count: res.fan_count ?? null } };
  } catch (err) {
    throw toProviderError(err, 'Facebook', 'follower count read');
  }
}
