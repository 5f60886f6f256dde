/** An API error (or any error) as a translated, announced message. */
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/problems';

export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <p className="note note--error" role="alert">{errorText(t, error)}</p>;
}

export function Loading() {
  const { t } = useTranslation();
  return <p className="muted" role="status">{t('common.loading')}</p>;
}
