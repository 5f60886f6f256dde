/**
 * Posts as calendar events, kept light for busy months: each day (or each hour in the week view)
 * shows its first few posts and one "+N more" entry that opens the whole list. A month of 5,000
 * posts becomes about two hundred events, so the grid draws quickly and stays readable.
 */
import type { EventInput } from '@fullcalendar/core';
import type { CalendarPost } from '../../api/types';
import { isReschedulable, statusLook } from '../../lib/status';
import type { CalendarView } from './range';

export { PER_DAY } from './per-day';
import { PER_DAY } from './per-day';
export const PER_HOUR = 1;

export interface PostEventProps {
  kind: 'post';
  post: CalendarPost;
}

export interface MoreEventProps {
  kind: 'more';
  count: number;
  day: string;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of an instant in the browser's zone (native Date: thousands of posts stay cheap). */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function atLocal(day: string, hour: number, minute: number): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, hour, minute);
}

export function groupByDay(posts: CalendarPost[]): Map<string, CalendarPost[]> {
  const days = new Map<string, CalendarPost[]>();
  for (const p of posts) {
    const day = localDay(new Date(p.scheduledAt));
    let list = days.get(day);
    if (!list) days.set(day, (list = []));
    list.push(p);
  }
  return days;
}

function postEvent(p: CalendarPost): EventInput {
  const start = new Date(p.scheduledAt);
  return {
    id: p.id, start, end: new Date(start.getTime() + 30 * 60_000), title: p.text,
    editable: isReschedulable(p.status) && p.status !== 'draft',
    classNames: ['fc-post', `tone-${statusLook(p.status).tone}`],
    extendedProps: { kind: 'post', post: p } satisfies PostEventProps,
  };
}

function moreEvent(day: string, count: number, at: Date, hour?: number): EventInput {
  return {
    id: `more:${day}:${hour ?? 'd'}`, start: at, end: new Date(at.getTime() + 30 * 60_000), title: `+${count}`,
    editable: false, classNames: ['fc-more-posts'],
    extendedProps: { kind: 'more', count, day } satisfies MoreEventProps,
  };
}

/** `dayCounts`: how many posts each day holds, when `posts` are only each day's first few (the month grid's answer). */
export function toEvents(posts: CalendarPost[], view: CalendarView, dayCounts?: Map<string, number>): EventInput[] {
  const events: EventInput[] = [];
  for (const [day, list] of groupByDay(posts)) {
    if (view === 'month') {
      const total = dayCounts?.get(day) ?? list.length;
      list.slice(0, PER_DAY).forEach((p) => events.push(postEvent(p)));
      const shown = Math.min(list.length, PER_DAY);
      if (total > shown) events.push(moreEvent(day, total - shown, atLocal(day, 23, 59)));
      continue;
    }
    const byHour = new Map<number, CalendarPost[]>();
    for (const p of list) {
      const hour = new Date(p.scheduledAt).getHours();
      const inHour = byHour.get(hour);
      if (inHour) inHour.push(p);
      else byHour.set(hour, [p]);
    }
    for (const [hour, inHour] of byHour) {
      inHour.slice(0, PER_HOUR).forEach((p) => events.push(postEvent(p)));
      if (inHour.length > PER_HOUR) events.push(moreEvent(day, inHour.length - PER_HOUR, atLocal(day, hour, 30), hour));
    }
  }
  return events;
}
