/** Every post of one day, when the grid shows only the first few: asked of the server for that day. */
import { useTranslation } from 'react-i18next';
import { useCalendar, type CalendarFilters } from '../../api/posts';
import type { Channel } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { addDays, fromDay } from '../../lib/dates';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { PostRow } from './PostRow';

export default function DayDialog({ day, filters, channels, workspaceId, onClose }: { day: string; filters: CalendarFilters; channels: Map<string, Channel>; workspaceId: string; onClose(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useCalendar(workspaceId, { from: fromDay(day).toISOString(), to: fromDay(addDays(day, 1)).toISOString() }, filters);
  const list = query.data?.posts ?? [];
  return (
    <Dialog open onOpenChange={(o) => { if (!o) onClose(); }} title={fmt.date(`${day}T12:00:00`)} description={query.data ? t('calendar.postsCount', { count: list.length }) : t('common.loading')} wide>
      <ErrorNote error={query.error} />
      {!query.data ? <Loading /> : (
        <ul className="day-list" role="list">
          {list.map((p) => <li key={p.id}><PostRow post={p} channels={channels} workspaceId={workspaceId} /></li>)}
        </ul>
      )}
    </Dialog>
  );
}
