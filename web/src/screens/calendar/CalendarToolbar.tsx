/** The calendar's title, previous / today / next, view switch and filters. */
import { useTranslation } from 'react-i18next';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useCampaigns } from '../../api/campaigns';
import type { CalendarFilters } from '../../api/posts';
import { useWorkspaceId } from '../../app/workspace';
import type { Channel } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { POST_STATUSES } from '../../lib/status';
import { addDays, type Day } from '../../lib/dates';
import { loadWeek } from './calendar-state';
import { step, type CalendarView, type VisibleRange } from './range';

interface Props {
  view: CalendarView;
  anchor: Day;
  range: VisibleRange;
  filters: CalendarFilters;
  channels: Channel[];
  setParam(changes: Record<string, string | null>): void;
}

/** Only posts of one campaign; shown once the workspace has a campaign (or the address names one). */
function CampaignFilter({ workspaceId, value, setParam }: { workspaceId: string; value?: string; setParam: Props['setParam'] }) {
  const { t } = useTranslation();
  const campaigns = useCampaigns(workspaceId).data ?? [];
  if (campaigns.length === 0 && !value) return null;
  return (
    <label>
      <span className="visually-hidden">{t('campaigns.filter')}</span>
      <select value={value ?? ''} onChange={(e) => setParam({ campaign: e.target.value })} aria-label={t('campaigns.filter')}>
        <option value="">{t('campaigns.allCampaigns')}</option>
        {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
    </label>
  );
}

export function CalendarToolbar({ view, anchor, range, filters, channels, setParam }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const workspaceId = useWorkspaceId();
  const title = view === 'week' ? `${fmt.dayMonth(range.start)} – ${fmt.dayMonth(addDays(range.end, -1), true)}` : fmt.monthTitle(anchor);
  const go = (d: Day) => setParam({ date: d });
  return (
    <div className="cal-toolbar">
      <h2 className="cal-toolbar__title" aria-live="polite">{title}</h2>
      <div className="cal-toolbar__nav" role="group" aria-label={t('calendar.navigate')}>
        <button type="button" className="icon-button" onClick={() => go(step(view, anchor, -1))} aria-label={t(`calendar.prev.${view === 'week' ? 'week' : 'month'}`)}><ChevronLeft aria-hidden="true" size={18} /></button>
        <button type="button" className="button button--small" onClick={() => setParam({ date: null })}>{t('calendar.today')}</button>
        <button type="button" className="icon-button" onClick={() => go(step(view, anchor, 1))} aria-label={t(`calendar.next.${view === 'week' ? 'week' : 'month'}`)}><ChevronRight aria-hidden="true" size={18} /></button>
      </div>
      <div className="segmented" role="group" aria-label={t('calendar.view')}>
        {(['month', 'week', 'list'] as const).map((v) => (
          <button key={v} type="button" className="segmented__item" aria-pressed={view === v} onClick={() => setParam({ view: v })}
            onPointerEnter={v === 'week' ? () => void loadWeek() : undefined} onFocus={v === 'week' ? () => void loadWeek() : undefined}>{t(`calendar.views.${v}`)}</button>
        ))}
      </div>
      <div className="cal-toolbar__filters">
        <label>
          <span className="visually-hidden">{t('calendar.filterChannel')}</span>
          <select value={filters.channelId ?? ''} onChange={(e) => setParam({ channel: e.target.value })} aria-label={t('calendar.filterChannel')}>
            <option value="">{t('calendar.allChannels')}</option>
            {channels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <CampaignFilter workspaceId={workspaceId} value={filters.campaignId} setParam={setParam} />
        <label>
          <span className="visually-hidden">{t('calendar.filterStatus')}</span>
          <select value={filters.status ?? ''} onChange={(e) => setParam({ status: e.target.value })} aria-label={t('calendar.filterStatus')}>
            <option value="">{t('calendar.allStatuses')}</option>
            {POST_STATUSES.filter((s) => s !== 'draft').map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
      </div>
    </div>
  );
}
