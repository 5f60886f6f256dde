/**
 * atproto Timestamp Identifiers (TIDs): 64-bit integers (top bit 0, 53 bits of microseconds since
 * the epoch, 10 bits of clock id) written as 13 base32-sortable characters, so string order is
 * time order. Varde uses a TID as each delivery's idempotency key and writes part `i` of a
 * Bluesky thread at record key `deriveTid(key, i)`: a retry writes to the same keys and conflicts
 * instead of posting twice.
 */

const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const MAX_MICROS = 2 ** 53 - 1;
const MAX_CLOCK_ID = 1023;
/**
 * Derived keys stay within `base + 0 … base + 999` µs. TIDs created here without an explicit
 * time are spaced at least this far apart, so one delivery's derived keys never reach the next.
 */
export const MAX_DERIVED_PARTS = 1000;

let lastAutoMicros = 0;

/**
 * A TID for `nowMicros` (default: now, on a millisecond grid and strictly increasing within this
 * process) and `clockId` 0–1023 (default: random).
 */
export function createTid(nowMicros?: number, clockId?: number): string {
  const micros = nowMicros ?? nextAutoMicros();
  const clock = clockId ?? randomClockId();
  if (!Number.isSafeInteger(micros) || micros < 0 || micros > MAX_MICROS) {
    throw new RangeError(`TID timestamp must be an integer from 0 to 2^53-1 microseconds, got ${micros}`);
  }
  if (!Number.isInteger(clock) || clock < 0 || clock > MAX_CLOCK_ID) {
    throw new RangeError(`TID clock id must be an integer from 0 to ${MAX_CLOCK_ID}, got ${clock}`);
  }
  return encode((BigInt(micros) << 10n) | BigInt(clock));
}

/** The timestamp (µs since the epoch) and clock id of a TID. Throws on anything that is not a TID. */
export function parseTid(tid: string): { micros: number; clockId: number } {
  if (!isTid(tid)) throw new TypeError(`Not a TID: "${tid}"`);
  let value = 0n;
  for (const char of tid) value = (value << 5n) | BigInt(ALPHABET.indexOf(char));
  return { micros: Number(value >> 10n), clockId: Number(value & 1023n) };
}

/** True for a well-formed TID (13 characters, base32-sortable, top bit 0). */
export function isTid(value: string): boolean {
  return typeof value === 'string' && TID_PATTERN.test(value);
}

/**
 * The key of part `index` (0-based) derived from `baseTid`: same clock id, timestamp + index µs.
 * `deriveTid(base, 0) === base`. Index must be below `MAX_DERIVED_PARTS`.
 */
export function deriveTid(baseTid: string, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_DERIVED_PARTS) {
    throw new RangeError(`TID part index must be an integer from 0 to ${MAX_DERIVED_PARTS - 1}, got ${index}`);
  }
  const { micros, clockId } = parseTid(baseTid);
  return createTid(micros + index, clockId);
}

function encode(value: bigint): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < 13; i += 1) {
    out = ALPHABET[Number(rest & 31n)] + out;
    rest >>= 5n;
  }
  return out;
}

function nextAutoMicros(): number {
  const now = Date.now() * 1000;
  lastAutoMicros = Math.max(now, lastAutoMicros + MAX_DERIVED_PARTS);
  return lastAutoMicros;
}

function randomClockId(): number {
  const bytes = new Uint16Array(1);
  globalThis.crypto.getRandomValues(bytes);
  return bytes[0] & MAX_CLOCK_ID;
}
