/**
 * What a Threads post may be, checked before any call, and the per-target options it reads:
 * - `replyControl`: who may reply — `everyone`, `accounts_you_follow`, `mentioned_only`,
 *   `parent_post_author_only`, `followers_only`;
 * - `topicTag`: the post's topic (1–50 characters, no `.` or `&`).
 * A link goes into the first post as a link attachment (text posts) or into its text (media posts).
 */
import type { PublishContent } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { withLink } from '../shared/link-text.js';
import { measureText } from '../../core/text-count.js';

export const THREADS_OPTIONS = ['replyControl', 'topicTag'] as const;
export const REPLY_CONTROLS = ['everyone', 'accounts_you_follow', 'mentioned_only', 'parent_post_author_only', 'followers_only'];
export const MAX_CAROUSEL = 20;
export const MAX_TEXT = 500;

export interface ThreadsOptions {
  replyControl: string | null;
  topicTag: string | null;
}

export function readThreadsOptions(content: PublishContent): ThreadsOptions {
  const o = content.options ?? {};
  const unknown = Object.keys(o).filter((k) => !(THREADS_OPTIONS as readonly string[]).includes(k));
  if (unknown.length) throw new ProviderError('rejected', `Threads does not know the option(s) ${unknown.join(', ')}; use ${THREADS_OPTIONS.join(', ')}`);
  if (o.replyControl !== undefined && !REPLY_CONTROLS.includes(String(o.replyControl))) throw new ProviderError('rejected', `Threads option replyControl must be one of ${REPLY_CONTROLS.join(', ')}`);
  const tag = o.topicTag === undefined ? null : String(o.topicTag).replace(/^#/, '');
  if (tag !== null && (tag.length < 1 || tag.length > 50 || /[.&]/.test(tag))) throw new ProviderError('rejected', 'Threads option topicTag must be 1–50 characters without . or &');
  return { replyControl: o.replyControl === undefined ? null : String(o.replyControl), topicTag: tag };
}

/** The text of part `i` as sent: the link joins the first part's text when that part has media. */
export function partText(content: PublishContent, i: number): string {
  const part = content.parts[i];
  return i === 0 && content.link && part.media.length > 0 ? withLink(part.text, content.link, { blankIsEmpty: false }) : part.text;
}

export function checkThreadsContent(content: PublishContent): ThreadsOptions {
  const options = readThreadsOptions(content);
  if (content.parts.length === 0) throw new ProviderError('rejected', 'Nothing to publish');
  content.parts.forEach((part, i) => {
    const label = i === 0 ? 'The post' : `Follow-up ${i}`;
    if (!part.text.trim() && part.media.length === 0) throw new ProviderError('rejected', `${label} is empty: add text or media`);
    if (part.media.length > MAX_CAROUSEL) throw new ProviderError('rejected', `${label} has ${part.media.length} media; a Threads carousel holds at most ${MAX_CAROUSEL}`);
    if (part.media.some((m) => m.kind === 'gif')) throw new ProviderError('rejected', `${label} has a GIF, which Threads does not take`);
    const { count } = measureText(partText(content, i), 'threads');
    if (count > MAX_TEXT) throw new ProviderError('rejected', `${label} is ${count} characters with the link, over Threads' ${MAX_TEXT}`);
  });
  return options;
}
