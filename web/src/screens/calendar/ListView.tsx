/**
 * The list view: every post of the month grouped by day, virtualised against the window, so a
 * month of thousands of posts scrolls smoothly and only what is on screen is in the page.
 */
import { useMemo } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { CalendarPost, Channel } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { groupByDay } from './events';
import { PostRow } from './PostRow';

type Row = { kind: 'day'; day: string; count: number } | { kind: 'post'; post: CalendarPost };

export default function ListView({ posts, channels, workspaceId }: { posts: CalendarPost[]; channels: Map<string, Channel>; workspaceId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rows = useMemo<Row[]>(() => [...groupByDay(posts)].flatMap(([day, list]) => [{ kind: 'day' as const, day, count: list.length }, ...list.map((post) => ({ kind: 'post' as const, post }))]), [posts]);
  const virtualizer = useWindowVirtualizer({ count: rows.length, estimateSize: (i) => (rows[i].kind === 'day' ? 44 : 52), overscan: 12 });
  if (posts.length === 0) return <p className="muted empty">{t('calendar.empty')}</p>;
  return (
    <div className="list-view" role="list" aria-label={t('calendar.listLabel', { count: posts.length })} style={{ height: virtualizer.getTotalSize() }} data-ready="true" data-posts={posts.length}>
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index];
        return (
          <div key={item.key} role="listitem" data-index={item.index} ref={virtualizer.measureElement} className="list-view__item" style={{ transform: `translateY(${item.start}px)` }}>
            {row.kind === 'day'
              ? <h3 className="list-view__day">{fmt.date(`${row.day}T12:00:00`)} <span className="muted">{t('calendar.postsCount', { count: row.count })}</span></h3>
              : <PostRow post={row.post} channels={channels} workspaceId={workspaceId} />}
          </div>
        );
      })}
    </div>
  );
}
