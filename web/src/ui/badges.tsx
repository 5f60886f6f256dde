/** A network's monogram badge and a status badge: shape, colour and words together. */
import { useTranslation } from 'react-i18next';
import { networkLook } from '../lib/networks';
import { statusLook } from '../lib/status';

/** `decorative` when the network's name is written right beside it (no need to say it twice). */
export function NetworkBadge({ network, size = 'md', label, decorative = false }: { network: string; size?: 'sm' | 'md'; label?: string; decorative?: boolean }) {
  const look = networkLook(network);
  const a11y = decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label ?? look.name };
  return (
    <span className={`net-badge net-badge--${size}`} style={{ background: look.color, color: look.ink }} title={label ?? look.name} {...a11y}>
      <span aria-hidden="true">{look.monogram}</span>
    </span>
  );
}

export function StatusBadge({ status, compact = false }: { status: string; compact?: boolean }) {
  const { t } = useTranslation();
  const { icon: Icon, tone } = statusLook(status);
  const label = t(`status.${status}`, { defaultValue: status });
  return (
    <span className={`status status--${tone}`} data-status={status} title={compact ? label : undefined}>
      <Icon aria-hidden="true" size={compact ? 14 : 16} strokeWidth={2.25} />
      {compact ? <span className="visually-hidden">{label}</span> : <span>{label}</span>}
    </span>
  );
}
