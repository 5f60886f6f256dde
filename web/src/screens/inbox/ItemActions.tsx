/**
 * Work on the open item: done or reopen, assign, snooze until a time, tags; and, where the
 * network allows and the role may act on the network, hide, like or delete it there.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlarmClock, CheckCircle2, EyeOff, Eye, Heart, RotateCcw, Trash2, UserPlus, X } from 'lucide-react';
import { useMembers, useNetworkAction, useUpdateItem, type Conversation, type InboxItem, type NetworkAction } from '../../api/inbox';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { useToast } from '../../ui/Toasts';
import type { InboxPermissions } from './permissions';

interface Props {
  workspaceId: string;
  item: InboxItem;
  actions: Conversation['actions'];
  can: InboxPermissions;
  onDone(id: string, done: boolean): void;
  onAssign(): void;
}

/** "2026-11-25T09:00" in the browser's zone, for a datetime-local input: tomorrow at nine. */
export function tomorrowMorning(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

export function ItemActions({ workspaceId, item, actions, can, onDone, onAssign }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const toast = useToast();
  const update = useUpdateItem(workspaceId);
  const network = useNetworkAction(workspaceId);
  const members = useMembers(workspaceId).data;
  const [until, setUntil] = useState(tomorrowMorning);
  const [tag, setTag] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const assignee = item.assigneeId ? members?.find((m) => m.userId === item.assigneeId)?.name ?? t('inbox.someone') : null;
  const snoozed = item.snoozedUntil && Date.parse(item.snoozedUntil) > Date.now();

  const patch = (p: Parameters<typeof update.mutate>[0]['patch'], message: string) => update.mutate({ id: item.id, patch: p }, { onSuccess: () => toast(message) });
  const act = (action: NetworkAction, message: string) => network.mutate({ id: item.id, action }, { onSuccess: () => toast(message) });
  const snooze = (e: FormEvent) => {
    e.preventDefault();
    const at = new Date(until);
    if (Number.isNaN(at.getTime())) return;
    patch({ snoozedUntil: at.toISOString() }, t('inbox.snooze.done', { time: fmt.dateTime(at.toISOString()) }));
  };
  const addTag = (e: FormEvent) => {
    e.preventDefault();
    const v = tag.trim();
    if (!v || item.tags.includes(v)) return;
    patch({ tags: [...item.tags, v] }, t('inbox.tags.added', { tag: v }));
    setTag('');
  };

  return (
    <section className="inbox-actions" aria-label={t('inbox.actions.label')}>
      <div className="actions actions--start">
        {item.state === 'done' ? (
          <button type="button" className="button button--small" onClick={() => onDone(item.id, false)} aria-keyshortcuts="e"><RotateCcw aria-hidden="true" size={16} /> {t('inbox.actions.reopen')}</button>
        ) : (
          <button type="button" className="button button--small button--primary" onClick={() => onDone(item.id, true)} aria-keyshortcuts="e"><CheckCircle2 aria-hidden="true" size={16} /> {t('inbox.actions.done')}</button>
        )}
        <button type="button" className="button button--small" onClick={onAssign} aria-keyshortcuts="a">
          <UserPlus aria-hidden="true" size={16} /> {assignee ? t('inbox.assignedTo', { name: assignee }) : t('inbox.actions.assign')}
        </button>
        {can.publish && actions.hide ? (
          <button type="button" className="button button--small" disabled={network.isPending} onClick={() => act(item.hidden ? 'show' : 'hide', item.hidden ? t('inbox.network.shown') : t('inbox.network.hidden'))}>
            {item.hidden ? <Eye aria-hidden="true" size={16} /> : <EyeOff aria-hidden="true" size={16} />} {item.hidden ? t('inbox.network.show') : t('inbox.network.hide')}
          </button>
        ) : null}
        {can.publish && actions.like ? (
          <button type="button" className="button button--small" aria-pressed={item.liked} disabled={network.isPending || item.liked} onClick={() => act('like', t('inbox.network.likedDone'))}>
            <Heart aria-hidden="true" size={16} /> {item.liked ? t('inbox.network.liked') : t('inbox.network.like')}
          </button>
        ) : null}
        {can.publish && actions.delete && !item.deletedOnNetwork ? (
          <button type="button" className="button button--small button--quiet" onClick={() => setConfirmDelete(true)}><Trash2 aria-hidden="true" size={16} /> {t('inbox.network.delete')}</button>
        ) : null}
      </div>
      <div className="inbox-actions__row">
        {snoozed ? (
          <p>
            <AlarmClock aria-hidden="true" size={16} /> {t('inbox.snoozedUntil', { time: fmt.dateTime(item.snoozedUntil) })}{' '}
            <button type="button" className="link-button" onClick={() => patch({ snoozedUntil: null }, t('inbox.snooze.cleared'))}>{t('inbox.snooze.clear')}</button>
          </p>
        ) : (
          <form className="inbox-inline-form" onSubmit={snooze}>
            <label>
              <span className="inbox-filter__label">{t('inbox.snooze.until')}</span>
              <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} required />
            </label>
            <button type="submit" className="button button--small"><AlarmClock aria-hidden="true" size={16} /> {t('inbox.snooze.submit')}</button>
          </form>
        )}
        <div className="inbox-tags">
          <ul className="inbox-tags__list" aria-label={t('inbox.tags.label')}>
            {item.tags.map((tg) => (
              <li key={tg} className="tag">
                {tg}
                <button type="button" className="icon-button inbox-tags__remove" aria-label={t('inbox.tags.remove', { tag: tg })} onClick={() => patch({ tags: item.tags.filter((x) => x !== tg) }, t('inbox.tags.removed', { tag: tg }))}>
                  <X aria-hidden="true" size={12} />
                </button>
              </li>
            ))}
          </ul>
          <form className="inbox-inline-form" onSubmit={addTag}>
            <label>
              <span className="inbox-filter__label">{t('inbox.tags.add')}</span>
              <input type="text" value={tag} onChange={(e) => setTag(e.target.value)} maxLength={50} size={12} />
            </label>
            <button type="submit" className="button button--small">{t('inbox.tags.addButton')}</button>
          </form>
        </div>
      </div>
      <ErrorNote error={update.error ?? network.error} />
      <ConfirmDialog open={confirmDelete} onOpenChange={setConfirmDelete} title={t('inbox.network.deleteTitle')} body={t('inbox.network.deleteBody')}
        confirmLabel={t('inbox.network.delete')} danger busy={network.isPending}
        onConfirm={() => network.mutate({ id: item.id, action: 'delete' }, { onSuccess: () => { setConfirmDelete(false); toast(t('inbox.network.deletedDone')); } })} />
    </section>
  );
}
