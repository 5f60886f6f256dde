/** The queue's drag rules without a browser: which row a pointer is over, and the order after a move. */
import { describe, expect, it } from 'vitest';
import { moveItem, rowAt } from '../../web/src/screens/queue/usePointerReorder.js';

describe('pointer reordering', () => {
  it('moves an item into the place of another, both ways', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'b', 'c']);
  });

  it('finds the row under the pointer, clamps past the ends, and keeps the last one over a gap (a free slot)', () => {
    const rows = [{ top: 0, bottom: 40 }, { top: 80, bottom: 120 }, { top: 120, bottom: 160 }];
    expect(rowAt(rows, 10, 2)).toBe(0);
    expect(rowAt(rows, 130, 0)).toBe(2);
    expect(rowAt(rows, -50, 2)).toBe(0);
    expect(rowAt(rows, 500, 0)).toBe(2);
    expect(rowAt(rows, 60, 1)).toBe(1);
    expect(rowAt([], 60, 1)).toBe(1);
  });
});
