/**
 * Low-level text measures that every network's counting is built from. Browser-safe:
 * `Intl.Segmenter` for grapheme clusters, `TextEncoder` for UTF-8 bytes.
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const encoder = new TextEncoder();

/** User-perceived characters: a ZWJ family emoji or `e` + combining accents is one. */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/** The grapheme clusters of `text`, in order. */
export function splitGraphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** Unicode code points (an astral emoji is 1, a ZWJ sequence is several). */
export function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** UTF-16 code units, i.e. JavaScript's `length` (an astral emoji is 2). */
export function countUtf16Units(text: string): number {
  return text.length;
}

/** Bytes of the UTF-8 encoding. */
export function countUtf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/** True when a grapheme cluster is (or contains) an emoji: pictographs, flags, keycaps. */
export function isEmojiGrapheme(grapheme: string): boolean {
  return EMOJI.test(grapheme);
}
