/**
 * Text checks of one post (or one follow-up): length against the network's counting, forbidden
 * characters, hashtag / mention / link caps, the title and the attached link.
 */
import type { MediaFacts } from './content.js';
import { formatCount, pluralize } from './format-units.js';
import type { NetworkSlug } from './networks.js';
import { PLATFORM_RULES } from './platform-rules.js';
import { makeProblem, type ContentScope } from './problem-factory.js';
import type { Problem } from './problems.js';
import { countText, countTitle, type TextMeasure } from './text-count.js';
import { countDistinctUrls, findHashtags, findMentions } from './text-entities.js';

/** Words for a unit in messages: graphemes and weighted units read as "characters". */
function unitWord(measure: TextMeasure): string {
  return measure.unit === 'bytes' ? 'bytes' : 'characters';
}

/** Length of the text (and its byte ceiling), plus forbidden characters. */
export function checkTextLength(
  network: NetworkSlug,
  scope: ContentScope,
  text: string,
  opts: { maxCharacters?: number; media: readonly MediaFacts[] },
): Problem[] {
  const problems: Problem[] = [];
  const result = countText(network, text, opts);
  if (result.count > result.limit) {
    const notes = result.notes.length > 0 ? ` — ${result.notes.join('; ')}` : '';
    problems.push(makeProblem(network, scope, {
      code: 'text.too_long',
      field: 'text',
      params: { count: result.count, limit: result.limit, unit: result.unit },
      text: `${formatCount(result.count)} of ${formatCount(result.limit)} ${unitWord(result)}${notes}`,
    }));
  }
  for (const measure of result.also) {
    if (measure.count <= measure.limit) continue;
    problems.push(makeProblem(network, scope, {
      code: 'text.too_many_bytes',
      field: 'text',
      params: { count: measure.count, limit: measure.limit, unit: measure.unit },
      text: `${formatCount(measure.count)} of ${formatCount(measure.limit)} ${unitWord(measure)}`,
    }));
  }
  problems.push(...checkForbiddenCharacters(network, scope, 'text', text));
  return problems;
}

function checkForbiddenCharacters(network: NetworkSlug, scope: ContentScope, field: string, text: string): Problem[] {
  const forbidden = (PLATFORM_RULES[network].text.forbiddenCharacters ?? []).filter((c) => text.includes(c));
  if (forbidden.length === 0) return [];
  const what = field === 'title' ? 'the title' : `the ${PLATFORM_RULES[network].text.role}`;
  return [makeProblem(network, scope, {
    code: `${field}.forbidden_characters`,
    field,
    params: { characters: forbidden.join(' ') },
    text: `${what} cannot contain ${forbidden.join(' or ')}`,
  })];
}

/** Hashtag, @-mention and link caps (Instagram, Bluesky tags, Threads links). */
export function checkTextEntities(
  network: NetworkSlug,
  scope: ContentScope,
  text: string,
  link?: string | null,
): Problem[] {
  const rules = PLATFORM_RULES[network];
  const problems: Problem[] = [];
  if (rules.hashtags) {
    const count = findHashtags(text).length;
    if (count > rules.hashtags.max) {
      problems.push(makeProblem(network, scope, {
        code: 'hashtags.too_many', field: 'text', severity: rules.hashtags.severity,
        params: { count, limit: rules.hashtags.max },
        text: `${pluralize(count, 'hashtag')}, at most ${formatCount(rules.hashtags.max)}`,
      }));
    }
  }
  if (rules.mentions) {
    const count = findMentions(text).length;
    if (count > rules.mentions.max) {
      problems.push(makeProblem(network, scope, {
        code: 'mentions.too_many', field: 'text',
        params: { count, limit: rules.mentions.max },
        text: `${pluralize(count, '@-mention')}, at most ${formatCount(rules.mentions.max)}`,
      }));
    }
  }
  if (rules.links) {
    const count = countDistinctUrls(text, link ? [link] : []);
    if (count > rules.links.max) {
      problems.push(makeProblem(network, scope, {
        code: 'links.too_many', field: 'text',
        params: { count, limit: rules.links.max },
        text: `${pluralize(count, 'link')}, at most ${formatCount(rules.links.max)}`,
      }));
    }
  }
  return problems;
}

/** Title required / too long / forbidden characters. TikTok titles exist on photo posts only. */
export function checkTitle(
  network: NetworkSlug,
  scope: ContentScope,
  title: string | null | undefined,
  media: readonly MediaFacts[],
): Problem[] {
  const rules = PLATFORM_RULES[network].title;
  if (!rules) return [];
  const isPhotoPost = media.length > 0 && media.every((m) => m.kind === 'image');
  if (rules.photoPostsOnly && !isPhotoPost) return [];
  const value = title?.trim() ?? '';
  if (value === '') {
    return rules.required
      ? [makeProblem(network, scope, { code: 'title.required', field: 'title', text: 'a title is required' })]
      : [];
  }
  const problems: Problem[] = [];
  const measure = countTitle(network, value)!;
  if (measure.count > measure.limit) {
    problems.push(makeProblem(network, scope, {
      code: 'title.too_long', field: 'title',
      params: { count: measure.count, limit: measure.limit, unit: measure.unit },
      text: `title is ${formatCount(measure.count)} of ${formatCount(measure.limit)} ${unitWord(measure)}`,
    }));
  }
  problems.push(...checkForbiddenCharacters(network, scope, 'title', value));
  return problems;
}

/** The attached link: a valid http(s) URL, supported as a card, within the length limit. */
export function checkLink(network: NetworkSlug, scope: ContentScope, link: string | null | undefined): Problem[] {
  if (!link) return [];
  const rules = PLATFORM_RULES[network].linkCard;
  if (!isHttpUrl(link)) {
    return [makeProblem(network, scope, { code: 'link.invalid', field: 'link', text: 'the link is not a valid http(s) address' })];
  }
  if (!rules.supported) {
    return [makeProblem(network, scope, {
      code: 'link.not_supported', field: 'link', severity: 'warning',
      text: 'links cannot be attached here; put the link in the text if it should appear',
    })];
  }
  if (rules.maxLength !== null && link.length > rules.maxLength) {
    return [makeProblem(network, scope, {
      code: 'link.too_long', field: 'link',
      params: { count: link.length, limit: rules.maxLength },
      text: `the link is ${formatCount(link.length)} of ${formatCount(rules.maxLength)} characters`,
    })];
  }
  return [];
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
