/**
 * Members, invitations (by link or e-mail; the link is shown once), ownership, the workspace's
 * name and approval policy, and the public invitation page's look-up and acceptance.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { meKey } from './session';
import type { Member, WorkspaceSettings } from './types';

export type { Invitation, InvitationInfo, Joined, Member, NewInvitation, WorkspaceSettings } from './types';
export type AssignableRole = Exclude<Member['role'], 'owner'>;
export const ASSIGNABLE_ROLES: AssignableRole[] = ['admin', 'editor', 'contributor', 'viewer'];

const membersKey = (workspaceId: string) => ['members', workspaceId] as const;
const invitationsKey = (workspaceId: string) => ['invitations', workspaceId] as const;
const settingsKey = (workspaceId: string) => ['workspace-settings', workspaceId] as const;
const path = (workspaceId: string) => ({ params: { path: { workspaceId } } });

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: membersKey(workspaceId),
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/members', path(workspaceId)))).members,
  });
}

/** Invitations are listed to owners and admins only (`enabled` keeps others from asking). */
export function useInvitations(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: invitationsKey(workspaceId),
    enabled,
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/invitations', path(workspaceId)))).invitations,
  });
}

export function useChangeRole(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: AssignableRole }) =>
      unwrap(api.PATCH('/api/v1/workspaces/{workspaceId}/members/{userId}', { params: { path: { workspaceId, userId } }, body: { role } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: membersKey(workspaceId) }),
  });
}

export function useRemoveMember(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => unwrap(api.DELETE('/api/v1/workspaces/{workspaceId}/members/{userId}', { params: { path: { workspaceId, userId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: membersKey(workspaceId) }),
  });
}

export function useTransferOwnership(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => unwrap(api.POST('/api/v1/workspaces/{workspaceId}/transfer-ownership', { ...path(workspaceId), body: { userId } })),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: membersKey(workspaceId) });
      await qc.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useInvite(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email?: string; role: AssignableRole; expiresInDays?: number }) =>
      unwrap(api.POST('/api/v1/workspaces/{workspaceId}/invitations', { ...path(workspaceId), body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: invitationsKey(workspaceId) }),
  });
}

export function useRevokeInvitation(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/workspaces/{workspaceId}/invitations/{id}', { params: { path: { workspaceId, id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: invitationsKey(workspaceId) }),
  });
}

export function useWorkspaceSettings(workspaceId: string) {
  return useQuery({
    queryKey: settingsKey(workspaceId),
    queryFn: () => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/settings', path(workspaceId))),
  });
}

export function useSaveWorkspaceSettings(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkspaceSettings) => unwrap(api.PUT('/api/v1/workspaces/{workspaceId}/settings', { ...path(workspaceId), body })),
    onSuccess: (saved) => qc.setQueryData(settingsKey(workspaceId), saved),
  });
}

export function useRenameWorkspace(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.PATCH('/api/v1/workspaces/{workspaceId}', { ...path(workspaceId), body: { name } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}

export function useInvitationInfo(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => unwrap(api.GET('/api/v1/invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
}

/** Accepts as the logged-in user, or (with `signup`) creates the account and logs it in. */
export function useAcceptInvitation(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (signup?: { email: string; password: string; name: string }) =>
      unwrap(api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } }, body: signup ?? {} })),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}
