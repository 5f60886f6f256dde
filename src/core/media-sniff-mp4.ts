/**
 * ISO base media files (MP4, MOV, 3GP, HEIC, AVIF): the type from the `ftyp` brand, and for
 * video the display size (first track header with a size) and duration (`mvhd`) when the
 * `moov` box is within the bytes given.
 */
import type { MediaKind } from './content.js';
import { readAscii, readI32BE, readU32BE, readU64BE } from './byte-reader.js';

export interface IsoMediaFacts {
  mime: string;
  kind: MediaKind;
  width?: number;
  height?: number;
  durationSec?: number;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);
const CONTAINERS = new Set(['moov', 'trak', 'mdia']);

/** Facts of a file that starts with an `ftyp` box, or `null` for audio-only brands. */
export function sniffIsoMedia(bytes: Uint8Array): IsoMediaFacts | null {
  const major = readAscii(bytes, 8, 4);
  const ftypSize = readU32BE(bytes, 0) ?? 0;
  const brands = [major];
  for (let at = 16; at + 4 <= Math.min(ftypSize, bytes.length); at += 4) brands.push(readAscii(bytes, at, 4));
  if (AUDIO_BRANDS.has(major)) return null;
  if (brands.some((b) => AVIF_BRANDS.has(b))) return { mime: 'image/avif', kind: 'image' };
  if (brands.some((b) => HEIF_BRANDS.has(b)) || major === 'mif1' || major === 'msf1') return { mime: 'image/heic', kind: 'image' };
  const mime = major === 'qt  ' ? 'video/quicktime' : major.startsWith('3g') ? 'video/3gpp' : 'video/mp4';
  return { mime, kind: 'video', ...readMovieFacts(bytes) };
}

interface MovieFacts { width?: number; height?: number; durationSec?: number }

/** Walks boxes, descending into moov/trak/mdia, collecting mvhd duration and the first sized tkhd. */
function readMovieFacts(bytes: Uint8Array, start = 0, end = bytes.length, facts: MovieFacts = {}): MovieFacts {
  let at = start;
  while (at + 8 <= end) {
    let size = readU32BE(bytes, at)!;
    const type = readAscii(bytes, at + 4, 4);
    let header = 8;
    if (size === 1) { size = readU64BE(bytes, at + 8) ?? 0; header = 16; }
    if (size === 0) size = end - at;
    if (size < header) break;
    const boxEnd = Math.min(at + size, end);
    if (CONTAINERS.has(type)) readMovieFacts(bytes, at + header, boxEnd, facts);
    else if (type === 'mvhd' && facts.durationSec === undefined) facts.durationSec = readMovieDuration(bytes, at + header);
    else if (type === 'tkhd' && facts.width === undefined) Object.assign(facts, readTrackSize(bytes, at + header, at + size));
    at += size;
  }
  return facts;
}

function readMovieDuration(bytes: Uint8Array, body: number): number | undefined {
  const version = bytes[body];
  const timescale = readU32BE(bytes, body + (version === 1 ? 20 : 12));
  const duration = version === 1 ? readU64BE(bytes, body + 24) : readU32BE(bytes, body + 16);
  if (!timescale || duration === undefined) return undefined;
  return Math.round((duration / timescale) * 1000) / 1000;
}

/** Width and height are the box's last 8 bytes (16.16 fixed point); a 90° matrix swaps them. */
function readTrackSize(bytes: Uint8Array, body: number, boxEnd: number): MovieFacts {
  const width = readU32BE(bytes, boxEnd - 8);
  const height = readU32BE(bytes, boxEnd - 4);
  if (!width || !height || boxEnd - 8 - 36 < body) return {};
  const matrix = boxEnd - 8 - 36;
  const a = readI32BE(bytes, matrix);
  const b = readI32BE(bytes, matrix + 4);
  const w = Math.round(width / 65536);
  const h = Math.round(height / 65536);
  return a === 0 && b !== 0 ? { width: h, height: w } : { width: w, height: h };
}
