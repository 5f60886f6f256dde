/**
 * Media checks of one post (or one follow-up): required media, counts per kind, kinds that must
 * stand alone, and per file type, size, duration, aspect ratio and alt text.
 */
import type { MediaFacts, MediaKind } from './content.js';
import { formatBytes, formatCount, formatDuration, pluralize } from './format-units.js';
import type { NetworkSlug } from './networks.js';
import { PLATFORM_RULES } from './platform-rules.js';
import type { MediaRules } from './platform-rules-types.js';
import { makeProblem, type ContentScope } from './problem-factory.js';
import type { Problem } from './problems.js';
import { countCodePoints } from './text-units.js';

const KINDS: readonly MediaKind[] = ['image', 'gif', 'video'];
const KIND_WORD: Record<MediaKind, [singular: string, plural: string]> = {
  image: ['image', 'images'], gif: ['GIF', 'GIFs'], video: ['video', 'videos'],
};
const TYPE_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'image/gif': 'GIF', 'image/heic': 'HEIC',
  'image/heif': 'HEIF', 'image/avif': 'AVIF', 'image/bmp': 'BMP', 'image/tiff': 'TIFF',
  'video/mp4': 'MP4', 'video/quicktime': 'MOV', 'video/webm': 'WebM', 'video/x-m4v': 'M4V',
};
/** Tolerance on aspect ratios, so 1200×628 (1.911) passes a 1.91:1 limit. */
const ASPECT_TOLERANCE = 0.01;

/** True when `mime` is in `allowed`, which may hold `image/*` or `*` wildcards. */
export function isMimeAllowed(mime: string, allowed: readonly string[]): boolean {
  const type = mime.toLowerCase();
  return allowed.some((entry) => entry === '*' || entry === type || (entry.endsWith('/*') && type.startsWith(entry.slice(0, -1))));
}

/** Every media problem of one post. */
export function checkMedia(network: NetworkSlug, scope: ContentScope, media: readonly MediaFacts[]): Problem[] {
  const rules = PLATFORM_RULES[network].media;
  return [
    ...checkRequired(network, scope, rules, media),
    ...checkCounts(network, scope, rules, media),
    ...checkAlone(network, scope, rules, media),
    ...media.flatMap((item, index) => checkItem(network, scope, rules, item, index)),
    ...checkTotalSize(network, scope, rules, media),
  ];
}

function checkRequired(network: NetworkSlug, scope: ContentScope, rules: MediaRules, media: readonly MediaFacts[]): Problem[] {
  if (rules.required === 'any' && media.length === 0) {
    return [makeProblem(network, scope, { code: 'media.required', field: 'media', params: { kind: 'any' }, text: 'a post needs at least one image or video' })];
  }
  if (rules.required === 'video' && !media.some((m) => m.kind === 'video')) {
    return [makeProblem(network, scope, { code: 'media.required', field: 'media', params: { kind: 'video' }, text: 'a post needs exactly one video' })];
  }
  return [];
}

function checkCounts(network: NetworkSlug, scope: ContentScope, rules: MediaRules, media: readonly MediaFacts[]): Problem[] {
  const problems: Problem[] = [];
  for (const kind of KINDS) {
    const count = media.filter((m) => m.kind === kind).length;
    const limit = rules.max[kind];
    if (count === 0 || count <= limit) continue;
    const [singular, plural] = KIND_WORD[kind];
    problems.push(limit === 0
      ? makeProblem(network, scope, { code: 'media.kind_not_supported', field: 'media', params: { kind }, text: `${plural} are not supported` })
      : makeProblem(network, scope, {
        code: 'media.too_many', field: 'media', params: { kind, count, limit },
        text: `${pluralize(count, singular, plural)}, at most ${formatCount(limit)}`,
      }));
  }
  if (problems.length === 0 && media.length > rules.maxItems) {
    problems.push(makeProblem(network, scope, {
      code: 'media.too_many', field: 'media', params: { kind: 'all', count: media.length, limit: rules.maxItems },
      text: `${pluralize(media.length, 'media item')}, at most ${formatCount(rules.maxItems)}`,
    }));
  }
  return problems;
}

function checkAlone(network: NetworkSlug, scope: ContentScope, rules: MediaRules, media: readonly MediaFacts[]): Problem[] {
  return rules.alone
    .filter((kind) => rules.max[kind] > 0 && media.some((m) => m.kind === kind) && media.some((m) => m.kind !== kind))
    .map((kind) => makeProblem(network, scope, {
      code: 'media.mixed_kinds', field: 'media', params: { kind },
      text: `a ${KIND_WORD[kind][0]} cannot share a post with other media`,
    }));
}

/** One file being checked: its rules, facts, display name and a problem factory for its field. */
interface ItemCheck {
  rules: MediaRules;
  item: MediaFacts;
  /** `image 2`, `GIF 1`, `video 1`: the kind and the 1-based position in the post. */
  name: string;
  report(code: string, text: string, params: Problem['params'], options?: { severity?: Problem['severity']; sub?: string }): Problem;
}

function checkItem(network: NetworkSlug, scope: ContentScope, rules: MediaRules, item: MediaFacts, index: number): Problem[] {
  if (rules.max[item.kind] === 0) return []; // already reported as an unsupported kind
  const check: ItemCheck = {
    rules,
    item,
    name: `${KIND_WORD[item.kind][0]} ${index + 1}`,
    report: (code, text, params, options = {}) => makeProblem(network, scope, {
      code, text, severity: options.severity, field: `media[${index}]${options.sub ?? ''}`, params: { index, kind: item.kind, ...params },
    }),
  };
  return [...checkType(check), ...checkSize(check), ...checkDuration(check), ...checkAspectRatio(check), ...checkAlt(check)];
}

function checkType({ rules, item, name, report }: ItemCheck): Problem[] {
  if (isMimeAllowed(item.mime, rules.types[item.kind])) return [];
  const allowed = rules.types[item.kind].map((type) => TYPE_NAMES[type] ?? type).join(', ');
  const actual = TYPE_NAMES[item.mime.toLowerCase()] ?? item.mime;
  return [report('media.type_not_allowed', `${name} is ${actual} — allowed: ${allowed}`, { mime: item.mime })];
}

function checkSize({ rules, item, name, report }: ItemCheck): Problem[] {
  const limit = rules.maxBytes[item.kind];
  if (limit === null || item.size <= limit) return [];
  return [report('media.too_large', `${name} is ${formatBytes(item.size, true)}, at most ${formatBytes(limit)}`, { size: item.size, limit })];
}

function checkDuration({ rules, item, name, report }: ItemCheck): Problem[] {
  const range = rules.videoDurationSec;
  const seconds = item.durationSec;
  if (item.kind !== 'video' || !range || seconds === undefined) return [];
  const params = { durationSec: seconds, min: range.min, max: range.max };
  if (seconds > range.max) return [report('media.duration', `${name} is ${formatDuration(seconds)}, at most ${formatDuration(range.max)}`, params)];
  if (seconds < range.min) return [report('media.duration', `${name} is ${formatDuration(seconds)}, at least ${formatDuration(range.min)}`, params)];
  return [];
}

function checkAspectRatio({ rules, item, name, report }: ItemCheck): Problem[] {
  const range = rules.imageAspectRatio;
  if (item.kind !== 'image' || !range || !item.width || !item.height) return [];
  const ratio = item.width / item.height;
  if (ratio >= range.min - ASPECT_TOLERANCE && ratio <= range.max + ASPECT_TOLERANCE) return [];
  return [report('media.aspect_ratio',
    `${name} is ${item.width}×${item.height} (${ratio.toFixed(2)}:1), allowed ${formatRatio(range.min)} to ${formatRatio(range.max)}`,
    { width: item.width, height: item.height, min: range.min, max: range.max })];
}

/** Alt text over the limit is an error; missing alt text on a still or GIF is only a warning. */
function checkAlt({ rules, item, name, report }: ItemCheck): Problem[] {
  if (!rules.alt.supported) return [];
  const alt = item.alt?.trim() ?? '';
  const { limit, warnWhenMissing } = rules.alt;
  const length = countCodePoints(alt);
  if (limit !== null && length > limit) {
    return [report('media.alt_too_long', `alt text of ${name} is ${formatCount(length)} of ${formatCount(limit)} characters`,
      { count: length, limit }, { sub: '.alt' })];
  }
  if (alt === '' && warnWhenMissing && item.kind !== 'video') {
    return [report('media.alt_missing', `${name} has no alt text`, {}, { severity: 'warning', sub: '.alt' })];
  }
  return [];
}

/** `0.8` → `"4:5"`, `1.91` → `"1.91:1"`: a small fraction when there is one, else `x:1`. */
function formatRatio(ratio: number): string {
  for (let q = 1; q <= 10; q += 1) {
    const p = ratio * q;
    if (Math.abs(p - Math.round(p)) < 1e-9) return `${Math.round(p)}:${q}`;
  }
  return `${Number(ratio.toFixed(2))}:1`;
}

function checkTotalSize(network: NetworkSlug, scope: ContentScope, rules: MediaRules, media: readonly MediaFacts[]): Problem[] {
  const total = media.reduce((sum, m) => sum + m.size, 0);
  if (rules.maxTotalBytes === null || total <= rules.maxTotalBytes) return [];
  return [makeProblem(network, scope, {
    code: 'media.total_too_large', field: 'media', params: { size: total, limit: rules.maxTotalBytes },
    text: `all files together are ${formatBytes(total, true)}, at most ${formatBytes(rules.maxTotalBytes)}`,
  })];
}
