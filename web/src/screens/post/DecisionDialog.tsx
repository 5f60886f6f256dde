/** Approve (with an optional comment) or reject (with a reason) a post waiting for approval. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecide, type Decision } from '../../api/approvals';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/Toasts';

interface Props {
  workspaceId: string;
  postId: string;
  decision: Decision | null;
  onClose(): void;
}

export function DecisionDialog({ workspaceId, postId, decision, onClose }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const decide = useDecide(workspaceId);
  const [comment, setComment] = useState('');
  const reject = decision === 'rejected';
  const close = () => { setComment(''); decide.reset(); onClose(); };
  return (
    <Dialog open={decision !== null} onOpenChange={(o) => { if (!o) close(); }} title={reject ? t('approval.rejectTitle') : t('approval.approveTitle')}>
      <form className="stack" onSubmit={(e) => {
        e.preventDefault();
        if (!decision) return;
        decide.mutate({ postId, decision, comment: comment.trim() || undefined }, {
          onSuccess: () => { toast(reject ? t('approval.rejectedToast') : t('approval.approvedToast')); close(); },
        });
      }}>
        <Field label={reject ? t('approval.reason') : t('approval.commentOptional')} hint={reject ? t('approval.reasonHint') : undefined}>
          <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} required={reject} maxLength={5000} />
        </Field>
        <ErrorNote error={decide.error} />
        <div className="actions">
          <button type="button" className="button" onClick={close}>{t('common.cancel')}</button>
          <button type="submit" className={`button ${reject ? 'button--danger' : 'button--primary'}`} disabled={decide.isPending}>
            {reject ? t('approval.reject') : t('approval.approve')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
