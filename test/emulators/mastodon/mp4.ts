/**
 * A minimal MP4 for upload tests: `ftyp` + `moov` with a movie header (duration) and one track
 * header (display size), enough for Varde's media sniffing to call it a video of that size and
 * length. Not playable; networks in emulation only look at the bytes they are sent.
 */
export function makeMp4(opts: { durationSec?: number; width?: number; height?: number; padBytes?: number } = {}): Uint8Array {
  const box = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length, 0);
    head.write(type, 4, 'ascii');
    return Buffer.concat([head, body]);
  };
  const ftyp = box('ftyp', Buffer.concat([Buffer.from('isom', 'ascii'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41', 'ascii')]));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale
  mvhd.writeUInt32BE(Math.round((opts.durationSec ?? 5) * 1000), 16); // duration
  const tkhd = Buffer.alloc(84);
  tkhd.writeInt32BE(0x10000, 40); // identity matrix a = 1.0
  tkhd.writeInt32BE(0x10000, 56); // d = 1.0
  tkhd.writeUInt32BE((opts.width ?? 640) * 65536, 76);
  tkhd.writeUInt32BE((opts.height ?? 360) * 65536, 80);
  const moov = box('moov', Buffer.concat([box('mvhd', mvhd), box('trak', box('tkhd', tkhd))]));
  const mdat = box('mdat', Buffer.alloc(opts.padBytes ?? 256, 7));
  return Buffer.concat([ftyp, moov, mdat]); // a Buffer: the test client sends it as raw bytes
}
