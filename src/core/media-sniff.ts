/**
 * Recognising an upload by its first bytes, not its name: JPEG, PNG, GIF, WebP, MP4/MOV (and
 * other ISO media such as HEIC), WebM/Matroska. Dimensions are read where the header holds them.
 * Every GIF is reported as kind `gif` (networks limit GIF files apart from still images);
 * animated WebP stays `image`.
 */
import type { MediaKind } from './content.js';
import { hasBytes, readAscii, readU16LE, readU24LE, readU32BE } from './byte-reader.js';
import { readJpegSize } from './media-sniff-jpeg.js';
import { sniffIsoMedia } from './media-sniff-mp4.js';

export interface SniffedMedia {
  mime: string;
  kind: MediaKind;
  width?: number;
  height?: number;
  /** Only for MP4/MOV whose `moov` box is in the bytes given. */
  durationSec?: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const EBML_SIGNATURE = [0x1a, 0x45, 0xdf, 0xa3];

/** The type and size of a media file from its bytes, or `null` when it is not a supported kind. */
export function sniffMedia(bytes: Uint8Array): SniffedMedia | null {
  if (hasBytes(bytes, 0, [0xff, 0xd8, 0xff])) return withSize({ mime: 'image/jpeg', kind: 'image' }, readJpegSize(bytes));
  if (hasBytes(bytes, 0, PNG_SIGNATURE)) return withSize({ mime: 'image/png', kind: 'image' }, readPngSize(bytes));
  const head = readAscii(bytes, 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') {
    return withSize({ mime: 'image/gif', kind: 'gif' }, { width: readU16LE(bytes, 6), height: readU16LE(bytes, 8) });
  }
  if (readAscii(bytes, 0, 4) === 'RIFF' && readAscii(bytes, 8, 4) === 'WEBP') {
    return withSize({ mime: 'image/webp', kind: 'image' }, readWebpSize(bytes));
  }
  if (readAscii(bytes, 4, 4) === 'ftyp') return sniffIsoMedia(bytes);
  if (hasBytes(bytes, 0, EBML_SIGNATURE)) return sniffMatroska(bytes);
  return null;
}

function withSize(base: SniffedMedia, size: { width?: number; height?: number }): SniffedMedia {
  return size.width && size.height ? { ...base, width: size.width, height: size.height } : base;
}

/** IHDR is always the first chunk: width and height at bytes 16 and 20. */
function readPngSize(bytes: Uint8Array): { width?: number; height?: number } {
  if (readAscii(bytes, 12, 4) !== 'IHDR') return {};
  return { width: readU32BE(bytes, 16), height: readU32BE(bytes, 20) };
}

/** Lossy (VP8), lossless (VP8L) and extended (VP8X) WebP headers. */
function readWebpSize(bytes: Uint8Array): { width?: number; height?: number } {
  const chunk = readAscii(bytes, 12, 4);
  if (chunk === 'VP8 ' && hasBytes(bytes, 23, [0x9d, 0x01, 0x2a])) {
    const width = readU16LE(bytes, 26);
    const height = readU16LE(bytes, 28);
    return width === undefined || height === undefined ? {} : { width: width & 0x3fff, height: height & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes[20] === 0x2f && bytes.length >= 25) {
    const bits = bytes[21] | (bytes[22] << 8) | (bytes[23] << 16) | (bytes[24] << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    const width = readU24LE(bytes, 24);
    const height = readU24LE(bytes, 27);
    return width === undefined || height === undefined ? {} : { width: width + 1, height: height + 1 };
  }
  return {};
}

/** WebM and Matroska share the EBML header; the DocType near the start tells them apart. */
function sniffMatroska(bytes: Uint8Array): SniffedMedia | null {
  const header = readAscii(bytes, 0, 64);
  if (header.includes('webm')) return { mime: 'video/webm', kind: 'video' };
  if (header.includes('matroska')) return { mime: 'video/x-matroska', kind: 'video' };
  return null;
}
