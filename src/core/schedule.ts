/**
 * Posting times: reading a requested publish time without guessing its zone, and finding the
 * next free slots of a channel's weekly posting schedule, DST-correct in the schedule's zone.
 *
 * Local times that do not exist or exist twice follow luxon:
 * - In a spring-forward gap (Europe/Oslo 2025-03-30 02:30) the time moves forward by the gap:
 *   02:30 becomes 03:30 CEST (01:30Z).
 * - In a fall-back overlap (Europe/Oslo 2025-10-26 02:30) luxon picks the second occurrence,
 *   in standard time: 02:30 CET (01:30Z), not 02:30 CEST (00:30Z).
 */
import { DateTime, IANAZone } from 'luxon';

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A recurring weekly posting time, e.g. Monday 09:00, in the schedule's zone. */
export interface WeeklySlot {
  /** ISO weekday: Monday = 1 … Sunday = 7. */
  weekday: IsoWeekday;
  /** `HH:MM`, 24-hour. */
  time: string;
}

export interface PostingSchedule {
  /** IANA zone, e.g. `Europe/Oslo`. */
  timezone: string;
  slots: WeeklySlot[];
}

export type ScheduleErrorCode =
  | 'time.missing' | 'time.conflicting' | 'time.invalid' | 'time.no_offset'
  | 'timezone.required' | 'timezone.unknown' | 'schedule.invalid';

/** A publish time or schedule that cannot be read; `code` is stable, `message` is for people. */
export class ScheduleInputError extends Error {
  readonly code: ScheduleErrorCode;

  constructor(code: ScheduleErrorCode, message: string) {
    super(message);
    this.name = 'ScheduleInputError';
    this.code = code;
  }
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** True for an IANA zone name luxon (and the platform's Intl) knows, e.g. `Europe/Oslo`, `UTC`. */
export function isValidTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && IANAZone.isValidZone(zone);
}

/**
 * The instant a post should go out. Accepts either `at`, ISO-8601 with an offset or `Z`
 * (`2025-06-01T09:00:00+02:00`), or `localTime` `YYYY-MM-DDTHH:mm[:ss]` plus an IANA `timezone`.
 * An `at` without offset is read in `timezone` when one is given and refused otherwise, since it
 * would be ambiguous. Throws `ScheduleInputError`.
 */
export function parseScheduleTime(input: { at?: string; localTime?: string; timezone?: string }): Date {
  const { at, localTime, timezone } = input;
  if (at && localTime) throw new ScheduleInputError('time.conflicting', 'Give either "at" or "localTime", not both');
  if (!at && !localTime) throw new ScheduleInputError('time.missing', 'Give a publish time: "at" with an offset, or "localTime" with a "timezone"');
  if (timezone !== undefined && !isValidTimeZone(timezone)) {
    throw new ScheduleInputError('timezone.unknown', `Unknown time zone "${timezone}"; use an IANA name such as Europe/Oslo`);
  }
  if (at) {
    const value = at.trim();
    if (WITH_OFFSET.test(value)) return toDate(DateTime.fromISO(value, { setZone: true }), at);
    if (!LOCAL_TIME.test(value)) {
      throw new ScheduleInputError('time.invalid', `"${at}" is not an ISO-8601 date and time such as 2025-06-01T09:00:00+02:00`);
    }
    if (!timezone) {
      throw new ScheduleInputError('time.no_offset', `"${at}" has no offset; add one (e.g. +02:00 or Z) or give a timezone`);
    }
    return parseLocal(value, timezone);
  }
  if (!timezone) throw new ScheduleInputError('timezone.required', `"${localTime}" is a local time; give the timezone it is in`);
  return parseLocal(localTime!.trim(), timezone);
}

function parseLocal(value: string, zone: string): Date {
  if (!LOCAL_TIME.test(value)) {
    throw new ScheduleInputError('time.invalid', `"${value}" is not a local time of the form YYYY-MM-DDTHH:mm`);
  }
  return toDate(DateTime.fromISO(value, { zone }), value);
}

function toDate(dateTime: DateTime, original: string): Date {
  if (!dateTime.isValid) {
    throw new ScheduleInputError('time.invalid', `"${original}" is not a valid date and time (${dateTime.invalidReason ?? 'unreadable'})`);
  }
  return dateTime.toJSDate();
}

/** Problems of a schedule in plain English; empty when it is usable. */
export function validateSchedule(schedule: PostingSchedule): string[] {
  const problems: string[] = [];
  if (!isValidTimeZone(schedule.timezone)) problems.push(`Unknown time zone "${schedule.timezone}"`);
  const seen = new Set<string>();
  schedule.slots.forEach((slot, index) => {
    const n = index + 1;
    const weekdayOk = Number.isInteger(slot.weekday) && slot.weekday >= 1 && slot.weekday <= 7;
    if (!weekdayOk) problems.push(`Slot ${n}: weekday ${slot.weekday} is not 1 (Monday) to 7 (Sunday)`);
    if (typeof slot.time !== 'string' || !HH_MM.test(slot.time)) problems.push(`Slot ${n}: time "${slot.time}" is not HH:MM (00:00 to 23:59)`);
    const key = `${slot.weekday} ${slot.time}`;
    if (weekdayOk && seen.has(key)) problems.push(`Slot ${n} repeats ${WEEKDAY_NAMES[slot.weekday]} ${slot.time}`);
    seen.add(key);
  });
  return problems;
}

export interface NextFreeSlotsOptions {
  /** Only slots strictly after this instant. */
  after: Date;
  /** Instants already used; a slot is taken when one falls in the same minute. */
  taken: readonly Date[];
  count?: number;
  /** How far ahead to look, in days from `after`. */
  horizonDays?: number;
}

/**
 * The next `count` free slot instants after `after`, in time order. Slots are wall-clock times in
 * the schedule's zone, so 09:00 stays 09:00 across DST changes; a slot inside a DST gap moves
 * forward by the gap (see the module comment). Throws `ScheduleInputError` for an invalid schedule.
 */
export function nextFreeSlots(schedule: PostingSchedule, opts: NextFreeSlotsOptions): Date[] {
  const problems = validateSchedule(schedule);
  if (problems.length > 0) throw new ScheduleInputError('schedule.invalid', problems.join('; '));
  const { after, taken, count = 1, horizonDays = 90 } = opts;
  if (count <= 0 || schedule.slots.length === 0) return [];
  const takenMinutes = new Set(taken.map(minuteOf));
  const afterMs = after.getTime();
  const endMs = afterMs + horizonDays * 86_400_000;
  const firstDay = DateTime.fromJSDate(after, { zone: schedule.timezone }).startOf('day');
  const found: Date[] = [];
  for (let offset = 0; offset <= horizonDays + 1 && found.length < count; offset += 1) {
    const day = firstDay.plus({ days: offset });
    for (const instant of slotInstantsOn(day, schedule)) {
      const ms = instant.getTime();
      if (ms <= afterMs || ms > endMs || takenMinutes.has(minuteOf(instant))) continue;
      takenMinutes.add(minuteOf(instant)); // two slots shifted onto one instant by DST count once
      found.push(instant);
      if (found.length === count) break;
    }
  }
  return found;
}

/** The instants of the schedule's slots on one calendar day, in time order. */
function slotInstantsOn(day: DateTime, schedule: PostingSchedule): Date[] {
  return schedule.slots
    .filter((slot) => slot.weekday === day.weekday)
    .map((slot) => {
      const [hour, minute] = slot.time.split(':').map(Number);
      return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: schedule.timezone }).toJSDate();
    })
    .sort((a, b) => a.getTime() - b.getTime());
}

function minuteOf(date: Date): number {
  return Math.floor(date.getTime() / 60_000);
}
