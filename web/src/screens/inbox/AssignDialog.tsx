/** Assign the open item to a member (or nobody): one button per member, the current one marked. */
import { useTranslation } from 'react-i18next';
import { Check } from 'lucide-react';
import { useMembers, useUpdateItem } from '../../api/inbox';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { useToast } from '../../ui/Toasts';

interface Props {
  open: boolean;
  onOpenChange(open: boolean): void;
  workspaceId: string;
  itemId: string;
  assigneeId: string | null;
}

export function AssignDialog({ open, onOpenChange, workspaceId, itemId, assigneeId }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const members = useMembers(workspaceId).data ?? [];
  const update = useUpdateItem(workspaceId);
  const assign = (id: string | null, name?: string) =>
    update.mutate({ id: itemId, patch: { assigneeId: id } }, {
      onSuccess: () => { toast(name ? t('inbox.assign.done', { name }) : t('inbox.assign.cleared')); onOpenChange(false); },
    });
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('inbox.assign.title')}>
      <ul className="inbox-assign" role="list">
        {members.map((m) => (
          <li key={m.userId}>
            <button type="button" className="button button--block" aria-pressed={m.userId === assigneeId} disabled={update.isPending} onClick={() => assign(m.userId, m.name)}>
              {m.userId === assigneeId ? <Check aria-hidden="true" size={16} /> : null} {m.name} <span className="muted">{m.email}</span>
            </button>
          </li>
        ))}
        {assigneeId ? <li><button type="button" className="button button--block button--quiet" onClick={() => assign(null)}>{t('inbox.assign.nobody')}</button></li> : null}
      </ul>
      <ErrorNote error={update.error} />
    </Dialog>
  );
}
