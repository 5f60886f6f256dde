/** Sessions: where you are logged in, this one marked; log out any other, or all others at once. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogOutOtherSessions, useRevokeSession, useSessions, type Session } from '../../api/account';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { useToast } from '../../ui/Toasts';

/** "Chrome on Linux" from a user agent, or the raw string when it is unusual. */
export function deviceName(ua: string | null, unknown: string): string {
  if (!ua) return unknown;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS X/.test(ua) ? 'macOS' : /Windows/.test(ua) ? 'Windows' : /Linux/.test(ua) ? 'Linux' : null;
  return browser && os ? `${browser}, ${os}` : ua.slice(0, 60);
}

export function Sessions() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const logOutOthers = useLogOutOtherSessions();
  const toast = useToast();
  // One session to log out, or 'others': every session but this one, in one call.
  const [pending, setPending] = useState<Session | 'others' | null>(null);
  const others = (sessions.data ?? []).filter((s) => !s.current);
  const name = (s: Session) => deviceName(s.userAgent, t('account.unknownDevice'));
  return (
    <section className="card" aria-labelledby="sessions">
      <h2 id="sessions">{t('account.sessionsTitle')}</h2>
      <p className="muted">{t('account.sessionsIntro')}</p>
      {sessions.isPending ? <Loading /> : null}
      <ErrorNote error={sessions.error ?? revoke.error ?? logOutOthers.error} />
      {sessions.data ? (
        <ul className="sessions" aria-label={t('account.sessionsTitle')}>
          {sessions.data.map((s) => (
            <li key={s.id} className="session" aria-label={`${name(s)}${s.current ? `, ${t('account.thisSession')}` : ''}`} data-session={s.id}>
              <div>
                <strong>{name(s)}</strong> {s.current ? <span className="tag">{t('account.thisSession')}</span> : null}
                <br /><span className="muted">{t('account.sessionFacts', { ip: s.ip ?? '?', started: fmt.dateTime(s.createdAt), seen: s.lastSeenAt ? fmt.relative(s.lastSeenAt) : t('account.never') })}</span>
              </div>
              {!s.current ? <button type="button" className="button button--quiet button--small" onClick={() => setPending(s)} aria-label={t('account.revokeName', { device: name(s), started: fmt.dateTime(s.createdAt) })}>{t('account.revoke')}</button> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {others.length > 1 ? <div className="actions actions--start"><button type="button" className="button" onClick={() => setPending('others')}>{t('account.revokeOthers')}</button></div> : null}
      <ConfirmDialog open={Boolean(pending)} onOpenChange={(o) => { if (!o) setPending(null); }} danger busy={revoke.isPending || logOutOthers.isPending}
        title={pending === 'others' ? t('account.revokeOthers') : t('account.revokeOne')} body={t('account.revokeBody', { count: pending === 'others' ? others.length : 1 })} confirmLabel={t('account.revoke')}
        onConfirm={() => {
          if (pending === 'others') logOutOthers.mutate(undefined, { onSuccess: (count) => { toast(t('account.revoked', { count })); setPending(null); } });
          else if (pending) revoke.mutate([pending.id], { onSuccess: () => { toast(t('account.revoked', { count: 1 })); setPending(null); } });
        }} />
    </section>
  );
}
