/** "245 / 300": a network's live count of the text, red and saying how far over when past the limit. */
import { useTranslation } from 'react-i18next';
import type { TextCount } from '../../../../src/core/text-count';
import { useFormat } from '../../i18n/format';
import { NetworkBadge } from '../../ui/badges';
import { isOver } from './checks';

export function Counter({ network, name, count, showName = true }: { network: string; name: string; count: TextCount; showName?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const over = isOver(count);
  const worst = [count, ...count.also].find((m) => m.count > m.limit) ?? count;
  const unit = t(`units.${count.unit.replace(' ', '_')}`, { count: count.limit });
  const label = over
    ? t('composer.counterOver', { name, over: fmt.number(worst.count - worst.limit), unit: t(`units.${worst.unit.replace(' ', '_')}`, { count: worst.count - worst.limit }) })
    : t('composer.counterLabel', { name, count: fmt.number(count.count), limit: fmt.number(count.limit), unit });
  return (
    <span className={`counter${over ? ' counter--over' : ''}`} data-over={over} data-network={network} title={count.notes.join('; ') || undefined} aria-label={label}>
      {showName ? <NetworkBadge network={network} size="sm" label={name} /> : null}
      <span aria-hidden="true">
        {fmt.number(count.count)}/{fmt.number(count.limit)}
        {over ? ` · ${t('composer.over', { n: fmt.number(worst.count - worst.limit) })}` : ''}
      </span>
    </span>
  );
}
