/** The inbox's filters and search; every choice goes into the address at once. */
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Search } from 'lucide-react';
import { useChannels } from '../../api/channels';
import { useMembers } from '../../api/inbox';
import { networkLook } from '../../lib/networks';
import { FILTER_KEYS, KINDS, SENTIMENTS, SORTS, STATES, withFilter, type InboxFilters } from './inbox-filters';

const SELECTS = ['state', 'channel', 'network', 'assignee', 'sentiment', 'kind', 'sort'] as const;

export function FilterBar({ workspaceId, filters }: { workspaceId: string; filters: InboxFilters }) {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const channels = useChannels(workspaceId).data ?? [];
  const members = useMembers(workspaceId).data ?? [];
  const networks = [...new Set(channels.map((c) => c.network))];
  const [q, setQ] = useState(filters.q ?? '');
  const [tag, setTag] = useState(filters.tag ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  useEffect(() => setTag(filters.tag ?? ''), [filters.tag]);

  const set = (key: (typeof FILTER_KEYS)[number], value: string | undefined) => setSp(withFilter(sp, key, value), { replace: true });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSp(withFilter(withFilter(sp, 'q', q.trim() || undefined), 'tag', tag.trim() || undefined), { replace: true });
  };
  const any = FILTER_KEYS.some((k) => sp.get(k));
  const active = SELECTS.filter((k) => sp.get(k)).length;
  // Open from the start on wide screens, or when a filter in it is in use; folded on a phone.
  const [moreOpen, setMoreOpen] = useState(() => active > 0 || window.matchMedia('(min-width: 900px)').matches);

  const select = (key: (typeof FILTER_KEYS)[number], label: string, options: [string, string][], all: string) => (
    <label className="inbox-filter">
      <span className="inbox-filter__label">{label}</span>
      <select value={filters[key] ?? ''} onChange={(e) => set(key, e.target.value || undefined)}>
        <option value="">{all}</option>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </label>
  );

  return (
    <form className="inbox-filters" role="search" aria-label={t('inbox.filters.label')} onSubmit={submit}>
      <label className="inbox-filter inbox-filter--search">
        <span className="inbox-filter__label">{t('inbox.filters.search')}</span>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('inbox.filters.searchHint')} />
      </label>
      <label className="inbox-filter">
        <span className="inbox-filter__label">{t('inbox.filters.tag')}</span>
        <input type="text" value={tag} onChange={(e) => setTag(e.target.value)} size={10} />
      </label>
      <button type="submit" className="button button--small"><Search aria-hidden="true" size={16} /> {t('inbox.filters.apply')}</button>
      <details className="inbox-filters__more" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
        <summary>{active ? t('inbox.filters.moreActive', { count: active }) : t('inbox.filters.more')}</summary>
        <div className="inbox-filters__selects">
          {select('state', t('inbox.filters.state'), STATES.map((s) => [s, t(`inbox.state.${s}`)]), t('inbox.filters.allStates'))}
          {select('channel', t('inbox.filters.channel'), channels.map((c) => [c.id, c.name]), t('inbox.filters.allChannels'))}
          {select('network', t('inbox.filters.network'), networks.map((n) => [n, networkLook(n).name]), t('inbox.filters.allNetworks'))}
          {select('assignee', t('inbox.filters.assignee'), [['me', t('inbox.filters.me')], ['none', t('inbox.filters.nobody')], ...members.map((m): [string, string] => [m.userId, m.name])], t('inbox.filters.anyone'))}
          {select('sentiment', t('inbox.filters.sentiment'), SENTIMENTS.map((s) => [s, t(`inbox.sentiment.${s}`)]), t('inbox.filters.allSentiments'))}
          {select('kind', t('inbox.filters.kind'), KINDS.map((k) => [k, t(`inbox.kind.${k}`)]), t('inbox.filters.allKinds'))}
          {select('sort', t('inbox.filters.sort'), SORTS.filter((s) => s !== 'newest').map((s) => [s, t(`inbox.sort.${s}`)]), t('inbox.sort.newest'))}
        </div>
      </details>
      {any ? <button type="button" className="link-button" onClick={() => { const next = new URLSearchParams(sp); FILTER_KEYS.forEach((k) => next.delete(k)); setSp(next, { replace: true }); }}>{t('inbox.filters.clear')}</button> : null}
    </form>
  );
}
