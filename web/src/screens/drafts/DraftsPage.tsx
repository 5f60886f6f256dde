/** Drafts: posts saved without a time, to finish in the composer. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useChannels } from '../../api/channels';
import { useDrafts } from '../../api/posts';
import { useWorkspaceId } from '../../app/workspace';
import { useFormat } from '../../i18n/format';
import { NetworkBadge } from '../../ui/badges';
import { ErrorNote, Loading } from '../../ui/ErrorNote';

export default function DraftsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const workspaceId = useWorkspaceId();
  const drafts = useDrafts(workspaceId);
  const channels = useChannels(workspaceId);
  const byId = new Map((channels.data ?? []).map((c) => [c.id, c]));
  return (
    <div className="page">
      <h1>{t('drafts.title')}</h1>
      {drafts.isPending ? <Loading /> : null}
      <ErrorNote error={drafts.error} />
      {drafts.data?.length === 0 ? <p className="muted">{t('drafts.none')} <Link to={`/w/${workspaceId}/compose`}>{t('nav.compose')}</Link></p> : null}
      <ul className="list" role="list">
        {drafts.data?.map((p) => (
          <li key={p.id} className="list__row">
            <Link to={`/w/${workspaceId}/compose/${p.id}`} className="list__main">{p.content.text.slice(0, 140) || t('post.noText')}</Link>
            <span className="list__meta">
              {p.deliveries.map((d) => { const c = byId.get(d.channelId); return c ? <NetworkBadge key={d.id} network={c.network} size="sm" label={c.name} /> : null; })}
              <span className="muted">{t('drafts.updated', { time: fmt.relative(p.updatedAt) })}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
