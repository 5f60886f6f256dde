/**
 * The month grid: a plain table of the weeks the month touches, each day listing its first posts
 * (status icon, time, network badges, campaign colour, text) and "+N more", which opens the whole
 * day. Drawn by React without a calendar library, so the calendar's first screen stays small and
 * quick; FullCalendar is loaded only for the week view.
 *
 * A scheduled post is dragged to another day with a mouse or pen (pointer events; Escape cancels),
 * keeping its time of day; on touch screens a drag would fight scrolling, so there a tap opens the
 * post and its page reschedules it, as it does for the keyboard. Each day from today on has a "+"
 * that starts a post on that day. Marks `data-ready` and the `varde:calendar-ready` performance
 * mark once the posts are drawn.
 */
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { Link } from 'react-router';
import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../api/campaigns';
import type { CalendarPost, Channel } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { addDays, fromDay, localDay, toDay, type Day } from '../../lib/dates';
import { networkLook } from '../../lib/networks';
import { isReschedulable, statusLook } from '../../lib/status';
import { StatusIconSprite, statusIconHref } from './event-node';
import { PER_DAY } from './per-day';
import { useReadyMark } from './ready-mark';
import type { VisibleRange } from './range';

interface Props {
  /** The day the toolbar points at: its month is the one shown in full. */
  anchor: Day;
  /** The weeks drawn, from the first day of the first week to the day after the last week. */
  range: VisibleRange;
  /** Each day's first posts (or all of them, when `dayCounts` is absent). */
  posts: CalendarPost[];
  /** How many posts each day holds, when `posts` holds only each day's first few. */
  dayCounts?: Map<string, number>;
  /** How many posts the range holds (announced once drawn). */
  total: number;
  channels: Map<string, Channel>;
  campaigns: Map<string, Campaign>;
  workspaceId: string;
  onOpenDay(day: string): void;
  /** Reschedule; `revert` if the server refused, `done` once it agreed. */
  onMove(post: CalendarPost, start: Date, revert: () => void, done: () => void): void;
}

/** A post moved here by a drag, shown at its new time until the server's answer is drawn. */
interface Moved {
  at: string;
  from: Day;
  /** The server agreed: the next answer drawn replaces this. */
  settled: boolean;
}

interface Drag {
  post: CalendarPost;
  el: HTMLElement;
  pointerId: number;
  x: number;
  y: number;
  started: boolean;
  over: Day | null;
}

const DRAG_THRESHOLD = 5;

/** The next full hour today (`HH:00`), for a post started from today's cell; 23:59 late at night. */
function nextHour(): string {
  const hour = new Date().getHours() + 1;
  return hour > 23 ? '23:59' : `${String(hour).padStart(2, '0')}:00`;
}

/** `start`'s time of day on `day`, in the browser's zone. */
export function sameTimeOn(iso: string, day: Day): Date {
  const s = new Date(iso);
  const d = fromDay(day);
  d.setHours(s.getHours(), s.getMinutes(), s.getSeconds(), s.getMilliseconds());
  return d;
}

/** The days drawn, as weeks of seven. */
export function weeksOf(range: VisibleRange): Day[][] {
  const weeks: Day[][] = [];
  for (let day = range.start; day < range.end;) {
    const week: Day[] = [];
    for (let i = 0; i < 7; i++, day = addDays(day, 1)) week.push(day);
    weeks.push(week);
  }
  return weeks;
}

/**
 * Posts per day, earliest first, with moved posts at their new day, and each day's count (the
 * server's, adjusted for the moves, when it sent only the first few).
 */
export function layoutDays(posts: CalendarPost[], moved: Map<string, Moved>, dayCounts?: Map<string, number>) {
  const byDay = new Map<Day, CalendarPost[]>();
  const counts = new Map<Day, number>(dayCounts ?? []);
  for (const original of posts) {
    const m = moved.get(original.id);
    const post = m ? { ...original, scheduledAt: m.at } : original;
    const day = localDay(post.scheduledAt);
    let list = byDay.get(day);
    if (!list) byDay.set(day, (list = []));
    list.push(post);
    if (m && dayCounts) {
      counts.set(m.from, (counts.get(m.from) ?? 1) - 1);
      counts.set(day, (counts.get(day) ?? 0) + 1);
    }
  }
  for (const list of byDay.values()) if (list.length > 1) list.sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  if (!dayCounts) for (const [day, list] of byDay) counts.set(day, list.length);
  return { byDay, counts };
}

/**
 * Dragging an entry to a day with a mouse or pen: the entry follows the pointer, the day under it
 * is highlighted, dropping calls `onDrop`, Escape or a cancelled pointer puts it back. The window
 * listeners are made once, so they can be removed whatever re-rendered in between.
 */
function useDragToDay(wrapper: RefObject<HTMLDivElement | null>, onDrop: (post: CalendarPost, day: Day) => void) {
  const latest = useRef(onDrop);
  latest.current = onDrop;
  const [over, setOver] = useState<Day | null>(null);
  const control = useMemo(() => {
    let drag: Drag | null = null;
    let justDragged = false;
    const stop = (commit: boolean) => {
      const d = drag;
      if (!d) return;
      drag = null;
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onCancel);
      window.removeEventListener('keydown', onKey, true);
      d.el.classList.remove('cal-entry--dragging');
      d.el.style.transform = '';
      setOver(null);
      if (!d.started) return;
      // The click that ends a drag must not open the post.
      justDragged = true;
      setTimeout(() => { justDragged = false; }, 0);
      if (commit && d.over) latest.current(d.post, d.over);
    };
    function onMove(e: PointerEvent) {
      const d = drag;
      if (!d || e.pointerId !== d.pointerId) return;
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.started) {
        if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        d.started = true;
        d.el.classList.add('cal-entry--dragging');
      }
      e.preventDefault();
      d.el.style.transform = `translate(${dx}px, ${dy}px)`;
      const cell = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('td[data-date]');
      const day = cell && wrapper.current?.contains(cell) ? (cell.dataset.date as Day) : null;
      if (day !== d.over) {
        d.over = day;
        setOver(day);
      }
    }
    function onUp(e: PointerEvent) {
      if (drag && e.pointerId === drag.pointerId) stop(true);
    }
    function onCancel() {
      stop(false);
    }
    function onKey(e: KeyboardEvent) {
      if (e.key !== 'Escape' || !drag) return;
      e.preventDefault();
      e.stopPropagation();
      stop(false);
    }
    return {
      start(post: CalendarPost, e: ReactPointerEvent<HTMLElement>) {
        if (e.button !== 0 || e.pointerType === 'touch' || drag) return;
        drag = { post, el: e.currentTarget, pointerId: e.pointerId, x: e.clientX, y: e.clientY, started: false, over: null };
        window.addEventListener('pointermove', onMove);
        window.addEventListener('pointerup', onUp);
        window.addEventListener('pointercancel', onCancel);
        window.addEventListener('keydown', onKey, true);
      },
      stop,
      wasDrag: () => justDragged,
    };
  }, [wrapper]);
  // Unmounted mid-drag (the view changed): stop listening.
  useEffect(() => () => control.stop(false), [control]);
  return { over, start: control.start, wasDrag: control.wasDrag };
}

function MonthGrid({ anchor, range, posts, dayCounts, total, channels, campaigns, workspaceId, onOpenDay, onMove }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const wrapper = useRef<HTMLDivElement>(null);
  const [moved, setMoved] = useState<Map<string, Moved>>(() => new Map());
  const latestPosts = useRef(posts);

  // A new answer from the server replaces the moves it already agreed to.
  useEffect(() => {
    latestPosts.current = posts;
    setMoved((current) => {
      if (![...current.values()].some((m) => m.settled)) return current;
      return new Map([...current].filter(([, m]) => !m.settled));
    });
  }, [posts]);

  const { byDay, counts } = useMemo(() => layoutDays(posts, moved, dayCounts), [posts, moved, dayCounts]);
  const weeks = useMemo(() => weeksOf(range), [range]);
  const month = anchor.slice(0, 7);
  const todayDay = toDay(new Date());
  const weekdays = useMemo(() => weeks[0]?.map((day) => {
    const iso = fromDay(day).getDay() || 7;
    return { short: fmt.weekday(iso, 'short'), long: fmt.weekday(iso, 'long') };
  }) ?? [], [weeks, fmt]);

  useReadyMark(wrapper, byDay, total);

  const move = (post: CalendarPost, day: Day) => {
    const from = localDay(post.scheduledAt);
    if (day === from) return;
    const start = sameTimeOn(post.scheduledAt, day);
    const postsAtMove = latestPosts.current;
    setMoved((current) => new Map(current).set(post.id, { at: start.toISOString(), from, settled: false }));
    const forget = () => setMoved((current) => {
      const next = new Map(current);
      next.delete(post.id);
      return next;
    });
    onMove(post, start, forget, () => {
      // Already redrawn from a newer answer: nothing to keep. Otherwise wait for the next one.
      if (latestPosts.current !== postsAtMove) forget();
      else setMoved((current) => (current.has(post.id) ? new Map(current).set(post.id, { ...current.get(post.id)!, settled: true }) : current));
    });
  };

  const drag = useDragToDay(wrapper, move);

  const entry = (post: CalendarPost) => {
    const look = statusLook(post.status);
    const draggable = isReschedulable(post.status) && post.status !== 'draft';
    const names: string[] = [];
    const badges: { network: string; monogram: string; color: string; ink: string }[] = [];
    for (const d of post.deliveries) {
      const channel = channels.get(d.channelId);
      if (!channel) continue;
      if (!names.includes(channel.name)) names.push(channel.name);
      if (badges.length < 3 && !badges.some((b) => b.network === channel.network)) badges.push({ network: channel.network, ...networkLook(channel.network) });
    }
    const campaign = post.campaignId ? campaigns.get(post.campaignId) : undefined;
    const first = channels.get(post.deliveries[0]?.channelId ?? '');
    const label = `${t(`status.${post.status}`)}, ${fmt.dateTime(post.scheduledAt)}, ${names.join(', ')}${campaign ? `, ${t('calendar.campaignLabel', { name: campaign.name })}` : ''}: ${post.text.slice(0, 80)}`;
    return (
      <li key={post.id}>
        <Link
          to={`/w/${workspaceId}/posts/${post.id}`}
          className={`cal-entry tone-${look.tone}${draggable ? ' cal-entry--draggable' : ''}`}
          data-post-id={post.id}
          data-status={post.status}
          aria-label={label}
          draggable={false}
          style={first ? { borderLeftColor: networkLook(first.network).color } : undefined}
          onPointerDown={draggable ? (e) => drag.start(post, e) : undefined}
          onClick={(e) => { if (drag.wasDrag()) e.preventDefault(); }}
        >
          <svg className="ev__icon" width="12" height="12" aria-hidden="true"><use href={statusIconHref(post.status)} /></svg>
          <span className="ev__time">{fmt.time(post.scheduledAt)}</span>
          {badges.map((b) => <span key={b.network} className="ev__net" aria-hidden="true" style={{ background: b.color, color: b.ink }}>{b.monogram}</span>)}
          {campaign?.colour ? <span className="cal-entry__campaign" aria-hidden="true" title={campaign.name} style={{ background: campaign.colour }} /> : null}
          <span className="ev__text">{post.text || t('post.noText')}</span>
        </Link>
      </li>
    );
  };

  const onCellKey = (e: ReactKeyboardEvent<HTMLTableElement>) => {
    // Arrow keys move between days' first entries, like a grid (Tab still walks every entry).
    const keys: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    const step = keys[e.key];
    const cell = (e.target as HTMLElement).closest<HTMLElement>('td[data-date]');
    if (!step || !cell || e.altKey || e.ctrlKey || e.metaKey) return;
    let day = cell.dataset.date as Day;
    for (let i = 0; i < 42; i++) {
      day = addDays(day, step > 0 ? Math.min(step, 7) : Math.max(step, -7));
      if (day < range.start || day >= range.end) return;
      const target = wrapper.current?.querySelector<HTMLElement>(`td[data-date="${day}"] a, td[data-date="${day}"] button`);
      if (target) {
        e.preventDefault();
        target.focus();
        return;
      }
    }
  };

  return (
    <div ref={wrapper} className="calendar-grid calendar-grid--month" data-view="month">
      <StatusIconSprite />
      <table className="month-grid" aria-label={fmt.monthTitle(anchor)} onKeyDown={onCellKey}>
        <thead>
          <tr>{weekdays.map((w) => <th key={w.long} scope="col" className="month-grid__weekday" abbr={w.long}>{w.short}</th>)}</tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const list = byDay.get(day) ?? [];
                const shown = list.slice(0, PER_DAY);
                const more = (counts.get(day) ?? list.length) - shown.length;
                const classes = ['month-day'];
                if (day.slice(0, 7) !== month) classes.push('month-day--outside');
                if (day === todayDay) classes.push('month-day--today');
                if (day === drag.over) classes.push('month-day--drop');
                return (
                  <td key={day} data-date={day} className={classes.join(' ')} aria-current={day === todayDay ? 'date' : undefined}>
                    <div className="month-day__head">
                      {day >= todayDay ? (
                        <Link className="month-day__add" to={`/w/${workspaceId}/compose?at=${day}T${day === todayDay ? nextHour() : '09:00'}`}
                          aria-label={t('calendar.newOn', { day: fmt.date(`${day}T12:00:00`) })} title={t('calendar.newOn', { day: fmt.date(`${day}T12:00:00`) })}>
                          <Plus size={14} aria-hidden="true" />
                        </Link>
                      ) : null}
                      <span className="month-day__number" aria-label={fmt.date(`${day}T12:00:00`)}>{Number(day.slice(8))}</span>
                    </div>
                    {shown.length || more > 0 ? (
                      <ul className="month-day__posts" role="list">
                        {shown.map(entry)}
                        {more > 0 ? (
                          <li>
                            <button type="button" className="cal-more" aria-label={t('calendar.moreLabel', { count: more, day: fmt.date(`${day}T12:00:00`) })} onClick={() => onOpenDay(day)}>
                              {t('calendar.more', { count: more })}
                            </button>
                          </li>
                        ) : null}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default memo(MonthGrid);
