/**
 * A set of figures (impressions, likes…) as labelled tiles, and one figure in a table cell. A null
 * figure is one the network does not offer: said in words, never shown as 0.
 */
import { useTranslation } from 'react-i18next';
import { METRIC_KEYS, type MetricValues } from '../../api/metrics';
import { useFormat } from '../../i18n/format';
import './performance.css';

export function Figures({ values, label }: { values: MetricValues; label?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <dl className="figures" aria-label={label}>
      {METRIC_KEYS.map((k) => {
        const v = values[k];
        return (
          <div key={k} className={`figure${v === null ? ' figure--none' : ''}`} data-metric={k}>
            <dt>{t(`perf.metrics.${k}`)}</dt>
            <dd>{v === null ? <span title={t('perf.notOfferedLong')}>{t('perf.notOffered')}</span> : fmt.number(v)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** One figure in a table: the number, or a dash that says why there is none. */
export function FigureCell({ value, why }: { value: number | null; why: 'notOffered' | 'notMeasured' }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (value !== null) return <td className="num">{fmt.number(value)}</td>;
  const text = why === 'notOffered' ? t('perf.notOfferedLong') : t('perf.notMeasured');
  return <td className="num muted" title={text}><span aria-hidden="true">–</span><span className="visually-hidden">{text}</span></td>;
}
