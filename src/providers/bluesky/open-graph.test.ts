import { describe, expect, it } from 'vitest';
import { decodeEntities, parseOpenGraph, resolveHttpUrl } from './open-graph.js';

const PAGE = 'https://shop.example/products/kettle?ref=1';

function page(head: string, body = '<p>Hello</p>'): string {
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

describe('parseOpenGraph', () => {
  it('reads og:title, og:description and og:image, with entities decoded', () => {
    const html = page(`
      <meta property="og:title" content="Tom &amp; Jerry&#39;s &quot;Kettle&quot; &#x1F375;">
      <meta property="og:description" content='Boils in 2&nbsp;minutes &mdash; caf&eacute; grade'>
      <meta property="og:image" content="https://cdn.example/k.png">
      <title>Ignored title</title>`);
    expect(parseOpenGraph(html, PAGE)).toEqual({
      title: 'Tom & Jerry\'s "Kettle" 🍵',
      description: 'Boils in 2 minutes — café grade', // whitespace, &nbsp; included, is collapsed
      imageUrl: 'https://cdn.example/k.png',
    });
  });

  it('resolves a relative og:image against the page URL', () => {
    expect(parseOpenGraph(page('<meta property="og:image" content="../img/k.jpg">'), PAGE).imageUrl).toBe(
      'https://shop.example/img/k.jpg',
    );
    expect(parseOpenGraph(page('<meta property="og:image" content="//cdn.example/k.jpg">'), PAGE).imageUrl).toBe(
      'https://cdn.example/k.jpg',
    );
    expect(parseOpenGraph(page('<meta property="og:image" content="/a b.jpg?x=1&amp;y=2">'), PAGE).imageUrl).toBe(
      'https://shop.example/a%20b.jpg?x=1&y=2',
    );
  });

  it('refuses non-http image URLs', () => {
    expect(parseOpenGraph(page('<meta property="og:image" content="javascript:alert(1)">'), PAGE).imageUrl).toBeNull();
    expect(parseOpenGraph(page('<meta property="og:image" content="data:image/png;base64,AAAA">'), PAGE).imageUrl).toBeNull();
  });

  it('falls back to <title> and meta name=description', () => {
    const html = page('<title>\n  Kettle &ndash; Shop\n</title><meta name="description" content="A fine kettle.">');
    expect(parseOpenGraph(html, PAGE)).toEqual({ title: 'Kettle – Shop', description: 'A fine kettle.', imageUrl: null });
  });

  it('falls back to Twitter Card tags before <title>', () => {
    const html = page('<title>T</title><meta name="twitter:title" content="TW"><meta name="twitter:image" content="/t.png">');
    expect(parseOpenGraph(html, PAGE)).toMatchObject({ title: 'TW', imageUrl: 'https://shop.example/t.png' });
  });

  it('accepts attributes in any order, unquoted, upper-case, self-closed', () => {
    const html = page(`<META CONTENT=Kettle PROPERTY=og:title /><meta content="D" name='og:description'/>`);
    expect(parseOpenGraph(html, PAGE)).toMatchObject({ title: 'Kettle', description: 'D' });
  });

  it('ignores tags in comments, scripts and the body, and empty values', () => {
    const html = page(
      `<!-- <meta property="og:title" content="commented"> -->
       <script>document.write('<meta property="og:title" content="scripted">')</script>
       <meta property="og:title" content="">
       <title>Real</title>`,
      '<meta property="og:description" content="in body">',
    );
    expect(parseOpenGraph(html, PAGE)).toEqual({ title: 'Real', description: null, imageUrl: null });
  });

  it('takes the first of repeated tags and clips very long titles', () => {
    const long = 'x'.repeat(400);
    const html = page(`<meta property="og:title" content="${long}"><meta property="og:title" content="second">`);
    const { title } = parseOpenGraph(html, PAGE);
    expect(Array.from(title ?? '')).toHaveLength(300);
    expect(title?.endsWith('…')).toBe(true);
  });

  it('returns nulls for a page without a head or tags', () => {
    expect(parseOpenGraph('just text', PAGE)).toEqual({ title: null, description: null, imageUrl: null });
  });
});

describe('decodeEntities', () => {
  it('decodes numeric, hex and named references and leaves unknown ones alone', () => {
    expect(decodeEntities('&#65;&#x42;&lt;&GT;&amp &unknown; &constructor; &#0; &#xD800;')).toBe('AB<>& &unknown; &constructor; \ufffd \ufffd');
  });
});

describe('resolveHttpUrl', () => {
  it('returns null for garbage', () => {
    expect(resolveHttpUrl('http://[bad', PAGE)).toBeNull();
    expect(resolveHttpUrl('ftp://x.example/a', PAGE)).toBeNull();
  });
});
