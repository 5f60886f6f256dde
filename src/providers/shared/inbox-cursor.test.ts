import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../contract.js';
import { pageSince } from './inbox-cursor.js';

const item = (externalId: string, createdAt: string, kind: InboxItem['kind'] = 'comment'): InboxItem => ({
  externalId, kind, conversationId: 'c', author: { id: 'a' }, text: externalId, createdAt,
});

describe('pageSince', () => {
  const items = [item('old', '2026-03-01T10:00:00.000Z'), item('new', '2026-03-01T12:00:00.000Z'), item('tag', '2026-03-01T11:00:00.000Z', 'mention')];

  it('keeps what is newer than the cursor and moves the cursor to the newest', () => {
    const page = pageSince(items, '2026-03-01T10:00:00.000Z');
    expect(page.items.map((i) => i.externalId)).toEqual(['new', 'tag']);
    expect(page.cursor).toBe('2026-03-01T12:00:00.000Z');
  });

  it('keeps everything on a first read, and only the kinds asked for', () => {
    expect(pageSince(items, null).items).toHaveLength(3);
    expect(pageSince(items, undefined, (i) => i.kind === 'mention')).toEqual({ items: [items[2]], cursor: '2026-03-01T11:00:00.000Z' });
  });

  it('leaves the cursor as it was when nothing is new', () => {
    expect(pageSince(items, '2026-03-02T00:00:00.000Z')).toEqual({ items: [], cursor: '2026-03-02T00:00:00.000Z' });
    expect(pageSince([], null)).toEqual({ items: [], cursor: null });
  });
});
