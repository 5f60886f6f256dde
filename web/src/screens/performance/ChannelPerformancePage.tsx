/**
 * A channel's performance over a period (7, 30 or 90 days, kept in the address): its followers as
 * a line with the figures in words and a table, the totals of its posts, and the posts with their
 * latest figures in a table sortable by each one (also kept in the address), each linking to its post.
 */
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { useChannels } from '../../api/channels';
import { METRIC_KEYS, useChannelMetrics, type ChannelPostMetrics, type MetricKey } from '../../api/metrics';
import { useWorkspaceId } from '../../app/workspace';
import { useFormat } from '../../i18n/format';
import { networkLook } from '../../lib/networks';
import { NetworkBadge } from '../../ui/badges';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { FigureCell, Figures } from './Figures';
import { FollowerChart, type Reading } from './FollowerChart';

const PERIODS = [7, 30, 90] as const;
type SortKey = 'published' | MetricKey;
type Direction = 'asc' | 'desc';

export default function ChannelPerformancePage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const channelId = useParams().channelId!;
  const [params, setParams] = useSearchParams();
  const days = PERIODS.find((p) => String(p) === params.get('days')) ?? 30;
  const set = (changes: Record<string, string | null>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) if (v === null) next.delete(k); else next.set(k, v);
    return next;
  }, { replace: true });
  const channels = useChannels(workspaceId);
  const metrics = useChannelMetrics(workspaceId, channelId, days);
  const channel = channels.data?.find((c) => c.id === channelId);
  if (channels.isPending || metrics.isPending) return <div className="page"><Loading /></div>;
  if (metrics.error || !channel) return <div className="page"><ErrorNote error={metrics.error ?? channels.error} /></div>;
  const m = metrics.data;
  const network = networkLook(m.network).name;
  const readings = m.followers.flatMap((f): Reading[] => (f.followers === null ? [] : [{ at: f.collectedAt, followers: f.followers }]));
  const chartTitle = t('perf.followersChart', { name: channel.name, count: days });

  return (
    <div className="page">
      <p className="breadcrumbs"><Link to={`/w/${workspaceId}/channels`}>{t('nav.channels')}</Link> · <Link to={`/w/${workspaceId}/channels/${channelId}/queue`}>{t('channels.queue')}</Link></p>
      <div className="post-head">
        <NetworkBadge network={channel.network} />
        <h1>{t('perf.channelTitle', { name: channel.name })}</h1>
      </div>
      <div className="segmented perf-period" role="group" aria-label={t('perf.period')}>
        {PERIODS.map((p) => (
          <button key={p} type="button" className="segmented__item" aria-pressed={days === p} onClick={() => set({ days: String(p) })}>{t('perf.days', { count: p })}</button>
        ))}
      </div>
      <section className="card perf-card" aria-labelledby="followers-heading">
        <h2 id="followers-heading">{t('perf.followers')}</h2>
        {!m.offered.followers ? <p className="muted">{t('perf.followersNotOffered', { network })}</p>
          : readings.length === 0 ? <p className="muted">{t('perf.noFollowers')}</p>
          : <FollowerChart readings={readings} from={m.from} to={m.to} title={chartTitle} />}
      </section>
      <section aria-labelledby="posts-heading">
        <h2 id="posts-heading">{t('perf.posts')}</h2>
        {!m.offered.posts ? <p className="muted">{t('perf.postsNotOffered', { network })}</p> : null}
        {m.posts.length === 0 ? <p className="muted">{t('perf.noPosts')}</p> : (
          <>
            {m.offered.posts ? <Figures values={m.totals} label={t('perf.totals', { count: m.posts.length })} /> : null}
            {m.truncated ? <p className="note">{t('perf.truncated', { count: m.posts.length })}</p> : null}
            <PostsTable workspaceId={workspaceId} posts={m.posts} columns={METRIC_KEYS.filter((k) => m.totals[k] !== null)}
              sort={(params.get('sort') as SortKey | null) ?? 'published'} direction={params.get('dir') === 'asc' ? 'asc' : 'desc'}
              onSort={(sort, dir) => set({ sort, dir })} />
          </>
        )}
      </section>
    </div>
  );
}

function valueOf(p: ChannelPostMetrics, key: SortKey): number | null {
  if (key === 'published') return p.publishedAt ? Date.parse(p.publishedAt) : null;
  return p.metrics?.[key] ?? null;
}

/** Sorted by `key`; posts without the figure always last. */
function sortPosts(posts: ChannelPostMetrics[], key: SortKey, direction: Direction) {
  const sign = direction === 'asc' ? 1 : -1;
  return [...posts].sort((a, b) => {
    const va = valueOf(a, key);
    const vb = valueOf(b, key);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    return (va - vb) * sign;
  });
}

function PostsTable({ workspaceId, posts, columns, sort, direction, onSort }: {
  workspaceId: string; posts: ChannelPostMetrics[]; columns: MetricKey[]; sort: SortKey; direction: Direction; onSort(sort: SortKey, dir: Direction): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const published = new Intl.DateTimeFormat(fmt.locale, { dateStyle: 'medium' });
  const key: SortKey = sort === 'published' || columns.includes(sort) ? sort : 'published';
  const label = (k: SortKey) => (k === 'published' ? t('perf.published') : t(`perf.metrics.${k}`));
  const header = (k: SortKey) => {
    const active = key === k;
    const Icon = direction === 'asc' ? ArrowUp : ArrowDown;
    return (
      <th key={k} scope="col" className={k === 'published' ? undefined : 'num'} aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
        <button type="button" className="sort-button" onClick={() => onSort(k, active && direction === 'desc' ? 'asc' : 'desc')}>
          {label(k)} {active ? <Icon aria-hidden="true" size={14} /> : null}
          <span className="visually-hidden">{active ? `, ${t(direction === 'asc' ? 'perf.ascending' : 'perf.descending')}` : ''}</span>
        </button>
      </th>
    );
  };
  return (
    <div className="table-wrap perf-table-wrap">
      <table className="table perf-table">
        <caption className="visually-hidden">{t('perf.sortedBy', { column: label(key), direction: t(direction === 'asc' ? 'perf.ascending' : 'perf.descending') })}</caption>
        <thead><tr><th scope="col">{t('perf.post')}</th>{header('published')}{columns.map(header)}</tr></thead>
        <tbody>
          {sortPosts(posts, key, direction).map((p) => (
            <tr key={p.deliveryId} data-delivery-id={p.deliveryId}>
              <th scope="row" className="perf-table__post"><Link to={`/w/${workspaceId}/posts/${p.postId}`}>{p.excerpt || t('post.noText')}</Link></th>
              <td className="nowrap">{p.publishedAt ? published.format(new Date(p.publishedAt)) : ''}</td>
              {columns.map((k) => <FigureCell key={k} value={p.metrics?.[k] ?? null} why={p.metrics ? 'notOffered' : 'notMeasured'} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
