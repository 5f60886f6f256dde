/** Every problem of the draft, per target, in the user's language; announced as it changes. */
import { useTranslation } from 'react-i18next';
import { CircleAlert, TriangleAlert } from 'lucide-react';
import { problemText } from '../../i18n/problems';
import { useFormat } from '../../i18n/format';
import type { TargetCheck } from './checks';

export function ProblemList({ checks, id }: { checks: TargetCheck[]; id: string }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  // Networks only checked against never block saving: their problems read as suggestions.
  const items = checks.flatMap((c) => c.problems.map((p, i) => ({
    key: `${c.key}-${i}`,
    severity: c.channelId ? p.severity : 'warning',
    text: `${problemText(t, p, c.network, locale)} (${c.channelId ? c.name : t('composer.previewOnly')})`,
  })));
  const errors = items.filter((i) => i.severity === 'error').length;
  return (
    <div id={id} className="problems" aria-live="polite">
      {items.length === 0 ? null : (
        <>
          <p className="problems__summary">{errors > 0 ? t('composer.errorsCount', { count: errors }) : t('composer.warningsOnly', { count: items.length })}</p>
          <ul>
            {items.map((i) => (
              <li key={i.key} className={`problem problem--${i.severity}`}>
                {i.severity === 'error' ? <CircleAlert aria-hidden="true" size={16} /> : <TriangleAlert aria-hidden="true" size={16} />}
                <span className="visually-hidden">{t(`composer.severity.${i.severity}`)}: </span>
                {i.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Problems the server returned when it refused to save (translated from their codes). */
export function ServerProblems({ items }: { items: { severity: string; text: string }[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div className="note note--error" role="alert">
      <p>{t('composer.serverRefused')}</p>
      <ul>{items.map((i, n) => <li key={n}>{i.text}</li>)}</ul>
    </div>
  );
}
