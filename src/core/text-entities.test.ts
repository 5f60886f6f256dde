import { describe, expect, it } from 'vitest';
import { countDistinctUrls, findHashtags, findMentions, findUrls } from './text-entities.js';

describe('findUrls', () => {
  it('finds links with and without a scheme, or only with one', () => {
    const text = 'See https://example.com/a and example.org too';
    expect(findUrls(text).map((u) => u.text)).toEqual(['https://example.com/a', 'example.org']);
    expect(findUrls(text, { withoutProtocol: false }).map((u) => u.text)).toEqual(['https://example.com/a']);
  });

  it('gives UTF-16 indices', () => {
    const [url] = findUrls('😀 https://example.com');
    expect(url).toMatchObject({ start: 3, end: 22 });
  });

  it('counts distinct links, ignoring scheme, www and a trailing slash', () => {
    expect(countDistinctUrls('https://example.com example.com/ https://www.example.com http://other.com')).toBe(2);
    expect(countDistinctUrls('nothing here', ['https://example.com'])).toBe(1);
  });
});

describe('findHashtags', () => {
  it('finds Unicode hashtags and skips numbers, URL fragments and entities', () => {
    expect(findHashtags('#hello #blåbær #東京 #2025 #a1 &#39; https://x.com/#frag word#not')).toEqual(['hello', 'blåbær', '東京', 'a1']);
  });

  it('does not take a keycap emoji for a hashtag', () => {
    expect(findHashtags('#️⃣ #real')).toEqual(['real']);
  });
});

describe('findMentions', () => {
  it('finds @names, not e-mail addresses', () => {
    expect(findMentions('@alice and @bob.smith_ wrote to me@example.com')).toEqual(['alice', 'bob.smith_']);
  });

  it('ignores @ inside URLs', () => {
    expect(findMentions('https://medium.com/@writer/post')).toEqual([]);
  });
});
