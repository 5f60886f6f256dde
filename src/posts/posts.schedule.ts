/**
 * Turning a schedule request into due times: a moment (with offset, or local time in a zone),
 * each channel's next free queue slot, now, or no time at all (draft).
 */
import { AppError } from '../app/errors.js';
import { parseScheduleTime, ScheduleInputError } from '../core/schedule.js';
import type { Queryable } from '../db/client.js';
import type { ChannelRow } from '../channels/channels.repository.js';
import { nextSlots } from '../channels/channels.service.js';
import type { DeliveryState } from './posts.repository.js';
import type { ScheduleInput } from './posts.schemas.js';

export interface ResolvedSchedule {
  state: DeliveryState;
  dueAt: Map<string, Date | null>;
}

/** A scheduled time this far in the past is still taken as "now" (clock skew, slow clients). */
const PAST_TOLERANCE_MS = 5_000;

export function parseAt(schedule: Extract<ScheduleInput, { mode: 'at' }>, now = new Date()): Date {
  let at: Date;
  try {
    at = parseScheduleTime({ at: schedule.at, localTime: schedule.localTime, timezone: schedule.timezone });
  } catch (err) {
    if (err instanceof ScheduleInputError) throw new AppError('bad_request', err.message, { details: { code: err.code } });
    throw err;
  }
  if (at.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw new AppError('bad_request', `The time ${at.toISOString()} is in the past; pick a future time, or publish now`, { details: { code: 'time.past' } });
  }
  return at;
}

/**
 * Resolves due times per channel. For the queue, the channels are locked (FOR UPDATE) so that two
 * posts added at once do not take the same slot.
 */
export async function resolveSchedule(tx: Queryable, schedule: ScheduleInput, channels: ChannelRow[], now = new Date()): Promise<ResolvedSchedule> {
  const dueAt = new Map<string, Date | null>();
  switch (schedule.mode) {
    case 'draft':
      for (const c of channels) dueAt.set(c.id, null);
      return { state: 'draft', dueAt };
    case 'now':
      for (const c of channels) dueAt.set(c.id, now);
      return { state: 'queued', dueAt };
    case 'at': {
      const at = parseAt(schedule, now);
      for (const c of channels) dueAt.set(c.id, at);
      return { state: 'scheduled', dueAt };
    }
    case 'queue': {
      if (channels.length) await tx.query(`SELECT id FROM channels WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [channels.map((c) => c.id)]);
      for (const c of channels) dueAt.set(c.id, (await nextSlots(tx, c, now, 1))[0] ?? null);
      const none = channels.filter((c) => !dueAt.get(c.id));
      if (none.length) throw new AppError('validation_failed', `No free slot in the next 90 days for: ${none.map((c) => c.name).join(', ')}`);
      return { state: 'scheduled', dueAt };
    }
  }
}

/** The post's own time: the earliest of its deliveries'. */
export function earliest(dueAt: Map<string, Date | null>): Date | null {
  let min: Date | null = null;
  for (const d of dueAt.values()) if (d && (!min || d < min)) min = d;
  return min;
}
