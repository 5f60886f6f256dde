/**
 * One post on a client review page: its previews per network (each with its thread, images and
 * playable videos), decisions, comments, and the reviewer's actions.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check, X } from 'lucide-react';
import { isNetworkSlug } from '../../../../src/core/networks';
import { useClientComment, useClientDecision, type ClientReviewPost, type Decision } from '../../api/approvals';
import { useFormat } from '../../i18n/format';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/Toasts';
import { NetworkPreview } from '../composer/Preview';

interface Props {
  token: string;
  post: ClientReviewPost;
  /** The reviewer's name (empty until given). */
  name: string;
  askName(): void;
}

export function ClientPost({ token, post, name, askName }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const toast = useToast();
  const decide = useClientDecision(token);
  const comment = useClientComment(token);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const [needName, setNeedName] = useState(false);
  const headingId = `post-${post.id}`;
  const pending = post.approvalStatus === 'pending';

  const withName = (act: () => void) => {
    if (!name) { setNeedName(true); askName(); return; }
    setNeedName(false);
    act();
  };
  const send = (decision: Decision, why?: string) => withName(() => decide.mutate({ postId: post.id, name, decision, comment: why || undefined }, {
    onSuccess: () => { setRejecting(false); setReason(''); toast(decision === 'approved' ? t('clientReview.approvedToast') : t('clientReview.rejectedToast')); },
  }));

  return (
    <article className="card client-post" aria-labelledby={headingId} data-post-id={post.id} data-approval={post.approvalStatus}>
      <header className="client-post__head">
        <h2 id={headingId}>{t('clientReview.post', { time: fmt.dateTime(post.scheduledAt) })}</h2>
        <span className={`tag client-post__state client-post__state--${post.approvalStatus}`}>{t(`clientReview.state.${post.approvalStatus}`)}</span>
      </header>
      <div className="client-post__previews">
        {post.targets.length === 0 ? <p className="muted">{t('clientReview.noPreview')}</p> : null}
        {post.targets.map((target, i) => (isNetworkSlug(target.network) ? (
          <NetworkPreview key={i} network={target.network} name={target.channel} handle={target.handle ?? ''} text={target.text}
            media={target.media} followups={target.followups} link={post.link} />
        ) : null))}
      </div>
      {post.reviews.length > 0 ? (
        <>
          <h3>{t('clientReview.decisions')}</h3>
          <ul className="review-history" role="list">
            {post.reviews.map((r, i) => (
              <li key={i} className="review-history__item" data-decision={r.decision}>
                <p><strong>{t('approval.entry', { name: r.name, decision: t(`approval.decision.${r.decision}`, { defaultValue: r.decision }) })}</strong> · <span className="muted">{fmt.dateTime(r.at)}</span></p>
                {r.comment ? <blockquote className="review-history__comment">{r.comment}</blockquote> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {needName && !name ? <p className="note note--error" role="alert">{t('clientReview.nameFirst')}</p> : null}
      {pending && !rejecting ? (
        <div className="actions actions--start">
          <button type="button" className="button button--primary" disabled={decide.isPending} onClick={() => send('approved')}><Check aria-hidden="true" size={16} /> {t('clientReview.approve')}</button>
          <button type="button" className="button button--danger" onClick={() => setRejecting(true)}><X aria-hidden="true" size={16} /> {t('clientReview.reject')}</button>
        </div>
      ) : null}
      {pending && rejecting ? (
        <form className="stack" onSubmit={(e) => { e.preventDefault(); send('rejected', reason.trim()); }}>
          <Field label={t('clientReview.rejectReason')}>
            <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={5000} autoFocus />
          </Field>
          <div className="actions actions--start">
            <button type="button" className="button" onClick={() => setRejecting(false)}>{t('common.cancel')}</button>
            <button type="submit" className="button button--danger" disabled={decide.isPending}>{t('clientReview.confirmReject')}</button>
          </div>
        </form>
      ) : null}
      <ErrorNote error={decide.error} />
      <h3>{t('clientReview.comments')}</h3>
      {post.comments.length === 0 ? <p className="muted">{t('clientReview.noComments')}</p> : (
        <ol className="comments__list" role="list">
          {post.comments.map((c, i) => (
            <li key={i} className="comment">
              <p className="comment__meta"><strong>{c.name}</strong> · <span className="muted">{fmt.dateTime(c.at)}</span></p>
              <p className="comment__body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="stack" onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        withName(() => comment.mutate({ postId: post.id, name, body: text.trim() }, { onSuccess: () => { setText(''); toast(t('clientReview.commentSent')); } }));
      }}>
        <Field label={t('clientReview.comment')}>
          <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={5000} />
        </Field>
        <ErrorNote error={comment.error} />
        <div className="actions actions--start">
          <button type="submit" className="button" disabled={comment.isPending || !text.trim()}>{t('clientReview.sendComment')}</button>
        </div>
      </form>
    </article>
  );
}
