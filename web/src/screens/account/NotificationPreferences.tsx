/**
 * Notification preferences per kind: each kind can show under the bell or not, and come by e-mail
 * or not (the e-mail switch is the same as the unsubscribe link in each e-mail).
 */
import { useTranslation } from 'react-i18next';
import { useNotificationPreferences, useSetNotificationPreference } from '../../api/account';
import { ErrorNote, Loading } from '../../ui/ErrorNote';

export function NotificationPreferences() {
  const { t } = useTranslation();
  const prefs = useNotificationPreferences();
  const set = useSetNotificationPreference();
  return (
    <section className="card" aria-labelledby="notification-prefs">
      <h2 id="notification-prefs">{t('account.prefsTitle')}</h2>
      <p className="muted">{t('account.prefsIntro')}</p>
      {prefs.isPending ? <Loading /> : null}
      <ErrorNote error={prefs.error ?? set.error} />
      {prefs.data ? (
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th scope="col">{t('account.kind')}</th><th scope="col">{t('account.inApp')}</th><th scope="col">{t('account.byEmail')}</th></tr></thead>
            <tbody>
              {Object.entries(prefs.data.email).map(([kind, email]) => {
                const label = t(`bell.kinds.${kind}`, { defaultValue: kind });
                return (
                  <tr key={kind}>
                    <th scope="row">{label}</th>
                    <td>
                      <label className="check">
                        <input type="checkbox" checked={prefs.data.inApp[kind] ?? true} disabled={set.isPending} onChange={(e) => set.mutate({ inApp: { [kind]: e.target.checked } })} />
                        <span className="visually-hidden">{t('account.inAppFor', { kind: label })}</span>
                      </label>
                    </td>
                    <td>
                      <label className="check">
                        <input type="checkbox" checked={email} disabled={set.isPending} onChange={(e) => set.mutate({ email: { [kind]: e.target.checked } })} />
                        <span className="visually-hidden">{t('account.emailFor', { kind: label })}</span>
                      </label>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
