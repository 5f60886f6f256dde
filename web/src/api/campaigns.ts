/** Campaigns of a workspace: list, create, change, delete (typed from the routes' response schemas). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { calendarKey } from './posts';
import type { paths } from './schema';

export type Campaign = NonNullable<paths['/api/v1/workspaces/{workspaceId}/campaigns']['get']['responses'][200]['content']['application/json']>['campaigns'][number];
export type CampaignInput = paths['/api/v1/workspaces/{workspaceId}/campaigns']['post']['requestBody']['content']['application/json'];
export type CampaignPatch = NonNullable<paths['/api/v1/workspaces/{workspaceId}/campaigns/{id}']['patch']['requestBody']>['content']['application/json'];

const key = (workspaceId: string) => ['campaigns', workspaceId] as const;

export const campaignsQuery = (workspaceId: string) => queryOptions({
  queryKey: key(workspaceId),
  queryFn: async () => (await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/campaigns', { params: { path: { workspaceId } } }))).campaigns,
});

export const useCampaigns = (workspaceId: string) => useQuery(campaignsQuery(workspaceId));

function useCampaignMutation<V, R>(workspaceId: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(workspaceId) });
      void qc.invalidateQueries({ queryKey: calendarKey(workspaceId) });
    },
  });
}

export const useCreateCampaign = (workspaceId: string) => useCampaignMutation(workspaceId, (body: CampaignInput) =>
  unwrap(api.POST('/api/v1/workspaces/{workspaceId}/campaigns', { params: { path: { workspaceId } }, body })));

export const useChangeCampaign = (workspaceId: string) => useCampaignMutation(workspaceId, ({ id, patch }: { id: string; patch: CampaignPatch }) =>
  unwrap(api.PATCH('/api/v1/workspaces/{workspaceId}/campaigns/{id}', { params: { path: { workspaceId, id } }, body: patch })));

export const useDeleteCampaign = (workspaceId: string) => useCampaignMutation(workspaceId, (id: string) =>
  unwrap(api.DELETE('/api/v1/workspaces/{workspaceId}/campaigns/{id}', { params: { path: { workspaceId, id } } })));
