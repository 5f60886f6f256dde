/** Internal notes on an item: seen by the team, never sent to the network. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddNote, type Conversation } from '../../api/inbox';
import { useFormat } from '../../i18n/format';
import { ErrorNote } from '../../ui/ErrorNote';

export function Notes({ workspaceId, itemId, notes, canWrite }: { workspaceId: string; itemId: string; notes: Conversation['notes']; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const add = useAddNote(workspaceId);
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    add.mutate({ id: itemId, body: body.trim() }, { onSuccess: () => setBody('') });
  };
  return (
    <section className="inbox-notes" aria-labelledby="inbox-notes-heading">
      <h3 id="inbox-notes-heading">{t('inbox.notes.title')}</h3>
      {notes.length === 0 ? <p className="muted">{t('inbox.notes.none')}</p> : (
        <ul className="inbox-notes__list">
          {notes.map((n) => (
            <li key={n.id} className="inbox-note">
              <p className="muted">{n.author?.name ?? t('inbox.someone')} · <time dateTime={n.createdAt}>{fmt.dateTime(n.createdAt)}</time></p>
              <p className="inbox-msg__text">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <form onSubmit={submit} className="inbox-notes__form">
          <label className="field">
            <span className="field__label">{t('inbox.notes.add')}</span>
            <textarea rows={2} value={body} onChange={(e) => setBody(e.target.value)} maxLength={10_000} />
          </label>
          <button type="submit" className="button button--small" disabled={add.isPending || !body.trim()}>{t('inbox.notes.save')}</button>
          <ErrorNote error={add.error} />
        </form>
      ) : null}
    </section>
  );
}
