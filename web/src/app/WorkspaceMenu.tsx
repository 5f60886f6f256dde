/**
 * The header's "Workspace" menu on wide screens: the administration screens (campaigns, team,
 * settings, API tokens, audit log) behind one button, so the header stays one row. A menu button
 * (WAI-ARIA pattern): Enter, Space or ArrowDown open it on its first item, ArrowUp on its last;
 * arrows, Home and End move; Enter follows a link; Escape closes it and returns focus to the
 * button; Tab or a click elsewhere closes it. The button is marked while one of its screens is
 * shown, and that screen's item carries aria-current="page" and a check.
 *
 * Written by hand rather than with a component kit's dropdown: it is on every screen, and a
 * positioned-popover library would add ~17 KB gzipped to the first load (see bench:web).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Check, ChevronDown } from 'lucide-react';
import type { NavItem } from './team-links';

export function WorkspaceMenu({ workspaceId, links }: { workspaceId: string; links: NavItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const menuId = useId();
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLAnchorElement | null)[]>([]);
  const isCurrent = (to: string) => pathname === `/w/${workspaceId}/${to}` || pathname.startsWith(`/w/${workspaceId}/${to}/`);
  const current = links.find((l) => isCurrent(l.to));

  // Following a link (or any navigation) closes the menu.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const list = items.current.filter(Boolean) as HTMLAnchorElement[];
    (open === 'last' ? list.at(-1) : list[0])?.focus();
    const onClick = (e: MouseEvent) => { if (!root.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', onClick);
    return () => document.removeEventListener('mousedown', onClick);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setOpen('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen('last');
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items.current.filter(Boolean) as HTMLAnchorElement[];
    const at = list.indexOf(document.activeElement as HTMLAnchorElement);
    const move = (i: number) => { e.preventDefault(); list[(i + list.length) % list.length]?.focus(); };
    switch (e.key) {
      case 'ArrowDown': return move(at + 1);
      case 'ArrowUp': return move(at - 1);
      case 'Home': return move(0);
      case 'End': return move(list.length - 1);
      case 'Escape': e.preventDefault(); return close(true);
      case 'Tab': return close(false);
      case ' ': e.preventDefault(); (document.activeElement as HTMLElement | null)?.click(); return;
      default:
    }
  };

  return (
    <div ref={root} className="nav__menu-root">
      <button ref={button} type="button" className={`nav__link nav__menu-button${current ? ' active' : ''}`} title={t('workspaceMenu.open')}
        aria-haspopup="menu" aria-expanded={Boolean(open)} aria-controls={open ? menuId : undefined}
        aria-current={current ? 'true' : undefined}
        onClick={() => setOpen((o) => (o ? false : 'first'))} onKeyDown={onButtonKey}>
        {t('workspaceMenu.label')}
        {current ? <span className="visually-hidden">{`, ${current.label}`}</span> : null}
        <ChevronDown aria-hidden="true" size={14} />
      </button>
      {open ? (
        <div id={menuId} role="menu" aria-label={t('workspaceMenu.label')} className="menu nav__menu" onKeyDown={onMenuKey}>
          {links.map(({ to, label, icon: Icon }, i) => {
            const here = isCurrent(to);
            return (
              <Link key={to} ref={(el) => { items.current[i] = el; }} role="menuitem" tabIndex={-1}
                className={`menu__item${here ? ' menu__item--current' : ''}`} to={`/w/${workspaceId}/${to}`}
                aria-current={here ? 'page' : undefined} onClick={() => setOpen(false)}>
                <Icon aria-hidden="true" size={16} /> <span className="menu__grow">{label}</span>
                {here ? <Check aria-hidden="true" size={16} /> : null}
              </Link>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
