/**
 * Posts as the week grid's events, kept light for busy weeks: each hour shows its first post and
 * one "+N" entry that opens the whole day, so a crowded week draws quickly and stays readable.
 */
import type { EventInput } from '@fullcalendar/core';
import type { CalendarPost } from '../../api/types';
import { localDay } from '../../lib/dates';
import { isReschedulable, statusLook } from '../../lib/status';

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


function atLocal(day: string, hour: number, minute: number): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, hour, minute);
}

export function groupByDay(posts: CalendarPost[]): Map<string, CalendarPost[]> {
  const days = new Map<string, CalendarPost[]>();
  for (const p of posts) {
    const day = localDay(p.scheduledAt);
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

function moreEvent(day: string, count: number, at: Date, hour: number): EventInput {
  return {
    id: `more:${day}:${hour}`, start: at, end: new Date(at.getTime() + 30 * 60_000), title: `+${count}`,
    editable: false, classNames: ['fc-more-posts'],
    extendedProps: { kind: 'more', count, day } satisfies MoreEventProps,
  };
}

export function toEvents(posts: CalendarPost[]): EventInput[] {
  const events: EventInput[] = [];
  for (const [day, list] of groupByDay(posts)) {
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
