/**
 * A post's link added to its text, for networks that show a link only when it is in the text (or
 * whose link field does not apply to media posts). Which part gets the link is each provider's rule.
 */

export interface LinkJoin {
  /** Between the text and the link. Default a blank line. */
  separator?: string;
  /** Text of white space only counts as empty, so the link goes alone. Default true. */
  blankIsEmpty?: boolean;
}

/** `text` with `link` after it, unless there is no link or the text already holds it; an empty text becomes the link. */
export function withLink(text: string, link: string | null | undefined, join: LinkJoin = {}): string {
  if (!link || text.includes(link)) return text;
  const { separator = '\n\n', blankIsEmpty = true } = join;
  const empty = blankIsEmpty ? !text.trim() : !text;
  return empty ? link : `${text}${separator}${link}`;
}
