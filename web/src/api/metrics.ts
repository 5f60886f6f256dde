/**
 * Metrics: a post's latest figures per delivery and its roll-up, "measure now", and a channel's
 * followers over a period with its posts' totals. Types come from schema.d.ts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

type Answer<P extends keyof paths, M extends keyof paths[P]> =
  paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type PostMetrics = Answer<'/api/v1/workspaces/{workspaceId}/posts/{id}/metrics', 'get'>;
export type DeliveryMetrics = PostMetrics['deliveries'][number];
export type MetricValues = PostMetrics['totals'];
export type MetricKey = keyof MetricValues;
export type RefreshAnswer = Answer<'/api/v1/workspaces/{workspaceId}/posts/{id}/metrics/refresh', 'post'>;
export type RefreshOutcome = RefreshAnswer['refresh'][number];
export type ChannelMetrics = Answer<'/api/v1/workspaces/{workspaceId}/channels/{id}/metrics', 'get'>;
export type ChannelPostMetrics = ChannelMetrics['posts'][number];

/** The order figures are shown in. */
export const METRIC_KEYS: readonly MetricKey[] = ['impressions', 'likes', 'comments', 'shares', 'saves', 'clicks'];

export const postMetricsKey = (workspaceId: string, postId: string) => ['metrics', workspaceId, 'post', postId] as const;

export function usePostMetrics(workspaceId: string, postId: string, enabled = true) {
  return useQuery({
    queryKey: postMetricsKey(workspaceId, postId),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/posts/{id}/metrics', { params: { path: { workspaceId, id: postId } } })),
  });
}

/** Measures the post now; the answer (the new figures) replaces the cached ones. */
export function useRefreshPostMetrics(workspaceId: string, postId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/workspaces/{workspaceId}/posts/{id}/metrics/refresh', { params: { path: { workspaceId, id: postId } } })),
    onSuccess: ({ refresh: _, ...view }) => {
      qc.setQueryData(postMetricsKey(workspaceId, postId), view);
      void qc.invalidateQueries({ queryKey: ['metrics', workspaceId, 'channel'] });
    },
  });
}

const DAY = 86_400_000;

/** A channel's last `days` days (up to now). */
export function useChannelMetrics(workspaceId: string, channelId: string, days: number) {
  return useQuery({
    queryKey: ['metrics', workspaceId, 'channel', channelId, days],
    queryFn: () => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/channels/{id}/metrics', {
      params: { path: { workspaceId, id: channelId }, query: { from: new Date(Date.now() - days * DAY).toISOString() } },
    })),
  });
}
