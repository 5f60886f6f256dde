/** The caller's own security: sessions, two-factor log-in (TOTP) with recovery codes, and notification preferences per kind. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { NotificationPreferences } from './types';

export type { NotificationPreferences, Session, TotpStatus } from './types';
/** Per kind of notification: on or off. */
export type KindSwitches = NotificationPreferences['email'];

const sessionsKey = ['sessions'] as const;
const totpKey = ['totp'] as const;
const prefsKey = ['notification-settings'] as const;

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: async () => (await unwrap(api.GET('/api/v1/me/sessions'))).sessions });
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
    mutationFn: async () => (await unwrap(api.POST('/api/v1/me/sessions/log-out-others'))).loggedOut,
    onSettled: () => qc.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useTotpStatus() {
  return useQuery({ queryKey: totpKey, queryFn: () => unwrap(api.GET('/api/v1/me/totp')) });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/me/totp/setup')) });
}

export function useTotpEnable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => (await unwrap(api.POST('/api/v1/me/totp/enable', { body: { code } }))).recoveryCodes,
    onSuccess: () => qc.invalidateQueries({ queryKey: totpKey }),
  });
}

/** New recovery codes (the old ones stop working); proven with the password or a current code. */
export function useRegenerateRecoveryCodes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (proof: { password: string } | { code: string }) =>
      (await unwrap(api.POST('/api/v1/me/totp/recovery-codes', { body: proof }))).recoveryCodes,
    onSuccess: () => qc.invalidateQueries({ queryKey: totpKey }),
  });
}

export function useTotpDisable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => unwrap(api.POST('/api/v1/me/totp/disable', { body: { password } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: totpKey }),
  });
}

export function useNotificationPreferences() {
  return useQuery({ queryKey: prefsKey, queryFn: () => unwrap(api.GET('/api/v1/me/notification-settings')) });
}

export function useSetNotificationPreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: { email?: KindSwitches; inApp?: KindSwitches }) => unwrap(api.PUT('/api/v1/me/notification-settings', { body: change })),
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
