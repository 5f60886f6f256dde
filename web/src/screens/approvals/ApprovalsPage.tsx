/**
 * Approvals: every post waiting for approval, previewed per channel as the server sends it (each
 * channel's own text, files and thread; videos playable), with Approve and Reject inline for the
 * members allowed to; and, for admins, the client review links.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Check, X } from 'lucide-react';
import { isNetworkSlug } from '../../../../src/core/networks';
import { canApproveRole, isAdminRole, useAwaitingApproval, useMembers, type AwaitingPost, type Decision, type Member } from '../../api/approvals';
import { useMe } from '../../api/session';
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
  const members = useMembers(workspaceId);
  const [deciding, setDeciding] = useState<{ postId: string; decision: Decision } | null>(null);
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
              <PendingPost workspaceId={workspaceId} post={p} author={p.createdBy ? names.get(p.createdBy) : undefined}
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
  post: AwaitingPost;
  author: Member | undefined;
  mayDecide: boolean;
  own: boolean;
  onDecide(decision: Decision): void;
}

function PendingPost({ workspaceId, post, author, mayDecide, own, onDecide }: PendingProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const headingId = `pending-${post.id}`;
  return (
    <article className="card pending-post" aria-labelledby={headingId} data-post-id={post.id}>
      <header className="pending-post__head">
        <h3 id={headingId}>{post.scheduledAt ? t('approvalsScreen.scheduledFor', { time: fmt.dateTime(post.scheduledAt) }) : t('post.unscheduled')}</h3>
        <StatusBadge status={post.status} />
        {author ? <span className="muted">{t('approvalsScreen.by', { name: author.name })}</span> : null}
      </header>
      <div className="pending-post__previews" aria-label={t('approvalsScreen.previews')} role="group">
        {post.targets.map((target, i) => (isNetworkSlug(target.network) ? (
          <NetworkPreview key={i} network={target.network} name={target.channel} handle={target.handle} text={target.text}
            media={target.media} followups={target.followups} link={post.link} />
        ) : null))}
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
