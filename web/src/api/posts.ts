/** Posts: one post, the calendar's range, drafts, and every action on a post or a delivery. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from './client';
import type { CalendarPost, Media, PostDetail, PostInput, ScheduleInput } from './types';

export const postKey = (workspaceId: string, postId: string) => ['post', workspaceId, postId] as const;
export const calendarKey = (workspaceId: string) => ['calendar', workspaceId] as const;

export interface CalendarFilters {
  channelId?: string;
  status?: CalendarPost['status'];
  campaignId?: string;
}

/** One post; `refetchInterval` polls (used while live updates are disconnected). */
export function usePost(workspaceId: string, postId: string | undefined, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: postKey(workspaceId, postId ?? ''),
    enabled: Boolean(postId),
    refetchInterval,
    queryFn: () => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/posts/{id}', { params: { path: { workspaceId, id: postId! } } })),
  });
}

/** The browser's time zone: the calendar's days are the browser's days. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The posts of a range; with `perDay`, only the first `perDay` posts of each day (in the browser's
 * zone) and every day's count — what a month grid draws, however busy the month.
 */
export const calendarQuery = (workspaceId: string, range: { from: string; to: string }, filters: CalendarFilters, perDay?: number) => queryOptions({
  queryKey: [...calendarKey(workspaceId), range.from, range.to, filters.channelId ?? '', filters.status ?? '', filters.campaignId ?? '', perDay ?? 'all'],
  queryFn: () => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/calendar', {
    params: { path: { workspaceId }, query: { from: range.from, to: range.to, channelId: filters.channelId, status: filters.status, campaignId: filters.campaignId, perDay, timeZone: perDay ? browserTimeZone() : undefined } },
  })),
});

export function useCalendar(workspaceId: string, range: { from: string; to: string }, filters: CalendarFilters, perDay?: number) {
  return useQuery({ ...calendarQuery(workspaceId, range, filters, perDay), placeholderData: keepPreviousData });
}

export function useDrafts(workspaceId: string) {
  return useQuery({
    queryKey: ['drafts', workspaceId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/posts', { params: { path: { workspaceId }, query: { status: 'draft', limit: 200 } } }))).posts,
  });
}

/** After any change to a post: its detail, the calendar, drafts and queues show it. */
export function refreshAfterPostChange(qc: QueryClient, workspaceId: string, post?: PostDetail) {
  if (post) qc.setQueryData(postKey(workspaceId, post.id), post);
  void qc.invalidateQueries({ queryKey: calendarKey(workspaceId) });
  void qc.invalidateQueries({ queryKey: ['drafts', workspaceId] });
  void qc.invalidateQueries({ queryKey: ['queue', workspaceId] });
}

function usePostMutation<V>(workspaceId: string, fn: (v: V) => Promise<PostDetail | undefined>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (post) => refreshAfterPostChange(qc, workspaceId, post ?? undefined) });
}

export function useSavePost(workspaceId: string) {
  return usePostMutation(workspaceId, ({ id, body }: { id?: string; body: PostInput }) =>
    id
      ? unwrap(api.PUT('/api/v1/workspaces/{workspaceId}/posts/{id}', { params: { path: { workspaceId, id } }, body }))
      : unwrap(api.POST('/api/v1/workspaces/{workspaceId}/posts', { params: { path: { workspaceId } }, body })));
}

export function useReschedule(workspaceId: string) {
  return usePostMutation(workspaceId, ({ id, schedule }: { id: string; schedule: ScheduleInput }) =>
    unwrap(api.POST('/api/v1/workspaces/{workspaceId}/posts/{id}/reschedule', { params: { path: { workspaceId, id } }, body: { schedule } })));
}

export function useCancelPost(workspaceId: string) {
  return usePostMutation(workspaceId, (id: string) =>
    unwrap(api.POST('/api/v1/workspaces/{workspaceId}/posts/{id}/cancel', { params: { path: { workspaceId, id } } })));
}

export function useDeletePost(workspaceId: string) {
  return usePostMutation(workspaceId, async (id: string) => {
    await unwrap(api.DELETE('/api/v1/workspaces/{workspaceId}/posts/{id}', { params: { path: { workspaceId, id } } }));
    return undefined;
  });
}

export type DeliveryAction = 'retry' | 'unpublish';

export function useDeliveryAction(workspaceId: string) {
  return usePostMutation(workspaceId, ({ id, action }: { id: string; action: DeliveryAction }) => {
    const params = { params: { path: { workspaceId, id } } };
    return action === 'retry'
      ? unwrap(api.POST('/api/v1/workspaces/{workspaceId}/deliveries/{id}/retry', params))
      : unwrap(api.POST('/api/v1/workspaces/{workspaceId}/deliveries/{id}/unpublish', params));
  });
}

export function useResolveDelivery(workspaceId: string) {
  return usePostMutation(workspaceId, ({ id, outcome, url }: { id: string; outcome: 'published' | 'failed'; url?: string }) =>
    unwrap(api.POST('/api/v1/workspaces/{workspaceId}/deliveries/{id}/resolve', { params: { path: { workspaceId, id } }, body: { outcome, url } })));
}

export const checkPost = (workspaceId: string, body: PostInput) =>
  unwrap(api.POST('/api/v1/workspaces/{workspaceId}/posts/check', { params: { path: { workspaceId } }, body }));

export const fetchLinkPreview = (workspaceId: string, url: string) =>
  unwrap(api.GET('/api/v1/workspaces/{workspaceId}/link-preview', { params: { path: { workspaceId }, query: { url } } }));

/** Uploads a file as the raw body (the route takes bytes, not multipart). */
export async function uploadMedia(workspaceId: string, file: File): Promise<Media> {
  const res = await fetch(`/api/v1/workspaces/${workspaceId}/media?filename=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? res.statusText, body?.error?.details);
  return body as Media;
}

export const mediaUrl = (workspaceId: string, mediaId: string) => `/api/v1/workspaces/${workspaceId}/media/${mediaId}/content`;
