/** Switch between the user's workspaces, or create another (Radix dropdown menu + dialog). */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DropdownMenu } from 'radix-ui';
import { Check, ChevronDown, Plus } from 'lucide-react';
import { useCreateWorkspace, useMe } from '../api/session';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { ErrorNote } from '../ui/ErrorNote';
import { useWorkspaceId } from './workspace';

export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const current = useWorkspaceId();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const workspaces = me.data?.workspaces ?? [];
  const currentName = workspaces.find((w) => w.id === current)?.name ?? '';
  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className="ws-switcher" aria-label={t('workspaces.switch', { name: currentName })}>
          <span className="ws-switcher__name">{currentName}</span> <ChevronDown aria-hidden="true" size={16} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="start" sideOffset={4}>
            <DropdownMenu.Label className="menu__label">{t('workspaces.title')}</DropdownMenu.Label>
            {workspaces.map((w) => (
              <DropdownMenu.Item key={w.id} className="menu__item" onSelect={() => navigate(`/w/${w.id}/calendar`)}>
                {w.id === current ? <Check aria-hidden="true" size={16} /> : <span className="menu__spacer" />}
                {w.name} <span className="muted">{t(`roles.${w.role}`)}</span>
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Separator className="menu__sep" />
            <DropdownMenu.Item className="menu__item" onSelect={() => setCreating(true)}>
              <Plus aria-hidden="true" size={16} /> {t('workspaces.new')}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <NewWorkspaceDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}

function NewWorkspaceDialog({ open, onOpenChange }: { open: boolean; onOpenChange(o: boolean): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const create = useCreateWorkspace();
  const navigate = useNavigate();
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('workspaces.new')} description={t('workspaces.newHint')}>
      <form onSubmit={(e) => {
        e.preventDefault();
        create.mutate(name, { onSuccess: (w) => { onOpenChange(false); setName(''); navigate(`/w/${w.id}/welcome`); } });
      }}>
        <Field label={t('workspaces.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </Field>
        <ErrorNote error={create.error} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>{t('workspaces.create')}</button>
        </div>
      </form>
    </Dialog>
  );
}
