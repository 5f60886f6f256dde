/**
 * Measuring: `videos.list?part=statistics` (views, likes, comments — public counters, 1 unit per
 * 50 videos), shares from YouTube Analytics `reports` when the login granted
 * `yt-analytics.readonly` (the Data API has no share count), and the channel's subscribers from
 * `channels.list?part=statistics`. YouTube reports no impressions through its APIs (thumbnail
 * impressions are Studio-only), so views stand in for them; saves and clicks are not offered.
 */
import type { AccountMetrics, PostMetrics, ProviderContext, PublishResult } from '../contract.js';
import { channelApi, getChannel, getVideos, type ChannelApi } from './channel-api.js';
import { toProviderError, urlOf } from './google-api.js';
import { hasAnalyticsScope, readCredentials } from './google-oauth.js';

const BATCH = 50;
/** The first day YouTube Analytics accepts as a start date. */
const ANALYTICS_EPOCH = '2005-02-14';

const num = (v: unknown): number | null => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

export async function videoMetrics(ctx: ProviderContext, posts: PublishResult[]): Promise<PostMetrics[]> {
  const c = channelApi(ctx);
  const ids = [...new Set(posts.map((p) => p.externalId).filter(Boolean))];
  const out: PostMetrics[] = [];
  try {
    const shares = hasAnalyticsScope(readCredentials(ctx.credentials)) ? await analyticsShares(c, ids) : null;
    for (let i = 0; i < ids.length; i += BATCH) {
      for (const video of await getVideos(c, ids.slice(i, i + BATCH), 'statistics')) {
        const s = video.statistics ?? {};
        const shared = shares?.get(video.id) ?? null;
        out.push({
          externalId: video.id,
          metrics: { impressions: num(s.viewCount), likes: num(s.likeCount), comments: num(s.commentCount), shares: shared, saves: null, clicks: null },
          raw: { viewCount: num(s.viewCount), likeCount: num(s.likeCount), commentCount: num(s.commentCount), favoriteCount: num(s.favoriteCount), shares: shared, sharesSource: shares ? 'youtubeAnalytics' : 'unavailable' },
        });
      }
    }
  } catch (err) {
    throw toProviderError(err, 'reading video statistics');
  }
  return out;
}

/**
 * Shares per video over the video's whole life. YouTube Analytics may be unavailable to the
 * channel (not enabled in the Google Cloud project, or no data yet); then shares stay unknown
 * rather than failing the views and likes the Data API did give.
 */
async function analyticsShares(c: ChannelApi, ids: string[]): Promise<Map<string, number> | null> {
  if (ids.length === 0) return new Map();
  try {
    const res = await c.api(urlOf(c.app, 'analytics', '/v2/reports'), {
      token: c.token,
      query: {
        ids: 'channel==MINE', startDate: ANALYTICS_EPOCH, endDate: new Date().toISOString().slice(0, 10),
        metrics: 'views,likes,comments,shares', dimensions: 'video', filters: `video==${ids.join(',')}`, sort: '-views', maxResults: 200,
      },
    });
    const table = res.json<{ columnHeaders?: { name: string }[]; rows?: unknown[][] }>();
    const cols = (table.columnHeaders ?? []).map((h) => h.name);
    const [v, s] = [cols.indexOf('video'), cols.indexOf('shares')];
    if (v < 0 || s < 0) return null;
    const shares = new Map<string, number>(ids.map((id) => [id, 0]));
    for (const row of table.rows ?? []) shares.set(String(row[v]), Number(row[s]) || 0);
    return shares;
  } catch (err) {
    const pe = toProviderError(err, 'reading YouTube Analytics');
    if (pe.kind === 'rejected') return null;
    throw pe;
  }
}

export async function channelMetrics(ctx: ProviderContext): Promise<AccountMetrics> {
  try {
    const channel = await getChannel(channelApi(ctx), 'statistics');
    const s = channel?.statistics ?? {};
    return {
      followers: s.hiddenSubscriberCount && s.subscriberCount === undefined ? null : num(s.subscriberCount),
      raw: { subscriberCount: num(s.subscriberCount), viewCount: num(s.viewCount), videoCount: num(s.videoCount), hiddenSubscriberCount: s.hiddenSubscriberCount ? 'true' : 'false' },
    };
  } catch (err) {
    throw toProviderError(err, 'reading channel statistics');
  }
}
