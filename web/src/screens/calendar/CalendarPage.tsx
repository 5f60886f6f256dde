/**
 * The content calendar: month, week and list views of every scheduled post, filtered by channel
 * and status, kept in the URL (?view=&date=&channel=&status=) so a view can be shared or reloaded.
 * Dragging a post reschedules it; the list view and the post page do the same by keyboard. The
 * month grid is part of this page's code; the week grid (FullCalendar) and the list (virtualiser)
 * load when first shown.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCampaigns } from '../../api/campaigns';
import { useChannels } from '../../api/channels';
import { useCalendar, useReschedule } from '../../api/posts';
import type { CalendarPost } from '../../api/types';
import { useWorkspaceId } from '../../app/workspace';
import { errorText } from '../../i18n/problems';
import { useFormat } from '../../i18n/format';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { useToast } from '../../ui/Toasts';
import { CalendarToolbar } from './CalendarToolbar';
import { Legend } from './Legend';
import { loadList, loadWeek, readCalendarState } from './calendar-state';
import MonthGrid from './MonthGrid';

const WeekView = lazy(loadWeek);
const ListView = lazy(loadList);
const DayDialog = lazy(() => import('./DayDialog'));

export default function CalendarPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const workspaceId = useWorkspaceId();
  const navigate = useNavigate();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const { view, anchor, filters, range, instants, perDay } = useMemo(() => readCalendarState(params, fmt.weekStart), [params, fmt.weekStart]);
  const query = useCalendar(workspaceId, instants, filters, perDay);
  const channels = useChannels(workspaceId);
  const channelMap = useMemo(() => new Map((channels.data ?? []).map((c) => [c.id, c])), [channels.data]);
  const campaigns = useCampaigns(workspaceId);
  const campaignMap = useMemo(() => new Map((campaigns.data ?? []).map((c) => [c.id, c])), [campaigns.data]);
  const reschedule = useReschedule(workspaceId);
  const [openDay, setOpenDay] = useState<string | null>(null);

  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) if (v === null || v === '') next.delete(k); else next.set(k, v);
    setParams(next, { replace: true });
  };
  const move = (post: CalendarPost, start: Date, revert: () => void, done?: () => void) => {
    reschedule.mutate({ id: post.id, schedule: { mode: 'at', at: start.toISOString() } }, {
      onSuccess: () => { done?.(); toast(t('calendar.moved', { time: fmt.dateTime(start.toISOString()) })); },
      onError: (err) => { revert(); toast(errorText(t, err), 'error'); },
    });
  };
  const posts = query.data?.posts ?? [];
  // The month grid's answer holds each day's first posts and every day's count.
  const days = query.data?.days;
  const dayCounts = useMemo(() => (days ? new Map(days.map((d) => [d.day, d.count])) : undefined), [days]);
  const total = days ? days.reduce((sum, d) => sum + d.count, 0) : posts.length;

  return (
    <div className="page page--wide calendar-page">
      <h1 className="visually-hidden">{t('calendar.title')}</h1>
      <CalendarToolbar view={view} anchor={anchor} range={range} filters={filters} channels={channels.data ?? []} setParam={setParam} />
      <ErrorNote error={query.error} />
      {query.data?.truncated ? <p className="note note--warning">{t('calendar.truncated', { count: posts.length })}</p> : null}
      <p className="visually-hidden" role="status">{query.isFetching ? t('common.loading') : t('calendar.count', { count: total })}</p>
      {!query.data ? <Loading /> : (
        <Suspense fallback={<Loading />}>
          {view === 'list' ? (
            <ListView posts={posts} channels={channelMap} workspaceId={workspaceId} />
          ) : view === 'month' ? (
            <MonthGrid anchor={anchor} range={range} posts={posts} dayCounts={dayCounts} total={total} channels={channelMap} campaigns={campaignMap}
              workspaceId={workspaceId} onOpenDay={setOpenDay} onMove={move} />
          ) : (
            <WeekView anchor={anchor} posts={posts} total={total} channels={channelMap} campaigns={campaignMap}
              onOpenPost={(id) => navigate(`/w/${workspaceId}/posts/${id}`)} onOpenDay={setOpenDay} onMove={move} />
          )}
        </Suspense>
      )}
      <Legend />
      {openDay ? (
        <Suspense fallback={null}>
          <DayDialog day={openDay} filters={filters} channels={channelMap} workspaceId={workspaceId} onClose={() => setOpenDay(null)} />
        </Suspense>
      ) : null}
    </div>
  );
}
