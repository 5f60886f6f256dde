import { describe, expect, it } from 'vitest';
import { buildFacets, detectFacets, graphemeCount, utf8Length, type ByteSlice } from './facets.js';

/** The UTF-8 byte range of the first `needle` in `text`, computed independently of facets.ts. */
function bytesOf(text: string, needle: string, from = 0): ByteSlice {
  const haystack = new TextEncoder().encode(text);
  const start = Buffer.from(haystack).indexOf(Buffer.from(needle), from);
  if (start === -1) throw new Error(`${needle} not in ${text}`);
  return { byteStart: start, byteEnd: start + Buffer.byteLength(needle) };
}

/** What a byte range covers, decoded back to text. */
function sliceBytes(text: string, index: ByteSlice): string {
  return new TextDecoder().decode(new TextEncoder().encode(text).slice(index.byteStart, index.byteEnd));
}

describe('utf8Length', () => {
  it('counts bytes like TextEncoder, including astral characters and lone surrogates', () => {
    for (const text of ['abc', 'é', '日本語', '👨‍👩‍👧', 'e\u0301', '\ud800x', '']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('detectFacets: byte offsets', () => {
  it('places a hashtag correctly after a family emoji (a ZWJ sequence of 18 bytes)', () => {
    const text = '👨‍👩‍👧 #family';
    const { tags } = detectFacets(text);
    expect(tags).toEqual([{ tag: 'family', index: bytesOf(text, '#family') }]);
    expect(tags[0].index.byteStart).toBe(19);
  });

  it('places facets correctly after Japanese text', () => {
    const text = 'こんにちは、世界 https://example.jp/ページ と @bob.test #日本';
    const { links, mentions, tags } = detectFacets(text);
    expect(links).toEqual([{ uri: 'https://example.jp/ページ', index: bytesOf(text, 'https://example.jp/ページ') }]);
    expect(mentions).toEqual([{ handle: 'bob.test', index: bytesOf(text, '@bob.test') }]);
    expect(tags).toEqual([{ tag: '日本', index: bytesOf(text, '#日本') }]);
  });

  it('places facets correctly after combining marks', () => {
    const text = 'Cafe\u0301 cre\u0300me #déjà example.com';
    const { links, tags } = detectFacets(text);
    expect(tags.map((t) => sliceBytes(text, t.index))).toEqual(['#déjà']);
    expect(links).toEqual([{ uri: 'https://example.com', index: bytesOf(text, 'example.com') }]);
  });
});

describe('detectFacets: links', () => {
  it.each([
    ['see https://example.com.', 'https://example.com'],
    ['see https://example.com/a?b=c!', 'https://example.com/a?b=c'],
    ['(see https://example.com/page)', 'https://example.com/page'],
    ['see https://en.wikipedia.org/wiki/Pipe_(unix)', 'https://en.wikipedia.org/wiki/Pipe_(unix)'],
    ['wow https://example.com/x?!', 'https://example.com/x'],
    ['http://insecure.example:8080/x;', 'http://insecure.example:8080/x'],
  ])('%s → %s', (text, uri) => {
    const { links } = detectFacets(text);
    expect(links).toEqual([{ uri, index: bytesOf(text, uri) }]);
  });

  it.each([
    ['bare example.com/path, ok', 'example.com/path'],
    ['hyphens my-site.co.uk/x', 'my-site.co.uk/x'],
    ['Café 日本 docs.example.org/ページ.', 'docs.example.org/ページ'],
  ])('%s → a bare domain linked over %s', (text, written) => {
    expect(detectFacets(text).links).toEqual([{ uri: `https://${written}`, index: bytesOf(text, written) }]);
  });

  it.each(['e.g. this', 'file.js and v1.2.3', 'mail me@example.com', 'https://', 'nota.realtldxyz'])('%s has no link', (text) => {
    expect(detectFacets(text).links).toEqual([]);
  });
});

describe('detectFacets: hashtags', () => {
  it('stores the tag without #, trims trailing punctuation, keeps the # in the range', () => {
    const text = 'Launch day! #Varde, #open_source. #日本語!';
    expect(detectFacets(text).tags.map((t) => [t.tag, sliceBytes(text, t.index)])).toEqual([
      ['Varde', '#Varde'],
      ['open_source', '#open_source'],
      ['日本語', '#日本語'],
    ]);
  });

  it('ignores digit-only tags, tags inside words, keycap emoji and tags over 64 graphemes', () => {
    const long = 'a'.repeat(65);
    const text = `#123 issue#5 #️⃣ #${long} #ok1 #1st`;
    expect(detectFacets(text).tags.map((t) => t.tag)).toEqual(['ok1', '1st']);
  });

  it('counts the 64-grapheme limit in graphemes, not code units, and keeps tags within 640 bytes', () => {
    const accented = 'e\u0301'.repeat(64); // 64 graphemes, 128 UTF-16 code units, 192 bytes
    expect(graphemeCount(accented)).toBe(64);
    expect(detectFacets(`#${accented}`).tags).toHaveLength(1);
    expect(detectFacets(`#${accented}e`).tags).toHaveLength(0);
    const stacked = 'e\u0301\u0302\u0303\u0304\u0305'; // one grapheme of 11 bytes
    expect(detectFacets(`#${stacked.repeat(60)}`).tags).toHaveLength(0); // 60 graphemes, 660 bytes
    expect(detectFacets(`#${stacked.repeat(58)}`).tags).toHaveLength(1); // 638 bytes
  });

  it('accepts the full-width ＃', () => {
    const text = '＃タグ';
    expect(detectFacets(text).tags).toEqual([{ tag: 'タグ', index: { byteStart: 0, byteEnd: utf8Length(text) } }]);
  });
});

describe('detectFacets: mentions', () => {
  it('finds handles with a known TLD or .test, without trailing dots', () => {
    const text = 'hi @alice.bsky.social and @bob.test. (@carol.example.com) not@dave.com @nope @x.notatld';
    expect(detectFacets(text).mentions.map((m) => [m.handle, sliceBytes(text, m.index)])).toEqual([
      ['alice.bsky.social', '@alice.bsky.social'],
      ['bob.test', '@bob.test'],
      ['carol.example.com', '@carol.example.com'],
    ]);
  });

  it('lower-cases handles for resolution but keeps the written range', () => {
    const text = '@Alice.Test hi';
    expect(detectFacets(text).mentions).toEqual([{ handle: 'alice.test', index: { byteStart: 0, byteEnd: 11 } }]);
  });
});

describe('buildFacets', () => {
  it('resolves mentions, drops unresolved ones, and sorts facets by position', async () => {
    const text = '🎉 @bob.test meet @ghost.test at https://varde.example #launch';
    const facets = await buildFacets(text, async (handle) => (handle === 'bob.test' ? 'did:plc:bob' : null));
    expect(facets).toEqual([
      { $type: 'app.bsky.richtext.facet', index: bytesOf(text, '@bob.test'), features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:bob' }] },
      { $type: 'app.bsky.richtext.facet', index: bytesOf(text, 'https://varde.example'), features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://varde.example' }] },
      { $type: 'app.bsky.richtext.facet', index: bytesOf(text, '#launch'), features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'launch' }] },
    ]);
  });

  it('resolves each handle once', async () => {
    const asked: string[] = [];
    await buildFacets('@bob.test @bob.test @BOB.test', async (h) => (asked.push(h), 'did:plc:bob'));
    expect(asked).toEqual(['bob.test']);
  });

  it('fails when the resolver fails, rather than dropping the mention silently', async () => {
    await expect(buildFacets('@bob.test', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
  });
});

describe('agreement with Bluesky’s own client', () => {
  const corpus = [
    '👨‍👩‍👧 Family day at https://example.com/a_(b) with @alice.test #family!',
    'こんにちは https://example.jp/ページ、#日本語 と @bob.bsky.social',
    'Cafe\u0301 #déjà vu — example.com/path?x=1. and (https://example.org/x)',
    '#123 #️⃣ #ok #tag. @x.test: https://a.b.example.com/?q=1,',
    'trailing www.example.net/ and notes.md, also e.g. and 1.5 and https://example.com!',
  ];

  it.each(corpus)('matches @atproto/api RichText.detectFacets on %s', async (text) => {
    const { RichText } = await import('@atproto/api');
    const rt = new RichText({ text });
    rt.detectFacetsWithoutResolution();
    const theirs = (rt.facets ?? []).map((f) => {
      const feature = f.features[0] as { $type: string; uri?: string; did?: string; tag?: string };
      const value = feature.uri ?? feature.tag ?? feature.did;
      return [feature.$type.split('#')[1], f.index.byteStart, f.index.byteEnd, value];
    });
    const found = detectFacets(text);
    const ours = [
      ...found.mentions.map((m) => ['mention', m.index.byteStart, m.index.byteEnd, m.handle]),
      ...found.links.map((l) => ['link', l.index.byteStart, l.index.byteEnd, l.uri]),
      ...found.tags.map((t) => ['tag', t.index.byteStart, t.index.byteEnd, t.tag]),
    ];
    const byStart = (a: unknown[], b: unknown[]) => Number(a[1]) - Number(b[1]);
    expect(ours.sort(byStart)).toEqual(theirs.sort(byStart));
  });
});
