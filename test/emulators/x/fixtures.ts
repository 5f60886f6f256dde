/**
 * Test material for the X contract tests: a minimal MP4 that Varde's media sniffer reads (duration
 * and size), padded to a chosen size so the upload takes several chunks; and Account Activity
 * deliveries signed the way X signs them.
 */
import crypto from 'node:crypto';

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([u32(8 + body.length), Buffer.from(type, 'latin1'), body]);
};

/** An MP4 of `seconds` and `width`×`height` with an `mdat` of `padBytes` random bytes. */
export function makeMp4(opts: { seconds?: number; width?: number; height?: number; padBytes?: number } = {}): Uint8Array {
  const { seconds = 5, width = 640, height = 360, padBytes = 1024 } = opts;
  const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), u32(0x200), Buffer.from('isommp42', 'latin1'));
  const mvhd = box('mvhd', Buffer.alloc(4), u32(0), u32(0), u32(1000), u32(Math.round(seconds * 1000)), Buffer.alloc(80));
  const matrix = Buffer.concat([u32(0x10000), Buffer.alloc(12), u32(0x10000), Buffer.alloc(12), u32(0x40000000)]);
  const tkhd = box('tkhd', Buffer.from([0, 0, 0, 3]), Buffer.alloc(20), Buffer.alloc(8), Buffer.alloc(8), matrix, u32(width * 65536), u32(height * 65536));
  const moov = box('moov', mvhd, box('trak', tkhd));
  return new Uint8Array(Buffer.concat([ftyp, moov, box('mdat', crypto.randomBytes(padBytes))]));
}

/** An Account Activity API delivery: the JSON body and X's signature header over its raw bytes. */
export function accountActivityDelivery(consumerSecret: string, payload: unknown) {
  const rawBody = Buffer.from(JSON.stringify(payload));
  const signature = `sha256=${crypto.createHmac('sha256', consumerSecret).update(rawBody).digest('base64')}`;
  return { rawBody, headers: { 'content-type': 'application/json', 'x-twitter-webhooks-signature': signature } };
}
