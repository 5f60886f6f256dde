/** Reordering a channel's queue: the waiting posts keep the channel's times, in a new order. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { queueKey } from './channels';
import { calendarKey } from './posts';

export function useReorderQueue(workspaceId: string, channelId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (deliveryIds: string[]) => unwrap(api.PUT('/api/v1/workspaces/{workspaceId}/channels/{id}/queue/order', { params: { path: { workspaceId, id: channelId } }, body: { deliveryIds } })),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queueKey(workspaceId, channelId) });
      void qc.invalidateQueries({ queryKey: calendarKey(workspaceId) });
    },
  });
}
