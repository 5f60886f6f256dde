/**
 * The header's "Workspace" menu on wide screens: the administration screens (campaigns, team,
 * settings, API tokens, audit log) behind one button, so the header stays one row. A Radix
 * dropdown menu: Enter, Space or the arrow keys open it, arrows move, Enter follows a link,
 * Escape closes it and returns focus to the button. The button is marked while one of its
 * screens is shown, and that screen's item carries aria-current="page" and a check.
 */
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DropdownMenu } from 'radix-ui';
import { Check, ChevronDown } from 'lucide-react';
import type { NavItem } from './team-links';

export function WorkspaceMenu({ workspaceId, links }: { workspaceId: string; links: NavItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const isCurrent = (to: string) => pathname === `/w/${workspaceId}/${to}` || pathname.startsWith(`/w/${workspaceId}/${to}/`);
  const current = links.find((l) => isCurrent(l.to));
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button type="button" className={`nav__link nav__menu-button${current ? ' active' : ''}`} title={t('workspaceMenu.open')}
          aria-current={current ? 'true' : undefined}>
          {t('workspaceMenu.label')}
          {current ? <span className="visually-hidden">{`, ${current.label}`}</span> : null}
          <ChevronDown aria-hidden="true" size={14} />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu nav__menu" align="start" sideOffset={6} aria-label={t('workspaceMenu.label')}>
          {links.map(({ to, label, icon: Icon }) => {
            const here = isCurrent(to);
            return (
              <DropdownMenu.Item key={to} asChild>
                <Link className={`menu__item${here ? ' menu__item--current' : ''}`} to={`/w/${workspaceId}/${to}`} aria-current={here ? 'page' : undefined}>
                  <Icon aria-hidden="true" size={16} /> <span className="menu__grow">{label}</span>
                  {here ? <Check aria-hidden="true" size={16} /> : null}
                </Link>
              </DropdownMenu.Item>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
