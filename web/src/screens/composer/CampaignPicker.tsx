/** The composer's campaign: which campaign (if any) the post belongs to. */
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCampaigns } from '../../api/campaigns';
import { Field } from '../../ui/Field';
import type { ComposerDraft } from './draft';

export function CampaignPicker({ workspaceId, draft, update }: { workspaceId: string; draft: ComposerDraft; update(change: Partial<ComposerDraft>): void }) {
  const { t } = useTranslation();
  const campaigns = useCampaigns(workspaceId);
  const list = campaigns.data ?? [];
  const value = draft.campaignId ?? '';
  // A campaign deleted meanwhile is not offered; the post is saved without it.
  const known = value === '' || list.some((c) => c.id === value);
  const stale = Boolean(campaigns.data) && !known;
  useEffect(() => { if (stale) update({ campaignId: null }); }, [stale, update]);
  return (
    <Field label={t('campaigns.pickerLabel')} hint={list.length === 0 && campaigns.data ? <>{t('campaigns.pickerNone')} <Link to={`/w/${workspaceId}/campaigns`}>{t('campaigns.create')}</Link></> : undefined}>
      <select value={known ? value : ''} onChange={(e) => update({ campaignId: e.target.value || null })}>
        <option value="">{t('campaigns.noCampaign')}</option>
        {list.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
    </Field>
  );
}
