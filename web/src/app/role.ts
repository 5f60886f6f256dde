/** The caller's role in the current workspace (from /me), and what it may do in the team screens. */
import { useMe } from '../api/session';
import type { Workspace } from '../api/types';
import { useWorkspaceId } from './workspace';

export type Role = Workspace['role'];

export function useRole(): Role {
  const workspaceId = useWorkspaceId();
  const me = useMe();
  return me.data?.workspaces.find((w) => w.id === workspaceId)?.role ?? 'viewer';
}

export const isAdminRole = (role: Role) => role === 'owner' || role === 'admin';
