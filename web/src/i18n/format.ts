/**
 * Formatting in the user's locale: dates and times (in a given IANA zone or the browser's), numbers,
 * and the first day of the week (1 = Monday … 7 = Sunday, ISO).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime, Info } from 'luxon';
import { formattingLocale } from './index';

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** ISO weekday the week starts on in `locale`. */
export function firstDayOfWeek(locale: string): number {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info?.firstDay) return info.firstDay;
  } catch {
    /* old engines: fall through */
  }
  return Info.getStartOfWeek({ locale });
}

export interface Formatter {
  locale: string;
  weekStart: number;
  dateTime(iso: string | null | undefined, zone?: string): string;
  date(iso: string, zone?: string): string;
  time(iso: string, zone?: string): string;
  weekday(isoWeekday: number, width?: 'long' | 'short'): string;
  number(n: number): string;
  relative(iso: string): string;
}

export function makeFormatter(locale: string): Formatter {
  const at = (iso: string, zone?: string) => DateTime.fromISO(iso, { zone: zone ?? 'local' }).setLocale(locale);
  return {
    locale,
    weekStart: firstDayOfWeek(locale),
    dateTime: (iso, zone) => (iso ? at(iso, zone).toLocaleString({ ...DateTime.DATETIME_MED_WITH_WEEKDAY, timeZoneName: zone ? 'short' : undefined }) : ''),
    date: (iso, zone) => at(iso, zone).toLocaleString(DateTime.DATE_MED_WITH_WEEKDAY),
    time: (iso, zone) => at(iso, zone).toLocaleString(DateTime.TIME_SIMPLE),
    weekday: (isoWeekday, width = 'long') => Info.weekdays(width, { locale })[isoWeekday - 1],
    number: (n) => new Intl.NumberFormat(locale).format(n),
    relative: (iso) => at(iso).toRelative({ locale }) ?? '',
  };
}

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormatter(formattingLocale(i18n.language)), [i18n.language]);
}
