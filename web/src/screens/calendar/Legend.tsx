/** What the calendar's icons and colours mean. */
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../ui/badges';
import { POST_STATUSES } from '../../lib/status';

export function Legend() {
  const { t } = useTranslation();
  return (
    <details className="legend">
      <summary>{t('calendar.legend')}</summary>
      <ul role="list">
        {POST_STATUSES.filter((s) => s !== 'draft').map((s) => <li key={s}><StatusBadge status={s} /></li>)}
      </ul>
      <p className="field__hint">{t('calendar.legendHint')}</p>
    </details>
  );
}
