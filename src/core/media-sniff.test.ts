import { describe, expect, it } from 'vitest';
import { sniffMedia } from './media-sniff.js';

// Byte builders for hand-made headers: each part is bytes, a number list or a Latin-1 string.
type Part = Uint8Array | number[] | string;
function bytes(...parts: Part[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? Uint8Array.from(p, (c) => c.charCodeAt(0)) : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) { out.set(a, at); at += a.length; }
  return out;
}
const u16be = (n: number) => [(n >> 8) & 255, n & 255];
const u16le = (n: number) => [n & 255, (n >> 8) & 255];
const u24le = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255];
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u32le = (n: number) => u32be(n).reverse();
const zeros = (n: number) => new Array<number>(n).fill(0);
const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

function jpeg({ width, height, orientation, sof = 0xc0 }: { width: number; height: number; orientation?: number; sof?: number }) {
  const jfif = bytes([0xff, 0xe0], u16be(16), 'JFIF\0', [1, 1, 0], u16be(1), u16be(1), [0, 0]);
  const exif = orientation === undefined ? [] : (() => {
    const tiff = bytes('II', [0x2a, 0], u32le(8), u16le(1), u16le(0x0112), u16le(3), u32le(1), u16le(orientation), [0, 0], u32le(0));
    return bytes([0xff, 0xe1], u16be(2 + 6 + tiff.length), 'Exif\0\0', tiff);
  })();
  const dht = bytes([0xff, 0xc4], u16be(5), [0, 1, 2]); // a C4 segment must not be read as a frame header
  const frame = bytes([0xff, sof], u16be(17), [8], u16be(height), u16be(width), [3], zeros(9));
  const scan = bytes([0xff, 0xda], u16be(8), zeros(6), [0x12, 0x34, 0xff, 0xd9]);
  return bytes([0xff, 0xd8], jfif, exif, dht, frame, scan);
}

function box(type: string, ...body: Part[]): Uint8Array {
  const content = bytes(...body);
  return bytes(u32be(8 + content.length), type, content);
}
const ftyp = (major: string, ...compatible: string[]) => box('ftyp', major, u32be(0x200), ...compatible);
const mvhd = (timescale: number, duration: number) => box('mvhd', [0, 0, 0, 0], u32be(0), u32be(0), u32be(timescale), u32be(duration), zeros(80));
function tkhd(width: number, height: number, rotated = false) {
  const matrix = rotated
    ? [...u32be(0), ...u32be(0x10000), ...u32be(0), ...u32be(0xffff0000), ...u32be(0), ...zeros(12), ...u32be(0x40000000)]
    : [...u32be(0x10000), ...zeros(12), ...u32be(0x10000), ...zeros(12), ...u32be(0x40000000)];
  return box('tkhd', [0, 0, 0, 3], zeros(20), zeros(8), zeros(8), matrix, u32be(width * 65536), u32be(height * 65536));
}

describe('sniffMedia', () => {
  it('reads JPEG size from the frame header, past other segments', () => {
    expect(sniffMedia(jpeg({ width: 640, height: 480 }))).toEqual({ mime: 'image/jpeg', kind: 'image', width: 640, height: 480 });
    expect(sniffMedia(jpeg({ width: 1024, height: 768, sof: 0xc2 }))).toMatchObject({ width: 1024, height: 768 }); // progressive
  });

  it('swaps JPEG width and height for a sideways EXIF orientation', () => {
    expect(sniffMedia(jpeg({ width: 4032, height: 3024, orientation: 6 }))).toMatchObject({ width: 3024, height: 4032 });
    expect(sniffMedia(jpeg({ width: 4032, height: 3024, orientation: 1 }))).toMatchObject({ width: 4032, height: 3024 });
  });

  it('still recognises a truncated JPEG, without a size', () => {
    expect(sniffMedia(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toEqual({ mime: 'image/jpeg', kind: 'image' });
  });

  it('reads PNG size from IHDR', () => {
    const onePixel = fromBase64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==');
    expect(sniffMedia(onePixel)).toEqual({ mime: 'image/png', kind: 'image', width: 1, height: 1 });
    const header = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], u32be(13), 'IHDR', u32be(1920), u32be(1080), [8, 6, 0, 0, 0]);
    expect(sniffMedia(header)).toMatchObject({ width: 1920, height: 1080 });
  });

  it('reports every GIF as kind gif, with its size', () => {
    const onePixel = fromBase64('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7');
    expect(sniffMedia(onePixel)).toEqual({ mime: 'image/gif', kind: 'gif', width: 1, height: 1 });
    expect(sniffMedia(bytes('GIF87a', u16le(320), u16le(240), zeros(3)))).toMatchObject({ width: 320, height: 240 });
  });

  it('reads all three WebP headers', () => {
    const riff = (chunk: Uint8Array) => bytes('RIFF', u32le(4 + chunk.length), 'WEBP', chunk);
    const lossy = riff(bytes('VP8 ', u32le(10), [0x10, 0x02, 0x00], [0x9d, 0x01, 0x2a], u16le(400), u16le(300)));
    const lossless = riff(bytes('VP8L', u32le(5), [0x2f], u32le((800 - 1) | ((600 - 1) << 14))));
    const extended = riff(bytes('VP8X', u32le(10), [0x02], zeros(3), u24le(5000 - 1), u24le(3000 - 1)));
    expect(sniffMedia(lossy)).toEqual({ mime: 'image/webp', kind: 'image', width: 400, height: 300 });
    expect(sniffMedia(lossless)).toMatchObject({ width: 800, height: 600 });
    expect(sniffMedia(extended)).toMatchObject({ width: 5000, height: 3000 });
  });

  it('reads MP4 type, display size and duration', () => {
    const file = bytes(ftyp('isom', 'isom', 'mp42'), box('moov', mvhd(1000, 12_500), box('trak', tkhd(0, 0)), box('trak', tkhd(1920, 1080))));
    expect(sniffMedia(file)).toEqual({ mime: 'video/mp4', kind: 'video', width: 1920, height: 1080, durationSec: 12.5 });
  });

  it('reports a phone video recorded sideways at its displayed size', () => {
    const file = bytes(ftyp('mp42'), box('moov', mvhd(600, 600), box('trak', tkhd(1920, 1080, true))));
    expect(sniffMedia(file)).toMatchObject({ width: 1080, height: 1920, durationSec: 1 });
  });

  it('finds moov after mdat, and does without it when the file is cut short', () => {
    const mdat = box('mdat', zeros(100));
    const full = bytes(ftyp('isom'), mdat, box('moov', mvhd(1, 30)));
    expect(sniffMedia(full)).toMatchObject({ mime: 'video/mp4', durationSec: 30 });
    const cut = bytes(ftyp('isom'), u32be(1_000_000), 'mdat', zeros(50));
    expect(sniffMedia(cut)).toEqual({ mime: 'video/mp4', kind: 'video' });
  });

  it('tells MOV, HEIC, AVIF and audio apart by brand', () => {
    expect(sniffMedia(bytes(ftyp('qt  ')))).toMatchObject({ mime: 'video/quicktime', kind: 'video' });
    expect(sniffMedia(bytes(ftyp('heic', 'mif1', 'heic')))).toEqual({ mime: 'image/heic', kind: 'image' });
    expect(sniffMedia(bytes(ftyp('avif', 'mif1', 'avif')))).toEqual({ mime: 'image/avif', kind: 'image' });
    expect(sniffMedia(bytes(ftyp('M4A ', 'M4A ')))).toBeNull();
  });

  it('recognises WebM and Matroska', () => {
    const ebml = (docType: string) => bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | docType.length], docType);
    expect(sniffMedia(ebml('webm'))).toEqual({ mime: 'video/webm', kind: 'video' });
    expect(sniffMedia(ebml('matroska'))).toEqual({ mime: 'video/x-matroska', kind: 'video' });
  });

  it('returns null for anything else, whatever its name', () => {
    expect(sniffMedia(new Uint8Array())).toBeNull();
    expect(sniffMedia(bytes('%PDF-1.7\n'))).toBeNull();
    expect(sniffMedia(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffMedia(bytes('RIFF', u32le(4), 'WAVE'))).toBeNull();
  });
});
