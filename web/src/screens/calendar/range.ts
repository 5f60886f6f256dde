/** The calendar's views and the time range each shows, in the browser's zone and the locale's week. */
import { DateTime } from 'luxon';

export type CalendarView = 'month' | 'week' | 'list';

export interface VisibleRange {
  start: DateTime;
  end: DateTime;
}

/** Start of the week containing `day`, weeks starting on ISO weekday `weekStart`. */
export function startOfWeek(day: DateTime, weekStart: number): DateTime {
  const back = (day.weekday - weekStart + 7) % 7;
  return day.startOf('day').minus({ days: back });
}

export function visibleRange(view: CalendarView, anchor: DateTime, weekStart: number): VisibleRange {
  if (view === 'week') {
    const start = startOfWeek(anchor, weekStart);
    return { start, end: start.plus({ days: 7 }) };
  }
  const first = anchor.startOf('month');
  if (view === 'list') return { start: first, end: first.plus({ months: 1 }) };
  const start = startOfWeek(first, weekStart);
  const lastDay = first.plus({ months: 1 }).minus({ days: 1 });
  return { start, end: startOfWeek(lastDay, weekStart).plus({ days: 7 }) };
}

export function step(view: CalendarView, anchor: DateTime, direction: 1 | -1): DateTime {
  return view === 'week' ? anchor.plus({ weeks: direction }) : anchor.plus({ months: direction }).startOf('month');
}
