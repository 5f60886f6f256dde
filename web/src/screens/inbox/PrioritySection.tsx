/**
 * The workspace's priority keywords (admins change them): each one an item says adds to its
 * priority. The rest of the score (sentiment, the author's reach, messages, questions) is fixed and
 * explained here so the list makes sense.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useInboxSettings, useSaveInboxSettings } from '../../api/inbox';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/Toasts';

/** One keyword or phrase a line (commas also separate), trimmed, empty lines and repeats dropped. */
export const parseKeywords = (text: string) => [...new Set(text.split(/[\n,]/).map((k) => k.trim().replace(/\s+/g, ' ')).filter(Boolean))];

export function PrioritySection({ workspaceId, canEdit }: { workspaceId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const settings = useInboxSettings(workspaceId);
  const save = useSaveInboxSettings(workspaceId);
  const [text, setText] = useState<string | null>(null);
  const saved = settings.data?.priorityKeywords;
  // The form starts from what is saved, and again after each save.
  useEffect(() => { if (saved) setText(saved.join('\n')); }, [saved]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const priorityKeywords = parseKeywords(text ?? '');
    save.mutate({ priorityKeywords }, { onSuccess: (r) => toast(t('inbox.priorityKeywords.saved', { count: r.priorityKeywords.length })) });
  };

  return (
    <section aria-labelledby="priority-heading">
      <h2 id="priority-heading">{t('inbox.priorityKeywords.title')}</h2>
      <p className="muted">{t('inbox.priorityKeywords.hint')}</p>
      {settings.isPending ? <Loading /> : null}
      <ErrorNote error={settings.error} />
      {saved && !canEdit ? (
        saved.length ? <ul className="inbox-keywords" aria-label={t('inbox.priorityKeywords.keywords')}>{saved.map((k) => <li key={k}>{k}</li>)}</ul>
          : <p className="muted">{t('inbox.priorityKeywords.none')}</p>
      ) : null}
      {saved && canEdit && text !== null ? (
        <form className="card" onSubmit={submit}>
          <Field label={t('inbox.priorityKeywords.keywords')} hint={t('inbox.priorityKeywords.keywordsHint')}>
            <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <ErrorNote error={save.error} />
          <p className="actions actions--start">
            <button type="submit" className="button button--primary" disabled={save.isPending}>{t('inbox.priorityKeywords.save')}</button>
          </p>
        </form>
      ) : null}
      {saved && !canEdit ? <p className="muted">{t('inbox.priorityKeywords.adminsOnly')}</p> : null}
    </section>
  );
}
