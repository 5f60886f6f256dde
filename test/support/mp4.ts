/**
 * A tiny MP4 that Varde's media sniffer (src/core/media-sniff-mp4.ts) takes for a video: an `ftyp`
 * box (brand isom), a `moov` with an `mvhd` holding the duration and a `trak`/`tkhd` with the display
 * size, then an `mdat` of random filler. Not playable; the network emulators only store, hash and
 * count the bytes. Every call gives new bytes, because Varde stores media once per content hash.
 */
import crypto from 'node:crypto';

export interface Mp4Options {
  /** What the movie header says it lasts. Default 5. */
  seconds?: number;
  /** Display size. Default 640 × 360. */
  width?: number;
  height?: number;
  /** Filler bytes in `mdat` (to make an upload take several chunks). Default 1024. */
  padBytes?: number;
  /** The whole file's size instead of `padBytes` (at least the headers), for tests that count bytes. */
  bytes?: number;
}

/** At least this much filler even when `bytes` leaves no room, so two files never share a hash. */
const MIN_FILLER = 16;

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
  const b = Buffer.alloc(84); // version 0
  b.writeUInt32BE(0x00000003, 0); // flags: enabled, in movie
  b.writeUInt32BE(1, 12); // track id
  b.writeUInt32BE(durationMs, 20);
  b.writeUInt32BE(0x00010000, 40); // matrix a
  b.writeUInt32BE(0x00010000, 56); // matrix d
  b.writeUInt32BE(0x40000000, 72); // matrix w
  b.writeUInt32BE(width * 65536, 76);
  b.writeUInt32BE(height * 65536, 80);
  return box('tkhd', b);
}

/**
 * An MP4 of `seconds` at `width` × `height`. A Buffer of its own (not a slice of Node's pool), so it
 * can go straight to `app.api` as raw bytes or be handed to a provider as a media item's content.
 */
export function makeMp4(opts: Mp4Options = {}): Buffer {
  const { seconds = 5, width = 640, height = 360, padBytes = 1024 } = opts;
  const durationMs = Math.round(seconds * 1000);
  const ftyp = box('ftyp', Buffer.from('isom', 'ascii'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41', 'ascii'));
  const moov = box('moov', mvhd(durationMs), box('trak', tkhd(width, height, durationMs)));
  const filler = opts.bytes === undefined ? padBytes : Math.max(MIN_FILLER, opts.bytes - ftyp.length - moov.length - 8);
  const parts = [ftyp, moov, box('mdat', crypto.randomBytes(filler))];
  const file = Buffer.alloc(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    file.set(part, at);
    at += part.length;
  }
  return file;
}
