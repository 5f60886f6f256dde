/**
 * Formatting in the user's locale with the browser's Intl (no date library on the first load):
 * dates and times (in a given IANA zone or the browser's), numbers, relative times, and the first
 * day of the week (ISO: 1 = Monday … 7 = Sunday).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from './index';

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

// Regions whose weeks start on Sunday or Saturday, for engines without Intl.Locale week info.
const SUNDAY = new Set(['US', 'CA', 'MX', 'BR', 'JP', 'KR', 'TW', 'HK', 'IL', 'PH', 'IN', 'ZA', 'AU', 'SA', 'PE', 'CO', 'AR', 'VE']);
const SATURDAY = new Set(['EG', 'AE', 'IR', 'IQ', 'JO', 'KW', 'LY', 'OM', 'QA', 'SY', 'DZ', 'AF', 'BH', 'SD']);

/** ISO weekday the week starts on in `locale`. */
export function firstDayOfWeek(locale: string): number {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info?.firstDay) return info.firstDay;
    const region = loc.maximize().region ?? '';
    return SUNDAY.has(region) ? 7 : SATURDAY.has(region) ? 6 : 1;
  } catch {
    return 1;
  }
}

export interface Formatter {
  locale: string;
  weekStart: number;
  dateTime(iso: string | null | undefined, zone?: string): string;
  date(iso: string, zone?: string): string;
  time(iso: string, zone?: string): string;
  weekday(isoWeekday: number, width?: 'long' | 'short'): string;
  monthTitle(day: string): string;
  dayMonth(day: string, withYear?: boolean): string;
  number(n: number): string;
  relative(iso: string): string;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31_536_000], ['month', 2_592_000], ['week', 604_800], ['day', 86_400], ['hour', 3_600], ['minute', 60], ['second', 1]];

export function makeFormatter(locale: string): Formatter {
  // Building an Intl.DateTimeFormat is the slow part: one per (kind, zone), reused (a busy month draws hundreds of times).
  const cache = new Map<string, Intl.DateTimeFormat>();
  const fmt = (kind: string, options: Intl.DateTimeFormatOptions) => {
    const key = `${kind}|${options.timeZone ?? ''}`;
    let f = cache.get(key);
    if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
    return f;
  };
  const at = (iso: string) => new Date(iso);
  const numbers = new Intl.NumberFormat(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    locale,
    weekStart: firstDayOfWeek(locale),
    dateTime: (iso, zone) => (iso ? fmt('dateTime', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone, timeZoneName: zone ? 'short' : undefined }).format(at(iso)) : ''),
    date: (iso, zone) => fmt('date', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: zone }).format(at(iso)),
    time: (iso, zone) => fmt('time', { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(at(iso)),
    // 2024-01-01 was a Monday.
    weekday: (isoWeekday, width = 'long') => fmt(`weekday-${width}`, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoWeekday))),
    monthTitle: (day) => fmt('month', { month: 'long', year: 'numeric' }).format(at(`${day}T12:00:00`)),
    dayMonth: (day, withYear = false) => fmt(`dayMonth-${withYear}`, { day: 'numeric', month: 'short', year: withYear ? 'numeric' : undefined }).format(at(`${day}T12:00:00`)),
    number: (n) => numbers.format(n),
    relative: (iso) => {
      const seconds = (Date.parse(iso) - Date.now()) / 1000;
      const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
      return relative.format(Math.round(seconds / size), unit);
    },
  };
}

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormatter(formattingLocale(i18n.language)), [i18n.language]);
}
