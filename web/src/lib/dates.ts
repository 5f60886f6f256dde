/**
 * Calendar-day arithmetic in the browser's zone with plain Dates, for screens on the first load
 * (luxon, ~22 KB gzipped, is loaded only where time zones other than the browser's matter: the
 * composer and the reschedule dialog).
 */

/** A day as `YYYY-MM-DD`, meaning local midnight. */
export type Day = string;

const pad = (n: number) => String(n).padStart(2, '0');

export function toDay(d: Date): Day {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The day of an instant (ISO string) in the browser's zone. */
export const localDay = (iso: string): Day => toDay(new Date(iso));

export function fromDay(day: Day): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

export function isDay(value: string | null): value is Day {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(fromDay(value).getTime());
}

export const today = (): Day => toDay(new Date());

export function addDays(day: Day, n: number): Day {
  const d = fromDay(day);
  d.setDate(d.getDate() + n);
  return toDay(d);
}

export function startOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

export function addMonths(day: Day, n: number): Day {
  const d = fromDay(startOfMonth(day));
  d.setMonth(d.getMonth() + n);
  return toDay(d);
}

/** ISO weekday (Monday 1 … Sunday 7). */
export function isoWeekday(day: Day): number {
  return fromDay(day).getDay() || 7;
}

/** The first day of the week holding `day`, weeks starting on ISO weekday `weekStart`. */
export function startOfWeek(day: Day, weekStart: number): Day {
  return addDays(day, -((isoWeekday(day) - weekStart + 7) % 7));
}
