/** One delivery: channel, state, when, the published link or the network's error, attempts, actions. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExternalLink } from 'lucide-react';
import { useDeliveryAction, useResolveDelivery } from '../../api/posts';
import type { Delivery } from '../../api/types';
import { useWorkspaceId } from '../../app/workspace';
import { useFormat } from '../../i18n/format';
import { NetworkBadge, StatusBadge } from '../../ui/badges';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/Toasts';

export function DeliveryCard({ delivery: d }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const workspaceId = useWorkspaceId();
  const toast = useToast();
  const action = useDeliveryAction(workspaceId);
  const [dialog, setDialog] = useState<'resolve' | 'unpublish' | null>(null);
  const name = d.channel?.name ?? t('post.unknownChannel');
  return (
    <article className={`card delivery delivery--${d.state}`} aria-labelledby={`dl-${d.id}`} data-delivery-state={d.state}>
      <div className="delivery__head">
        {d.channel ? <NetworkBadge network={d.channel.network} /> : null}
        <h3 id={`dl-${d.id}`}>{name} <span className="muted">{d.channel?.handle}</span></h3>
        <StatusBadge status={d.state} />
      </div>
      <dl className="facts">
        {d.dueAt ? <><dt>{t('post.due')}</dt><dd>{fmt.dateTime(d.dueAt)}</dd></> : null}
        {d.publishedAt ? <><dt>{t('post.publishedAt')}</dt><dd>{fmt.dateTime(d.publishedAt)}</dd></> : null}
        {d.nextAttemptAt && d.attemptCount > 0 ? <><dt>{t('post.nextAttempt')}</dt><dd>{fmt.dateTime(d.nextAttemptAt)}</dd></> : null}
        {d.externalId ? <><dt>{t('post.externalId')}</dt><dd><code>{d.externalId}</code></dd></> : null}
        {typeof d.override.text === 'string' ? <><dt>{t('post.ownText')}</dt><dd className="delivery__override">{d.override.text}</dd></> : null}
      </dl>
      {d.url ? (
        <p><a className="button" href={d.url} target="_blank" rel="noreferrer noopener"><ExternalLink aria-hidden="true" size={16} /> {t('post.viewPublished')}</a> <span className="muted">{d.url}</span></p>
      ) : null}
      {d.error && d.state !== 'published' ? (
        <div className={`note ${d.state === 'failed' ? 'note--error' : 'note--warning'}`}>
          <p><strong>{t(`errorKinds.${d.error.kind}`, { defaultValue: d.error.kind })}</strong>: {d.error.message}</p>
          {d.error.networkMessage ? <p>{t('post.networkSaid')}: <q>{d.error.networkMessage}</q></p> : null}
        </div>
      ) : null}
      <div className="actions actions--start">
        {d.state === 'failed' || d.state === 'needs_attention' ? (
          <button type="button" className="button button--primary" disabled={action.isPending}
            onClick={() => action.mutate({ id: d.id, action: 'retry' }, { onSuccess: () => toast(t('post.retrying', { name })) })}>{t('post.retry')}</button>
        ) : null}
        {d.state === 'needs_attention' ? <button type="button" className="button" onClick={() => setDialog('resolve')}>{t('post.resolve')}</button> : null}
        {d.state === 'published' ? <button type="button" className="button button--quiet" onClick={() => setDialog('unpublish')}>{t('post.unpublish')}</button> : null}
      </div>
      <ErrorNote error={action.error} />
      {d.attempts.length > 0 ? (
        <details className="attempts">
          <summary>{t('post.attempts', { count: d.attempts.length })}</summary>
          <div className="table-wrap">
            <table className="table">
              <thead><tr><th scope="col">#</th><th scope="col">{t('post.started')}</th><th scope="col">{t('post.outcome')}</th><th scope="col">{t('post.error')}</th></tr></thead>
              <tbody>
                {d.attempts.map((a) => (
                  <tr key={a.number}>
                    <td>{a.number}</td>
                    <td>{fmt.dateTime(a.startedAt)}</td>
                    <td>{t(`outcomes.${a.outcome}`, { defaultValue: a.outcome })}</td>
                    <td>{a.errorMessage ? `${a.errorKind ? `${t(`errorKinds.${a.errorKind}`, { defaultValue: a.errorKind })}: ` : ''}${a.errorMessage}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {dialog === 'resolve' ? <ResolveDialog deliveryId={d.id} name={name} onClose={() => setDialog(null)} /> : null}
      <ConfirmDialog open={dialog === 'unpublish'} onOpenChange={(o) => { if (!o) setDialog(null); }} danger busy={action.isPending}
        title={t('post.unpublishTitle', { name })} body={t('post.unpublishBody')} confirmLabel={t('post.unpublish')}
        onConfirm={() => action.mutate({ id: d.id, action: 'unpublish' }, { onSuccess: () => setDialog(null) })} />
    </article>
  );
}

function ResolveDialog({ deliveryId, name, onClose }: { deliveryId: string; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const resolve = useResolveDelivery(workspaceId);
  const [url, setUrl] = useState('');
  return (
    <Dialog open onOpenChange={(o) => { if (!o) onClose(); }} title={t('post.resolveTitle', { name })} description={t('post.resolveBody')}>
      <Field label={t('post.resolveUrl')} hint={t('post.resolveUrlHint')}>
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      </Field>
      <ErrorNote error={resolve.error} />
      <div className="actions">
        <button type="button" className="button" disabled={resolve.isPending} onClick={() => resolve.mutate({ id: deliveryId, outcome: 'failed' }, { onSuccess: onClose })}>{t('post.resolveFailed')}</button>
        <button type="button" className="button button--primary" disabled={resolve.isPending} onClick={() => resolve.mutate({ id: deliveryId, outcome: 'published', url: url || undefined }, { onSuccess: onClose })}>{t('post.resolvePublished')}</button>
      </div>
    </Dialog>
  );
}
