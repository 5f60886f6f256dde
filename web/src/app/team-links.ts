/**
 * The workspace administration screens, grouped in the header's "Workspace" menu (on phones, in
 * the folding navigation): campaigns, team, settings, API tokens, and the audit log only for
 * those who may read it.
 */
import { useTranslation } from 'react-i18next';
import { Flag, KeyRound, ScrollText, Settings, Users, type LucideIcon } from 'lucide-react';
import { isAdminRole, useRole } from './role';

export interface NavItem { to: string; label: string; icon: LucideIcon }

export function useWorkspaceLinks(): NavItem[] {
  const { t } = useTranslation();
  const role = useRole();
  return [
    { to: 'campaigns', label: t('campaigns.nav'), icon: Flag },
    { to: 'team', label: t('teamNav.team'), icon: Users },
    { to: 'settings', label: t('teamNav.settings'), icon: Settings },
    { to: 'tokens', label: t('nav.tokens'), icon: KeyRound },
    ...(isAdminRole(role) ? [{ to: 'audit', label: t('teamNav.audit'), icon: ScrollText }] : []),
  ];
}
