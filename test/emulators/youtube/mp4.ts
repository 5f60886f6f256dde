/**
 * A tiny MP4 that Varde's media sniffer (src/core/media-sniff-mp4.ts) takes for a video: an
 * `ftyp` box (brand isom), a `moov` with an `mvhd` holding the duration and a `trak`/`tkhd` with
 * the display size, then an `mdat` of filler bytes to reach a wanted size. Not playable; every
 * network emulator only stores and hashes the bytes. Each call with a new `seed` gives new bytes
 * (media are stored once per content hash).
 */
import crypto from 'node:crypto';

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'ascii');
  return Buffer.concat([head, body]);
}

function mvhd(durationMs: number): Buffer {
  const b = Buffer.alloc(100); // version 0
  b.writeUInt32BE(1000, 12); // timescale: ms
  b.writeUInt32BE(durationMs, 16);
  b.writeUInt32BE(0x00010000, 20); // rate 1.0
  b.writeUInt16BE(0x0100, 24); // volume 1.0
  b.writeUInt32BE(0x00010000, 36); // matrix a
  b.writeUInt32BE(0x00010000, 52); // matrix d
  b.writeUInt32BE(0x40000000, 68); // matrix w
  b.writeUInt32BE(2, 96); // next track id
  return box('mvhd', b);
}

function tkhd(width: number, height: number, durationMs: number): Buffer {
  const b = Buffer.alloc(84); // version 0, flags: enabled
  b.writeUInt32BE(0x00000003, 0);
  b.writeUInt32BE(1, 12); // track id
  b.writeUInt32BE(durationMs, 20);
  b.writeUInt32BE(0x00010000, 40); // matrix a
  b.writeUInt32BE(0x00010000, 56); // matrix d
  b.writeUInt32BE(0x40000000, 72); // matrix w
  b.writeUInt32BE(width * 65536, 76);
  b.writeUInt32BE(height * 65536, 80);
  return box('tkhd', b);
}

let counter = 0;

/** An MP4 of about `bytes` bytes (at least the headers), lasting `durationSec`. */
export function makeMp4(opts: { bytes?: number; durationSec?: number; width?: number; height?: number; seed?: string } = {}): Uint8Array {
  const durationMs = Math.round((opts.durationSec ?? 10) * 1000);
  const ftyp = box('ftyp', Buffer.from('isom', 'ascii'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41', 'ascii'));
  const moov = box('moov', mvhd(durationMs), box('trak', tkhd(opts.width ?? 1280, opts.height ?? 720, durationMs)));
  const seed = Buffer.from(`${opts.seed ?? ''}:${++counter}:${crypto.randomUUID()}`);
  const fill = Math.max(seed.length, (opts.bytes ?? 4096) - ftyp.length - moov.length - 8);
  const data = Buffer.alloc(fill);
  seed.copy(data);
  return Buffer.concat([ftyp, moov, box('mdat', data)]); // a Buffer: Fastify's inject sends it as bytes
}
