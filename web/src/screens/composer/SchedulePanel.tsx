/**
 * When the post goes out: at a date and time in a chosen time zone, in each channel's next free
 * queue slot, or now — and the buttons that save it that way, or as a draft. When the workspace's
 * policy holds this author's posts for approval, the buttons say so; when the role may not publish
 * at all, only the draft button works.
 */
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { browserZone, useFormat } from '../../i18n/format';
import { Field } from '../../ui/Field';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';
import type { ComposerDraft, SaveMode, When } from './draft';

interface Props {
  draft: ComposerDraft;
  update(change: Partial<ComposerDraft>): void;
  busy: boolean;
  onSave(mode: SaveMode): void;
  /** `needed`: saving submits for approval (by `approvers` members); `forbidden`: this role cannot publish. */
  approval?: { gate: 'needed' | 'forbidden' | 'none'; approvers: number };
}

export function SchedulePanel({ draft, update, busy, onSave, approval }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const options: When[] = ['at', 'queue', 'now'];
  const at = DateTime.fromISO(`${draft.date}T${draft.time}`, { zone: draft.timezone });
  const here = browserZone();
  const gate = approval?.gate ?? 'none';
  return (
    <fieldset className="schedule-panel">
      <legend>{t('composer.when')}</legend>
      <div className="radios" role="radiogroup" aria-label={t('composer.when')}>
        {options.map((w) => (
          <label key={w} className="radio">
            <input type="radio" name="when" value={w} checked={draft.when === w} onChange={() => update({ when: w })} />
            {t(`composer.whenOption.${w}`)}
          </label>
        ))}
      </div>
      {draft.when === 'at' ? (
        <div className="schedule-panel__fields">
          <Field label={t('composer.date')}>
            <input type="date" value={draft.date} onChange={(e) => update({ date: e.target.value })} required />
          </Field>
          <Field label={t('composer.time')}>
            <input type="time" value={draft.time} onChange={(e) => update({ time: e.target.value })} required />
          </Field>
          <Field label={t('composer.timezone')}>
            <TimeZoneSelect value={draft.timezone} onChange={(timezone) => update({ timezone })} />
          </Field>
          {at.isValid && draft.timezone !== here ? (
            <p className="field__hint schedule-panel__local">{t('composer.yourTime', { time: fmt.dateTime(at.toISO()!, here) })}</p>
          ) : null}
        </div>
      ) : null}
      {draft.when === 'queue' ? <p className="field__hint">{t('composer.queueHint')}</p> : null}
      {draft.when === 'now' ? <p className="field__hint">{t('composer.nowHint')}</p> : null}
      {gate === 'needed' ? <p className="note note--warning" id="approval-hint">{t('approval.needsHint', { count: approval!.approvers })}</p> : null}
      {gate === 'forbidden' ? <p className="note note--warning" id="approval-hint">{t('approval.cannotPublish')}</p> : null}
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => onSave('draft')}>{t('composer.saveDraft')}</button>
        <button type="submit" className="button button--primary" disabled={busy || gate === 'forbidden'} aria-describedby={gate !== 'none' ? 'approval-hint' : undefined}>
          {gate === 'needed' ? t(`approval.submit.${draft.when}`) : t(`composer.submit.${draft.when}`)}
        </button>
      </div>
    </fieldset>
  );
}
