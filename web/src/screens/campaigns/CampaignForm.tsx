/** The fields of a campaign — name, colour, UTM campaign name — to create one or to change it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignInput } from '../../api/campaigns';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

const DEFAULT_COLOUR = '#2563eb';

interface Props {
  initial?: Campaign;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit(input: CampaignInput, reset: () => void): void;
}

export function CampaignForm({ initial, submitLabel, busy, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [coloured, setColoured] = useState(initial ? initial.colour !== null : true);
  const [colour, setColour] = useState(initial?.colour ?? DEFAULT_COLOUR);
  const [utm, setUtm] = useState(initial?.utmCampaign ?? '');
  const reset = () => { setName(''); setUtm(''); };
  return (
    <form className="stack" onSubmit={(e) => {
      e.preventDefault();
      onSubmit({ name: name.trim(), colour: coloured ? colour : null, utmCampaign: utm.trim() || null }, reset);
    }}>
      <Field label={t('campaigns.name')}>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </Field>
      <fieldset className="inline-checks">
        <legend>{t('campaigns.colour')}</legend>
        <label className="check">
          <input type="checkbox" checked={coloured} onChange={(e) => setColoured(e.target.checked)} />
          {t('campaigns.useColour')}
        </label>
        <label className="check">
          <input type="color" value={colour} disabled={!coloured} onChange={(e) => setColour(e.target.value)} aria-label={t('campaigns.pickColour')} />
          <code>{colour}</code>
        </label>
      </fieldset>
      <Field label={t('campaigns.utm')} hint={t('campaigns.utmHint')}>
        <input value={utm} onChange={(e) => setUtm(e.target.value)} maxLength={200} pattern="[\w.~\-]+" autoCapitalize="off" spellCheck={false} />
      </Field>
      <ErrorNote error={error} />
      <div className="actions actions--start"><button type="submit" className="button button--primary" disabled={busy}>{submitLabel}</button></div>
    </form>
  );
}
