/** The calendar's views and the days each shows, in the browser's zone and the locale's week. */
import { addDays, addMonths, startOfMonth, startOfWeek, type Day } from '../../lib/dates';

export type CalendarView = 'month' | 'week' | 'list';

/** From `start` (inclusive) to `end` (exclusive). */
export interface VisibleRange {
  start: Day;
  end: Day;
}

export function visibleRange(view: CalendarView, anchor: Day, weekStart: number): VisibleRange {
  if (view === 'week') {
    const start = startOfWeek(anchor, weekStart);
    return { start, end: addDays(start, 7) };
  }
  const first = startOfMonth(anchor);
  const next = addMonths(first, 1);
  if (view === 'list') return { start: first, end: next };
  return { start: startOfWeek(first, weekStart), end: addDays(startOfWeek(addDays(next, -1), weekStart), 7) };
}

export function step(view: CalendarView, anchor: Day, direction: 1 | -1): Day {
  return view === 'week' ? addDays(anchor, 7 * direction) : addMonths(anchor, direction);
}
