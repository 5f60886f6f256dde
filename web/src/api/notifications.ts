/** Notifications of a workspace for the bell: recent ones, the unread count, mark read. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';

export type { Notification } from './types';

export const notificationsKey = (workspaceId: string) => ['notifications', workspaceId] as const;

/** The latest notifications; refreshed every 30 s (and by live updates when posts change). */
export function useNotifications(workspaceId: string) {
  return useQuery({
    queryKey: notificationsKey(workspaceId),
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/notifications', { params: { path: { workspaceId }, query: { limit: 100 } } }))).notifications,
    refetchInterval: 30_000,
  });
}

export function useMarkRead(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (which: string[] | 'all') => unwrap(api.POST('/api/v1/workspaces/{workspaceId}/notifications/read', { params: { path: { workspaceId } }, body: which === 'all' ? { all: true } : { ids: which } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey(workspaceId) }),
  });
}
