/**
 * How an inbox item's author, sentiment, priority and work state look: an icon of its own shape
 * and words for each, so none of them depends on colour.
 */
import { useTranslation } from 'react-i18next';
import { AlarmClock, ArrowDown, ArrowUp, CheckCircle2, Circle, Frown, Meh, Minus, Smile, UserCheck, type LucideIcon } from 'lucide-react';
import type { InboxItem } from '../../api/inbox';

const SENTIMENT: Record<string, [LucideIcon, string]> = {
  positive: [Smile, 'success'], neutral: [Meh, 'neutral'], negative: [Frown, 'danger'], unscored: [Minus, 'neutral'],
};
const PRIORITY: Record<string, [LucideIcon, string]> = { high: [ArrowUp, 'danger'], medium: [Minus, 'warning'], low: [ArrowDown, 'neutral'] };
const STATE: Record<string, [LucideIcon, string]> = { open: [Circle, 'info'], assigned: [UserCheck, 'progress'], done: [CheckCircle2, 'success'] };

function Badge({ icon: Icon, tone, text, kind }: { icon: LucideIcon; tone: string; text: string; kind: string }) {
  return (
    <span className={`status status--${tone} inbox-badge`} data-kind={kind}>
      <Icon aria-hidden="true" size={14} strokeWidth={2.25} /> <span>{text}</span>
    </span>
  );
}

export function SentimentBadge({ sentiment }: { sentiment: string }) {
  const { t } = useTranslation();
  const [icon, tone] = SENTIMENT[sentiment] ?? SENTIMENT.unscored;
  return <Badge icon={icon} tone={tone} kind="sentiment" text={t(`inbox.sentiment.${sentiment}`, { defaultValue: sentiment })} />;
}

export function PriorityBadge({ level }: { level: string }) {
  const { t } = useTranslation();
  const [icon, tone] = PRIORITY[level] ?? PRIORITY.low;
  return <Badge icon={icon} tone={tone} kind="priority" text={t(`inbox.priority.${level}`, { defaultValue: level })} />;
}

/** The work state; a snoozed item says until when instead. */
export function StateBadge({ item, until }: { item: Pick<InboxItem, 'state' | 'snoozedUntil'>; until?: string }) {
  const { t } = useTranslation();
  if (item.snoozedUntil && Date.parse(item.snoozedUntil) > Date.now()) {
    return <Badge icon={AlarmClock} tone="warning" kind="state" text={until ? t('inbox.snoozedUntil', { time: until }) : t('inbox.state.snoozed')} />;
  }
  const [icon, tone] = STATE[item.state] ?? STATE.open;
  return <Badge icon={icon} tone={tone} kind="state" text={t(`inbox.state.${item.state}`, { defaultValue: item.state })} />;
}

export function Avatar({ author, size = 36 }: { author: InboxItem['author']; size?: number }) {
  const initials = (author.name ?? author.handle ?? '?').replace(/^@/, '').slice(0, 2).toUpperCase();
  return author.avatarUrl
    ? <img className="inbox-avatar" src={author.avatarUrl} alt="" width={size} height={size} loading="lazy" referrerPolicy="no-referrer" />
    : <span className="inbox-avatar inbox-avatar--initials" style={{ width: size, height: size }} aria-hidden="true">{initials}</span>;
}

export const authorName = (a: InboxItem['author']) => a.name ?? a.handle ?? a.id;
export const authorHandle = (a: InboxItem['author']) => (a.handle ? (a.handle.startsWith('@') ? a.handle : `@${a.handle}`) : null);
