/** Move what has not gone out: to a date and time in a zone, to each channel's next free slot, or now. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { useReschedule } from '../../api/posts';
import type { PostDetail } from '../../api/types';
import { useWorkspaceId } from '../../app/workspace';
import { browserZone } from '../../i18n/format';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';
import { useToast } from '../../ui/Toasts';

export function RescheduleDialog({ post, open, onOpenChange }: { post: PostDetail; open: boolean; onOpenChange(o: boolean): void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const toast = useToast();
  const reschedule = useReschedule(workspaceId);
  const zone = browserZone();
  const start = post.scheduledAt ? DateTime.fromISO(post.scheduledAt, { zone }) : DateTime.local().plus({ hours: 1 }).startOf('hour');
  const [when, setWhen] = useState<'at' | 'queue' | 'now'>('at');
  const [date, setDate] = useState(start.toISODate()!);
  const [time, setTime] = useState(start.toFormat('HH:mm'));
  const [timezone, setTimezone] = useState(zone);
  const submit = () => {
    const schedule = when === 'at' ? { mode: 'at' as const, localTime: `${date}T${time}`, timezone } : { mode: when };
    reschedule.mutate({ id: post.id, schedule }, { onSuccess: () => { toast(t('post.rescheduled')); onOpenChange(false); } });
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('post.rescheduleTitle')}>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <div className="radios" role="radiogroup" aria-label={t('composer.when')}>
          {(['at', 'queue', 'now'] as const).map((w) => (
            <label key={w} className="radio"><input type="radio" name="resched" checked={when === w} onChange={() => setWhen(w)} /> {t(`composer.whenOption.${w}`)}</label>
          ))}
        </div>
        {when === 'at' ? (
          <div className="schedule-panel__fields">
            <Field label={t('composer.date')}><input type="date" value={date} onChange={(e) => setDate(e.target.value)} required /></Field>
            <Field label={t('composer.time')}><input type="time" value={time} onChange={(e) => setTime(e.target.value)} required /></Field>
            <Field label={t('composer.timezone')}><TimeZoneSelect value={timezone} onChange={setTimezone} /></Field>
          </div>
        ) : null}
        <ErrorNote error={reschedule.error} />
        <div className="actions">
          <button type="button" className="button" onClick={() => onOpenChange(false)}>{t('common.cancel')}</button>
          <button type="submit" className="button button--primary" disabled={reschedule.isPending}>{t('post.reschedule')}</button>
        </div>
      </form>
    </Dialog>
  );
}
