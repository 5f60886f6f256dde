/**
 * @mentions in comments, read the way the server reads them (src/approvals/comments.service.ts):
 * `@Ann`, `@ann.smith` (the e-mail's local part) or `@"Ann Smith"`.
 */
export interface Mentionable {
  userId: string;
  name: string;
  email: string;
}

const MENTION = /@"([^"]{1,100})"|@([\p{L}\p{N}._-]{1,64})/gu;

/** Whether `token` (without the @) names this member. */
export function mentionMatches(token: string, m: Mentionable): boolean {
  const t = token.toLowerCase();
  const name = m.name.toLowerCase();
  return name === t || m.email.toLowerCase().split('@')[0] === t || name.split(/\s+/)[0] === t;
}

/** What to type for a member: their name, quoted when it has spaces. */
export const mentionText = (m: Mentionable) => (/^[\p{L}\p{N}._-]+$/u.test(m.name) ? `@${m.name}` : `@"${m.name}"`);

/** The word being typed after an @ at the caret, with where it starts; null when not in a mention. */
export function mentionAtCaret(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)@("?)([^\s@"]{0,64})$/u.exec(before);
  if (!m) return null;
  return { query: m[3], start: before.length - m[3].length - m[2].length - 1 };
}

/** Members whose name or e-mail starts with the query (any word of the name), best first. */
export function suggestMembers<T extends Mentionable>(members: T[], query: string, limit = 6): T[] {
  const q = query.toLowerCase();
  return members
    .filter((m) => !q || m.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)) || m.email.toLowerCase().startsWith(q) || m.name.toLowerCase().startsWith(q))
    .slice(0, limit);
}

export type Segment = { text: string; member?: Mentionable };

/** A comment split into plain text and mentions of the given members. */
export function mentionSegments(body: string, members: Mentionable[]): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const token = match[1] ?? match[2];
    const member = members.find((m) => mentionMatches(token, m));
    if (!member) continue;
    if (match.index > last) out.push({ text: body.slice(last, match.index) });
    out.push({ text: match[0], member });
    last = match.index + match[0].length;
  }
  if (last < body.length) out.push({ text: body.slice(last) });
  return out;
}
