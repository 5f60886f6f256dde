/**
 * What the calendar shows, read from the URL (?view=&date=&channel=&status=&campaign=): shared by the page
 * and by its route loader, which starts fetching the data (and the grid's code) while the page's
 * own code is still loading.
 */
import type { QueryClient } from '@tanstack/react-query';
import { campaignsQuery } from '../../api/campaigns';
import { channelsQuery } from '../../api/channels';
import { calendarQuery, type CalendarFilters } from '../../api/posts';
import type { PostStatus } from '../../api/types';
import { formattingLocale, i18next } from '../../i18n';
import { firstDayOfWeek } from '../../i18n/format';
import { fromDay, isDay, today, type Day } from '../../lib/dates';
import { visibleRange, type CalendarView, type VisibleRange } from './range';
import { PER_DAY } from './per-day';

export interface CalendarState {
  view: CalendarView;
  anchor: Day;
  filters: CalendarFilters;
  range: VisibleRange;
  /** The range as the API takes it. */
  instants: { from: string; to: string };
  /** The month grid asks only for the posts it draws (the first few of each day) and each day's count. */
  perDay?: number;
}

export function defaultView(): CalendarView {
  return typeof window !== 'undefined' && window.matchMedia('(max-width: 640px)').matches ? 'list' : 'month';
}

export function readCalendarState(params: URLSearchParams, weekStart: number): CalendarState {
  const view = (params.get('view') as CalendarView | null) ?? defaultView();
  const date = params.get('date');
  const anchor = isDay(date) ? date : today();
  const filters: CalendarFilters = { channelId: params.get('channel') ?? undefined, status: (params.get('status') as PostStatus | null) ?? undefined, campaignId: params.get('campaign') ?? undefined };
  const range = visibleRange(view, anchor, weekStart);
  return { view, anchor, filters, range, instants: { from: fromDay(range.start).toISOString(), to: fromDay(range.end).toISOString() }, perDay: view === 'month' ? PER_DAY : undefined };
}

export const loadWeek = () => import('./WeekView');
export const loadList = () => import('./ListView');

/** Route loader: fetch the posts, channels and campaigns, and the view's code, in parallel with the page's code. */
export function prefetchCalendar(queryClient: QueryClient, workspaceId: string, url: string) {
  const state = readCalendarState(new URL(url).searchParams, firstDayOfWeek(formattingLocale(i18next.language)));
  void queryClient.prefetchQuery(calendarQuery(workspaceId, state.instants, state.filters, state.perDay));
  void queryClient.prefetchQuery(channelsQuery(workspaceId));
  void queryClient.prefetchQuery(campaignsQuery(workspaceId));
  if (state.view === 'list') void loadList();
  if (state.view === 'week') void loadWeek();
  return null;
}
