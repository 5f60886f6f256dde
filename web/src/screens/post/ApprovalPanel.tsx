/**
 * A post's approval: where it stands (N of M approvals for which version, approved, rejected, or
 * edited since it was approved), Approve and Reject for the members allowed to, and who decided
 * what and when.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check, X } from 'lucide-react';
import { canApproveRole, useApprovalPolicy, useReviews, type Decision, type Review } from '../../api/approvals';
import { useMe } from '../../api/session';
import type { PostDetail } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { ErrorNote } from '../../ui/ErrorNote';
import { DecisionDialog } from './DecisionDialog';

/** Approvals that count: distinct reviewers approving the current version. */
export function currentApprovals(reviews: Review[]): number {
  return new Set(reviews.filter((r) => r.current && r.decision === 'approved').map((r) => r.reviewerUserId ?? `link:${r.reviewerName.toLowerCase()}`)).size;
}

export function ApprovalPanel({ workspaceId, post }: { workspaceId: string; post: PostDetail }) {
  const { t } = useTranslation();
  const reviews = useReviews(workspaceId, post.id);
  const policy = useApprovalPolicy(workspaceId);
  const me = useMe();
  const [decision, setDecision] = useState<Decision | null>(null);
  const list = reviews.data ?? [];
  if (post.approvalStatus === 'not_required' && list.length === 0) return null;

  const role = me.data?.workspaces.find((w) => w.id === workspaceId)?.role;
  const userId = me.data?.user.id;
  const pending = post.approvalStatus === 'pending';
  const needed = policy.data?.approvals.approvers ?? 1;
  const approvedBefore = list.some((r) => !r.current && r.decision === 'approved');
  const reviewedNow = list.some((r) => r.current && r.reviewerUserId === userId);
  const why = !canApproveRole(role) ? t('approval.cannotRole', { role: role ? t(`roles.${role}`) : '' })
    : post.createdBy === userId ? t('approval.cannotOwn')
      : reviewedNow ? t('approval.alreadyReviewed') : null;

  return (
    <section className={`card approval approval--${post.approvalStatus}`} aria-labelledby="approval-heading" data-approval={post.approvalStatus}>
      <h2 id="approval-heading">{t('approval.heading')}</h2>
      <p className="approval__state" role="status">
        <strong>
          {pending ? t('approval.pending', { n: currentApprovals(list), needed })
            : post.approvalStatus === 'approved' ? t('approval.approved')
              : post.approvalStatus === 'rejected' ? t('approval.rejected') : null}
        </strong>{' '}
        <span className="muted">({t('approval.revision', { revision: post.revision })})</span>
      </p>
      {pending && approvedBefore ? <p className="note note--warning">{t('approval.reapprove')}</p> : null}
      {pending ? (
        why ? <p className="muted">{why}</p> : (
          <div className="actions actions--start" role="group" aria-label={t('approval.heading')}>
            <button type="button" className="button button--primary" onClick={() => setDecision('approved')}><Check aria-hidden="true" size={16} /> {t('approval.approve')}</button>
            <button type="button" className="button button--danger" onClick={() => setDecision('rejected')}><X aria-hidden="true" size={16} /> {t('approval.reject')}</button>
          </div>
        )
      ) : null}
      <ErrorNote error={reviews.error} />
      <h3>{t('approval.history')}</h3>
      {list.length === 0 ? <p className="muted">{t('approval.noHistory')}</p> : <ReviewHistory reviews={list} />}
      <DecisionDialog workspaceId={workspaceId} postId={post.id} decision={decision} onClose={() => setDecision(null)} />
    </section>
  );
}

function ReviewHistory({ reviews }: { reviews: Review[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <ol className="review-history" aria-label={t('approval.history')}>
      {[...reviews].reverse().map((r) => (
        <li key={r.id} className={`review-history__item review-history__item--${r.decision}`} data-decision={r.decision}>
          <p>
            {r.decision === 'approved' ? <Check aria-hidden="true" size={14} /> : <X aria-hidden="true" size={14} />}{' '}
            <strong>{t('approval.entry', { name: r.reviewerName, decision: t(`approval.decision.${r.decision}`) })}</strong>
            {r.via === 'review_link' ? <span className="tag">{t('approval.viaLink')}</span> : null}
            {!r.current ? <span className="tag">{t('approval.earlier')}</span> : null}
            {' · '}<time dateTime={r.createdAt} className="muted">{fmt.dateTime(r.createdAt)}</time>
            {' · '}<span className="muted">{t('approval.revision', { revision: r.revision })}</span>
          </p>
          {r.comment ? <blockquote className="review-history__comment">{r.comment}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}
