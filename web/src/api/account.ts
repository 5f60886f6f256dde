/** The caller's own security: sessions, two-factor log-in (TOTP) with recovery codes, and notification preferences per kind. */
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
/** Per kind of notification: on or off. */
export type KindSwitches = Record<string, boolean>;
export interface NotificationPreferences { email: KindSwitches; inApp: KindSwitches }
export interface TotpStatus { enabled: boolean; since: string | null; recoveryCodesLeft: number }

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

/** Logs out every session but this one, in one call. */
export function useLogOutOtherSessions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => (await unwrapAs<{ loggedOut: number }>(api.POST('/api/v1/me/sessions/log-out-others'))).loggedOut,
    onSettled: () => qc.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useTotpStatus() {
  return useQuery({ queryKey: totpKey, queryFn: () => unwrapAs<TotpStatus>(api.GET('/api/v1/me/totp')) });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: () => unwrapAs<{ secret: string; otpauthUrl: string }>(api.POST('/api/v1/me/totp/setup')) });
}

export function useTotpEnable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => (await unwrapAs<{ enabled: boolean; recoveryCodes: string[] }>(api.POST('/api/v1/me/totp/enable', { body: { code } }))).recoveryCodes,
    onSuccess: () => qc.invalidateQueries({ queryKey: totpKey }),
  });
}

/** New recovery codes (the old ones stop working); proven with the password or a current code. */
export function useRegenerateRecoveryCodes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (proof: { password: string } | { code: string }) =>
      (await unwrapAs<{ recoveryCodes: string[] }>(api.POST('/api/v1/me/totp/recovery-codes', { body: proof }))).recoveryCodes,
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

export function useNotificationPreferences() {
  return useQuery({ queryKey: prefsKey, queryFn: () => unwrapAs<NotificationPreferences>(api.GET('/api/v1/me/notification-settings')) });
}

export function useSetNotificationPreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: { email?: KindSwitches; inApp?: KindSwitches }) => unwrapAs<NotificationPreferences>(api.PUT('/api/v1/me/notification-settings', { body: change })),
    // The switch moves at once; the server's answer (or the old state, on an error) settles it.
    onMutate: (change) => {
      const before = qc.getQueryData<NotificationPreferences>(prefsKey);
      if (before) qc.setQueryData(prefsKey, { email: { ...before.email, ...change.email }, inApp: { ...before.inApp, ...change.inApp } });
      return { before };
    },
    onError: (_err, _change, context) => { if (context?.before) qc.setQueryData(prefsKey, context.before); },
    onSuccess: (prefs) => {
      qc.setQueryData(prefsKey, prefs);
      // The bell and lists leave out kinds muted in the app.
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
