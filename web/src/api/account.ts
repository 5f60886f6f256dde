/** The caller's own security: sessions, two-factor log-in (TOTP), and which notifications come by e-mail. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapAs } from './client';

/** One row of GET /me/sessions (built inline by src/auth/security.routes.ts). */
export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}
export type EmailPreferences = Record<string, boolean>;

const sessionsKey = ['sessions'] as const;
const totpKey = ['totp'] as const;
const prefsKey = ['notification-settings'] as const;

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: async () => (await unwrapAs<{ sessions: Session[] }>(api.GET('/api/v1/me/sessions'))).sessions });
}

export function useRevokeSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await unwrap(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } }));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useTotpStatus() {
  return useQuery({ queryKey: totpKey, queryFn: () => unwrapAs<{ enabled: boolean; since: string | null }>(api.GET('/api/v1/me/totp')) });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: () => unwrapAs<{ secret: string; otpauthUrl: string }>(api.POST('/api/v1/me/totp/setup')) });
}

export function useTotpEnable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => unwrapAs<{ enabled: boolean }>(api.POST('/api/v1/me/totp/enable', { body: { code } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: totpKey }),
  });
}

export function useTotpDisable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => unwrapAs<{ enabled: boolean }>(api.POST('/api/v1/me/totp/disable', { body: { password } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: totpKey }),
  });
}

export function useEmailPreferences() {
  return useQuery({ queryKey: prefsKey, queryFn: async () => (await unwrapAs<{ email: EmailPreferences }>(api.GET('/api/v1/me/notification-settings'))).email });
}

export function useSetEmailPreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (change: EmailPreferences) => (await unwrapAs<{ email: EmailPreferences }>(api.PUT('/api/v1/me/notification-settings', { body: { email: change } }))).email,
    onSuccess: (email) => qc.setQueryData(prefsKey, email),
  });
}
