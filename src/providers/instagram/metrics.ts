/**
 * Instagram media insights: `views, reach, likes, comments, shares, saved, total_interactions`
 * (data can lag up to 48 hours; a metric with no data yet is absent, not 0). A metric Meta refuses
 * for a media type (code 100) makes Varde ask again for the engagement counts only.
 */
import type { AccountMetrics, PostMetrics, ProviderContext, PublishResult } from '../contract.js';
import { toProviderError } from '../meta/errors.js';
import { GraphError } from '../meta/graph.js';
import { openAccount, type IgClient } from './account.js';

export const MEDIA_INSIGHTS = ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions'];
const FALLBACK = ['likes', 'comments', 'shares', 'saved'];

type Row = { name: string; values?: { value?: number }[]; total_value?: { value?: number } };

async function insights(ig: IgClient, mediaId: string): Promise<Record<string, number | null>> {
  const ask = (metrics: string[]) => ig.graph.get<{ data?: Row[] }>(`${mediaId}/insights`, { metric: metrics.join(',') });
  let res: { data?: Row[] };
  try {
    res = await ask(MEDIA_INSIGHTS);
  } catch (err) {
    if (!(err instanceof GraphError && err.code === 100)) throw err;
    res = await ask(FALLBACK);
  }
  const out: Record<string, number | null> = Object.fromEntries(MEDIA_INSIGHTS.map((m) => [m, null]));
  for (const row of res.data ?? []) out[row.name] = row.values?.[0]?.value ?? row.total_value?.value ?? null;
  return out;
}

export async function fetchInstagramMetrics(ctx: ProviderContext, posts: PublishResult[]): Promise<PostMetrics[]> {
  const ig = openAccount(ctx);
  const out: PostMetrics[] = [];
  try {
    for (const post of posts) {
      if (post.parts[0]?.ref?.mediaIdUnknown) {
        out.push({ externalId: post.externalId, metrics: { impressions: null, likes: null, comments: null, shares: null, saves: null, clicks: null }, raw: {} });
        continue;
      }
      const raw = await insights(ig, post.externalId);
      out.push({ externalId: post.externalId, metrics: { impressions: raw.views, likes: raw.likes, comments: raw.comments, shares: raw.shares, saves: raw.saved, clicks: null }, raw });
    }
  } catch (err) {
    throw toProviderError(err, 'Instagram', 'metrics read');
  }
  return out;
}

export async function fetchInstagramFollowers(ctx: ProviderContext): Promise<AccountMetrics> {
  const ig = openAccount(ctx);
  try {
    const res = await ig.graph.get<{ followers_count?: number; follows_count?: number; media_count?: number }>(ig.igUserId, { fields: 'followers_count,follows_count,media_count' });
    return { followers: res.followers_count ?? null, raw: { followers_count: res.followers_count ?? null, follows_count: res.follows_count ?? null, media_count: res.media_count ?? null } };
  } catch (err) {
    throw toProviderError(err, 'Instagram', 'follower count read');
  }
}
