/**
 * The frame around every workspace screen: skip link, header with the workspace switcher,
 * navigation (the daily screens as links, the administration screens in the "Workspace" menu; on
 * narrow screens all of them in a folding menu), live status, language and log-out; focus moves to
 * the page on navigation so keyboard and screen-reader users start at its content.
 */
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CalendarDays, FileText, Inbox, LogOut, Menu, PencilLine, Share2, UserCheck, UserRound } from 'lucide-react';
import { useLogOut, useMe } from '../api/session';
import { LiveUpdates, useLiveState } from './live';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';
import { LanguageSelect } from './LanguageSelect';
import { LAST_WORKSPACE_KEY } from './RequireAuth';
import { NotFound } from './NotFound';
import { InboxNavCount } from './InboxNavCount';
import { useWorkspaceId } from './workspace';
import { NotificationBell } from './NotificationBell';
import { useWorkspaceLinks } from './team-links';
import { WorkspaceMenu } from './WorkspaceMenu';

export function AppShell() {
  const workspaceId = useWorkspaceId();
  const me = useMe();
  const workspace = me.data?.workspaces.find((w) => w.id === workspaceId);
  useEffect(() => {
    if (workspace) localStorage.setItem(LAST_WORKSPACE_KEY, workspace.id);
  }, [workspace]);
  if (!workspace) return <NotFound />;
  return (
    <LiveUpdates workspaceId={workspaceId}>
      <Header />
      <MainArea />
    </LiveUpdates>
  );
}

function MainArea() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [location.pathname]);
  return (
    <main id="main" ref={main} tabIndex={-1} className="main">
      <Outlet />
    </main>
  );
}

function Header() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const workspaceLinks = useWorkspaceLinks();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const links = [
    { to: 'calendar', label: t('nav.calendar'), icon: CalendarDays },
    { to: 'compose', label: t('nav.compose'), icon: PencilLine },
    { to: 'inbox', label: t('inbox.title'), icon: Inbox },
    { to: 'drafts', label: t('nav.drafts'), icon: FileText },
    { to: 'approvals', label: t('approvalsScreen.nav'), icon: UserCheck },
    { to: 'channels', label: t('nav.channels'), icon: Share2 },
  ];
  return (
    <header className="topbar">
      <a className="skip-link" href="#main">{t('shell.skip')}</a>
      <div className="topbar__row">
        <a className="brand" href={`/w/${workspaceId}/calendar`} aria-label={t('shell.home')}>
          <img src="/favicon.svg" alt="" width={24} height={24} /> <span>Varde</span>
        </a>
        <WorkspaceSwitcher />
        <button type="button" className="icon-button menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((o) => !o)}>
          <Menu aria-hidden="true" size={20} /> <span>{t('nav.menu')}</span>
        </button>
        <nav id="main-nav" aria-label={t('nav.label')} className={`nav${menuOpen ? ' nav--open' : ''}`}>
          {links.map(({ to, label, icon: Icon }) => (
            <NavLink key={to} to={`/w/${workspaceId}/${to}`} className="nav__link" end={to === 'compose'}>
              <Icon aria-hidden="true" size={16} /> {label}
              {to === 'inbox' ? <InboxNavCount workspaceId={workspaceId} /> : null}
            </NavLink>
          ))}
          <WorkspaceMenu workspaceId={workspaceId} links={workspaceLinks} />
          <div className="nav__group" role="group" aria-labelledby="nav-workspace">
            <span id="nav-workspace" className="nav__group-label">{t('workspaceMenu.label')}</span>
            {workspaceLinks.map(({ to, label, icon: Icon }) => (
              <NavLink key={to} to={`/w/${workspaceId}/${to}`} className="nav__link">
                <Icon aria-hidden="true" size={16} /> {label}
              </NavLink>
            ))}
          </div>
          <NavLink to={`/w/${workspaceId}/account`} className="nav__link nav__link--narrow"><UserRound aria-hidden="true" size={16} /> {t('teamNav.account')}</NavLink>
        </nav>
        <div className="topbar__end">
          <LiveIndicator />
          <NotificationBell />
          <NavLink to={`/w/${workspaceId}/account`} className="icon-button account-link" title={t('teamNav.account')} aria-label={t('teamNav.account')}><UserRound aria-hidden="true" size={18} /></NavLink>
          <LanguageSelect />
          <LogOutButton />
        </div>
      </div>
    </header>
  );
}

function LiveIndicator() {
  const { t } = useTranslation();
  const state = useLiveState();
  return (
    <span className={`live live--${state}`} role="status" title={t(`live.${state}Hint`)}>
      <span className="live__dot" aria-hidden="true" />
      <span className="live__text">{t(`live.${state}`)}</span>
    </span>
  );
}

function LogOutButton() {
  const { t } = useTranslation();
  const logOut = useLogOut();
  const navigate = useNavigate();
  return (
    <button type="button" className="icon-button" onClick={() => logOut.mutate(undefined, { onSettled: () => navigate('/login') })} title={t('nav.logOut')}>
      <LogOut aria-hidden="true" size={18} />
      <span className="visually-hidden">{t('nav.logOut')}</span>
    </button>
  );
}
