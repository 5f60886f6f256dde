/** Your account: log-in sessions, two-factor log-in, and which notifications also come by e-mail. */
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session';
import { NotificationPreferences } from './NotificationPreferences';
import { Sessions } from './Sessions';
import { TwoFactor } from './TwoFactor';
import '../../styles/team.css';

export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="page team-cards">
      <h1>{t('account.title')}</h1>
      {me.data ? <p className="lead">{t('account.intro', { name: me.data.user.name, email: me.data.user.email })}</p> : null}
      <Sessions />
      <TwoFactor />
      <NotificationPreferences />
    </div>
  );
}
