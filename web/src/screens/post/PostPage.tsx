/**
 * One post: its content, its status, and every delivery with its state, attempts, the network's
 * error and a link to the published post; retry, resolve, reschedule, cancel, edit or delete.
 * Updates live as the worker publishes. Its approval (decisions and history) and internal comments
 * sit below the content; a published post's performance (figures per channel, "Measure now") too.
 */
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { mediaUrl, useCancelPost, useDeletePost, usePost, useReschedule } from '../../api/posts';
import { useWorkspaceId } from '../../app/workspace';
import { usePollWhileOffline } from '../../app/live';
import { useFormat } from '../../i18n/format';
import { isReschedulable } from '../../lib/status';
import { StatusBadge } from '../../ui/badges';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { useToast } from '../../ui/Toasts';
import { canApproveRole } from '../../api/approvals';
import { useMe } from '../../api/session';
import { ApprovalPanel } from './ApprovalPanel';
import { CommentsThread } from './CommentsThread';
import { DeliveryCard } from './DeliveryCard';
import { PerformancePanel } from './PerformancePanel';
import { RescheduleDialog } from './RescheduleDialog';

const WAITING = new Set(['scheduled', 'queued', 'publishing']);

export default function PostPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const workspaceId = useWorkspaceId();
  const postId = useParams().postId!;
  const navigate = useNavigate();
  const toast = useToast();
  const [waiting, setWaiting] = useState(false);
  const post = usePost(workspaceId, postId, usePollWhileOffline(waiting));
  const dueSoon = post.data?.deliveries.some((d) => WAITING.has(d.state) && d.dueAt && Date.parse(d.dueAt) < Date.now() + 60_000) ?? false;
  useEffect(() => setWaiting(dueSoon), [dueSoon]);
  const cancel = useCancelPost(workspaceId);
  const remove = useDeletePost(workspaceId);
  const reschedule = useReschedule(workspaceId);
  const [dialog, setDialog] = useState<'reschedule' | 'cancel' | 'delete' | null>(null);
  const role = useMe().data?.workspaces.find((w) => w.id === workspaceId)?.role;
  const close = (o: boolean) => { if (!o) setDialog(null); };

  if (post.isPending) return <div className="page"><Loading /></div>;
  if (post.error) return <div className="page"><ErrorNote error={post.error} /></div>;
  const p = post.data;
  const canChange = isReschedulable(p.status);
  // A post waiting for approval can still be edited (the edit asks for approval again); only publishers publish.
  const canEdit = canChange || p.status === 'awaiting_approval';
  const canPublish = canApproveRole(role);
  const neverOut = p.deliveries.every((d) => !['publishing', 'published', 'needs_attention'].includes(d.state));
  const canCancel = p.deliveries.some((d) => ['draft', 'scheduled', 'queued', 'failed', 'needs_attention'].includes(d.state));
  return (
    <div className="page">
      <p className="breadcrumbs"><Link to={`/w/${workspaceId}/calendar`}>{t('nav.calendar')}</Link></p>
      <div className="post-head">
        <h1>{t('post.title')}</h1>
        <StatusBadge status={p.status} />
      </div>
      <p className="muted">{p.scheduledAt ? t('post.scheduledFor', { time: fmt.dateTime(p.scheduledAt) }) : t('post.unscheduled')}</p>
      <div className="actions actions--start" role="group" aria-label={t('post.actions')}>
        {canEdit && role !== 'viewer' ? <Link className="button" to={`/w/${workspaceId}/compose/${p.id}`}>{t('post.edit')}</Link> : null}
        {canChange ? <button type="button" className="button" onClick={() => setDialog('reschedule')}>{t('post.reschedule')}</button> : null}
        {canChange && canPublish && p.approvalStatus !== 'pending' ? (
          <button type="button" className="button button--primary" disabled={reschedule.isPending}
            onClick={() => reschedule.mutate({ id: p.id, schedule: { mode: 'now' } }, { onSuccess: () => toast(t('post.publishingNow')) })}>{t('post.publishNow')}</button>
        ) : null}
        {canCancel ? <button type="button" className="button" onClick={() => setDialog('cancel')}>{t('post.cancel')}</button> : null}
        {neverOut ? <button type="button" className="button button--quiet" onClick={() => setDialog('delete')}>{t('post.delete')}</button> : null}
      </div>
      <ErrorNote error={cancel.error ?? remove.error ?? reschedule.error} />
      <section className="card post-content" aria-labelledby="content-heading">
        <h2 id="content-heading">{t('post.content')}</h2>
        <p className="post-content__text">{p.content.text || <span className="muted">{t('post.noText')}</span>}</p>
        {p.content.media.length > 0 ? (
          <ul className="thumbs thumbs--small" role="list">
            {p.content.media.map((m) => <li key={m.mediaId} className="thumb"><img src={mediaUrl(workspaceId, m.mediaId)} alt={m.alt ?? ''} /></li>)}
          </ul>
        ) : null}
        {p.content.link ? <p>{t('post.link')}: <a href={p.content.link} rel="noreferrer noopener" target="_blank">{p.content.link}</a></p> : null}
        {p.content.followups.length > 0 ? (
          <ol className="thread">{p.content.followups.map((f, i) => <li key={i}>{f.text}</li>)}</ol>
        ) : null}
      </section>
      {p.deliveries.some((d) => d.state === 'published') ? <PerformancePanel workspaceId={workspaceId} postId={p.id} canMeasure={Boolean(role) && role !== 'viewer'} /> : null}
      <ApprovalPanel workspaceId={workspaceId} post={p} />
      <section aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">{t('post.deliveries', { count: p.deliveries.length })}</h2>
        {p.deliveries.length === 0 ? <p className="muted">{t('post.noDeliveries')}</p> : null}
        <ul className="cards" role="list">
          {p.deliveries.map((d) => <li key={d.id}><DeliveryCard delivery={d} /></li>)}
        </ul>
      </section>
      <CommentsThread workspaceId={workspaceId} postId={p.id} />
      {dialog === 'reschedule' ? <RescheduleDialog post={p} open onOpenChange={close} /> : null}
      <ConfirmDialog open={dialog === 'cancel'} onOpenChange={close} title={t('post.cancelTitle')} body={t('post.cancelBody')} confirmLabel={t('post.cancel')} danger busy={cancel.isPending}
        onConfirm={() => cancel.mutate(p.id, { onSuccess: () => { setDialog(null); toast(t('post.cancelled')); } })} />
      <ConfirmDialog open={dialog === 'delete'} onOpenChange={close} title={t('post.deleteTitle')} body={t('post.deleteBody')} confirmLabel={t('post.delete')} danger busy={remove.isPending}
        onConfirm={() => remove.mutate(p.id, { onSuccess: () => { toast(t('post.deleted')); navigate(`/w/${workspaceId}/calendar`); } })} />
    </div>
  );
}
