/**
 * The list of inbox items, virtualised inside its own scrolling box (only what is on screen is in
 * the page), asking for the next page as its end comes into view. The open item is marked
 * `aria-current` and kept in view as j/k move through the list.
 */
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { Tag } from 'lucide-react';
import type { InboxItem } from '../../api/inbox';
import { useMembers } from '../../api/inbox';
import { useWorkspaceId } from '../../app/workspace';
import { useFormat } from '../../i18n/format';
import { NetworkBadge } from '../../ui/badges';
import { authorHandle, authorName, Avatar, PriorityBadge, SentimentBadge, StateBadge } from './ItemBadges';

const ROW_ESTIMATE = 104;

interface Props {
  items: InboxItem[];
  selectedId: string | null;
  onSelect(id: string): void;
  /** The address of an item (the filters kept), for opening it in a new tab. */
  hrefFor(id: string): string;
  /** Checked items for bulk actions; null when the user may not change items. */
  checked: Set<string> | null;
  setChecked(next: Set<string>): void;
  hasMore: boolean;
  loadMore(): void;
}

export function ItemList({ items, selectedId, onSelect, hrefFor, checked, setChecked, hasMore, loadMore }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length, getScrollElement: () => box.current, estimateSize: () => ROW_ESTIMATE, overscan: 8,
    // While the list is hidden (a phone showing the conversation) rows measure 0: keep the estimate instead.
    measureElement: (el) => el.getBoundingClientRect().height || ROW_ESTIMATE,
  });
  const visible = virtualizer.getVirtualItems();
  const last = visible[visible.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && last >= items.length - 10) loadMore();
  }, [hasMore, last, items.length, loadMore]);
  const selectedIndex = items.findIndex((i) => i.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  if (items.length === 0) return <p className="muted empty">{t('inbox.noneMatch')}</p>;
  return (
    <div ref={box} className="inbox-list__scroll">
      <div role="list" aria-label={t('inbox.listLabel', { count: items.length })} className="inbox-list" style={{ height: virtualizer.getTotalSize() }}>
        {visible.map((v) => {
          const item = items[v.index];
          return (
            <div key={item.id} role="listitem" data-index={v.index} ref={virtualizer.measureElement} className="inbox-list__item" style={{ transform: `translateY(${v.start}px)` }}>
              <ItemRow item={item} selected={item.id === selectedId} onSelect={onSelect} href={hrefFor(item.id)}
                checked={checked ? checked.has(item.id) : null}
                onCheck={(on) => { const next = new Set(checked); if (on) next.add(item.id); else next.delete(item.id); setChecked(next); }} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function ItemRow({ item, selected, onSelect, href, checked, onCheck }: { item: InboxItem; selected: boolean; onSelect(id: string): void; href: string; checked: boolean | null; onCheck(on: boolean): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const members = useMembers(useWorkspaceId()).data;
  const assignee = item.assigneeId ? members?.find((m) => m.userId === item.assigneeId)?.name ?? t('inbox.someone') : null;
  const name = authorName(item.author);
  const handle = authorHandle(item.author);
  return (
    <article className={`inbox-row${selected ? ' inbox-row--selected' : ''}${item.read ? '' : ' inbox-row--unread'}`} aria-current={selected ? 'true' : undefined} data-id={item.id} data-state={item.state}>
      {checked !== null ? (
        <input type="checkbox" className="inbox-row__check" checked={checked} onChange={(e) => onCheck(e.target.checked)} aria-label={t('inbox.selectItem', { name })} />
      ) : null}
      <Avatar author={item.author} />
      <a className="inbox-row__main" href={href} onClick={(e) => { if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return; e.preventDefault(); onSelect(item.id); }}>
        <span className="inbox-row__top">
          <NetworkBadge network={item.network} size="sm" />
          <strong className="inbox-row__name">{name}</strong>
          {handle ? <span className="muted inbox-row__handle">{handle}</span> : null}
          <time className="muted inbox-row__time" dateTime={item.createdAt} title={fmt.dateTime(item.createdAt)}>{fmt.relative(item.createdAt)}</time>
        </span>
        <span className="inbox-row__excerpt">
          <span className="inbox-row__kind">{t(`inbox.kind.${item.kind}`, { defaultValue: item.kind })}</span>
          {item.read ? null : <span className="visually-hidden">{t('inbox.unread')}</span>}
          {' '}{item.text}
        </span>
      </a>
      <span className="inbox-row__meta">
        <StateBadge item={item} />
        {item.priorityLevel !== 'low' ? <PriorityBadge level={item.priorityLevel} /> : null}
        <SentimentBadge sentiment={item.sentiment} />
        {assignee ? <span className="inbox-row__assignee">{t('inbox.assignedTo', { name: assignee })}</span> : null}
        {item.tags.map((tag) => <span key={tag} className="tag"><Tag aria-hidden="true" size={12} /> {tag}</span>)}
      </span>
    </article>
  );
}
