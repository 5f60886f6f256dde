import { describe, expect, it } from 'vitest';
import { withLink } from './link-text.js';

const LINK = 'https://example.com/launch';

describe('withLink', () => {
  it('adds the link after a blank line, or on the next line when asked', () => {
    expect(withLink('Launch day', LINK)).toBe(`Launch day\n\n${LINK}`);
    expect(withLink('Launch day', LINK, { separator: '\n' })).toBe(`Launch day\n${LINK}`);
  });

  it('leaves the text alone without a link, or when the link is already in it', () => {
    expect(withLink('Launch day', null)).toBe('Launch day');
    expect(withLink('Launch day', undefined)).toBe('Launch day');
    expect(withLink(`Read ${LINK} today`, LINK)).toBe(`Read ${LINK} today`);
  });

  it('sends the link alone for an empty text; white space counts as empty unless told otherwise', () => {
    expect(withLink('', LINK)).toBe(LINK);
    expect(withLink('  ', LINK)).toBe(LINK);
    expect(withLink('', LINK, { blankIsEmpty: false })).toBe(LINK);
    expect(withLink('  ', LINK, { blankIsEmpty: false })).toBe(`  \n\n${LINK}`);
  });
});
