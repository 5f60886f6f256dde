/** Name a new workspace; the creator owns it and lands on its first-run steps. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreateWorkspace } from '../api/session';
import { Dialog } from '../ui/Dialog';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';

export default function NewWorkspaceDialog({ open, onOpenChange }: { open: boolean; onOpenChange(o: boolean): void }) {
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
