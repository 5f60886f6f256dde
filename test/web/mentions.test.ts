/** The comment box's @mention rules agree with the server's (src/approvals/comments.service.ts). */
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/approvals/comments.service.js';
import { mentionAtCaret, mentionSegments, mentionText, suggestMembers } from '../../web/src/screens/post/mentions.js';

const members = [
  { userId: 'a', name: 'Ann Smith', email: 'ann.smith@example.com' },
  { userId: 'b', name: 'Bob', email: 'robert@example.com' },
  { userId: 'c', name: 'Cody Contributor', email: 'cody@example.com' },
];
const server = members.map((m) => ({ user_id: m.userId, name: m.name, email: m.email }));

describe('mentions in the comment box', () => {
  it('finds the mention being typed at the caret, and nothing elsewhere', () => {
    expect(mentionAtCaret('Hi @An', 6)).toEqual({ query: 'An', start: 3 });
    expect(mentionAtCaret('@', 1)).toEqual({ query: '', start: 0 });
    expect(mentionAtCaret('Hi @"Ann', 8)).toEqual({ query: 'Ann', start: 3 });
    expect(mentionAtCaret('mail me@example', 15)).toBeNull();
    expect(mentionAtCaret('Hi @Ann and more', 16)).toBeNull();
  });

  it('suggests members by any word of their name or their e-mail', () => {
    expect(suggestMembers(members, 'sm').map((m) => m.userId)).toEqual(['a']);
    expect(suggestMembers(members, 'rob').map((m) => m.userId)).toEqual(['b']);
    expect(suggestMembers(members, '')).toHaveLength(3);
  });

  it('writes what the server recognises as that member', () => {
    for (const m of members) expect(findMentions(`hello ${mentionText(m)} there`, server)).toEqual([m.userId]);
    expect(mentionText(members[0])).toBe('@"Ann Smith"');
    expect(mentionText(members[1])).toBe('@Bob');
  });

  it('highlights exactly the mentions of the given members', () => {
    const segments = mentionSegments('Ask @"Ann Smith" and @robert, not @nobody', members);
    expect(segments.filter((s) => s.member).map((s) => [s.text, s.member!.userId])).toEqual([['@"Ann Smith"', 'a'], ['@robert', 'b']]);
    expect(segments.map((s) => s.text).join('')).toBe('Ask @"Ann Smith" and @robert, not @nobody');
  });
});
