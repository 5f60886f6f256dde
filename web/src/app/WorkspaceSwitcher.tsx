/**
 * Switch between the user's workspaces, or create another. A disclosure (button + list of links):
 * Escape or a click elsewhere closes it; the creation dialog loads only when asked for.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Check, ChevronDown, Plus } from 'lucide-react';
import { useMe } from '../api/session';
import { useWorkspaceId } from './workspace';

const NewWorkspaceDialog = lazy(() => import('./NewWorkspaceDialog'));

export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const current = useWorkspaceId();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const workspaces = me.data?.workspaces ?? [];
  const currentName = workspaces.find((w) => w.id === current)?.name ?? '';

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { setOpen(false); button.current?.focus(); } };
    const onClick = (e: MouseEvent) => { if (!root.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => { document.removeEventListener('keydown', onKey); document.removeEventListener('mousedown', onClick); };
  }, [open]);

  return (
    <div className="ws" ref={root}>
      <button ref={button} type="button" className="ws-switcher" aria-expanded={open} aria-controls="ws-list" onClick={() => setOpen((o) => !o)}
        aria-label={t('workspaces.switch', { name: currentName })}>
        <span className="ws-switcher__name">{currentName}</span> <ChevronDown aria-hidden="true" size={16} />
      </button>
      {open ? (
        <div id="ws-list" className="menu ws__list">
          <p className="menu__label">{t('workspaces.title')}</p>
          <ul role="list">
            {workspaces.map((w) => (
              <li key={w.id}>
                <Link className="menu__item" to={`/w/${w.id}/calendar`} aria-current={w.id === current ? 'page' : undefined} onClick={() => setOpen(false)}>
                  {w.id === current ? <Check aria-hidden="true" size={16} /> : <span className="menu__spacer" />}
                  {w.name} <span className="muted">{t(`roles.${w.role}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
          <div className="menu__sep" />
          <button type="button" className="menu__item menu__button" onClick={() => { setOpen(false); setCreating(true); }}>
            <Plus aria-hidden="true" size={16} /> {t('workspaces.new')}
          </button>
        </div>
      ) : null}
      {creating ? <Suspense fallback={null}><NewWorkspaceDialog open onOpenChange={setCreating} /></Suspense> : null}
    </div>
  );
}
