/**
 * Approvals: every post waiting for approval, previewed per network, with Approve and Reject
 * inline for the members allowed to; and, for admins, the client review links.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Check, X } from 'lucide-react';
import { isNetworkSlug } from '../../../../src/core/networks';
import { canApproveRole, isAdminRole, useAwaitingApproval, useMembers, type Decision, type Member } from '../../api/approvals';
import { useChannels } from '../../api/channels';
import { mediaUrl } from '../../api/posts';
import { useMe } from '../../api/session';
import type { Channel, PostSummary } from '../../api/types';
import { useWorkspaceId } from '../../app/workspace';
import { useFormat } from '../../i18n/format';
import { StatusBadge } from '../../ui/badges';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { NetworkPreview } from '../composer/Preview';
import { DecisionDialog } from '../post/DecisionDialog';
import { ReviewLinksSection } from './ReviewLinksSection';

export default function ApprovalsPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const me = useMe();
  const role = me.data?.workspaces.find((w) => w.id === workspaceId)?.role;
  const posts = useAwaitingApproval(workspaceId);
  const channels = useChannels(workspaceId);
  const members = useMembers(workspaceId);
  const [deciding, setDeciding] = useState<{ postId: string; decision: Decision } | null>(null);
  const byId = new Map((channels.data ?? []).map((c) => [c.id, c]));
  const names = new Map((members.data ?? []).map((m) => [m.userId, m]));
  return (
    <div className="page approvals-page">
      <h1>{t('approvalsScreen.title')}</h1>
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t('approvalsScreen.waiting')}</h2>
        {posts.isPending ? <Loading /> : null}
        <ErrorNote error={posts.error} />
        {posts.data?.length === 0 ? <p className="muted">{t('approvalsScreen.none')}</p> : null}
        <ul className="cards" role="list">
          {(posts.data ?? []).map((p) => (
            <li key={p.id}>
              <PendingPost workspaceId={workspaceId} post={p} channels={byId} author={p.createdBy ? names.get(p.createdBy) : undefined}
                mayDecide={canApproveRole(role) && p.createdBy !== me.data?.user.id} own={p.createdBy === me.data?.user.id}
                onDecide={(decision) => setDeciding({ postId: p.id, decision })} />
            </li>
          ))}
        </ul>
      </section>
      {isAdminRole(role) ? <ReviewLinksSection workspaceId={workspaceId} /> : <p className="muted">{t('reviewLinks.adminOnly')}</p>}
      <DecisionDialog workspaceId={workspaceId} postId={deciding?.postId ?? ''} decision={deciding?.decision ?? null} onClose={() => setDeciding(null)} />
    </div>
  );
}

interface PendingProps {
  workspaceId: string;
  post: PostSummary;
  channels: Map<string, Channel>;
  author: Member | undefined;
  mayDecide: boolean;
  own: boolean;
  onDecide(decision: Decision): void;
}

function PendingPost({ workspaceId, post, channels, author, mayDecide, own, onDecide }: PendingProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const headingId = `pending-${post.id}`;
  const toPreview = (m: { mediaId: string; alt?: string | null }) => ({ url: mediaUrl(workspaceId, m.mediaId), alt: m.alt ?? null });
  const media = post.content.media.map(toPreview);
  return (
    <article className="card pending-post" aria-labelledby={headingId} data-post-id={post.id}>
      <header className="pending-post__head">
        <h3 id={headingId}>{post.scheduledAt ? t('approvalsScreen.scheduledFor', { time: fmt.dateTime(post.scheduledAt) }) : t('post.unscheduled')}</h3>
        <StatusBadge status={post.status} />
        {author ? <span className="muted">{t('approvalsScreen.by', { name: author.name })}</span> : null}
      </header>
      <div className="pending-post__previews" aria-label={t('approvalsScreen.previews')} role="group">
        {post.deliveries.map((d) => {
          const c = channels.get(d.channelId);
          if (!c || !isNetworkSlug(c.network)) return null;
          return (
            <NetworkPreview key={d.id} network={c.network} name={c.name} handle={c.handle ?? null} text={d.override.text ?? post.content.text}
              media={media} followups={(d.override.followups ?? post.content.followups).map((f) => ({ text: f.text, media: (f.media ?? []).map(toPreview) }))} link={post.content.link} />
          );
        })}
      </div>
      <div className="actions actions--start">
        <Link className="button" to={`/w/${workspaceId}/posts/${post.id}`}>{t('approvalsScreen.open')}</Link>
        {mayDecide ? (
          <>
            <button type="button" className="button button--primary" onClick={() => onDecide('approved')}><Check aria-hidden="true" size={16} /> {t('approval.approve')}</button>
            <button type="button" className="button button--danger" onClick={() => onDecide('rejected')}><X aria-hidden="true" size={16} /> {t('approval.reject')}</button>
          </>
        ) : null}
        {own ? <span className="muted">{t('approvalsScreen.own')}</span> : null}
      </div>
    </article>
  );
}
