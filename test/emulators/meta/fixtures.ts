/**
 * Media the Meta tests upload to Varde: a minimal but well-formed JPEG (Instagram takes JPEG
 * only) and MP4 (ftyp + moov with mvhd duration and tkhd size + mdat), each made unique so
 * content-addressed storage keeps them apart.
 */
import crypto from 'node:crypto';
import type { TestApp, TestUser } from '../../support/app.js';

const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; };
const box = (type: string, ...body: Buffer[]) => { const data = Buffer.concat(body); return Buffer.concat([u32(8 + data.length), Buffer.from(type, 'ascii'), data]); };

export function makeJpeg(width: number, height: number, padBytes = 16): Buffer {
  const comment = crypto.randomBytes(Math.max(4, padBytes));
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    Buffer.from([0xff, 0xe0]), u16(16), Buffer.from('JFIF\0', 'ascii'), Buffer.from([1, 1, 0]), u16(1), u16(1), Buffer.from([0, 0]),
    Buffer.from([0xff, 0xfe]), u16(2 + comment.length), comment,
    Buffer.from([0xff, 0xc0]), u16(17), Buffer.from([8]), u16(height), u16(width), Buffer.from([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

export function makeMp4(opts: { width?: number; height?: number; seconds?: number; payloadBytes?: number } = {}): Buffer {
  const { width = 720, height = 1280, seconds = 5, payloadBytes = 4096 } = opts;
  const timescale = 1000;
  const mvhd = box('mvhd', Buffer.alloc(4), u32(0), u32(0), u32(timescale), u32(seconds * timescale), Buffer.alloc(80));
  const matrix = Buffer.concat([u32(0x00010000), u32(0), u32(0), u32(0), u32(0x00010000), u32(0), u32(0), u32(0), u32(0x40000000)]);
  const tkhd = box('tkhd', Buffer.from([0, 0, 0, 3]), u32(0), u32(0), u32(1), u32(0), u32(seconds * timescale), Buffer.alloc(8), Buffer.alloc(8), matrix, u32(width * 65536), u32(height * 65536));
  const ftyp = box('ftyp', Buffer.from('isom', 'ascii'), u32(512), Buffer.from('isomiso2mp41', 'ascii'));
  return Buffer.concat([ftyp, box('moov', mvhd, box('trak', tkhd)), box('mdat', crypto.randomBytes(payloadBytes))]);
}

export async function uploadBytes(app: TestApp, user: TestUser, bytes: Buffer, filename: string, mime: string): Promise<string> {
  const res = await app.api('POST', `${user.ws}/media?filename=${filename}`, bytes, user.token, { 'content-type': mime });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export const uploadJpeg = (app: TestApp, user: TestUser, width = 1080, height = 1080, padBytes = 16) => uploadBytes(app, user, makeJpeg(width, height, padBytes), 'photo.jpg', 'image/jpeg');
export const uploadMp4 = (app: TestApp, user: TestUser, opts: Parameters<typeof makeMp4>[0] = {}) => uploadBytes(app, user, makeMp4(opts), 'clip.mp4', 'video/mp4');
