/**
 * One conversation: the Varde post it answers (linked to the post screen), its items in order,
 * each with a link to it on the network, the replies sent from Varde under the item they answer
 * with their delivery state (live), the work on the open item, internal notes and the reply box.
 */
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExternalLink, Bot } from 'lucide-react';
import { useConversation, useDeleteReply, useUpdateItem, type Conversation, type InboxItem, type InboxReply } from '../../api/inbox';
import { useFormat } from '../../i18n/format';
import { NetworkBadge, StatusBadge } from '../../ui/badges';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { authorHandle, authorName, Avatar, PriorityBadge, SentimentBadge, StateBadge } from './ItemBadges';
import { ItemActions } from './ItemActions';
import { Notes } from './Notes';
import { ReplyBox } from './ReplyBox';
import type { InboxPermissions } from './permissions';

interface Props {
  workspaceId: string;
  itemId: string;
  can: InboxPermissions;
  onDone(id: string, done: boolean): void;
  onAssign(): void;
}

export function ConversationPane({ workspaceId, itemId, can, onDone, onAssign }: Props) {
  const { t } = useTranslation();
  const conversation = useConversation(workspaceId, itemId);
  const update = useUpdateItem(workspaceId);
  const item = conversation.data?.items.find((i) => i.id === itemId);
  const unread = item ? !item.read : false;
  // Opening an item reads it (for everyone who may change items).
  useEffect(() => {
    if (unread && can.write) update.mutate({ id: itemId, patch: { read: true } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unread, itemId, can.write]);

  if (conversation.isPending) return <Loading />;
  if (conversation.error) return <ErrorNote error={conversation.error} />;
  const c = conversation.data;
  if (!item) return <p className="muted">{t('inbox.conversation.gone')}</p>;
  return (
    <article className="inbox-conv" aria-labelledby="inbox-conv-title">
      <header className="inbox-conv__head">
        <h2 id="inbox-conv-title">
          <NetworkBadge network={item.network} size="sm" decorative /> {t('inbox.conversation.title', { name: authorName(item.author), channel: c.channel?.name ?? '' })}
        </h2>
        <p className="inbox-conv__badges">
          <StateBadge item={item} />
          <PriorityBadge level={item.priorityLevel} />
          <SentimentBadge sentiment={item.sentiment} />
        </p>
      </header>
      {c.post ? <AnsweredPost workspaceId={workspaceId} post={c.post} /> : null}
      {can.write ? <ItemActions workspaceId={workspaceId} item={item} actions={c.actions} can={can} onDone={onDone} onAssign={onAssign} /> : null}
      <Thread workspaceId={workspaceId} conversation={c} selectedId={itemId} canDelete={can.publish && c.actions.delete} />
      {can.publish && c.actions.reply ? <ReplyBox workspaceId={workspaceId} item={item} replies={c.replies} /> : null}
      {can.publish && !c.actions.reply ? <p className="muted">{t('inbox.reply.notOffered', { network: c.channel?.network ?? item.network })}</p> : null}
      <Notes workspaceId={workspaceId} itemId={itemId} notes={c.notes} canWrite={can.write} />
    </article>
  );
}

function AnsweredPost({ workspaceId, post }: { workspaceId: string; post: NonNullable<Conversation['post']> }) {
  const { t } = useTranslation();
  return (
    <section className="card inbox-post" aria-label={t('inbox.conversation.post')}>
      <p className="muted">{t('inbox.conversation.post')}</p>
      <p className="inbox-post__text">{post.text}</p>
      <p className="actions actions--start">
        <Link to={`/w/${workspaceId}/posts/${post.id}`}>{t('inbox.conversation.openPost')}</Link>
        {post.url ? <a href={post.url} target="_blank" rel="noreferrer noopener">{t('inbox.conversation.postOnNetwork')} <ExternalLink aria-hidden="true" size={14} /></a> : null}
      </p>
    </section>
  );
}

function Thread({ workspaceId, conversation, selectedId, canDelete }: { workspaceId: string; conversation: Conversation; selectedId: string; canDelete: boolean }) {
  const { t } = useTranslation();
  const byItem = new Map<string, InboxReply[]>();
  for (const r of conversation.replies) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  return (
    <ol className="inbox-thread" aria-label={t('inbox.conversation.thread', { count: conversation.items.length })}>
      {conversation.items.map((i) => (
        <li key={i.id}>
          <ThreadItem item={i} current={i.id === selectedId} />
          {byItem.get(i.id)?.length ? (
            <ol className="inbox-thread__replies">
              {byItem.get(i.id)!.map((r) => <li key={r.id}><SentReply workspaceId={workspaceId} reply={r} canDelete={canDelete} /></li>)}
            </ol>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function ThreadItem({ item, current }: { item: InboxItem; current: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const handle = authorHandle(item.author);
  return (
    <div className={`inbox-msg${current ? ' inbox-msg--current' : ''}`} aria-current={current ? 'true' : undefined} data-id={item.id}>
      <Avatar author={item.author} size={32} />
      <div className="inbox-msg__body">
        <p className="inbox-msg__who">
          {item.author.url ? <a href={item.author.url} target="_blank" rel="noreferrer noopener"><strong>{authorName(item.author)}</strong></a> : <strong>{authorName(item.author)}</strong>}
          {handle ? <span className="muted"> {handle}</span> : null}
          <span className="muted"> · {t(`inbox.kind.${item.kind}`, { defaultValue: item.kind })} · <time dateTime={item.createdAt}>{fmt.dateTime(item.createdAt)}</time></span>
        </p>
        <p className="inbox-msg__text">{item.text}</p>
        <p className="inbox-msg__foot muted">
          {item.url ? <a href={item.url} target="_blank" rel="noreferrer noopener">{t('inbox.conversation.onNetwork')} <ExternalLink aria-hidden="true" size={14} /></a> : null}
          {item.hidden ? <span> · {t('inbox.conversation.hidden')}</span> : null}
          {item.liked ? <span> · {t('inbox.conversation.liked')}</span> : null}
          {item.deletedOnNetwork ? <span> · {t('inbox.conversation.deleted')}</span> : null}
        </p>
      </div>
    </div>
  );
}

function SentReply({ workspaceId, reply, canDelete }: { workspaceId: string; reply: InboxReply; canDelete: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const remove = useDeleteReply(workspaceId);
  return (
    <div className="inbox-msg inbox-msg--ours" data-reply={reply.id} data-state={reply.state}>
      <div className="inbox-msg__body">
        <p className="inbox-msg__who">
          <strong>{t('inbox.reply.fromVarde')}</strong>
          {reply.auto ? <span className="tag"><Bot aria-hidden="true" size={12} /> {t('inbox.reply.auto')}</span> : null}
          <span className="muted"> · <time dateTime={reply.createdAt}>{fmt.dateTime(reply.createdAt)}</time></span>
        </p>
        <p className="inbox-msg__text">{reply.text}</p>
        <p className="inbox-msg__foot">
          <span role="status"><StatusBadge status={reply.state} /></span>
          {reply.attempts > 1 ? <span className="muted"> {t('inbox.reply.attempts', { count: reply.attempts })}</span> : null}
          {reply.url ? <a href={reply.url} target="_blank" rel="noreferrer noopener"> {t('inbox.reply.view')} <ExternalLink aria-hidden="true" size={14} /></a> : null}
          {canDelete && reply.state === 'published' ? (
            <button type="button" className="link-button" disabled={remove.isPending} onClick={() => remove.mutate(reply.id)}>{t('inbox.reply.delete')}</button>
          ) : null}
        </p>
        {reply.error ? <p className="note note--error">{reply.error.networkMessage ?? reply.error.message}</p> : null}
        <ErrorNote error={remove.error} />
      </div>
    </div>
  );
}
