/**
 * Approvals, comments and client review links: decisions on a post and its history, internal
 * comments (with the members one can @mention), the posts waiting for approval, the links a
 * workspace hands to clients, and the public review page those links open (no account).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { postKey, refreshAfterPostChange } from './posts';
import type { paths } from './schema';
import type { Workspace, WorkspaceSettings } from './types';

export type { Member, PostComment, Review } from './types';
type Answer<P extends keyof paths, M extends 'get' | 'post', S extends number> = paths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer A } } } } ? A : never;
export type ReviewLink = Answer<'/api/v1/workspaces/{workspaceId}/review-links', 'get', 200>['links'][number];
export type NewReviewLink = Answer<'/api/v1/workspaces/{workspaceId}/review-links', 'post', 201>;
export type ClientReview = Answer<'/api/v1/review/{token}', 'get', 200>;
export type ClientReviewPost = ClientReview['posts'][number];
/** A post waiting for approval, previewed per channel (each file with its kind, each follow-up with its files). */
export type AwaitingPost = Answer<'/api/v1/workspaces/{workspaceId}/approvals', 'get', 200>['posts'][number];
export type Decision = 'approved' | 'rejected';
type Role = Workspace['role'];

/** Roles that may approve (the server's rule in approvals.service.ts: those who may publish). */
export const canApproveRole = (role: Role | undefined) => role === 'owner' || role === 'admin' || role === 'editor';
export const isAdminRole = (role: Role | undefined) => role === 'owner' || role === 'admin';

/**
 * What scheduling does for this role under this policy — the server's rule (`needsApproval` in
 * src/workspaces/workspace-settings.ts and `mustBeApproved` in approval-gate.ts): `needed` waits
 * for approval, `forbidden` is refused (a contributor with approvals off), `none` publishes.
 */
export function approvalGate(settings: WorkspaceSettings | undefined, role: Role | undefined): 'needed' | 'forbidden' | 'none' {
  if (!settings || !role) return 'none';
  const required = settings.approvals.required;
  if (required === 'everyone' || (required === 'contributors' && role === 'contributor')) return 'needed';
  return canApproveRole(role) ? 'none' : 'forbidden';
}

// Under the post's own key, so that live updates refreshing a post refresh its approvals and comments too.
const reviewsKey = (workspaceId: string, postId: string) => [...postKey(workspaceId, postId), 'reviews'] as const;
const commentsKey = (workspaceId: string, postId: string) => [...postKey(workspaceId, postId), 'comments'] as const;
export const awaitingKey = (workspaceId: string) => ['awaiting-approval', workspaceId] as const;
const linksKey = (workspaceId: string) => ['review-links', workspaceId] as const;
const clientKey = (token: string) => ['client-review', token] as const;

/** The workspace's approval policy (anyone in the workspace may read it). */
export function useApprovalPolicy(workspaceId: string) {
  return useQuery({
    queryKey: ['approval-policy', workspaceId],
    queryFn: () => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/settings', { params: { path: { workspaceId } } })),
    staleTime: 30_000,
  });
}

/** Members, for @mentions and authors' names. */
export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: ['approval-members', workspaceId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/members', { params: { path: { workspaceId } } }))).members,
    staleTime: 60_000,
  });
}

export function useReviews(workspaceId: string, postId: string) {
  return useQuery({
    queryKey: reviewsKey(workspaceId, postId),
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/posts/{id}/reviews', { params: { path: { workspaceId, id: postId } } }))).reviews,
  });
}

/** Approve or reject; afterwards the post, its history, the calendar and the waiting list refresh. */
export function useDecide(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, decision, comment }: { postId: string; decision: Decision; comment?: string }) => {
      const params = { params: { path: { workspaceId, id: postId } }, body: comment ? { comment } : {} };
      return unwrap(decision === 'approved'
        ? api.POST('/api/v1/workspaces/{workspaceId}/posts/{id}/approve', params)
        : api.POST('/api/v1/workspaces/{workspaceId}/posts/{id}/reject', params));
    },
    onSettled: (_data, _err, { postId }) => {
      void qc.invalidateQueries({ queryKey: postKey(workspaceId, postId) });
      void qc.invalidateQueries({ queryKey: reviewsKey(workspaceId, postId) });
      void qc.invalidateQueries({ queryKey: awaitingKey(workspaceId) });
      refreshAfterPostChange(qc, workspaceId);
    },
  });
}

export function useComments(workspaceId: string, postId: string) {
  return useQuery({
    queryKey: commentsKey(workspaceId, postId),
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/posts/{id}/comments', { params: { path: { workspaceId, id: postId } } }))).comments,
  });
}

export function useAddComment(workspaceId: string, postId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => unwrap(api.POST('/api/v1/workspaces/{workspaceId}/posts/{id}/comments', { params: { path: { workspaceId, id: postId } }, body: { body } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: commentsKey(workspaceId, postId) }),
  });
}

/** Posts whose deliveries wait for approval, soonest first, with their previews per channel. */
export function useAwaitingApproval(workspaceId: string) {
  return useQuery({
    queryKey: awaitingKey(workspaceId),
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/approvals', { params: { path: { workspaceId } } }))).posts,
  });
}

export function useReviewLinks(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: linksKey(workspaceId),
    enabled,
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/review-links', { params: { path: { workspaceId } } }))).links,
  });
}

export function useCreateReviewLink(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; from: string; to: string; expiresInDays: number }) =>
      unwrap(api.POST('/api/v1/workspaces/{workspaceId}/review-links', { params: { path: { workspaceId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: linksKey(workspaceId) }),
  });
}

export function useRevokeReviewLink(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/workspaces/{workspaceId}/review-links/{id}', { params: { path: { workspaceId, id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: linksKey(workspaceId) }),
  });
}

/** The public review page of a link (no log-in); an invalid, revoked or expired link is an ApiError. */
export function useClientReview(token: string) {
  return useQuery({
    queryKey: clientKey(token),
    retry: false,
    queryFn: () => unwrap(api.GET('/api/v1/review/{token}', { params: { path: { token } } })),
  });
}

export function useClientDecision(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, ...body }: { postId: string; name: string; decision: Decision; comment?: string }) =>
      unwrap(api.POST('/api/v1/review/{token}/posts/{postId}/decision', { params: { path: { token, postId } }, body })),
    onSettled: () => qc.invalidateQueries({ queryKey: clientKey(token) }),
  });
}

export function useClientComment(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, ...body }: { postId: string; name: string; body: string }) =>
      unwrap(api.POST('/api/v1/review/{token}/posts/{postId}/comments', { params: { path: { token, postId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clientKey(token) }),
  });
}
