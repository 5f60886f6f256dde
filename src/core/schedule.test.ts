import { describe, expect, it } from 'vitest';
import {
  isValidTimeZone, nextFreeSlots, parseScheduleTime, ScheduleInputError, validateSchedule,
  type PostingSchedule, type WeeklySlot,
} from './schedule.js';

const OSLO = 'Europe/Oslo';
const iso = (date: Date) => date.toISOString();
const isos = (dates: Date[]) => dates.map(iso);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ScheduleInputError);
    return (error as ScheduleInputError).code;
  }
  return undefined;
}

function oslo(...slots: WeeklySlot[]): PostingSchedule {
  return { timezone: OSLO, slots };
}

describe('isValidTimeZone', () => {
  it('knows IANA zones and refuses the rest', () => {
    expect(isValidTimeZone('Europe/Oslo')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('parseScheduleTime', () => {
  it('reads ISO-8601 with Z or an offset', () => {
    expect(iso(parseScheduleTime({ at: '2025-06-01T09:00:00Z' }))).toBe('2025-06-01T09:00:00.000Z');
    expect(iso(parseScheduleTime({ at: '2025-06-01T09:00:00+02:00' }))).toBe('2025-06-01T07:00:00.000Z');
    expect(iso(parseScheduleTime({ at: '2025-06-01T09:00-0530' }))).toBe('2025-06-01T14:30:00.000Z');
    expect(iso(parseScheduleTime({ at: '2025-06-01T09:00:00.250Z' }))).toBe('2025-06-01T09:00:00.250Z');
  });

  it('refuses an ISO time without offset and without timezone as ambiguous', () => {
    expect(codeOf(() => parseScheduleTime({ at: '2025-06-01T09:00:00' }))).toBe('time.no_offset');
  });

  it('reads an ISO time without offset in the given timezone', () => {
    expect(iso(parseScheduleTime({ at: '2025-06-01T09:00:00', timezone: OSLO }))).toBe('2025-06-01T07:00:00.000Z');
  });

  it('reads a local time in an IANA zone, summer and winter', () => {
    expect(iso(parseScheduleTime({ localTime: '2025-06-01T09:00', timezone: OSLO }))).toBe('2025-06-01T07:00:00.000Z');
    expect(iso(parseScheduleTime({ localTime: '2025-01-15T09:00:30', timezone: OSLO }))).toBe('2025-01-15T08:00:30.000Z');
  });

  it('names what is wrong', () => {
    expect(codeOf(() => parseScheduleTime({ localTime: '2025-06-01T09:00' }))).toBe('timezone.required');
    expect(codeOf(() => parseScheduleTime({ localTime: '2025-06-01T09:00', timezone: 'Nowhere/City' }))).toBe('timezone.unknown');
    expect(codeOf(() => parseScheduleTime({ localTime: '2025-02-30T10:00', timezone: OSLO }))).toBe('time.invalid');
    expect(codeOf(() => parseScheduleTime({ localTime: 'tomorrow at nine', timezone: OSLO }))).toBe('time.invalid');
    expect(codeOf(() => parseScheduleTime({ at: '2025-06-01' }))).toBe('time.invalid');
    expect(codeOf(() => parseScheduleTime({ at: '2025-13-01T09:00Z' }))).toBe('time.invalid');
    expect(codeOf(() => parseScheduleTime({}))).toBe('time.missing');
    expect(codeOf(() => parseScheduleTime({ at: '2025-06-01T09:00Z', localTime: '2025-06-01T09:00', timezone: OSLO }))).toBe('time.conflicting');
  });

  it('gives a clear message', () => {
    expect(() => parseScheduleTime({ at: '2025-06-01T09:00:00' })).toThrow(/has no offset/);
  });

  it('moves a time in the spring-forward gap forward by the gap (Oslo, 30 March 2025)', () => {
    // 02:00–03:00 does not exist; 02:30 becomes 03:30 CEST.
    expect(iso(parseScheduleTime({ localTime: '2025-03-30T02:30', timezone: OSLO }))).toBe('2025-03-30T01:30:00.000Z');
    expect(iso(parseScheduleTime({ localTime: '2025-03-30T01:59', timezone: OSLO }))).toBe('2025-03-30T00:59:00.000Z');
    expect(iso(parseScheduleTime({ localTime: '2025-03-30T03:00', timezone: OSLO }))).toBe('2025-03-30T01:00:00.000Z');
  });

  it('picks the second (standard-time) occurrence in the fall-back overlap (Oslo, 26 October 2025)', () => {
    // 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET); luxon picks 01:30Z.
    expect(iso(parseScheduleTime({ localTime: '2025-10-26T02:30', timezone: OSLO }))).toBe('2025-10-26T01:30:00.000Z');
    // An explicit offset chooses the first occurrence.
    expect(iso(parseScheduleTime({ at: '2025-10-26T02:30+02:00' }))).toBe('2025-10-26T00:30:00.000Z');
  });
});

describe('validateSchedule', () => {
  it('accepts a good schedule', () => {
    expect(validateSchedule(oslo({ weekday: 1, time: '09:00' }, { weekday: 7, time: '23:59' }))).toEqual([]);
  });

  it('reports a bad zone, bad times, bad weekdays and duplicates', () => {
    const problems = validateSchedule({
      timezone: 'Europe/Atlantis',
      slots: [
        { weekday: 1, time: '9:00' },
        { weekday: 2, time: '24:00' },
        { weekday: 8 as never, time: '10:00' },
        { weekday: 3, time: '10:00' },
        { weekday: 3, time: '10:00' },
      ],
    });
    expect(problems).toEqual([
      'Unknown time zone "Europe/Atlantis"',
      'Slot 1: time "9:00" is not HH:MM (00:00 to 23:59)',
      'Slot 2: time "24:00" is not HH:MM (00:00 to 23:59)',
      'Slot 3: weekday 8 is not 1 (Monday) to 7 (Sunday)',
      'Slot 5 repeats Wednesday 10:00',
    ]);
  });
});

describe('nextFreeSlots', () => {
  const weekdays = oslo({ weekday: 1, time: '09:00' }, { weekday: 3, time: '09:00' }, { weekday: 5, time: '15:30' });

  it('returns the next slots strictly after `after`, in the schedule zone', () => {
    const after = new Date('2025-03-24T08:00:00Z'); // Monday 09:00 CET exactly: not "after"
    expect(isos(nextFreeSlots(weekdays, { after, taken: [], count: 3 }))).toEqual([
      '2025-03-26T08:00:00.000Z', // Wed 09:00 CET
      '2025-03-28T14:30:00.000Z', // Fri 15:30 CET
      '2025-03-31T07:00:00.000Z', // Mon 09:00 CEST, after the spring change
    ]);
  });

  it('defaults to one slot', () => {
    expect(nextFreeSlots(weekdays, { after: new Date('2025-03-24T00:00:00Z'), taken: [] })).toHaveLength(1);
  });

  it('keeps the wall-clock time across the autumn change', () => {
    const mondays = oslo({ weekday: 1, time: '09:00' });
    expect(isos(nextFreeSlots(mondays, { after: new Date('2025-10-19T00:00:00Z'), taken: [], count: 2 }))).toEqual([
      '2025-10-20T07:00:00.000Z', // CEST
      '2025-10-27T08:00:00.000Z', // CET
    ]);
  });

  it('skips taken slots, matching to the minute', () => {
    const after = new Date('2025-03-24T00:00:00Z');
    const taken = [new Date('2025-03-24T08:00:45Z'), new Date('2025-03-28T14:30:00Z')];
    expect(isos(nextFreeSlots(weekdays, { after, taken, count: 2 }))).toEqual([
      '2025-03-26T08:00:00.000Z',
      '2025-03-31T07:00:00.000Z',
    ]);
  });

  it('wraps weeks, months and years', () => {
    const mondays = oslo({ weekday: 1, time: '09:00' });
    expect(isos(nextFreeSlots(mondays, { after: new Date('2025-12-23T12:00:00Z'), taken: [], count: 3 }))).toEqual([
      '2025-12-29T08:00:00.000Z',
      '2026-01-05T08:00:00.000Z',
      '2026-01-12T08:00:00.000Z',
    ]);
  });

  it('moves a slot inside the DST gap forward and counts a collision once', () => {
    const sunday = oslo({ weekday: 7, time: '02:30' }, { weekday: 7, time: '03:30' });
    expect(isos(nextFreeSlots(sunday, { after: new Date('2025-03-29T12:00:00Z'), taken: [], count: 2 }))).toEqual([
      '2025-03-30T01:30:00.000Z', // both 02:30 (shifted) and 03:30 CEST
      '2025-04-06T00:30:00.000Z', // next Sunday 02:30 CEST
    ]);
  });

  it('places a slot inside the autumn overlap once, at the standard-time occurrence', () => {
    const sunday = oslo({ weekday: 7, time: '02:30' });
    expect(isos(nextFreeSlots(sunday, { after: new Date('2025-10-25T12:00:00Z'), taken: [] }))).toEqual(['2025-10-26T01:30:00.000Z']);
  });

  it('stops at the horizon', () => {
    const mondays = oslo({ weekday: 1, time: '09:00' });
    const after = new Date('2025-03-25T12:00:00Z'); // Tuesday
    expect(nextFreeSlots(mondays, { after, taken: [], horizonDays: 3 })).toEqual([]);
    expect(nextFreeSlots(mondays, { after, taken: [], count: 100, horizonDays: 28 })).toHaveLength(4);
  });

  it('returns nothing for an empty schedule or a count of 0', () => {
    expect(nextFreeSlots(oslo(), { after: new Date(), taken: [] })).toEqual([]);
    expect(nextFreeSlots(weekdays, { after: new Date(), taken: [], count: 0 })).toEqual([]);
  });

  it('works in UTC and in zones east of UTC where the local day differs', () => {
    const tokyo: PostingSchedule = { timezone: 'Asia/Tokyo', slots: [{ weekday: 1, time: '08:00' }] };
    // Sunday 23:30Z is already Monday 08:30 in Tokyo: that Monday's 08:00 has passed.
    expect(isos(nextFreeSlots(tokyo, { after: new Date('2025-03-23T23:30:00Z'), taken: [] }))).toEqual(['2025-03-30T23:00:00.000Z']);
  });

  it('throws a ScheduleInputError for an invalid schedule', () => {
    expect(codeOf(() => nextFreeSlots({ timezone: 'Bad/Zone', slots: [] }, { after: new Date(), taken: [] }))).toBe('schedule.invalid');
  });
});
