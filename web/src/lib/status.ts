/**
 * Post statuses and delivery states: an icon of its own shape and a colour each, and always a
 * translated label — readable without colour.
 */
import { Ban, CheckCircle2, CircleAlert, CircleDashed, Clock, Hourglass, PencilLine, Send, Trash2, TriangleAlert, UserCheck, XCircle, type LucideIcon } from 'lucide-react';
import type { DeliveryState, PostStatus } from '../api/types';

export type AnyStatus = PostStatus | DeliveryState;

export interface StatusLook {
  icon: LucideIcon;
  /** CSS custom property suffix: `--status-<tone>`. */
  tone: 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger';
}

const LOOKS: Record<AnyStatus, StatusLook> = {
  draft: { icon: PencilLine, tone: 'neutral' },
  awaiting_approval: { icon: UserCheck, tone: 'warning' },
  scheduled: { icon: Clock, tone: 'info' },
  queued: { icon: Hourglass, tone: 'info' },
  publishing: { icon: Send, tone: 'progress' },
  published: { icon: CheckCircle2, tone: 'success' },
  partially_failed: { icon: TriangleAlert, tone: 'warning' },
  failed: { icon: XCircle, tone: 'danger' },
  needs_attention: { icon: CircleAlert, tone: 'warning' },
  cancelled: { icon: Ban, tone: 'neutral' },
  deleted: { icon: Trash2, tone: 'neutral' },
};

export function statusLook(status: string): StatusLook {
  return LOOKS[status as AnyStatus] ?? { icon: CircleDashed, tone: 'neutral' };
}

export const POST_STATUSES: PostStatus[] = ['draft', 'awaiting_approval', 'scheduled', 'publishing', 'published', 'partially_failed', 'failed', 'needs_attention', 'cancelled'];

/** A post can be dragged or rescheduled while nothing of it has gone out. */
export const isReschedulable = (status: string) => status === 'scheduled' || status === 'draft';
