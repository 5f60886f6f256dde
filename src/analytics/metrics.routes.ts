/**
 * The metrics API under /api/v1/workspaces/:workspaceId: a post's latest snapshot per delivery
 * with its roll-up, a channel's follower series and per-post totals, and "collect now" for a
 * post. Reading needs `read`; collecting now stores new snapshots and spends the channel's calls
 * at the network, so it needs `write`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { IdParams } from '../server/schemas.js';
import * as service from './metrics.service.js';

const Count = z.number().nullable();
const Metrics = z
  .object({ impressions: Count.describe('Impressions or views'), likes: Count.describe('Likes, favourites or reactions'), comments: Count.describe('Comments or replies'), shares: Count.describe('Shares, reposts, boosts or quotes'), saves: Count, clicks: Count })
  .describe('Normalised counts; null = not offered by the network');
const Raw = z.record(z.string(), z.union([z.number(), z.string(), z.null()])).describe('The network’s own names and values');
const When = z.iso.datetime();

const DeliveryMetrics = z.object({
  deliveryId: z.uuid(),
  postId: z.uuid(),
  channelId: z.uuid(),
  channelName: z.string(),
  network: z.string(),
  state: z.string(),
  url: z.string().nullable(),
  publishedAt: When.nullable(),
  offered: z.boolean().describe('The network offers post metrics to Varde'),
  collectedAt: When.nullable().describe('The latest snapshot; null when never measured'),
  nextCollectionAt: When.nullable().describe('When it is measured next; null when collection has stopped (after 30 days) or is not offered'),
  metrics: Metrics.nullable(),
  raw: Raw.nullable(),
});

const PostMetrics = z.object({
  postId: z.uuid(),
  collectedAt: When.nullable(),
  totals: Metrics.describe('Sums over the deliveries; null = offered by none of their networks'),
  deliveries: z.array(DeliveryMetrics),
});

const RefreshOutcome = z.object({
  deliveryId: z.uuid(),
  status: z.enum(['collected', 'missing', 'rate_limited', 'failed', 'not_offered', 'channel_inactive', 'recent', 'busy']).describe(
    'collected; missing (the network answered without the post); rate_limited (not asked before retryAt); failed (retried at retryAt); not_offered; channel_inactive (reconnect it); recent (measured under a minute ago); busy (a worker is measuring it now)',
  ),
  kind: z.string().optional(),
  message: z.string().optional(),
  retryAt: When.optional(),
});

const ChannelMetrics = z.object({
  channelId: z.uuid(),
  network: z.string(),
  from: When,
  to: When,
  offered: z.object({ posts: z.boolean(), followers: z.boolean() }),
  followers: z.array(z.object({ collectedAt: When, followers: z.number().nullable(), raw: Raw })).describe('One reading a day, oldest first'),
  totals: Metrics.describe('Sums over the posts listed'),
  posts: z.array(DeliveryMetrics.extend({ excerpt: z.string() })).describe('Posts published in the range, newest first, each with its latest snapshot'),
  truncated: z.boolean().describe(`More than ${service.CHANNEL_POSTS_MAX} posts in the range`),
});

const RangeQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional().describe(`Default: ${service.CHANNEL_RANGE_DEFAULT_DAYS} days before "to"`),
  to: z.iso.datetime({ offset: true }).optional().describe('Default: now'),
});

export function metricsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['analytics'];
  const base = '/api/v1/workspaces/:workspaceId';

  r.get(`${base}/posts/:id/metrics`, { schema: { tags, summary: 'A post’s latest metrics per delivery, and its roll-up', params: IdParams, response: { 200: PostMetrics } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return service.showPostMetrics(ctx, access, req.params.id);
  });

  r.get(`${base}/channels/:id/metrics`, { schema: { tags, summary: 'A channel’s followers over time and its posts’ totals', params: IdParams, querystring: RangeQuery, response: { 200: ChannelMetrics } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return service.showChannelMetrics(ctx, access, req.params.id, req.query);
  });

  r.post(`${base}/posts/:id/metrics/refresh`, {
    schema: { tags, summary: 'Measure a post now (never before a network’s rate-limit reset: 429 with Retry-After when every network is throttled)', params: IdParams, response: { 200: PostMetrics.extend({ refresh: z.array(RefreshOutcome) }) } },
  }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    try {
      return await service.refreshPostMetrics(ctx, access, req.params.id);
    } catch (err) {
      const retryAt = err instanceof AppError && err.code === 'rate_limited' ? (err.details as { retryAt?: string } | undefined)?.retryAt : undefined;
      if (retryAt) reply.header('retry-after', String(Math.max(1, Math.ceil((Date.parse(retryAt) - Date.now()) / 1000))));
      throw err;
    }
  });
}
