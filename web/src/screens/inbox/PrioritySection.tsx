/**
 * The workspace's priority keywords (admins change them): each one an item says adds to its
 * priority. The rest of the score (sentiment, the author's reach, messages, questions) is fixed and
 * explained here so the list makes sense.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useInboxSettings, useSaveInboxSettings } from '../../api/inbox';
import { ApiError } from '../../api/client';
import { errorText } from '../../i18n/problems';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/Toasts';

/** One keyword or phrase a line (commas also separate), trimmed, empty lines and repeats dropped. */
export const parseKeywords = (text: string) => [...new Set(text.split(/[\n,]/).map((k) => k.trim().replace(/\s+/g, ' ')).filter(Boolean))];

/** Which keyword the server refused, and why, in words: "“…” is longer than 100 characters". */
function refusal(t: TFunction, err: unknown, sent: string[]): string {
  const details = err instanceof ApiError && err.status === 400 && Array.isArray(err.details) ? (err.details as { field?: string }[]) : [];
  for (const d of details) {
    const at = /priorityKeywords\.(\d+)$/.exec(d.field ?? '');
    const keyword = at ? sent[Number(at[1])] : undefined;
    if (keyword !== undefined) return t('inbox.priorityKeywords.tooLong', { keyword: keyword.length > 40 ? `${keyword.slice(0, 40)}…` : keyword, count: keyword.length });
    if (d.field?.endsWith('priorityKeywords')) return t('inbox.priorityKeywords.tooMany', { count: sent.length });
  }
  return errorText(t, err);
}

export function PrioritySection({ workspaceId, canEdit }: { workspaceId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const settings = useInboxSettings(workspaceId);
  const save = useSaveInboxSettings(workspaceId);
  const [text, setText] = useState<string | null>(null);
  const [sent, setSent] = useState<string[]>([]);
  const saved = settings.data?.priorityKeywords;
  // The form starts from what is saved, and again after each save.
  useEffect(() => { if (saved) setText(saved.join('\n')); }, [saved]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const priorityKeywords = parseKeywords(text ?? '');
    setSent(priorityKeywords);
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
          {save.error ? <p className="note note--error" role="alert">{refusal(t, save.error, sent)}</p> : null}
          <p className="actions actions--start">
            <button type="submit" className="button button--primary" disabled={save.isPending}>{t('inbox.priorityKeywords.save')}</button>
          </p>
        </form>
      ) : null}
      {saved && !canEdit ? <p className="muted">{t('inbox.priorityKeywords.adminsOnly')}</p> : null}
    </section>
  );
}
