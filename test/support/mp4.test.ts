import { describe, expect, it } from 'vitest';
import { sniffMedia } from '../../src/core/media-sniff.js';
import { makeMp4 } from './mp4.js';

describe('makeMp4', () => {
  it('is read by Varde’s sniffer as a video of the asked size and length', () => {
    expect(sniffMedia(makeMp4())).toEqual({ mime: 'video/mp4', kind: 'video', width: 640, height: 360, durationSec: 5 });
    expect(sniffMedia(makeMp4({ seconds: 12.5, width: 1080, height: 1920 }))).toEqual({ mime: 'video/mp4', kind: 'video', width: 1080, height: 1920, durationSec: 12.5 });
  });

  it('pads `mdat`, or reaches an exact file size', () => {
    expect(makeMp4({ padBytes: 5000 }).length - makeMp4({ padBytes: 0 }).length).toBe(5000);
    expect(makeMp4({ bytes: 50_000 })).toHaveLength(50_000);
  });

  it('gives new bytes on every call', () => {
    expect(makeMp4().equals(makeMp4())).toBe(false);
    expect(makeMp4({ bytes: 10 }).equals(makeMp4({ bytes: 10 }))).toBe(false);
  });
});
