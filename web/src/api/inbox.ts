/**
 * The inbox: items (filtered, searched, paged), one conversation, the navigation count, members to
 * assign to, every change to an item (one or many), replies, network actions, saved replies and
 * rules with their dry run. Answers are typed from the route schemas (schema.d.ts).
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { InboxSettings } from './types';
import type { paths } from './schema';

type Body<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type { Conversation, DryRun, InboxCount, InboxItem, InboxPage, InboxReply, InboxRule, InboxSettings, InboxSource, Member, SavedReply, SyncResult } from './types';
export type ItemQuery = NonNullable<paths['/api/v1/workspaces/{workspaceId}/inbox/items']['get']['parameters']['query']>;
export type ItemPatch = Body<'/api/v1/workspaces/{workspaceId}/inbox/items/{id}', 'patch'>;
export type BulkInput = Body<'/api/v1/workspaces/{workspaceId}/inbox/items/bulk', 'post'>;
export type RuleInput = Body<'/api/v1/workspaces/{workspaceId}/inbox/rules', 'post'>;
export type RuleConditions = RuleInput['conditions'];

/** Every inbox query of a workspace starts with this key: live events refresh them all at once. */
export const inboxKey = (workspaceId: string) => ['inbox', workspaceId] as const;
export const conversationKey = (workspaceId: string, itemId: string) => ['inbox', workspaceId, 'conversation', itemId] as const;
const PAGE = 100;

const path = (workspaceId: string, id: string) => ({ path: { workspaceId, id } });

/** The list, a page of 100 at a time (the list asks for more as it is scrolled); `refetchInterval` polls while live updates are off. */
export function useInboxItems(workspaceId: string, query: Omit<ItemQuery, 'limit' | 'offset'>, refetchInterval: number | false = false) {
  return useInfiniteQuery({
    refetchInterval,
    queryKey: [...inboxKey(workspaceId), 'items', query],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/inbox/items', { params: { path: { workspaceId }, query: { ...query, limit: PAGE, offset: pageParam } } })),
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
    placeholderData: keepPreviousData,
  });
}

export function useConversation(workspaceId: string, itemId: string | null) {
  return useQuery({
    queryKey: conversationKey(workspaceId, itemId ?? ''),
    enabled: Boolean(itemId),
    queryFn: () => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/inbox/items/{id}/conversation', { params: path(workspaceId, itemId!) })),
  });
}

export function useInboxCount(workspaceId: string, refetchInterval: number | false = false) {
  return useQuery({
    refetchInterval,
    queryKey: [...inboxKey(workspaceId), 'count'],
    queryFn: () => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/inbox/unread-count', { params: { path: { workspaceId } } })),
    staleTime: 10_000,
  });
}

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: ['members', workspaceId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/members', { params: { path: { workspaceId } } }))).members,
    staleTime: 60_000,
  });
}

/** A mutation after which every inbox query of the workspace (list, count, conversation) is fresh again. */
function useInboxMutation<V, R>(workspaceId: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: inboxKey(workspaceId) }) });
}

export const useUpdateItem = (workspaceId: string) => useInboxMutation(workspaceId, ({ id, patch }: { id: string; patch: ItemPatch }) =>
  unwrap(api.PATCH('/api/v1/workspaces/{workspaceId}/inbox/items/{id}', { params: path(workspaceId, id), body: patch })));

export const useBulkUpdate = (workspaceId: string) => useInboxMutation(workspaceId, (body: BulkInput) =>
  unwrap(api.POST('/api/v1/workspaces/{workspaceId}/inbox/items/bulk', { params: { path: { workspaceId } }, body })));

export const useAddNote = (workspaceId: string) => useInboxMutation(workspaceId, ({ id, body }: { id: string; body: string }) =>
  unwrap(api.POST('/api/v1/workspaces/{workspaceId}/inbox/items/{id}/notes', { params: path(workspaceId, id), body: { body } })));

/** Sends a reply; `key` (one per reply being written) makes a repeated send return the same reply. */
export const useSendReply = (workspaceId: string) => useInboxMutation(workspaceId, ({ id, text, key }: { id: string; text: string; key: string }) =>
  unwrap(api.POST('/api/v1/workspaces/{workspaceId}/inbox/items/{id}/reply', { params: { ...path(workspaceId, id), header: { 'idempotency-key': key } }, body: { text } })));

export type NetworkAction = 'hide' | 'show' | 'like' | 'delete';

export const useNetworkAction = (workspaceId: string) => useInboxMutation(workspaceId, ({ id, action }: { id: string; action: NetworkAction }) => {
  const params = path(workspaceId, id);
  if (action === 'hide' || action === 'show') return unwrap(api.POST('/api/v1/workspaces/{workspaceId}/inbox/items/{id}/hide', { params, body: { hidden: action === 'hide' } }));
  if (action === 'like') return unwrap(api.POST('/api/v1/workspaces/{workspaceId}/inbox/items/{id}/like', { params }));
  return unwrap(api.POST('/api/v1/workspaces/{workspaceId}/inbox/items/{id}/delete', { params }));
});

export const useDeleteReply = (workspaceId: string) => useInboxMutation(workspaceId, (id: string) =>
  unwrap(api.POST('/api/v1/workspaces/{workspaceId}/inbox/replies/{id}/delete', { params: path(workspaceId, id) })));

// Saved replies

const savedKey = (workspaceId: string) => ['saved-replies', workspaceId] as const;

export function useSavedReplies(workspaceId: string) {
  return useQuery({
    queryKey: savedKey(workspaceId),
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/inbox/saved-replies', { params: { path: { workspaceId } } }))).savedReplies,
  });
}

/** The saved reply as it would be sent to this item's author. */
export const renderSavedReply = (workspaceId: string, id: string, itemId: string) =>
  unwrap(api.POST('/api/v1/workspaces/{workspaceId}/inbox/saved-replies/{id}/render', { params: path(workspaceId, id), body: { itemId } }));

function useSavedMutation<V, R>(workspaceId: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: savedKey(workspaceId) }) });
}

export const useSaveSavedReply = (workspaceId: string) => useSavedMutation(workspaceId, ({ id, name, body }: { id?: string; name: string; body: string }) =>
  id
    ? unwrap(api.PUT('/api/v1/workspaces/{workspaceId}/inbox/saved-replies/{id}', { params: path(workspaceId, id), body: { name, body } }))
    : unwrap(api.POST('/api/v1/workspaces/{workspaceId}/inbox/saved-replies', { params: { path: { workspaceId } }, body: { name, body } })));

export const useDeleteSavedReply = (workspaceId: string) => useSavedMutation(workspaceId, (id: string) =>
  unwrap(api.DELETE('/api/v1/workspaces/{workspaceId}/inbox/saved-replies/{id}', { params: path(workspaceId, id) })));

// Rules

const rulesKey = (workspaceId: string) => ['inbox-rules', workspaceId] as const;

export function useRules(workspaceId: string) {
  return useQuery({
    queryKey: rulesKey(workspaceId),
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/inbox/rules', { params: { path: { workspaceId } } }))).rules,
  });
}

export const dryRunRuleConditions = (workspaceId: string, conditions: RuleConditions) =>
  unwrap(api.POST('/api/v1/workspaces/{workspaceId}/inbox/rules/dry-run', { params: { path: { workspaceId } }, body: { conditions } }));

function useRuleMutation<V, R>(workspaceId: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: rulesKey(workspaceId) }) });
}

export const useSaveRule = (workspaceId: string) => useRuleMutation(workspaceId, ({ id, body }: { id?: string; body: RuleInput }) =>
  id
    ? unwrap(api.PUT('/api/v1/workspaces/{workspaceId}/inbox/rules/{id}', { params: path(workspaceId, id), body }))
    : unwrap(api.POST('/api/v1/workspaces/{workspaceId}/inbox/rules', { params: { path: { workspaceId } }, body })));

export const useDeleteRule = (workspaceId: string) => useRuleMutation(workspaceId, (id: string) =>
  unwrap(api.DELETE('/api/v1/workspaces/{workspaceId}/inbox/rules/{id}', { params: path(workspaceId, id) })));

// Settings (the priority keywords)

const settingsKey = (workspaceId: string) => ['inbox-settings', workspaceId] as const;

export function useInboxSettings(workspaceId: string) {
  return useQuery({
    queryKey: settingsKey(workspaceId),
    queryFn: () => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/inbox/settings', { params: { path: { workspaceId } } })),
  });
}

/** Saves the settings; items already stored keep their priority, new ones are scored with these. */
export function useSaveInboxSettings(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InboxSettings) => unwrap(api.PUT('/api/v1/workspaces/{workspaceId}/inbox/settings', { params: { path: { workspaceId } }, body })),
    onSuccess: (saved) => qc.setQueryData(settingsKey(workspaceId), saved),
  });
}

// Sources: how each channel's inbox is read, and "check now"

export const sourcesKey = (workspaceId: string) => ['inbox-sources', workspaceId] as const;

/** `refetchInterval` while a check is under way, to see each poll finish. */
export function useInboxSources(workspaceId: string, refetchInterval: number | false = false) {
  return useQuery({
    refetchInterval,
    queryKey: sourcesKey(workspaceId),
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/inbox/sources', { params: { path: { workspaceId } } }))).sources,
  });
}

/** Asks for every polled channel of the workspace to be polled at the next tick. */
export const useSyncNow = (workspaceId: string) => useMutation({
  mutationFn: () => unwrap(api.POST('/api/v1/workspaces/{workspaceId}/inbox/sync', { params: { path: { workspaceId } } })),
});
