import { describe, expect, it } from 'vitest';
import type { DraftContent, MediaFacts } from './content.js';
import { NETWORKS } from './networks.js';
import { hasErrors, validateForNetwork } from './validate-content.js';

function image(overrides: Partial<MediaFacts> = {}): MediaFacts {
  return { kind: 'image', mime: 'image/jpeg', size: 500_000, width: 1080, height: 1080, alt: 'A red door', ...overrides };
}
function video(overrides: Partial<MediaFacts> = {}): MediaFacts {
  return { kind: 'video', mime: 'video/mp4', size: 20_000_000, width: 1080, height: 1920, durationSec: 30, ...overrides };
}
function gif(overrides: Partial<MediaFacts> = {}): MediaFacts {
  return { kind: 'gif', mime: 'image/gif', size: 1_000_000, alt: 'A dancing cat', ...overrides };
}
function draft(overrides: Partial<DraftContent> = {}): DraftContent {
  return { text: 'Hello', media: [], link: null, title: null, followups: [], ...overrides };
}
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('text length', () => {
  it('words the X message exactly, with the link note', () => {
    const text = `${'a'.repeat(267)} https://example.com/x`; // 267 + 1 + 23 = 291
    const problems = validateForNetwork('x', draft({ text }));
    expect(problems).toEqual([{
      code: 'text.too_long', severity: 'error', field: 'text',
      params: { count: 291, limit: 280, unit: 'weighted characters' },
      message: 'X: 291 of 280 characters — links count as 23',
    }]);
  });

  it('reports Bluesky graphemes and bytes separately, with thousands separators', () => {
    const graphemes = validateForNetwork('bluesky', draft({ text: 'a'.repeat(312) }));
    expect(graphemes.map((p) => p.message)).toEqual(['Bluesky: 312 of 300 characters']);

    const bytes = validateForNetwork('bluesky', draft({ text: ('a' + '\u0301'.repeat(30)).repeat(50) + 'a'.repeat(54) }));
    expect(bytes).toHaveLength(1);
    expect(bytes[0]).toMatchObject({ code: 'text.too_many_bytes', params: { count: 3104, limit: 3000, unit: 'bytes' } });
    expect(bytes[0].message).toBe('Bluesky: 3,104 of 3,000 bytes');
  });

  it('checks each follow-up and names it', () => {
    const problems = validateForNetwork('x', draft({ followups: [{ text: 'ok', media: [] }, { text: 'b'.repeat(300), media: [] }] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'text.too_long', field: 'followups[1].text' });
    expect(problems[0].message).toBe('X: follow-up 2: 300 of 280 characters');
  });

  it('uses the Mastodon instance limit when given', () => {
    const text = 'a'.repeat(600);
    expect(codes(validateForNetwork('mastodon', draft({ text })))).toEqual(['text.too_long']);
    expect(validateForNetwork('mastodon', draft({ text }), { maxCharacters: 1000 })).toEqual([]);
  });

  it('holds a Telegram caption with media to 1,024', () => {
    const text = 'a'.repeat(2000);
    expect(validateForNetwork('telegram', draft({ text }))).toEqual([]);
    const problems = validateForNetwork('telegram', draft({ text, media: [image()] }));
    expect(problems[0].message).toBe('Telegram: 2,000 of 1,024 characters — a caption with media is limited to 1,024');
  });

  it('refuses < and > in YouTube descriptions and titles', () => {
    const problems = validateForNetwork('youtube', draft({ text: 'a <b>', title: 'x > y', media: [video()] }));
    expect(codes(problems)).toEqual(['text.forbidden_characters', 'title.forbidden_characters']);
  });

  it('refuses an empty post', () => {
    expect(codes(validateForNetwork('x', draft({ text: '  ' })))).toEqual(['content.empty']);
  });
});

describe('threads (follow-ups)', () => {
  it('refuses follow-ups where the network has no threads', () => {
    const problems = validateForNetwork('linkedin', draft({ followups: [{ text: 'more', media: [] }] }));
    expect(problems).toEqual([expect.objectContaining({ code: 'thread.not_supported', field: 'followups', severity: 'error' })]);
  });

  it('checks media of follow-ups with their own field names', () => {
    const problems = validateForNetwork('bluesky', draft({
      followups: [{ text: 'pics', media: [image(), image(), image(), image(), image()] }],
    }));
    expect(problems).toEqual([expect.objectContaining({
      code: 'media.too_many', field: 'followups[0].media', message: 'Bluesky: follow-up 1: 5 images, at most 4',
    })]);
  });
});

describe('media counts, kinds and sizes', () => {
  it('caps Bluesky at 4 images', () => {
    const problems = validateForNetwork('bluesky', draft({ media: Array.from({ length: 5 }, () => image()) }));
    expect(problems).toEqual([expect.objectContaining({
      code: 'media.too_many', params: { kind: 'image', count: 5, limit: 4 }, message: 'Bluesky: 5 images, at most 4',
    })]);
  });

  it('caps Bluesky images at 2,000,000 bytes, in decimal MB', () => {
    const problems = validateForNetwork('bluesky', draft({ media: [image(), image({ size: 2_400_000 })] }));
    expect(problems).toEqual([expect.objectContaining({
      code: 'media.too_large', field: 'media[1]', params: { index: 1, kind: 'image', size: 2_400_000, limit: 2_000_000 },
      message: 'Bluesky: image 2 is 2.4 MB, at most 2 MB',
    })]);
  });

  it('rounds a size just over the limit up, so it never reads as equal', () => {
    const [problem] = validateForNetwork('bluesky', draft({ media: [image({ size: 2_000_001 })] }));
    expect(problem.message).toBe('Bluesky: image 1 is 2.1 MB, at most 2 MB');
  });

  it('accepts X: 4 images, or one GIF up to 15 MB, or one video', () => {
    expect(validateForNetwork('x', draft({ media: [image(), image(), image(), image()] }))).toEqual([]);
    expect(validateForNetwork('x', draft({ media: [gif({ size: 14_000_000 })] }))).toEqual([]);
    expect(validateForNetwork('x', draft({ media: [video()] }))).toEqual([]);
  });

  it('refuses images mixed with a video where the network does not allow it', () => {
    const problems = validateForNetwork('x', draft({ media: [image(), video()] }));
    expect(problems).toEqual([expect.objectContaining({ code: 'media.mixed_kinds', params: { kind: 'video' } })]);
    expect(validateForNetwork('instagram', draft({ media: [image(), video()] }))).toEqual([]);
  });

  it('refuses a MIME type the network does not take', () => {
    const [problem] = validateForNetwork('instagram', draft({ media: [image({ mime: 'image/png' })] }));
    expect(problem).toMatchObject({ code: 'media.type_not_allowed', field: 'media[0]', params: { mime: 'image/png' } });
    expect(problem.message).toBe('Instagram: image 1 is PNG — allowed: JPEG');
  });

  it('refuses a kind the network does not support at all', () => {
    const problems = validateForNetwork('youtube', draft({ title: 'T', media: [video(), image()] }));
    expect(problems).toEqual([expect.objectContaining({ code: 'media.kind_not_supported', params: { kind: 'image' } })]);
  });

  it('checks video duration both ways', () => {
    const long = validateForNetwork('x', draft({ media: [video({ durationSec: 150 })] }));
    expect(long[0]).toMatchObject({ code: 'media.duration', message: 'X: video 1 is 2 min 30 s, at most 2 min 20 s' });
    const short = validateForNetwork('instagram', draft({ media: [video({ durationSec: 2 })] }));
    expect(short[0]).toMatchObject({ code: 'media.duration', message: 'Instagram: video 1 is 2 s, at least 3 s' });
  });

  it('counts all Discord files together against 25 MiB', () => {
    const files = Array.from({ length: 3 }, () => image({ size: 10_000_000, mime: 'image/png' }));
    expect(codes(validateForNetwork('discord', draft({ media: files })))).toEqual(['media.total_too_large']);
  });

  it('warns, but does not fail, when alt text is missing', () => {
    const problems = validateForNetwork('bluesky', draft({ media: [image({ alt: null }), image({ alt: '  ' })] }));
    expect(problems.map((p) => [p.code, p.severity, p.field])).toEqual([
      ['media.alt_missing', 'warning', 'media[0].alt'],
      ['media.alt_missing', 'warning', 'media[1].alt'],
    ]);
    expect(problems[0].message).toBe('Bluesky: image 1 has no alt text');
    expect(hasErrors(problems)).toBe(false);
  });

  it('does not ask for alt text where the network has none (Telegram)', () => {
    expect(validateForNetwork('telegram', draft({ media: [image({ alt: null })] }))).toEqual([]);
  });

  it('refuses alt text over the network limit', () => {
    const [problem] = validateForNetwork('pinterest', draft({ media: [image({ alt: 'a'.repeat(501) })] }));
    expect(problem).toMatchObject({ code: 'media.alt_too_long', params: { count: 501, limit: 500 } });
  });
});

describe('Instagram', () => {
  it('needs at least one image or video', () => {
    expect(validateForNetwork('instagram', draft())).toEqual([expect.objectContaining({
      code: 'media.required', message: 'Instagram: a post needs at least one image or video',
    })]);
  });

  it('allows 2,200 caption characters, 30 hashtags and 20 mentions', () => {
    const tags = Array.from({ length: 30 }, (_, i) => `#tag${i}`).join(' ');
    const mentions = Array.from({ length: 20 }, (_, i) => `@user${i}`).join(' ');
    expect(validateForNetwork('instagram', draft({ text: `${tags} ${mentions}`, media: [image()] }))).toEqual([]);
    expect(codes(validateForNetwork('instagram', draft({ text: 'a'.repeat(2201), media: [image()] })))).toEqual(['text.too_long']);
  });

  it('refuses 31 hashtags and 21 mentions', () => {
    const text = `${Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' ')} ${Array.from({ length: 21 }, (_, i) => `@u${i}`).join(' ')}`;
    const problems = validateForNetwork('instagram', draft({ text, media: [image()] }));
    expect(problems.map((p) => p.message)).toEqual(['Instagram: 31 hashtags, at most 30', 'Instagram: 21 @-mentions, at most 20']);
  });

  it('does not count e-mail addresses or URL fragments as mentions or hashtags', () => {
    const text = 'mail me@example.com or see https://example.com/#section';
    expect(validateForNetwork('instagram', draft({ text, media: [image()] }))).toEqual([]);
  });

  it('keeps images between 4:5 and 1.91:1 when the size is known', () => {
    const ok = [image({ width: 1080, height: 1350 }), image({ width: 1200, height: 628 }), image({ width: undefined, height: undefined })];
    expect(validateForNetwork('instagram', draft({ media: ok }))).toEqual([]);
    const [tall] = validateForNetwork('instagram', draft({ media: [image({ width: 1080, height: 1920 })] }));
    expect(tall).toMatchObject({ code: 'media.aspect_ratio', message: 'Instagram: image 1 is 1080×1920 (0.56:1), allowed 4:5 to 1.91:1' });
    expect(codes(validateForNetwork('instagram', draft({ media: [image({ width: 2000, height: 1000 })] })))).toEqual(['media.aspect_ratio']);
  });

  it('takes up to 10 carousel items', () => {
    const eleven = Array.from({ length: 11 }, () => image());
    expect(validateForNetwork('instagram', draft({ media: eleven }))[0]).toMatchObject({ code: 'media.too_many', params: { count: 11, limit: 10 } });
  });

  it('warns that a link card cannot be attached', () => {
    const problems = validateForNetwork('instagram', draft({ media: [image()], link: 'https://example.com' }));
    expect(problems).toEqual([expect.objectContaining({ code: 'link.not_supported', severity: 'warning' })]);
  });
});

describe('networks that need a title or media', () => {
  it('YouTube needs exactly one video and a title of at most 100', () => {
    expect(codes(validateForNetwork('youtube', draft()))).toEqual(['media.required', 'title.required']);
    expect(codes(validateForNetwork('youtube', draft({ title: 'a'.repeat(101), media: [video()] })))).toEqual(['title.too_long']);
    expect(codes(validateForNetwork('youtube', draft({ title: 'Two', media: [video(), video()] })))).toEqual(['media.too_many']);
    expect(validateForNetwork('youtube', draft({ title: 'a'.repeat(100), media: [video()] }))).toEqual([]);
  });

  it('Pinterest needs an image or video; its title is optional up to 100', () => {
    expect(codes(validateForNetwork('pinterest', draft()))).toEqual(['media.required']);
    expect(validateForNetwork('pinterest', draft({ media: [image()] }))).toEqual([]);
    expect(codes(validateForNetwork('pinterest', draft({ media: [image()], title: 'a'.repeat(101) })))).toEqual(['title.too_long']);
  });

  it('TikTok needs media', () => {
    expect(codes(validateForNetwork('tiktok', draft()))).toEqual(['media.required']);
  });

  it('Reddit needs a title of at most 300', () => {
    expect(validateForNetwork('reddit', draft())[0]).toMatchObject({ code: 'title.required', message: 'Reddit: a title is required' });
    const [long] = validateForNetwork('reddit', draft({ title: 'a'.repeat(301) }));
    expect(long).toMatchObject({ code: 'title.too_long', field: 'title', message: 'Reddit: title is 301 of 300 characters' });
  });

  it('ignores a title on a network that has none', () => {
    expect(validateForNetwork('x', draft({ title: 'a'.repeat(500) }))).toEqual([]);
  });
});

describe('entity caps', () => {
  it('allows Threads at most 5 distinct links', () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://site${i}.com`).join(' ');
    expect(validateForNetwork('threads', draft({ text: links(5) }))).toEqual([]);
    expect(validateForNetwork('threads', draft({ text: `${links(5)} https://site0.com/` }))).toEqual([]);
    expect(validateForNetwork('threads', draft({ text: links(6) }))).toEqual([expect.objectContaining({
      code: 'links.too_many', message: 'Threads: 6 links, at most 5',
    })]);
  });

  it('warns above 8 hashtags on Bluesky', () => {
    const text = Array.from({ length: 9 }, (_, i) => `#t${i}`).join(' ');
    const problems = validateForNetwork('bluesky', draft({ text }));
    expect(problems).toEqual([expect.objectContaining({ code: 'hashtags.too_many', severity: 'warning', params: { count: 9, limit: 8 } })]);
    expect(hasErrors(problems)).toBe(false);
  });
});

describe('links', () => {
  it('refuses a link that is not http(s) and one longer than Pinterest allows', () => {
    expect(codes(validateForNetwork('x', draft({ link: 'javascript:alert(1)' })))).toEqual(['link.invalid']);
    const long = `https://example.com/${'a'.repeat(2100)}`;
    expect(codes(validateForNetwork('pinterest', draft({ media: [image()], link: long })))).toEqual(['link.too_long']);
  });
});

describe('every network', () => {
  it('accepts a plain, reasonable post for every network with its needs met', () => {
    for (const network of NETWORKS) {
      const content = draft({ media: network === 'youtube' ? [video()] : [image({ mime: 'image/jpeg' })], title: 'Title' });
      if (network === 'bluesky' || network === 'mastodon' || network === 'x') content.media = [image()];
      expect(hasErrors(validateForNetwork(network, content)), network).toBe(false);
    }
  });
});
