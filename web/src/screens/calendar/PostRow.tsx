/** One post in a list: time, status (icon and words), networks, and its text as a link to it. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CalendarPost, Channel } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { NetworkBadge, StatusBadge } from '../../ui/badges';

export function PostRow({ post, channels, workspaceId }: { post: CalendarPost; channels: Map<string, Channel>; workspaceId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const seen = new Set<string>();
  return (
    <div className="post-row" data-post-id={post.id}>
      <span className="post-row__time">{fmt.time(post.scheduledAt)}</span>
      <StatusBadge status={post.status} />
      <span className="post-row__nets">
        {post.deliveries.map((d) => {
          const c = channels.get(d.channelId);
          if (!c || seen.has(c.id)) return null;
          seen.add(c.id);
          return <NetworkBadge key={c.id} network={c.network} size="sm" label={c.name} />;
        })}
      </span>
      <Link className="post-row__text" to={`/w/${workspaceId}/posts/${post.id}`}>{post.text || t('post.noText')}</Link>
    </div>
  );
}
