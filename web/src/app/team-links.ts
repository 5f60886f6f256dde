/** The team screens' navigation links; the audit log only for those who may read it. */
import { useTranslation } from 'react-i18next';
import { ScrollText, Settings, Users } from 'lucide-react';
import { isAdminRole, useRole } from './role';

export function useTeamLinks() {
  const { t } = useTranslation();
  const role = useRole();
  return [
    { to: 'team', label: t('teamNav.team'), icon: Users },
    { to: 'settings', label: t('teamNav.settings'), icon: Settings },
    ...(isAdminRole(role) ? [{ to: 'audit', label: t('teamNav.audit'), icon: ScrollText }] : []),
  ];
}
