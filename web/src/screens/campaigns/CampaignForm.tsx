/**
 * The fields of a campaign — name, colour, UTM campaign name, landing page, dates — to create one
 * or to change it. The server checks them; its problems with a field are shown under that field,
 * in the user's language.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignInput } from '../../api/campaigns';
import { fieldProblems } from '../../i18n/problems';
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
  const [landingUrl, setLandingUrl] = useState(initial?.landingUrl ?? '');
  const [startsOn, setStartsOn] = useState(initial?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(initial?.endsOn ?? '');
  const reset = () => { setName(''); setUtm(''); setLandingUrl(''); setStartsOn(''); setEndsOn(''); };
  const problems = fieldProblems(t, error);
  return (
    <form className="stack" onSubmit={(e) => {
      e.preventDefault();
      onSubmit({
        name: name.trim(), colour: coloured ? colour : null, utmCampaign: utm.trim() || null,
        landingUrl: landingUrl.trim() || null, startsOn: startsOn || null, endsOn: endsOn || null,
      }, reset);
    }}>
      <Field label={t('campaigns.name')} error={problems.name}>
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
      <Field label={t('campaigns.utm')} hint={t('campaigns.utmHint')} error={problems.utmCampaign}>
        <input value={utm} onChange={(e) => setUtm(e.target.value)} maxLength={200} pattern="[\w.~\-]+" autoCapitalize="off" spellCheck={false} />
      </Field>
      {/* Text with a URL keyboard, not type=url: the server's check speaks the user's language, the browser's may not. */}
      <Field label={t('campaigns.landingUrl')} hint={t('campaigns.landingUrlHint')} error={problems.landingUrl}>
        <input value={landingUrl} onChange={(e) => setLandingUrl(e.target.value)} maxLength={2000} inputMode="url" autoCapitalize="off" spellCheck={false} />
      </Field>
      <fieldset className="campaign-form__dates">
        <legend>{t('campaigns.dates')}</legend>
        <p className="field__hint">{t('campaigns.datesHint')}</p>
        <Field label={t('campaigns.startsOn')} error={problems.startsOn}>
          <input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
        </Field>
        <Field label={t('campaigns.endsOn')} error={problems.endsOn}>
          <input type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
        </Field>
      </fieldset>
      <ErrorNote error={Object.keys(problems).length > 0 ? null : error} />
      <div className="actions actions--start"><button type="submit" className="button button--primary" disabled={busy}>{submitLabel}</button></div>
    </form>
  );
}
