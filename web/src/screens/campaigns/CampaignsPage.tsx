/** Campaigns: named groups of posts, with a colour for the calendar, a UTM name for links, a landing page and dates. */
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useCampaigns, useChangeCampaign, useCreateCampaign, useDeleteCampaign, type Campaign } from '../../api/campaigns';
import { useWorkspaceId } from '../../app/workspace';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { useFormat, type Formatter } from '../../i18n/format';
import { useToast } from '../../ui/Toasts';
import { CampaignForm } from './CampaignForm';

/** "1 Jun 2031 – 30 Jun 2031", "From 1 Jun 2031", "Until …", or nothing. */
function campaignDates(t: TFunction, fmt: Formatter, c: Campaign): string {
  const start = c.startsOn ? fmt.dayMonth(c.startsOn, true) : '';
  const end = c.endsOn ? fmt.dayMonth(c.endsOn, true) : '';
  if (start && end) return t('campaigns.between', { start, end });
  if (start) return t('campaigns.from', { start });
  return end ? t('campaigns.until', { end }) : '';
}

export default function CampaignsPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const toast = useToast();
  const fmt = useFormat();
  const campaigns = useCampaigns(workspaceId);
  const create = useCreateCampaign(workspaceId);
  const change = useChangeCampaign(workspaceId);
  const remove = useDeleteCampaign(workspaceId);
  const [editing, setEditing] = useState<Campaign | null>(null);
  const [deleting, setDeleting] = useState<Campaign | null>(null);
  const list = campaigns.data ?? [];
  return (
    <div className="page">
      <h1>{t('campaigns.title')}</h1>
      <p className="lead">{t('campaigns.intro')}</p>
      <section className="card" aria-labelledby="new-campaign">
        <h2 id="new-campaign">{t('campaigns.create')}</h2>
        <CampaignForm submitLabel={t('campaigns.create')} busy={create.isPending} error={create.error}
          onSubmit={(input, reset) => create.mutate(input, { onSuccess: (c) => { reset(); toast(t('campaigns.created', { name: c.name })); } })} />
      </section>
      <h2>{t('campaigns.existing')}</h2>
      {campaigns.isPending ? <Loading /> : null}
      <ErrorNote error={campaigns.error ?? remove.error} />
      {campaigns.data && list.length === 0 ? <p className="muted">{t('campaigns.none')}</p> : null}
      <ul className="campaign-list" aria-label={t('campaigns.existing')}>
        {list.map((c) => (
          <li key={c.id} className="card campaign-list__item">
            <span className="campaign-swatch" style={{ background: c.colour ?? 'transparent' }} aria-hidden="true" />
            <div className="campaign-list__text">
              <h3>{c.name}</h3>
              <p className="muted">
                {t('campaigns.posts', { count: c.postCount })}
                {c.utmCampaign ? <> · utm_campaign=<code>{c.utmCampaign}</code></> : null}
              </p>
              {c.startsOn || c.endsOn ? <p className="muted campaign-list__dates">{campaignDates(t, fmt, c)}</p> : null}
              {c.landingUrl ? <p className="campaign-list__link"><a href={c.landingUrl} target="_blank" rel="noopener noreferrer">{c.landingUrl}</a></p> : null}
            </div>
            <div className="actions">
              <Link className="button button--quiet" to={`/w/${workspaceId}/calendar?campaign=${c.id}`}>{t('campaigns.onCalendar')}</Link>
              <button type="button" className="button button--quiet" onClick={() => setEditing(c)} aria-label={t('campaigns.editName', { name: c.name })}>{t('campaigns.edit')}</button>
              <button type="button" className="button button--quiet" onClick={() => setDeleting(c)} aria-label={t('campaigns.deleteName', { name: c.name })}>{t('campaigns.delete')}</button>
            </div>
          </li>
        ))}
      </ul>
      <Dialog open={Boolean(editing)} onOpenChange={(o) => { if (!o) { setEditing(null); change.reset(); } }} title={t('campaigns.editName', { name: editing?.name ?? '' })}>
        {editing ? (
          <CampaignForm key={editing.id} initial={editing} submitLabel={t('campaigns.save')} busy={change.isPending} error={change.error}
            onSubmit={(patch) => change.mutate({ id: editing.id, patch }, { onSuccess: () => { setEditing(null); toast(t('campaigns.saved')); } })} />
        ) : null}
      </Dialog>
      <ConfirmDialog open={Boolean(deleting)} onOpenChange={(o) => { if (!o) setDeleting(null); }} danger busy={remove.isPending}
        title={t('campaigns.deleteName', { name: deleting?.name ?? '' })} body={t('campaigns.deleteBody')} confirmLabel={t('campaigns.delete')}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => { setDeleting(null); toast(t('campaigns.deleted')); } })} />
    </div>
  );
}
