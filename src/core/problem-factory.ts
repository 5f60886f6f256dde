/**
 * Builds `Problem`s with the network's name in front of the message, so every check words
 * its problems the same way: "Bluesky: 5 images, at most 4".
 */
import { NETWORK_NAMES, type NetworkSlug } from './networks.js';
import type { Problem, Severity } from './problems.js';

/** Where a check is looking: the main post or one follow-up of the thread. */
export interface ContentScope {
  /** Field prefix: `''` for the post, `followups[0].` for the first follow-up. */
  fieldPrefix: string;
  /** Message prefix: `''` for the post, `follow-up 1: ` for the first follow-up. */
  label: string;
}

export const POST_SCOPE: ContentScope = { fieldPrefix: '', label: '' };

/** The scope of follow-up `index` (0-based). */
export function followUpScope(index: number): ContentScope {
  return { fieldPrefix: `followups[${index}].`, label: `follow-up ${index + 1}: ` };
}

/** A problem whose message reads `<Network>: <label><text>`. */
export function makeProblem(
  network: NetworkSlug,
  scope: ContentScope,
  input: { code: string; field: string; params?: Problem['params']; text: string; severity?: Severity },
): Problem {
  return {
    code: input.code,
    severity: input.severity ?? 'error',
    field: `${scope.fieldPrefix}${input.field}`,
    params: input.params ?? {},
    message: `${NETWORK_NAMES[network]}: ${scope.label}${input.text}`,
  };
}
