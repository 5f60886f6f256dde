/** Channels: the networks offered, connect / reconnect / remove, posting schedules and queues. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

export type ConnectInput = NonNullable<paths['/api/v1/workspaces/{workspaceId}/channels']['post']['requestBody']>['content']['application/json'];
export type ScheduleBody = NonNullable<paths['/api/v1/workspaces/{workspaceId}/channels/{id}/schedule']['put']['requestBody']>['content']['application/json'];

const ws = (workspaceId: string) => ({ path: { workspaceId } });
export const channelsKey = (workspaceId: string) => ['channels', workspaceId] as const;

export function useNetworks() {
  return useQuery({ queryKey: ['networks'], queryFn: () => unwrap(api.GET('/api/v1/networks')), staleTime: 5 * 60_000 });
}

export const channelsQuery = (workspaceId: string) => queryOptions({
  queryKey: channelsKey(workspaceId),
  queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/channels', { params: ws(workspaceId) }))).channels,
  staleTime: 30_000,
});

export function useChannels(workspaceId: string) {
  return useQuery(channelsQuery(workspaceId));
}

function useChannelMutation<V, R>(workspaceId: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: channelsKey(workspaceId) }) });
}

export function useConnectChannel(workspaceId: string) {
  return useChannelMutation(workspaceId, (body: ConnectInput) =>
    unwrap(api.POST('/api/v1/workspaces/{workspaceId}/channels', { params: ws(workspaceId), body })));
}

export function useReconnectChannel(workspaceId: string) {
  return useChannelMutation(workspaceId, ({ id, body }: { id: string; body: ConnectInput }) =>
    unwrap(api.POST('/api/v1/workspaces/{workspaceId}/channels/{id}/reconnect', { params: { path: { workspaceId, id } }, body })));
}

export function useRemoveChannel(workspaceId: string) {
  return useChannelMutation(workspaceId, (id: string) =>
    unwrap(api.DELETE('/api/v1/workspaces/{workspaceId}/channels/{id}', { params: { path: { workspaceId, id } } })));
}

export function useSaveSchedule(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ScheduleBody }) =>
      unwrap(api.PUT('/api/v1/workspaces/{workspaceId}/channels/{id}/schedule', { params: { path: { workspaceId, id } }, body })),
    onSuccess: (_d, v) => {
      void qc.invalidateQueries({ queryKey: channelsKey(workspaceId) });
      void qc.invalidateQueries({ queryKey: queueKey(workspaceId, v.id) });
    },
  });
}

export const queueKey = (workspaceId: string, channelId: string) => ['queue', workspaceId, channelId] as const;

export function useQueue(workspaceId: string, channelId: string, free = 10) {
  return useQuery({
    queryKey: queueKey(workspaceId, channelId),
    queryFn: () => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/channels/{id}/queue', { params: { path: { workspaceId, id: channelId }, query: { free } } })),
  });
}
