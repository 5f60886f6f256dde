/**
 * Validates a draft for one network before it is saved or published (and for the dry-run
 * endpoint and the composer's live checks). Pure: the same input gives the same problems.
 */
import type { DraftContent } from './content.js';
import type { NetworkSlug } from './networks.js';
import { PLATFORM_RULES } from './platform-rules.js';
import { followUpScope, makeProblem, POST_SCOPE, type ContentScope } from './problem-factory.js';
import type { Problem } from './problems.js';
import { checkMedia } from './validate-media.js';
import { checkLink, checkTextEntities, checkTextLength, checkTitle } from './validate-text.js';

export type { DraftContent, FollowUp, MediaFacts, MediaKind } from './content.js';

export interface ValidateOptions {
  /** The network's live text limit when known (Mastodon instance `max_characters`). */
  maxCharacters?: number;
}

/**
 * Every problem of `content` on `network`: errors block saving, warnings (missing alt text,
 * too many Bluesky tags, a link that cannot be attached) are shown but do not.
 */
export function validateForNetwork(network: NetworkSlug, content: DraftContent, opts: ValidateOptions = {}): Problem[] {
  const problems: Problem[] = [
    ...checkPart(network, POST_SCOPE, content, opts),
    ...checkTitle(network, POST_SCOPE, content.title, content.media),
    ...checkLink(network, POST_SCOPE, content.link),
  ];
  if (content.followups.length === 0) return problems;
  if (!PLATFORM_RULES[network].thread.supported) {
    problems.push(makeProblem(network, POST_SCOPE, {
      code: 'thread.not_supported', field: 'followups', params: { count: content.followups.length },
      text: 'threads are not supported — remove the follow-ups',
    }));
    return problems;
  }
  content.followups.forEach((followUp, index) => {
    problems.push(...checkPart(network, followUpScope(index), { ...followUp, link: null, title: null }, opts));
  });
  return problems;
}

/** True when at least one problem is an error (warnings alone do not block). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

type Part = Pick<DraftContent, 'text' | 'media' | 'link' | 'title'>;

function checkPart(network: NetworkSlug, scope: ContentScope, part: Part, opts: ValidateOptions): Problem[] {
  const rules = PLATFORM_RULES[network];
  const isEmpty = part.text.trim() === '' && part.media.length === 0 && !part.link && !part.title?.trim();
  if (isEmpty && rules.media.required === 'none') {
    return [makeProblem(network, scope, { code: 'content.empty', field: 'text', text: 'the post is empty' })];
  }
  return [
    ...checkTextLength(network, scope, part.text, { maxCharacters: opts.maxCharacters, media: part.media }),
    ...checkTextEntities(network, scope, part.text, part.link),
    ...checkMedia(network, scope, part.media),
  ];
}
