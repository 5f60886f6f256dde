import { describe, expect, it } from 'vitest';
import { NETWORKS } from './networks.js';
import {
  countMastodonText, countText, countThreadsText, countTitle, escapeLinkedInText, fitsTextLimits,
} from './text-count.js';

const FAMILY = '👨‍👩‍👧‍👦'; // 7 code points, 11 UTF-16 units, 25 UTF-8 bytes, 1 grapheme
const LONG_URL = 'https://example.com/a/very/long/path/that/is/much/longer/than/twenty-three/characters';

describe('countText on X (twitter-text weighting)', () => {
  it('counts 140 CJK characters as 280 and accepts them', () => {
    const result = countText('x', '漢'.repeat(140));
    expect(result).toMatchObject({ count: 280, limit: 280, unit: 'weighted characters' });
    expect(fitsTextLimits(result)).toBe(true);
  });

  it('counts 141 CJK characters as 282, too long, with a note', () => {
    const result = countText('x', '漢'.repeat(141));
    expect(result.count).toBe(282);
    expect(fitsTextLimits(result)).toBe(false);
    expect(result.notes).toContain('emoji and CJK characters count as 2');
  });

  it('counts every URL as 23 whatever its length', () => {
    const result = countText('x', `Read ${LONG_URL}`);
    expect(result.count).toBe(5 + 23);
    expect(result.notes).toEqual(['links count as 23']);
  });

  it('counts an emoji, even a ZWJ family, as 2', () => {
    expect(countText('x', '😀').count).toBe(2);
    expect(countText('x', FAMILY).count).toBe(2);
  });

  it('counts Latin text one per character after NFC', () => {
    expect(countText('x', 'e\u0301').count).toBe(1); // NFC: é
    expect(countText('x', 'a'.repeat(280)).count).toBe(280);
  });
});

describe('countText on Bluesky (graphemes and bytes)', () => {
  it('counts a ZWJ family emoji as one grapheme but 25 bytes', () => {
    const result = countText('bluesky', FAMILY);
    expect(result).toMatchObject({ count: 1, limit: 300, unit: 'graphemes' });
    expect(result.also).toEqual([{ count: 25, limit: 3000, unit: 'bytes' }]);
  });

  it('hits the 3,000-byte limit before 300 graphemes with combining sequences', () => {
    const heavy = ('a' + '\u0301'.repeat(20)).repeat(100); // 100 graphemes, 100 × 41 bytes
    const result = countText('bluesky', heavy);
    expect(result.count).toBe(100);
    expect(result.also[0].count).toBe(4100);
    expect(fitsTextLimits(result)).toBe(false);
  });

  it('accepts 300 graphemes and refuses 301', () => {
    expect(fitsTextLimits(countText('bluesky', 'a'.repeat(300)))).toBe(true);
    expect(fitsTextLimits(countText('bluesky', 'a'.repeat(301)))).toBe(false);
  });
});

describe('countText on Mastodon', () => {
  it('counts every URL as 23 and uses the instance limit', () => {
    const result = countText('mastodon', `See ${LONG_URL}`, { maxCharacters: 5000 });
    expect(result).toMatchObject({ count: 4 + 23, limit: 5000, unit: 'graphemes' });
    expect(result.notes).toContain('links count as 23');
  });

  it('defaults to 500', () => {
    expect(countText('mastodon', 'hi').limit).toBe(500);
  });

  it('counts a remote mention as only its @user part', () => {
    expect(countMastodonText('@alice@mastodon.example hi').count).toBe('@alice hi'.length);
    expect(countMastodonText('@alice hi').count).toBe(9);
    expect(countMastodonText('@alice@mastodon.example').notes).toContain('a remote mention counts only its @user part');
  });

  it('does not treat an e-mail address as a mention', () => {
    expect(countMastodonText('mail me@example.com').count).toBe('mail me@example.com'.length);
  });

  it('counts graphemes, so a family emoji is 1', () => {
    expect(countMastodonText(FAMILY).count).toBe(1);
  });

  it('does not shorten bare domains (Mastodon only links URLs with a scheme)', () => {
    const bare = 'example.com/some/long/path/here/and/there/again';
    expect(countMastodonText(bare).count).toBe(bare.length);
  });
});

describe('countText on Threads (emoji count as UTF-8 bytes)', () => {
  it('counts plain text one per character', () => {
    expect(countThreadsText('hello').count).toBe(5);
    expect(countThreadsText('blåbær').count).toBe(6);
  });

  it('counts each emoji by its UTF-8 bytes, modifiers and ZWJ parts included', () => {
    expect(countThreadsText('😀').count).toBe(4);
    expect(countThreadsText('❤️').count).toBe(6);
    expect(countThreadsText('👍🏽').count).toBe(8);
    expect(countThreadsText(FAMILY).count).toBe(25);
    expect(countThreadsText('🇳🇴').count).toBe(8);
  });

  it('reaches the 500 limit with 125 four-byte emoji', () => {
    expect(fitsTextLimits(countText('threads', '😀'.repeat(125)))).toBe(true);
    expect(fitsTextLimits(countText('threads', '😀'.repeat(126)))).toBe(false);
  });
});

describe('countText on the other networks', () => {
  it.each([
    ['linkedin', 3000], ['instagram', 2200], ['facebook', 63_206], ['pinterest', 800], ['tiktok', 2200],
    ['telegram', 4096], ['discord', 2000], ['reddit', 40_000], ['webhook', 100_000],
  ] as const)('%s allows %i', (network, limit) => {
    expect(countText(network, 'x').limit).toBe(limit);
  });

  it('counts YouTube descriptions in UTF-8 bytes', () => {
    expect(countText('youtube', 'ø'.repeat(2600))).toMatchObject({ count: 5200, limit: 5000, unit: 'bytes' });
  });

  it('limits a Telegram text with media to the 1,024 caption limit', () => {
    const result = countText('telegram', 'a'.repeat(1100), { media: [{ kind: 'image' }] });
    expect(result.limit).toBe(1024);
    expect(result.notes).toContain('a caption with media is limited to 1,024');
    expect(countText('telegram', 'a', { media: [] }).limit).toBe(4096);
  });

  it('gives TikTok photo posts a 4,000 description and videos a 2,200 caption', () => {
    expect(countText('tiktok', 'a', { media: [{ kind: 'image' }, { kind: 'image' }] }).limit).toBe(4000);
    expect(countText('tiktok', 'a', { media: [{ kind: 'video' }] }).limit).toBe(2200);
  });

  it('has a conservative Snapchat caption limit', () => {
    expect(countText('snapchat', 'a').limit).toBeLessThanOrEqual(250);
  });

  it('counts an astral emoji as 2 UTF-16 units where the unit is UTF-16', () => {
    expect(countText('instagram', '😀').count).toBe(2);
  });

  it('has a count for every network', () => {
    for (const network of NETWORKS) expect(countText(network, 'hello').count).toBeGreaterThan(0);
  });
});

describe('countTitle', () => {
  it('knows YouTube 100, Pinterest 100, Reddit 300 and no title elsewhere', () => {
    expect(countTitle('youtube', 'a')?.limit).toBe(100);
    expect(countTitle('pinterest', 'a')?.limit).toBe(100);
    expect(countTitle('reddit', 'a')?.limit).toBe(300);
    expect(countTitle('x', 'a')).toBeNull();
  });
});

describe('escapeLinkedInText', () => {
  it('backslash-escapes every reserved character', () => {
    expect(escapeLinkedInText('\\|{}@[]()<>#*_~')).toBe('\\\\\\|\\{\\}\\@\\[\\]\\(\\)\\<\\>\\#\\*\\_\\~');
  });

  it('leaves other text alone, and the count is of the unescaped text', () => {
    expect(escapeLinkedInText('Hello, world! 50% off.')).toBe('Hello, world! 50% off.');
    expect(countText('linkedin', 'Sale (today) #deal').count).toBe(18);
  });
});
