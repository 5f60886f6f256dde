/** Follow-ups: the rest of a thread, posted as replies where the network has threads (or a channel's own thread, with `channelName`). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, X } from 'lucide-react';

type FollowupKey = 'followups' | 'followupN' | 'addFollowup' | 'removeFollowup';

interface Props {
  followups: string[];
  onChange(change: (followups: string[]) => string[]): void;
  /** Editing this channel's own thread. */
  channelName?: string;
}

export function Followups({ followups, onChange, channelName }: Props) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const label = (key: FollowupKey, vars: Record<string, unknown> = {}) =>
    channelName === undefined ? t(`composer.${key}`, vars) : t(`overrides.${key}`, { ...vars, name: channelName });
  const set = (i: number, text: string) => onChange((list) => list.map((f, j) => (j === i ? text : f)));
  return (
    <fieldset className="followups">
      <legend>{label('followups')}</legend>
      {channelName === undefined ? <p className="field__hint">{t('composer.followupsHint')}</p> : null}
      {followups.map((text, i) => (
        <div key={i} className="followup">
          <label className="field__label" htmlFor={`${idPrefix}followup-${i}`}>{label('followupN', { n: i + 1 })}</label>
          <div className="followup__row">
            <textarea id={`${idPrefix}followup-${i}`} rows={3} value={text} onChange={(e) => set(i, e.target.value)} />
            <button type="button" className="icon-button" onClick={() => onChange((list) => list.filter((_, j) => j !== i))} aria-label={label('removeFollowup', { n: i + 1 })}>
              <X aria-hidden="true" size={16} />
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => onChange((list) => [...list, ''])}>
        <Plus aria-hidden="true" size={14} /> {label('addFollowup')}
      </button>
    </fieldset>
  );
}
