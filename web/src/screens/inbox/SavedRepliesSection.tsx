/** Saved replies: named answers whose body may use {{author.name}}, {{author.handle}} and {{channel.name}}. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteSavedReply, useSaveSavedReply, useSavedReplies, type SavedReply } from '../../api/inbox';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/Toasts';

/** Passed as a value: i18next would otherwise read the braces as its own placeholders. */
export const TEMPLATE_VARIABLES = '{{author.name}}, {{author.handle}}, {{channel.name}}';

export function SavedRepliesSection({ workspaceId, canWrite }: { workspaceId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const list = useSavedReplies(workspaceId);
  const remove = useDeleteSavedReply(workspaceId);
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null);
  return (
    <section aria-labelledby="saved-heading">
      <h2 id="saved-heading">{t('inbox.saved.title')}</h2>
      <p className="muted">{t('inbox.saved.hint')}</p>
      {list.isPending ? <Loading /> : null}
      <ErrorNote error={list.error ?? remove.error} />
      {list.data?.length === 0 ? <p className="muted">{t('inbox.saved.none')}</p> : null}
      <ul className="inbox-manage" role="list">
        {list.data?.map((s) => (
          <li key={s.id} className="card">
            {editing !== 'new' && editing?.id === s.id ? <SavedForm workspaceId={workspaceId} saved={s} onClose={() => setEditing(null)} /> : (
              <>
                <h3>{s.name}</h3>
                <p className="inbox-msg__text">{s.body}</p>
                {canWrite ? (
                  <p className="actions actions--start">
                    <button type="button" className="button button--small" onClick={() => setEditing(s)}>{t('inbox.saved.edit')}</button>
                    <button type="button" className="button button--small button--quiet" onClick={() => remove.mutate(s.id)}>{t('inbox.saved.delete')}</button>
                  </p>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      {canWrite ? (editing === 'new' ? <div className="card"><SavedForm workspaceId={workspaceId} onClose={() => setEditing(null)} /></div>
        : <button type="button" className="button" onClick={() => setEditing('new')}>{t('inbox.saved.new')}</button>) : null}
    </section>
  );
}

function SavedForm({ workspaceId, saved, onClose }: { workspaceId: string; saved?: SavedReply; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const save = useSaveSavedReply(workspaceId);
  const [name, setName] = useState(saved?.name ?? '');
  const [body, setBody] = useState(saved?.body ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ id: saved?.id, name, body }, { onSuccess: () => { toast(t('inbox.saved.saved', { name })); onClose(); } });
  };
  return (
    <form onSubmit={submit}>
      <Field label={t('inbox.saved.name')}><input type="text" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} /></Field>
      <Field label={t('inbox.saved.body')} hint={t('inbox.saved.variables', { vars: TEMPLATE_VARIABLES })}><textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} required maxLength={10_000} /></Field>
      <ErrorNote error={save.error} />
      <p className="actions actions--start">
        <button type="submit" className="button button--primary" disabled={save.isPending}>{t('inbox.saved.save')}</button>
        <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
      </p>
    </form>
  );
}
