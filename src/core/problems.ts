/**
 * A problem found in content before it is saved or published. `code` and `params` are stable
 * (the web app translates them); `message` is the English sentence a marketer reads.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** Stable machine code, e.g. `text.too_long`, `media.too_many`, `media.too_large`. */
  code: string;
  severity: Severity;
  /** Where in the content: `text`, `media[2]`, `followups[0].text`, `link`, `title`. */
  field: string;
  /** Values the message is built from, e.g. `{ count: 291, limit: 280, unit: 'characters' }`. */
  params: Record<string, string | number | boolean>;
  /** English message, prefixed by the network's name: "X: 291 of 280 characters — links count as 23". */
  message: string;
}
