import { describe, expect, it } from 'vitest';
import { countCodePoints, countGraphemes, countUtf16Units, countUtf8Bytes, isEmojiGrapheme } from './text-units.js';

describe('text units', () => {
  const family = '👨‍👩‍👧‍👦';

  it('measures one ZWJ family emoji four ways', () => {
    expect(countGraphemes(family)).toBe(1);
    expect(countCodePoints(family)).toBe(7);
    expect(countUtf16Units(family)).toBe(11);
    expect(countUtf8Bytes(family)).toBe(25);
  });

  it('treats a base letter and its combining marks as one grapheme', () => {
    expect(countGraphemes('e\u0301\u0302')).toBe(1);
    expect(countUtf8Bytes('e\u0301\u0302')).toBe(5);
  });

  it('recognises emoji graphemes, flags and keycaps included', () => {
    for (const emoji of ['😀', '❤️', '👍🏽', family, '🇳🇴', '1️⃣']) expect(isEmojiGrapheme(emoji), emoji).toBe(true);
    for (const text of ['a', 'ø', '漢', '1']) expect(isEmojiGrapheme(text), text).toBe(false);
  });
});
