/**
 * Bulk selection over the items shown, and one change to all checked items: done, reopen, read,
 * unread, assign, unassign, tag, untag, snooze until a time, wake.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBulkUpdate, useMembers, type BulkInput, type InboxItem } from '../../api/inbox';
import { useToast } from '../../ui/Toasts';
import { errorText } from '../../i18n/problems';
import { tomorrowMorning } from './ItemActions';

/** One bulk change, without the ids (each member of the union keeps its own fields). */
type BulkChange = BulkInput extends infer U ? (U extends unknown ? Omit<U, 'ids'> : never) : never;

interface Props {
  workspaceId: string;
  items: InboxItem[];
  checked: Set<string>;
  setChecked(next: Set<string>): void;
}

export function BulkBar({ workspaceId, items, checked, setChecked }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const bulk = useBulkUpdate(workspaceId);
  const members = useMembers(workspaceId).data ?? [];
  const [assignee, setAssignee] = useState('');
  const [tag, setTag] = useState('');
  const [until, setUntil] = useState(tomorrowMorning);
  const ids = items.filter((i) => checked.has(i.id)).map((i) => i.id);
  const allChecked = items.length > 0 && ids.length === Math.min(items.length, 500);

  // The chosen time in the browser's zone; a time already past is not a snooze.
  const snoozeAt = until && !Number.isNaN(Date.parse(until)) && Date.parse(until) > Date.now() ? new Date(until) : null;

  const run = (input: BulkChange) => {
    bulk.mutate({ ...input, ids } as BulkInput, {
      onSuccess: (r) => { toast(t('inbox.bulk.changed', { count: r.changed })); setChecked(new Set()); },
      onError: (err) => toast(errorText(t, err), 'error'),
    });
  };

  return (
    <div className="inbox-bulk" role="group" aria-label={t('inbox.bulk.label')}>
      <label className="check">
        <input type="checkbox" checked={allChecked} onChange={(e) => setChecked(new Set(e.target.checked ? items.slice(0, 500).map((i) => i.id) : []))} />
        {ids.length ? t('inbox.bulk.selected', { count: ids.length }) : t('inbox.bulk.selectAll')}
      </label>
      {ids.length ? (
        <div className="inbox-bulk__actions">
          <button type="button" className="button button--small" disabled={bulk.isPending} onClick={() => run({ action: 'done' })}>{t('inbox.actions.done')}</button>
          <button type="button" className="button button--small" disabled={bulk.isPending} onClick={() => run({ action: 'reopen' })}>{t('inbox.actions.reopen')}</button>
          <button type="button" className="button button--small" disabled={bulk.isPending} onClick={() => run({ action: 'read' })}>{t('inbox.bulk.read')}</button>
          <button type="button" className="button button--small" disabled={bulk.isPending} onClick={() => run({ action: 'unread' })}>{t('inbox.bulk.unread')}</button>
          <span className="inbox-bulk__field">
            <select aria-label={t('inbox.bulk.assignTo')} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">{t('inbox.bulk.chooseMember')}</option>
              {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
            </select>
            <button type="button" className="button button--small" disabled={!assignee || bulk.isPending} onClick={() => run({ action: 'assign', assigneeId: assignee })}>{t('inbox.actions.assign')}</button>
          </span>
          <button type="button" className="button button--small" disabled={bulk.isPending} onClick={() => run({ action: 'unassign' })}>{t('inbox.bulk.unassign')}</button>
          <span className="inbox-bulk__field">
            <input type="text" aria-label={t('inbox.bulk.tagName')} value={tag} onChange={(e) => setTag(e.target.value)} size={10} maxLength={50} />
            <button type="button" className="button button--small" disabled={!tag.trim() || bulk.isPending} onClick={() => run({ action: 'tag', tag: tag.trim() })}>{t('inbox.bulk.tag')}</button>
            <button type="button" className="button button--small" disabled={!tag.trim() || bulk.isPending} onClick={() => run({ action: 'untag', tag: tag.trim() })}>{t('inbox.bulk.untag')}</button>
          </span>
          <span className="inbox-bulk__field">
            <input type="datetime-local" aria-label={t('inbox.bulk.snoozeUntil')} value={until} onChange={(e) => setUntil(e.target.value)} />
            <button type="button" className="button button--small" disabled={!snoozeAt || bulk.isPending} onClick={() => snoozeAt && run({ action: 'snooze', until: snoozeAt.toISOString() })}>{t('inbox.snooze.submit')}</button>
          </span>
          <button type="button" className="button button--small" disabled={bulk.isPending} onClick={() => run({ action: 'unsnooze' })}>{t('inbox.bulk.unsnooze')}</button>
        </div>
      ) : null}
    </div>
  );
}
