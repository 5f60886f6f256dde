/**
 * The bell in the header: the unread count, and a panel of recent notifications (approvals,
 * failed deliveries, channels to reconnect, mentions, assignments), each linking to its post or
 * channel; opening one marks it read, and "Mark all read" clears the count. A disclosure: Escape
 * or a click elsewhere closes it and focus returns to the bell.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bell } from 'lucide-react';
import { useMarkRead, useNotifications, type Notification } from '../api/notifications';
import { useFormat } from '../i18n/format';
import { ErrorNote } from '../ui/ErrorNote';
import { useWorkspaceId } from './workspace';
import '../styles/team.css';

/** Where a notification leads: its post, its channel, or the inbox. */
export function notificationHref(workspaceId: string, n: Notification): string | null {
  const base = `/w/${workspaceId}`;
  if (n.detail?.postId) return `${base}/posts/${n.detail.postId}`;
  if (n.kind.startsWith('approval.') || n.kind === 'comment.mention') return `${base}/posts/${n.subjectId}`;
  if (n.kind === 'channel.needs_reconnect') return `${base}/channels`;
  if (n.kind === 'inbox.assigned') return `${base}/inbox`;
  return null;
}

export function NotificationBell() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const notifications = useNotifications(workspaceId);
  const markRead = useMarkRead(workspaceId);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = notifications.data ?? [];
  const unread = list.filter((n) => !n.readAt).length;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { setOpen(false); button.current?.focus(); } };
    const onClick = (e: MouseEvent) => { if (!root.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => { document.removeEventListener('keydown', onKey); document.removeEventListener('mousedown', onClick); };
  }, [open]);

  const label = unread ? `${t('bell.label')}, ${t('bell.unread', { count: unread })}` : t('bell.label');
  return (
    <div className="bell" ref={root}>
      <button ref={button} type="button" className="icon-button bell__button" aria-expanded={open} aria-controls="bell-panel" aria-label={label} title={label} onClick={() => setOpen((o) => !o)}>
        <Bell aria-hidden="true" size={18} />
        {unread ? <span className="bell__count" aria-hidden="true" data-testid="bell-count">{unread > 99 ? '99+' : unread}</span> : null}
      </button>
      {open ? (
        <section id="bell-panel" className="menu bell__panel" aria-label={t('bell.label')}>
          <div className="bell__head">
            <h2 className="bell__title">{t('bell.label')}</h2>
            <button type="button" className="button button--quiet button--small" disabled={!unread || markRead.isPending} onClick={() => markRead.mutate('all')}>{t('bell.markAllRead')}</button>
          </div>
          <ErrorNote error={notifications.error ?? markRead.error} />
          {list.length === 0 && notifications.data ? <p className="muted bell__empty">{t('bell.none')}</p> : null}
          <ul className="bell__list" role="list">
            {list.slice(0, 30).map((n) => <Item key={n.id} n={n} onOpen={() => { if (!n.readAt) markRead.mutate([n.id]); setOpen(false); }} onRead={() => markRead.mutate([n.id])} />)}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function Item({ n, onOpen, onRead }: { n: Notification; onOpen(): void; onRead(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const workspaceId = useWorkspaceId();
  const href = notificationHref(workspaceId, n);
  const kind = t(`bell.kinds.${n.kind}`, { defaultValue: n.kind });
  return (
    <li className={`bell__item${n.readAt ? '' : ' bell__item--unread'}`} data-kind={n.kind}>
      <div className="bell__text">
        <span className="bell__kind">{kind}{n.readAt ? '' : <span className="visually-hidden">, {t('bell.new')}</span>}</span>
        {href ? <Link to={href} onClick={onOpen}>{n.message}</Link> : <span>{n.message}</span>}
        <time className="muted" dateTime={n.createdAt}>{fmt.relative(n.createdAt)}</time>
      </div>
      {!n.readAt ? <button type="button" className="button button--quiet button--small" onClick={onRead} aria-label={t('bell.markReadOne', { message: n.message.slice(0, 60) })}>{t('bell.markRead')}</button> : null}
    </li>
  );
}
