/**
 * A channel's posting times: weekly slots in its own time zone, one row per weekday in the order
 * the user's locale starts the week, times as native time inputs (keyboard and phone friendly).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, X } from 'lucide-react';
import { useSaveSchedule } from '../../api/channels';
import type { Channel } from '../../api/types';
import { useWorkspaceId } from '../../app/workspace';
import { useFormat } from '../../i18n/format';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';
import { useToast } from '../../ui/Toasts';

type Slots = Record<number, string[]>;

function toSlots(channel: Channel): Slots {
  const slots: Slots = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
  for (const s of channel.schedule.slots as { weekday: number; time: string }[]) slots[s.weekday].push(s.time);
  return slots;
}

export function ScheduleDialog({ channel, open, onOpenChange }: { channel: Channel; open: boolean; onOpenChange(o: boolean): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const workspaceId = useWorkspaceId();
  const toast = useToast();
  const save = useSaveSchedule(workspaceId);
  const [timezone, setTimezone] = useState(channel.schedule.timezone);
  const [slots, setSlots] = useState<Slots>(() => toSlots(channel));
  const days = Array.from({ length: 7 }, (_, i) => ((fmt.weekStart - 1 + i) % 7) + 1);
  const update = (day: number, times: string[]) => setSlots((s) => ({ ...s, [day]: times }));
  const copyToWeekdays = (day: number) => setSlots((s) => ({ ...s, 1: [...s[day]], 2: [...s[day]], 3: [...s[day]], 4: [...s[day]], 5: [...s[day]] }));
  const submit = () => {
    const list = Object.entries(slots).flatMap(([day, times]) => [...new Set(times.filter(Boolean))].map((time) => ({ weekday: Number(day), time })));
    save.mutate({ id: channel.id, body: { timezone, slots: list } }, { onSuccess: () => { toast(t('schedule.saved', { name: channel.name })); onOpenChange(false); } });
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('schedule.title', { name: channel.name })} description={t('schedule.intro')} wide>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} className="stack">
        <Field label={t('channels.timezone')}>
          <TimeZoneSelect value={timezone} onChange={setTimezone} />
        </Field>
        <table className="slots">
          <tbody>
            {days.map((day) => (
              <tr key={day}>
                <th scope="row">{fmt.weekday(day)}</th>
                <td>
                  <div className="slots__times">
                    {slots[day].map((time, i) => (
                      <span key={i} className="slot">
                        <input type="time" value={time} aria-label={t('schedule.timeLabel', { day: fmt.weekday(day), n: i + 1 })} required
                          onChange={(e) => update(day, slots[day].map((x, j) => (j === i ? e.target.value : x)))} />
                        <button type="button" className="icon-button" aria-label={t('schedule.removeTime', { day: fmt.weekday(day), time })} onClick={() => update(day, slots[day].filter((_, j) => j !== i))}>
                          <X aria-hidden="true" size={14} />
                        </button>
                      </span>
                    ))}
                    <button type="button" className="button button--small" onClick={() => update(day, [...slots[day], slots[day].at(-1) ?? '09:00'])} aria-label={t('schedule.addTimeTo', { day: fmt.weekday(day) })}>
                      <Plus aria-hidden="true" size={14} /> {t('schedule.addTime')}
                    </button>
                    {slots[day].length > 0 && day <= 5 ? (
                      <button type="button" className="button button--small button--quiet" onClick={() => copyToWeekdays(day)}>{t('schedule.copyWeekdays')}</button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ErrorNote error={save.error} />
        <div className="actions">
          <button type="button" className="button" onClick={() => onOpenChange(false)}>{t('common.cancel')}</button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>{t('schedule.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
