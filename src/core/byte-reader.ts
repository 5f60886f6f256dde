/**
 * Bounds-checked big/little-endian reads over a `Uint8Array` for the media sniffers. Each read
 * returns `undefined` past the end, so truncated files degrade to "no dimensions", not a crash.
 */

export function readU16BE(bytes: Uint8Array, at: number): number | undefined {
  return at >= 0 && at + 2 <= bytes.length ? (bytes[at] << 8) | bytes[at + 1] : undefined;
}

export function readU16LE(bytes: Uint8Array, at: number): number | undefined {
  return at >= 0 && at + 2 <= bytes.length ? bytes[at] | (bytes[at + 1] << 8) : undefined;
}

export function readU24LE(bytes: Uint8Array, at: number): number | undefined {
  return at >= 0 && at + 3 <= bytes.length ? bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) : undefined;
}

export function readU32BE(bytes: Uint8Array, at: number): number | undefined {
  return at >= 0 && at + 4 <= bytes.length
    ? ((bytes[at] << 24) >>> 0) + ((bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3])
    : undefined;
}

export function readU32LE(bytes: Uint8Array, at: number): number | undefined {
  return at >= 0 && at + 4 <= bytes.length
    ? ((bytes[at + 3] << 24) >>> 0) + ((bytes[at + 2] << 16) | (bytes[at + 1] << 8) | bytes[at])
    : undefined;
}

/** Signed 32-bit big-endian. */
export function readI32BE(bytes: Uint8Array, at: number): number | undefined {
  const value = readU32BE(bytes, at);
  return value === undefined ? undefined : value | 0;
}

/** 64-bit big-endian as a number (exact up to 2^53). */
export function readU64BE(bytes: Uint8Array, at: number): number | undefined {
  const high = readU32BE(bytes, at);
  const low = readU32BE(bytes, at + 4);
  return high === undefined || low === undefined ? undefined : high * 2 ** 32 + low;
}

/** `length` bytes at `at` as Latin-1 text (for four-character codes and signatures). */
export function readAscii(bytes: Uint8Array, at: number, length: number): string {
  let out = '';
  for (let i = at; i < at + length && i < bytes.length; i += 1) out += String.fromCharCode(bytes[i]);
  return out;
}

/** True when `bytes` holds `signature` at `at`. */
export function hasBytes(bytes: Uint8Array, at: number, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}
