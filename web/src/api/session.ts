/** Who is logged in, first-run state, sign-up / log-in / log-out, workspaces. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from './client';

export const meKey = ['me'] as const;

export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: async () => {
    try {
      return await unwrap(api.GET('/api/v1/me'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  staleTime: 60_000,
});

/** The logged-in user and their workspaces; `null` when nobody is logged in. */
export function useMe() {
  return useQuery(meQuery);
}

export function useInstance() {
  return useQuery({ queryKey: ['instance'], queryFn: () => unwrap(api.GET('/api/v1/instance')), staleTime: 30_000 });
}

export function useLogIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string; totp?: string; recoveryCode?: string }) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}

export function useSignUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string; name: string; workspaceName?: string }) =>
      unwrap(api.POST('/api/v1/auth/signup', { body })),
    onSuccess: () => qc.invalidateQueries(),
  });
}

export function useLogOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

export function useCreateWorkspace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/v1/workspaces', { body: { name } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}
