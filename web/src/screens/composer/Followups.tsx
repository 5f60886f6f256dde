/** Follow-ups: the rest of a thread, posted as replies where the network has threads. */
import { useTranslation } from 'react-i18next';
import { Plus, X } from 'lucide-react';
import type { ComposerDraft } from './draft';

export function Followups({ followups, update }: { followups: string[]; update(change: (d: ComposerDraft) => Partial<ComposerDraft>): void }) {
  const { t } = useTranslation();
  const set = (i: number, text: string) => update((d) => ({ followups: d.followups.map((f, j) => (j === i ? text : f)) }));
  return (
    <fieldset className="followups">
      <legend>{t('composer.followups')}</legend>
      <p className="field__hint">{t('composer.followupsHint')}</p>
      {followups.map((text, i) => (
        <div key={i} className="followup">
          <label className="field__label" htmlFor={`followup-${i}`}>{t('composer.followupN', { n: i + 1 })}</label>
          <div className="followup__row">
            <textarea id={`followup-${i}`} rows={3} value={text} onChange={(e) => set(i, e.target.value)} />
            <button type="button" className="icon-button" onClick={() => update((d) => ({ followups: d.followups.filter((_, j) => j !== i) }))} aria-label={t('composer.removeFollowup', { n: i + 1 })}>
              <X aria-hidden="true" size={16} />
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => update((d) => ({ followups: [...d.followups, ''] }))}>
        <Plus aria-hidden="true" size={14} /> {t('composer.addFollowup')}
      </button>
    </fieldset>
  );
}
