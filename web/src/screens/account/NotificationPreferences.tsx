/**
 * Notification preferences per kind: every notification shows under the bell; each kind can also
 * come by e-mail or not (the same switch as the unsubscribe link in each e-mail).
 */
import { useTranslation } from 'react-i18next';
import { useEmailPreferences, useSetEmailPreference } from '../../api/account';
import { ErrorNote, Loading } from '../../ui/ErrorNote';

export function NotificationPreferences() {
  const { t } = useTranslation();
  const prefs = useEmailPreferences();
  const set = useSetEmailPreference();
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
              {Object.entries(prefs.data).map(([kind, on]) => {
                const label = t(`bell.kinds.${kind}`, { defaultValue: kind });
                return (
                  <tr key={kind}>
                    <th scope="row">{label}</th>
                    <td>{t('account.always')}</td>
                    <td>
                      <label className="check">
                        <input type="checkbox" checked={on} disabled={set.isPending} onChange={(e) => set.mutate({ [kind]: e.target.checked })} />
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
