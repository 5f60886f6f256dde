import { describe, expect, it } from 'vitest';
import { NETWORKS } from './networks.js';
import { getPlatformRules, PLATFORM_RULES } from './platform-rules.js';

describe('PLATFORM_RULES', () => {
  it('has rules for every network, naming the network', () => {
    expect(Object.keys(PLATFORM_RULES).sort()).toEqual([...NETWORKS].sort());
    for (const network of NETWORKS) expect(getPlatformRules(network).network).toBe(network);
  });

  it('keeps the headline limits of PLATFORMS.md', () => {
    expect(PLATFORM_RULES.x.text).toMatchObject({ limit: 280, method: 'x-weighted' });
    expect(PLATFORM_RULES.x.media.maxBytes).toEqual({ image: 5_000_000, gif: 15_000_000, video: 512_000_000 });
    expect(PLATFORM_RULES.x.media.videoDurationSec).toEqual({ min: 0.5, max: 140 });
    expect(PLATFORM_RULES.bluesky.text).toMatchObject({ limit: 300, maxBytes: 3000 });
    expect(PLATFORM_RULES.bluesky.media.maxBytes.image).toBe(2_000_000);
    expect(PLATFORM_RULES.instagram.media.imageAspectRatio).toEqual({ min: 0.8, max: 1.91 });
    expect(PLATFORM_RULES.telegram.text).toMatchObject({ limit: 4096, captionLimit: 1024 });
    expect(PLATFORM_RULES.youtube.title).toMatchObject({ limit: 100, required: true });
    expect(PLATFORM_RULES.pinterest.title).toMatchObject({ limit: 100, required: false });
    expect(PLATFORM_RULES.reddit.title).toMatchObject({ limit: 300, required: true });
    expect(PLATFORM_RULES.mastodon.media.maxBytes).toMatchObject({ image: 16 * 1024 * 1024, video: 99 * 1024 * 1024 });
    expect(PLATFORM_RULES.webhook.text.limit).toBe(100_000);
    expect(PLATFORM_RULES.webhook.media.maxItems).toBe(10);
  });

  it('derives capabilities from the limits', () => {
    expect(PLATFORM_RULES.x.capabilities).toMatchObject({ images: 4, video: true, thread: true, link: true, title: 'none' });
    expect(PLATFORM_RULES.youtube.capabilities).toMatchObject({ images: 0, video: true, title: 'required', privacy: true, link: false });
    expect(PLATFORM_RULES.pinterest.capabilities).toMatchObject({ board: true, title: 'optional' });
    expect(PLATFORM_RULES.reddit.capabilities).toMatchObject({ subreddit: true, title: 'required' });
    expect(PLATFORM_RULES.instagram.capabilities).toMatchObject({ thread: false, firstComment: true, link: false, linkCard: false });
  });

  it('offers audience targeting on Facebook and LinkedIn only', () => {
    const targeting = NETWORKS.filter((n) => PLATFORM_RULES[n].capabilities.audienceTargeting);
    expect(targeting).toEqual(['facebook', 'linkedin']);
  });

  it('is internally consistent', () => {
    for (const network of NETWORKS) {
      const { media, capabilities } = PLATFORM_RULES[network];
      for (const kind of ['image', 'video', 'gif'] as const) {
        expect(media.max[kind], `${network} ${kind}`).toBeLessThanOrEqual(media.maxItems);
        if (media.max[kind] > 0) expect(media.types[kind].length, `${network} ${kind} types`).toBeGreaterThan(0);
      }
      if (media.required === 'video') expect(media.max.video).toBeGreaterThan(0);
      expect(capabilities.link).toBe(capabilities.linkCard);
    }
  });
});
