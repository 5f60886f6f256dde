/**
 * A channel's queue: its posting times ahead, the posts waiting in them, and the free slots to
 * fill. Posts are reordered by dragging them with pointer events (a mouse anywhere on the row, a
 * pen or a finger by the row's handle; a mark shows where the post lands; Escape cancels), or with
 * the earlier/later buttons (the keyboard's way): they keep the channel's times and take them in
 * the new order, and the change is announced.
 */
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp, GripVertical, Plus } from 'lucide-react';
import { useChannels, useQueue } from '../../api/channels';
import { useReorderQueue } from '../../api/queue';
import type { QueueEntry } from '../../api/types';
import { useWorkspaceId } from '../../app/workspace';
import { useFormat } from '../../i18n/format';
import { NetworkBadge, StatusBadge } from '../../ui/badges';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { useToast } from '../../ui/Toasts';
import { moveItem, usePointerReorder } from './usePointerReorder';

type Row = { kind: 'post'; at: string; entry: QueueEntry } | { kind: 'free'; at: string };

export default function QueuePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const workspaceId = useWorkspaceId();
  const channelId = useParams().channelId!;
  const toast = useToast();
  const channels = useChannels(workspaceId);
  const queue = useQueue(workspaceId, channelId);
  const reorder = useReorderQueue(workspaceId, channelId);
  const posts = queue.data?.upcoming ?? [];
  const movable = (e: QueueEntry) => e.state === 'scheduled' || e.state === 'queued';
  const movableIds = posts.filter(movable).map((e) => e.deliveryId);
  const order = (deliveryIds: string[]) => reorder.mutate(deliveryIds, { onSuccess: () => toast(t('queue.moved')) });
  /** The dragged post takes the target's place; the waiting posts keep their times in the new order. */
  const { drag, rowProps } = usePointerReorder(movableIds, (from, to) => order(moveItem(movableIds, from, to)), !reorder.isPending);
  const channel = channels.data?.find((c) => c.id === channelId);
  if (queue.isPending || channels.isPending) return <div className="page"><Loading /></div>;
  if (queue.error || !channel) return <div className="page"><ErrorNote error={queue.error ?? channels.error} /></div>;
  const rows: Row[] = [
    ...posts.map((entry) => ({ kind: 'post' as const, at: entry.dueAt, entry })),
    ...queue.data.freeSlots.map((at) => ({ kind: 'free' as const, at })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  /** Two neighbours swap times. */
  const swap = (a: QueueEntry, b: QueueEntry) => order([b.deliveryId, a.deliveryId]);
  const busy = reorder.isPending;

  return (
    <div className="page">
      <div className="post-head">
        <NetworkBadge network={channel.network} />
        <h1>{t('queue.title', { name: channel.name })}</h1>
      </div>
      <p className="muted">{t('queue.zone', { zone: queue.data.timezone })} · <Link to={`/w/${workspaceId}/channels`}>{t('channels.postingTimes')}</Link></p>
      {channel.schedule.slots.length === 0 ? <p className="note">{t('queue.noSlots')}</p> : null}
      <p className="field__hint">{t('queue.reorderHint')}</p>
      <ErrorNote error={reorder.error} />
      <ol className={`queue${drag ? ' queue--dragging' : ''}`} aria-label={t('queue.listLabel')}>
        {rows.map((row, i) => row.kind === 'free' ? (
          <li key={`free-${row.at}`} className="queue__row queue__row--free">
            <span className="queue__time">{fmt.dateTime(row.at, queue.data.timezone)}</span>
            <span className="muted">{t('queue.free')}</span>
            <Link className="button button--small" to={`/w/${workspaceId}/compose?channel=${channelId}&at=${encodeURIComponent(row.at)}`}>
              <Plus aria-hidden="true" size={14} /> {t('queue.fill')}
            </Link>
          </li>
        ) : (
          <li key={row.entry.deliveryId} data-delivery-id={row.entry.deliveryId} data-movable-id={movable(row.entry) ? row.entry.deliveryId : undefined}
            className={`queue__row${movable(row.entry) ? ' queue__row--movable' : ''}${drag?.id === row.entry.deliveryId ? ' queue__row--dragged' : ''}`}
            data-landing={drag?.landing?.id === row.entry.deliveryId ? drag.landing.side : undefined}
            style={drag?.id === row.entry.deliveryId ? { transform: `translateY(${drag.offset}px)` } : undefined}
            {...(movable(row.entry) ? rowProps(row.entry.deliveryId) : {})}>
            <span className="queue__time">
              {movable(row.entry) ? <span className="queue__handle" title={t('queue.handle')} aria-hidden="true"><GripVertical size={16} /></span> : null}
              {fmt.dateTime(row.at, queue.data.timezone)}
            </span>
            <StatusBadge status={row.entry.state} compact />
            <Link to={`/w/${workspaceId}/posts/${row.entry.postId}`} className="queue__text">{row.entry.text || t('post.noText')}</Link>
            <span className="queue__moves">
              <MoveButton label={t('queue.earlier')} icon="up" disabled={!prevPost(rows, i) || !movable(row.entry) || !movable(prevPost(rows, i)!) || busy} onClick={() => swap(row.entry, prevPost(rows, i)!)} />
              <MoveButton label={t('queue.later')} icon="down" disabled={!nextPost(rows, i) || !movable(row.entry) || !movable(nextPost(rows, i)!) || busy} onClick={() => swap(row.entry, nextPost(rows, i)!)} />
            </span>
            {drag?.landing?.id === row.entry.deliveryId ? <span className="queue__landing" data-side={drag.landing.side} aria-hidden="true"><span>{t('queue.landsHere')}</span></span> : null}
          </li>
        ))}
      </ol>
      {rows.length === 0 ? <p className="muted">{t('queue.empty')}</p> : null}
    </div>
  );
}

function prevPost(rows: Row[], i: number): QueueEntry | undefined {
  for (let j = i - 1; j >= 0; j--) { const r = rows[j]; if (r.kind === 'post') return r.entry; }
  return undefined;
}

function nextPost(rows: Row[], i: number): QueueEntry | undefined {
  for (let j = i + 1; j < rows.length; j++) { const r = rows[j]; if (r.kind === 'post') return r.entry; }
  return undefined;
}

function MoveButton({ label, icon, disabled, onClick }: { label: string; icon: 'up' | 'down'; disabled: boolean; onClick(): void }) {
  const Icon = icon === 'up' ? ArrowUp : ArrowDown;
  return <button type="button" className="icon-button" aria-label={label} title={label} disabled={disabled} onClick={onClick}><Icon aria-hidden="true" size={16} /></button>;
}
