/**
 * Followers over a period as a small hand-drawn SVG line (no chart library: this screen's code
 * stays a few KB), with its figures in words for screen readers and as a table on request.
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

export interface Reading { at: string; followers: number }

const W = 480;
const H = 160;
const PAD = 10;

export function FollowerChart({ readings, from, to, title }: { readings: Reading[]; from: string; to: string; title: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const day = new Intl.DateTimeFormat(fmt.locale, { day: 'numeric', month: 'short' });
  const dayOf = (iso: string) => day.format(new Date(iso));
  const first = readings[0];
  const last = readings[readings.length - 1];
  const signed = new Intl.NumberFormat(fmt.locale, { signDisplay: 'exceptZero' });
  const summary = readings.length === 1
    ? t('perf.followersOne', { first: fmt.number(first.followers), from: dayOf(first.at) })
    : t('perf.followersSummary', { first: fmt.number(first.followers), from: dayOf(first.at), last: fmt.number(last.followers), to: dayOf(last.at), change: signed.format(last.followers - first.followers) });

  const values = readings.map((r) => r.followers);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) { lo -= 1; hi += 1; }
  const t0 = Date.parse(from);
  const span = Math.max(1, Date.parse(to) - t0);
  const x = (iso: string) => PAD + ((Date.parse(iso) - t0) / span) * (W - 2 * PAD);
  const y = (n: number) => PAD + (1 - (n - lo) / (hi - lo)) * (H - 2 * PAD);
  const points = readings.map((r) => [x(r.at), y(r.followers)] as const);
  const line = points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ');

  return (
    <figure className="chart">
      <div className="chart__plot">
        <div className="chart__y" aria-hidden="true"><span>{fmt.number(Math.max(...values))}</span><span>{fmt.number(Math.min(...values))}</span></div>
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}. ${summary}`} className="chart__svg" focusable="false">
          <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} className="chart__axis" />
          <line x1={PAD} x2={W - PAD} y1={PAD} y2={PAD} className="chart__grid" />
          {points.length > 1 ? <path d={line} className="chart__line" /> : null}
          {points.map(([px, py], i) => <circle key={readings[i].at} cx={px} cy={py} r={5} className="chart__point"><title>{`${dayOf(readings[i].at)}: ${fmt.number(readings[i].followers)}`}</title></circle>)}
        </svg>
      </div>
      <div className="chart__x" aria-hidden="true"><span>{dayOf(from)}</span><span>{dayOf(to)}</span></div>
      <figcaption className="muted">{summary}</figcaption>
      <details className="chart__table">
        <summary>{t('perf.showTable')}</summary>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead><tr><th scope="col">{t('perf.date')}</th><th scope="col" className="num">{t('perf.followers')}</th></tr></thead>
            <tbody>{readings.map((r) => <tr key={r.at}><td>{fmt.date(r.at)}</td><td className="num">{fmt.number(r.followers)}</td></tr>)}</tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
