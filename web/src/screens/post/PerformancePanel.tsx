/**
 * A published post's performance: the roll-up over its channels, each channel's latest figures
 * with when they were measured and when they will be next (or that the network offers none), and
 * "Measure now" for those who may write, which shows the new figures and how each channel went.
 */
import { useTranslation } from 'react-i18next';
import { RefreshCw } from 'lucide-react';
import { usePostMetrics, useRefreshPostMetrics, type DeliveryMetrics, type RefreshOutcome } from '../../api/metrics';
import { useFormat } from '../../i18n/format';
import { networkLook } from '../../lib/networks';
import { NetworkBadge } from '../../ui/badges';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Figures } from '../performance/Figures';

export function PerformancePanel({ workspaceId, postId, canMeasure }: { workspaceId: string; postId: string; canMeasure: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const metrics = usePostMetrics(workspaceId, postId);
  const refresh = useRefreshPostMetrics(workspaceId, postId);
  const m = metrics.data;
  const outcomes = refresh.data?.refresh ?? [];
  const measurable = m?.deliveries.some((d) => d.offered) ?? false;
  return (
    <section className="card performance" aria-labelledby="performance-heading" aria-busy={refresh.isPending}>
      <div className="performance__head">
        <h2 id="performance-heading">{t('perf.title')}</h2>
        {canMeasure && measurable ? (
          <button type="button" className="button" disabled={refresh.isPending} onClick={() => refresh.mutate()}>
            <RefreshCw aria-hidden="true" size={16} className={refresh.isPending ? 'spin' : undefined} /> {refresh.isPending ? t('perf.measuring') : t('perf.measureNow')}
          </button>
        ) : null}
      </div>
      <p role="status" className="performance__status">
        {refresh.isPending ? t('perf.measuring') : refresh.isSuccess ? t('perf.measuredSummary', { count: outcomes.filter((o) => o.status !== 'not_offered').length, done: outcomes.filter((o) => o.status === 'collected').length }) : ''}
      </p>
      <ErrorNote error={refresh.error ?? metrics.error} />
      {metrics.isPending ? <Loading /> : null}
      {m ? (
        <>
          <p className="muted">{m.collectedAt ? t('perf.lastMeasured', { time: fmt.dateTime(m.collectedAt) }) : measurable ? t('perf.neverMeasured') : null}</p>
          {measurable ? <Figures values={m.totals} label={t('perf.allChannels')} /> : null}
          <h3>{t('perf.perChannel')}</h3>
          <ul className="performance__channels" role="list">
            {m.deliveries.map((d) => <li key={d.deliveryId}><DeliveryFigures d={d} outcome={outcomes.find((o) => o.deliveryId === d.deliveryId)} /></li>)}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function DeliveryFigures({ d, outcome }: { d: DeliveryMetrics; outcome?: RefreshOutcome }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const network = networkLook(d.network).name;
  const headingId = `perf-${d.deliveryId}`;
  return (
    <article className="performance__channel" aria-labelledby={headingId} data-delivery-id={d.deliveryId}>
      <div className="delivery__head">
        <NetworkBadge network={d.network} />
        <h4 id={headingId}>{d.channelName}</h4>
      </div>
      {!d.offered ? <p className="muted">{t('perf.networkOffersNone', { network })}</p> : (
        <>
          {d.metrics ? <Figures values={d.metrics} label={d.channelName} /> : null}
          <dl className="facts">
            <dt>{t('perf.measuredAt')}</dt><dd>{d.collectedAt ? fmt.dateTime(d.collectedAt) : t('perf.notMeasured')}</dd>
            <dt>{t('perf.nextAt')}</dt>
            <dd>{d.nextCollectionAt ? (Date.parse(d.nextCollectionAt) <= Date.now() + 60_000 ? t('perf.nextSoon') : fmt.dateTime(d.nextCollectionAt)) : t('perf.stopped')}</dd>
          </dl>
        </>
      )}
      {outcome && outcome.status !== 'collected' && outcome.status !== 'not_offered' ? (
        <p className={`note ${outcome.status === 'failed' ? 'note--error' : 'note--warning'}`}>
          {t(`perf.outcome.${outcome.status}`, { time: outcome.retryAt ? fmt.dateTime(outcome.retryAt) : '', message: outcome.message ?? '' })}
        </p>
      ) : null}
    </article>
  );
}
