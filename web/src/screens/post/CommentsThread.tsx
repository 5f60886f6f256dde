/** Internal comments on a post, oldest first, mentions highlighted; a box to add one with @mentions. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddComment, useComments, useMembers, type PostComment } from '../../api/approvals';
import { useMe } from '../../api/session';
import { useFormat } from '../../i18n/format';
import { ErrorNote } from '../../ui/ErrorNote';
import { useToast } from '../../ui/Toasts';
import { MentionInput } from './MentionInput';
import { mentionSegments, type Mentionable } from './mentions';

export function CommentsThread({ workspaceId, postId }: { workspaceId: string; postId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const me = useMe();
  const comments = useComments(workspaceId, postId);
  const members = useMembers(workspaceId);
  const add = useAddComment(workspaceId, postId);
  const [body, setBody] = useState('');
  const all: Mentionable[] = (members.data ?? []).map((m) => ({ userId: m.userId, name: m.name, email: m.email }));
  const others = all.filter((m) => m.userId !== me.data?.user.id);
  const list = comments.data ?? [];
  return (
    <section className="card comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('postComments.heading')}</h2>
      {list.length === 0 && !comments.isPending ? <p className="muted">{t('postComments.none')}</p> : null}
      <ol className="comments__list" aria-label={t('postComments.heading')}>
        {list.map((c) => <CommentItem key={c.id} comment={c} members={all} />)}
      </ol>
      <ErrorNote error={comments.error} />
      <form className="stack" onSubmit={(e) => {
        e.preventDefault();
        if (!body.trim()) return;
        add.mutate(body.trim(), { onSuccess: () => { setBody(''); toast(t('postComments.sent')); } });
      }}>
        <MentionInput label={t('postComments.add')} hint={t('postComments.hint')} value={body} onChange={setBody} members={others} />
        <ErrorNote error={add.error} />
        <div className="actions actions--start">
          <button type="submit" className="button button--primary" disabled={add.isPending || !body.trim()}>{t('postComments.send')}</button>
        </div>
      </form>
    </section>
  );
}

function CommentItem({ comment, members }: { comment: PostComment; members: Mentionable[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mentioned = members.filter((m) => comment.mentions.includes(m.userId));
  return (
    <li className="comment" data-comment-id={comment.id}>
      <p className="comment__meta">
        <strong>{comment.authorName}</strong>
        {comment.via === 'review_link' ? <span className="tag">{t('postComments.viaLink')}</span> : null}
        {' · '}<time dateTime={comment.createdAt} className="muted">{fmt.dateTime(comment.createdAt)}</time>
      </p>
      <p className="comment__body">
        {mentionSegments(comment.body, mentioned).map((s, i) => (s.member
          ? <mark key={i} className="mention-tag" title={t('postComments.mention', { name: s.member.name })}>{s.text}</mark>
          : <span key={i}>{s.text}</span>))}
      </p>
    </li>
  );
}
