/**
 * Answer the open item: write (Ctrl+Enter sends), or insert a saved reply with its variables
 * filled in for this author; the reply then shows its delivery state as the worker sends it.
 * Each reply being written has its own idempotency key, so a double send makes one reply.
 */
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Send } from 'lucide-react';
import { renderSavedReply, useSavedReplies, useSendReply, type InboxItem, type InboxReply } from '../../api/inbox';
import { StatusBadge } from '../../ui/badges';
import { ErrorNote } from '../../ui/ErrorNote';
import { authorName } from './ItemBadges';

const newKey = () => `web-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

export function ReplyBox({ workspaceId, item, replies }: { workspaceId: string; item: InboxItem; replies: InboxReply[] }) {
  const { t } = useTranslation();
  const send = useSendReply(workspaceId);
  const saved = useSavedReplies(workspaceId).data ?? [];
  const [text, setText] = useState('');
  const [savedId, setSavedId] = useState('');
  const [inserting, setInserting] = useState<unknown>(null);
  const [sentId, setSentId] = useState<string | null>(null);
  const key = useRef(newKey());
  const box = useRef<HTMLTextAreaElement>(null);
  const sent = sentId ? replies.find((r) => r.id === sentId) : undefined;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim() || send.isPending) return;
    send.mutate({ id: item.id, text: text.trim(), key: key.current }, {
      onSuccess: (reply) => { setSentId(reply.id); setText(''); key.current = newKey(); },
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
    // Escape leaves the box, so the inbox's single-key shortcuts work again.
    if (e.key === 'Escape') e.currentTarget.blur();
  };
  const insert = async () => {
    if (!savedId) return;
    setInserting(null);
    try {
      const { text: rendered } = await renderSavedReply(workspaceId, savedId, item.id);
      const el = box.current;
      const at = el ? el.selectionStart : text.length;
      const end = el ? el.selectionEnd : text.length;
      setText(text.slice(0, at) + rendered + text.slice(end));
      el?.focus();
    } catch (err) {
      setInserting(err);
    }
  };

  return (
    <form className="inbox-reply" onSubmit={submit} aria-label={t('inbox.reply.label')}>
      <label className="field">
        <span className="field__label">{t('inbox.reply.to', { name: authorName(item.author) })}</span>
        <textarea id="inbox-reply" ref={box} rows={4} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown}
          maxLength={10_000} aria-keyshortcuts="r" aria-describedby="inbox-reply-hint" />
      </label>
      <p id="inbox-reply-hint" className="field__hint">{t('inbox.reply.hint')}</p>
      <div className="actions actions--start">
        {saved.length ? (
          <span className="inbox-bulk__field">
            <select aria-label={t('inbox.reply.saved')} value={savedId} onChange={(e) => setSavedId(e.target.value)}>
              <option value="">{t('inbox.reply.chooseSaved')}</option>
              {saved.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
            <button type="button" className="button button--small" disabled={!savedId} onClick={() => void insert()}>{t('inbox.reply.insert')}</button>
          </span>
        ) : (
          <Link to={`/w/${workspaceId}/inbox/settings`} className="muted">{t('inbox.reply.noSaved')}</Link>
        )}
        <button type="submit" className="button button--primary" disabled={!text.trim() || send.isPending}><Send aria-hidden="true" size={16} /> {t('inbox.reply.send')}</button>
      </div>
      {sent ? <p className="inbox-reply__state" role="status">{t('inbox.reply.yours')} <StatusBadge status={sent.state} /></p> : null}
      <ErrorNote error={send.error ?? inserting} />
    </form>
  );
}
