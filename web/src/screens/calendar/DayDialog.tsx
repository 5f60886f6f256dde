/** Every post of one day, when the grid shows only the first few. */
import { useTranslation } from 'react-i18next';
import type { CalendarPost, Channel } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { Dialog } from '../../ui/Dialog';
import { groupByDay } from './events';
import { PostRow } from './PostRow';

export default function DayDialog({ day, posts, channels, workspaceId, onClose }: { day: string; posts: CalendarPost[]; channels: Map<string, Channel>; workspaceId: string; onClose(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = groupByDay(posts).get(day) ?? [];
  return (
    <Dialog open onOpenChange={(o) => { if (!o) onClose(); }} title={fmt.date(`${day}T12:00:00`)} description={t('calendar.postsCount', { count: list.length })} wide>
      <ul className="day-list" role="list">
        {list.map((p) => <li key={p.id}><PostRow post={p} channels={channels} workspaceId={workspaceId} /></li>)}
      </ul>
    </Dialog>
  );
}
