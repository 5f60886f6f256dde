/**
 * The week grid (FullCalendar, loaded only when this view is shown): posts by hour with their status
 * icon, time, networks, campaign colour and text; drag a scheduled post to another day or time to
 * reschedule it; Enter or click opens it; "+N" opens the day's full list. Marks `data-ready` and a
 * performance mark once the posts are drawn.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin from '@fullcalendar/interaction';
import nbLocale from '@fullcalendar/core/locales/nb';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import type { EventClickArg, EventContentArg, EventDropArg, EventMountArg } from '@fullcalendar/core';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../api/campaigns';
import type { CalendarPost, Channel } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { networkLook } from '../../lib/networks';
import { toEvents, type MoreEventProps, type PostEventProps } from './events';
import { eventNode, StatusIconSprite } from './event-node';
import { useReadyMark } from './ready-mark';

interface Props {
  /** The day to show (YYYY-MM-DD), in the browser's zone. */
  anchor: string;
  posts: CalendarPost[];
  /** How many posts the range holds (announced once drawn). */
  total: number;
  channels: Map<string, Channel>;
  campaigns: Map<string, Campaign>;
  onOpenPost(id: string): void;
  onOpenDay(day: string): void;
  onMove(post: CalendarPost, start: Date, revert: () => void): void;
}

/**
 * Every option handed to FullCalendar stays the same object across re-renders of the page (a
 * refetch, a live update): new callbacks would make it reset its options, and a drag in progress
 * at that moment would be lost.
 */
function WeekView({ anchor, posts, total, channels, campaigns, onOpenPost, onOpenDay, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const actions = useRef({ onOpenPost, onOpenDay, onMove });
  actions.current = { onOpenPost, onOpenDay, onMove };
  const fmt = useFormat();
  const ref = useRef<FullCalendar>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const events = useMemo(() => toEvents(posts), [posts]);
  const fcView = 'timeGridWeek';

  const [initialDate] = useState(anchor);
  // Follows the toolbar; not on mount, where FullCalendar already shows the initial date (a
  // gotoDate there draws every entry a second time).
  const shown = useRef(initialDate);
  useEffect(() => {
    const api = ref.current?.getApi();
    if (!api || shown.current === anchor) return;
    shown.current = anchor;
    api.gotoDate(anchor);
  }, [anchor]);

  useReadyMark(wrapper, events, total);

  const content = useCallback((arg: EventContentArg) => {
    const props = arg.event.extendedProps as PostEventProps | MoreEventProps;
    if (props.kind === 'more') {
      return { domNodes: [Object.assign(document.createElement('span'), { className: 'fc-more-label', textContent: `+${props.count}` })] };
    }
    const campaign = props.post.campaignId ? campaigns.get(props.post.campaignId) : undefined;
    return { domNodes: [eventNode(props.post, channels, fmt.time(props.post.scheduledAt), t('post.noText'), campaign)] };
  }, [channels, campaigns, fmt, t]);

  const describe = useCallback((arg: EventMountArg) => {
    const props = arg.event.extendedProps as PostEventProps | MoreEventProps;
    if (props.kind === 'more') {
      arg.el.setAttribute('aria-label', t('calendar.moreLabel', { count: props.count, day: fmt.date(props.day) }));
      return;
    }
    const p = props.post;
    const nets = [...new Set(p.deliveries.map((d) => channels.get(d.channelId)?.name).filter(Boolean))].join(', ');
    const campaign = p.campaignId ? campaigns.get(p.campaignId) : undefined;
    arg.el.setAttribute('aria-label', `${t(`status.${p.status}`)}, ${fmt.dateTime(p.scheduledAt)}, ${nets}${campaign ? `, ${t('calendar.campaignLabel', { name: campaign.name })}` : ''}: ${p.text.slice(0, 80)}`);
    arg.el.dataset.postId = p.id;
    arg.el.dataset.status = p.status;
    const first = channels.get(p.deliveries[0]?.channelId ?? '');
    if (first) arg.el.style.borderLeftColor = networkLook(first.network).color;
  }, [channels, campaigns, fmt, t]);

  const drop = useCallback((arg: EventDropArg) => {
    const props = arg.event.extendedProps as PostEventProps;
    if (props.kind !== 'post' || !arg.event.start) return arg.revert();
    actions.current.onMove(props.post, arg.event.start, arg.revert);
  }, []);

  const click = useCallback((arg: EventClickArg) => {
    arg.jsEvent.preventDefault();
    const props = arg.event.extendedProps as PostEventProps | MoreEventProps;
    if (props.kind === 'more') actions.current.onOpenDay(props.day);
    else actions.current.onOpenPost(props.post.id);
  }, []);
  const plugins = useMemo(() => [timeGridPlugin, interactionPlugin], []);
  const locales = useMemo(() => [nbLocale, enGbLocale], []);

  return (
    <div ref={wrapper} className="calendar-grid calendar-grid--week" data-view="week">
      <StatusIconSprite />
      <FullCalendar
        ref={ref}
        plugins={plugins}
        initialView={fcView}
        initialDate={initialDate}
        headerToolbar={false}
        locales={locales}
        locale={i18n.language === 'nb' ? 'nb' : fmt.locale.toLowerCase() === 'en-gb' ? 'en-gb' : 'en'}
        firstDay={fmt.weekStart % 7}
        timeZone="local"
        height="auto"
        events={events}
        eventContent={content}
        eventDidMount={describe}
        eventInteractive
        eventDisplay="block"
        eventOrder="start"
        editable
        eventDurationEditable={false}
        eventDrop={drop}
        eventClick={click}
        nowIndicator
        slotDuration="01:00:00"
        slotEventOverlap={false}
        nextDayThreshold="06:00:00"
        scrollTime="08:00:00"
        allDaySlot={false}
        expandRows
      />
    </div>
  );
}

export default memo(WeekView);
