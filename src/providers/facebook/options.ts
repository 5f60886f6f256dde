/**
 * The per-target options a Facebook Page post reads (`targets[].options`), checked before any call:
 * - `firstComment`: text the Page comments under its own post right after publishing;
 * - organic targeting (Graph's `targeting` on feed and photo posts: only people in it see the post):
 *   `countries` (ISO 3166 alpha-2 codes, comma-separated), `regions` and `cities` (Meta's location
 *   keys from the Targeting Search API), `locales` (Meta's numeric locale ids), `ageMin` (13–65),
 *   `ageMax` (13–65);
 * - `videoTitle`: the title of a video post (defaults to the post's title).
 */
import type { PublishContent } from '../contract.js';
import { ProviderError } from '../provider-error.js';

export const FACEBOOK_OPTIONS = ['firstComment', 'countries', 'regions', 'cities', 'locales', 'ageMin', 'ageMax', 'videoTitle'] as const;

export interface FacebookOptions {
  firstComment: string | null;
  /** Graph's `targeting` JSON, or null for everyone. */
  targeting: Record<string, unknown> | null;
  videoTitle: string | null;
}

const list = (value: unknown) => String(value).split(',').map((s) => s.trim()).filter(Boolean);

function age(name: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 13 || n > 65) throw new ProviderError('rejected', `Facebook option ${name} must be a whole number from 13 to 65`);
  return n;
}

export function readFacebookOptions(content: PublishContent): FacebookOptions {
  const o = content.options ?? {};
  const unknown = Object.keys(o).filter((k) => !(FACEBOOK_OPTIONS as readonly string[]).includes(k));
  if (unknown.length) throw new ProviderError('rejected', `Facebook does not know the option(s) ${unknown.join(', ')}; use ${FACEBOOK_OPTIONS.join(', ')}`);
  const geo: Record<string, unknown> = {};
  if (o.countries !== undefined) {
    const countries = list(o.countries).map((c) => c.toUpperCase());
    const bad = countries.filter((c) => !/^[A-Z]{2}$/.test(c));
    if (bad.length || countries.length === 0) throw new ProviderError('rejected', `Facebook option countries must be two-letter country codes like NO,SE (not ${bad.join(', ') || 'empty'})`);
    geo.countries = countries;
  }
  for (const name of ['regions', 'cities'] as const) {
    if (o[name] === undefined) continue;
    const keys = list(o[name]);
    if (keys.length === 0 || keys.some((k) => !/^\d+$/.test(k))) throw new ProviderError('rejected', `Facebook option ${name} must be Meta location keys (numbers), comma-separated`);
    geo[name] = keys.map((key) => ({ key }));
  }
  const targeting: Record<string, unknown> = {};
  if (Object.keys(geo).length) targeting.geo_locations = geo;
  if (o.locales !== undefined) {
    const locales = list(o.locales);
    if (locales.length === 0 || locales.some((l) => !/^\d+$/.test(l))) throw new ProviderError('rejected', 'Facebook option locales must be Meta locale ids (numbers), comma-separated');
    targeting.locales = locales.map(Number);
  }
  if (o.ageMin !== undefined) targeting.age_min = age('ageMin', o.ageMin);
  if (o.ageMax !== undefined) targeting.age_max = age('ageMax', o.ageMax);
  if (typeof targeting.age_min === 'number' && typeof targeting.age_max === 'number' && targeting.age_min > targeting.age_max) {
    throw new ProviderError('rejected', 'Facebook option ageMin must not be above ageMax');
  }
  if (Object.keys(targeting).length && !targeting.geo_locations) throw new ProviderError('rejected', 'Facebook targeting needs a location: set countries, regions or cities as well');
  const text = (name: string) => {
    const v = o[name];
    if (v === undefined) return null;
    if (typeof v !== 'string' || !v.trim()) throw new ProviderError('rejected', `Facebook option ${name} must be non-empty text`);
    return v;
  };
  return { firstComment: text('firstComment'), targeting: Object.keys(targeting).length ? targeting : null, videoTitle: text('videoTitle') };
}
