/** API tokens of a workspace: list, create (the secret is shown once), revoke. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';

const key = (workspaceId: string) => ['tokens', workspaceId] as const;
export type Scope = 'read' | 'write' | 'publish' | 'admin';

export function useTokens(workspaceId: string) {
  return useQuery({
    queryKey: key(workspaceId),
    queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/tokens', { params: { path: { workspaceId } } }))).tokens,
  });
}

export function useCreateToken(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: Scope[] }) => unwrap(api.POST('/api/v1/workspaces/{workspaceId}/tokens', { params: { path: { workspaceId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(workspaceId) }),
  });
}

export function useRevokeToken(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => unwrap(api.DELETE('/api/v1/workspaces/{workspaceId}/tokens/{tokenId}', { params: { path: { workspaceId, tokenId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(workspaceId) }),
  });
}
