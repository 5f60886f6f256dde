/**
 * JPEG dimensions: walks the marker segments to the first frame header (SOFn), and reads the
 * EXIF orientation on the way so a phone photo stored sideways reports its displayed size.
 */
import { readAscii, readU16BE, readU16LE, readU32BE, readU32LE } from './byte-reader.js';

/** Width and height as displayed, or `{}` when no frame header is found. */
export function readJpegSize(bytes: Uint8Array): { width?: number; height?: number } {
  let at = 2;
  let orientation = 1;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return {};
    const marker = bytes[at + 1];
    if (marker === 0xff) { at += 1; continue; } // fill byte
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) return {}; // end of image / start of scan: no frame header
    const length = readU16BE(bytes, at + 2);
    if (length === undefined || length < 2) return {};
    if (marker === 0xe1 && readAscii(bytes, at + 4, 6) === 'Exif\0\0') {
      orientation = readExifOrientation(bytes, at + 10, at + 2 + length) ?? orientation;
    }
    if (isFrameHeader(marker)) {
      const height = readU16BE(bytes, at + 5);
      const width = readU16BE(bytes, at + 7);
      if (width === undefined || height === undefined) return {};
      return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
    }
    at += 2 + length;
  }
  return {};
}

/** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** EXIF tag 0x0112 from IFD0 of the TIFF block at `tiff`, bounded by `end`. */
function readExifOrientation(bytes: Uint8Array, tiff: number, end: number): number | undefined {
  const order = readAscii(bytes, tiff, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const view = bytes.subarray(0, Math.min(end, bytes.length));
  const u16 = order === 'II' ? readU16LE : readU16BE;
  const u32 = order === 'II' ? readU32LE : readU32BE;
  const ifdOffset = u32(view, tiff + 4);
  if (ifdOffset === undefined) return undefined;
  const ifd = tiff + ifdOffset;
  const entries = u16(view, ifd);
  if (entries === undefined) return undefined;
  for (let i = 0; i < entries; i += 1) {
    const entry = ifd + 2 + i * 12;
    const tag = u16(view, entry);
    if (tag === undefined) return undefined;
    if (tag === 0x0112) return u16(view, entry + 8);
  }
  return undefined;
}
