/**
 * Media the Meta tests upload to Varde: a minimal but well-formed JPEG (Instagram takes JPEG
 * only) and a vertical MP4 (test/support/mp4.ts), each made unique so content-addressed storage
 * keeps them apart.
 */
import crypto from 'node:crypto';
import type { TestApp, TestUser } from '../../support/app.js';
import { makeMp4, type Mp4Options } from '../../support/mp4.js';

const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);

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

export async function uploadBytes(app: TestApp, user: TestUser, bytes: Buffer, filename: string, mime: string): Promise<string> {
  const res = await app.api('POST', `${user.ws}/media?filename=${filename}`, bytes, user.token, { 'content-type': mime });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export const uploadJpeg = (app: TestApp, user: TestUser, width = 1080, height = 1080, padBytes = 16) => uploadBytes(app, user, makeJpeg(width, height, padBytes), 'photo.jpg', 'image/jpeg');
/** A 5-second 720 × 1280 clip (what Reels and Stories take) with 4 KB of filler, unless told otherwise. */
export const uploadMp4 = (app: TestApp, user: TestUser, opts: Mp4Options = {}) =>
  uploadBytes(app, user, makeMp4({ width: 720, height: 1280, padBytes: 4096, ...opts }), 'clip.mp4', 'video/mp4');
