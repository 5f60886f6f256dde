import { describe, expect, it } from 'vitest';
import type { PublishContent } from '../contract.js';
import { readFacebookOptions } from './options.js';

const content = (options: PublishContent['options']): PublishContent => ({ parts: [{ text: 'Hi', media: [] }], options, meta: { postId: 'p', deliveryId: 'd', dueAt: null } });

describe('Facebook options', () => {
  it('maps organic targeting to Graph’s targeting object', () => {
    expect(readFacebookOptions(content({ countries: 'no, se', cities: '2490299', locales: '6,24', ageMin: 18, ageMax: '35' })).targeting).toEqual({
      geo_locations: { countries: ['NO', 'SE'], cities: [{ key: '2490299' }] },
      locales: [6, 24],
      age_min: 18,
      age_max: 35,
    });
    expect(readFacebookOptions(content({})).targeting).toBeNull();
  });

  it('refuses what Graph would refuse, saying what to fix', () => {
    expect(() => readFacebookOptions(content({ ageMin: 18 }))).toThrow(/needs a location/);
    expect(() => readFacebookOptions(content({ countries: 'NO', ageMin: 40, ageMax: 30 }))).toThrow(/ageMin must not be above ageMax/);
    expect(() => readFacebookOptions(content({ countries: 'NO', ageMin: 12 }))).toThrow(/13 to 65/);
    expect(() => readFacebookOptions(content({ regions: 'Oslo' }))).toThrow(/location keys/);
    expect(() => readFacebookOptions(content({ subreddit: 'x' }))).toThrow(/does not know the option/);
    expect(readFacebookOptions(content({ firstComment: 'More below' })).firstComment).toBe('More below');
  });
});
