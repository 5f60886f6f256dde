/** Notifications of a workspace for the bell: recent ones, the unread count, mark read. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationKind } from '../../../src/notifications/notifications.repository';
import { api, unwrap, unwrapAs } from './client';

/** One row of GET …/notifications (the columns listNotifications selects). */
export interface Notification {
  id: string;
  kind: NotificationKind;
  subjectId: string;
  message: string;
  detail: { postId?: string; channelId?: string; itemIds?: string[] } | null;
  createdAt: string;
  readAt: string | null;
  personal: boolean;
}

export const notificationsKey = (workspaceId: string) => ['notifications', workspaceId] as const;

/** The latest notifications; refreshed every 30 s (and by live updates when posts change). */
export function useNotifications(workspaceId: string) {
  return useQuery({
    queryKey: notificationsKey(workspaceId),
    queryFn: async () => (await unwrapAs<{ notifications: Notification[] }>(api.GET('/api/v1/workspaces/{workspaceId}/notifications', { params: { path: { workspaceId }, query: { limit: 100 } } }))).notifications,
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
