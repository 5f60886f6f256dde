/** Client review links: create one for a period (the address is shown once), list them, revoke. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateReviewLink, useReviewLinks, useRevokeReviewLink, type NewReviewLink, type ReviewLink } from '../../api/approvals';
import { addDays, fromDay, today as todayDay } from '../../lib/dates';
import { useFormat } from '../../i18n/format';
import { CopyValue } from '../../ui/CopyValue';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/Toasts';

const EXPIRY_DAYS = [1, 3, 7, 14, 30, 90];

/** Midnight at the start of a local day, as an ISO instant. */
const startOfDay = (day: string) => fromDay(day).toISOString();

function linkState(l: ReviewLink): 'active' | 'expired' | 'revoked' {
  if (l.revokedAt) return 'revoked';
  return Date.parse(l.expiresAt) < Date.now() ? 'expired' : 'active';
}

export function ReviewLinksSection({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const toast = useToast();
  const links = useReviewLinks(workspaceId, true);
  const revoke = useRevokeReviewLink(workspaceId);
  const [revoking, setRevoking] = useState<ReviewLink | null>(null);
  return (
    <section className="review-links" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('reviewLinks.heading')}</h2>
      <p className="lead">{t('reviewLinks.intro')}</p>
      <CreateLink workspaceId={workspaceId} />
      <h3>{t('reviewLinks.list')}</h3>
      {links.isPending ? <Loading /> : null}
      <ErrorNote error={links.error ?? revoke.error} />
      {links.data?.length === 0 ? <p className="muted">{t('reviewLinks.none')}</p> : null}
      {links.data?.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th scope="col">{t('reviewLinks.name')}</th><th scope="col">{t('reviewLinks.period')}</th><th scope="col">{t('reviewLinks.expiresAt')}</th><th scope="col">{t('reviewLinks.state')}</th><th scope="col"><span className="visually-hidden">{t('reviewLinks.actions')}</span></th></tr></thead>
            <tbody>
              {links.data.map((l) => {
                const state = linkState(l);
                return (
                  <tr key={l.id} data-link-state={state}>
                    <td>{l.name}</td>
                    <td>{fmt.date(l.from)} – {fmt.date(new Date(Date.parse(l.to) - 1).toISOString())}</td>
                    <td>{fmt.dateTime(l.expiresAt)}</td>
                    <td>{t(`reviewLinks.${state}`)}</td>
                    <td>{state === 'active' ? <button type="button" className="button button--quiet" aria-label={t('reviewLinks.revokeName', { name: l.name })} onClick={() => setRevoking(l)}>{t('reviewLinks.revoke')}</button> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmDialog open={Boolean(revoking)} onOpenChange={(o) => { if (!o) setRevoking(null); }} danger busy={revoke.isPending}
        title={t('reviewLinks.revokeName', { name: revoking?.name ?? '' })} body={t('reviewLinks.revokeBody')} confirmLabel={t('reviewLinks.revoke')}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => { setRevoking(null); toast(t('reviewLinks.revokedToast')); } })} />
    </section>
  );
}

function CreateLink({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const create = useCreateReviewLink(workspaceId);
  const today = todayDay();
  const [name, setName] = useState('');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, 30));
  const [expires, setExpires] = useState(14);
  const [created, setCreated] = useState<NewReviewLink | null>(null);
  const invalid = Boolean(from && to && to < from);
  return (
    <div className="card">
      <form className="stack" aria-label={t('reviewLinks.create')} onSubmit={(e) => {
        e.preventDefault();
        if (invalid) return;
        create.mutate({ name: name.trim(), from: startOfDay(from), to: startOfDay(addDays(to, 1)), expiresInDays: expires }, {
          onSuccess: (link) => { setCreated(link); setName(''); },
        });
      }}>
        <Field label={t('reviewLinks.name')} hint={t('reviewLinks.nameHint')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </Field>
        <div className="review-links__period">
          <Field label={t('reviewLinks.from')}><input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required /></Field>
          <Field label={t('reviewLinks.to')} error={invalid ? t('reviewLinks.periodInvalid') : undefined}><input type="date" value={to} onChange={(e) => setTo(e.target.value)} required /></Field>
          <Field label={t('reviewLinks.expires')}>
            <select value={expires} onChange={(e) => setExpires(Number(e.target.value))}>
              {EXPIRY_DAYS.map((d) => <option key={d} value={d}>{t('reviewLinks.days', { count: d })}</option>)}
            </select>
          </Field>
        </div>
        <ErrorNote error={create.error} />
        <div className="actions actions--start">
          <button type="submit" className="button button--primary" disabled={create.isPending || invalid}>{t('reviewLinks.create')}</button>
        </div>
      </form>
      {created ? (
        <div className="note note--success stack" role="status">
          <p>{t('reviewLinks.createdOnce', { name: created.name })}</p>
          <CopyValue value={created.url} label={t('reviewLinks.url')} />
        </div>
      ) : null}
    </div>
  );
}
