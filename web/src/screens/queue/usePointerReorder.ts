/**
 * Dragging rows of a list into another order with pointer events, so that a mouse, a pen and a
 * finger all work (HTML drag and drop needs a mouse). A mouse drags a row from anywhere but its
 * links and buttons; a pen or a finger from the row's handle (`.queue__handle`), which has
 * `touch-action: none` so that touching anywhere else still scrolls the page. The dragged row
 * follows the pointer; the row it would take the place of is marked (`landing`); Escape or a
 * cancelled pointer puts it back. Rows are measured once when the drag starts, relative to the
 * list, so scrolling during a drag does not confuse them.
 */
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

/** The order after the item at `from` takes the place of the item at `to`. */
export function moveItem<T>(items: T[], from: number, to: number): T[] {
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

/** The index of the row under `y` (list coordinates); above the first is 0, below the last the last; between rows keeps `current`. */
export function rowAt(rows: { top: number; bottom: number }[], y: number, current: number): number {
  if (rows.length === 0) return current;
  if (y < rows[0].top) return 0;
  if (y >= rows[rows.length - 1].bottom) return rows.length - 1;
  const i = rows.findIndex((r) => y >= r.top && y < r.bottom);
  return i >= 0 ? i : current;
}

/** Movement (px) before a press becomes a drag, so a tap or a click stays one. */
const THRESHOLD = 6;
/** Near the window's top or bottom edge (px), a drag scrolls the page. */
const EDGE = 48;

interface Press {
  id: string;
  pointerId: number;
  el: HTMLElement;
  list: HTMLElement;
  from: number;
  startY: number;
  rows: { id: string; top: number; bottom: number }[];
}

export interface DragState {
  id: string;
  /** How far the dragged row has moved from its place (px). */
  offset: number;
  /** The row it would take the place of, and on which side of it it lands. */
  landing: { id: string; side: 'before' | 'after' } | null;
}

/**
 * `ids` are the movable rows in order; each row element carries `data-movable-id`. `onMove(from,
 * to)` is called when a drag ends on another row.
 */
export function usePointerReorder(ids: string[], onMove: (from: number, to: number) => void, enabled: boolean) {
  const press = useRef<Press | null>(null);
  const [drag, setDrag] = useState<DragState | null>(null);
  // The latest target and whether the press became a drag, read by events that come before a re-render.
  const target = useRef(-1);
  const dragging = useRef(false);

  const end = () => {
    const p = press.current;
    press.current = null;
    target.current = -1;
    dragging.current = false;
    if (p?.el.hasPointerCapture(p.pointerId)) p.el.releasePointerCapture(p.pointerId);
    setDrag(null);
  };

  const active = drag !== null;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.preventDefault(); end(); } };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  const listY = (p: Press, clientY: number) => clientY - p.list.getBoundingClientRect().top;

  const rowProps = (id: string) => ({
    onPointerDown(e: ReactPointerEvent<HTMLElement>) {
      const from = ids.indexOf(id);
      if (!enabled || press.current || from < 0) return;
      const el = e.target as Element;
      const allowed = e.pointerType === 'mouse' ? e.button === 0 && !el.closest('a, button') : Boolean(el.closest('.queue__handle'));
      const list = e.currentTarget.parentElement;
      if (!allowed || !list) return;
      const top = list.getBoundingClientRect().top;
      const rows = [...list.querySelectorAll<HTMLElement>('[data-movable-id]')].map((row) => {
        const r = row.getBoundingClientRect();
        return { id: row.dataset.movableId!, top: r.top - top, bottom: r.bottom - top };
      });
      if (e.pointerType === 'mouse') e.preventDefault(); // no text selection while dragging
      e.currentTarget.setPointerCapture(e.pointerId);
      press.current = { id, pointerId: e.pointerId, el: e.currentTarget, list, from, startY: e.clientY - top, rows };
      target.current = from;
    },
    onPointerMove(e: ReactPointerEvent<HTMLElement>) {
      const p = press.current;
      if (!p || e.pointerId !== p.pointerId) return;
      const y = listY(p, e.clientY);
      const offset = y - p.startY;
      if (!dragging.current && Math.abs(offset) < THRESHOLD) return;
      dragging.current = true;
      if (e.clientY < EDGE) window.scrollBy(0, -12);
      else if (e.clientY > window.innerHeight - EDGE) window.scrollBy(0, 12);
      const to = rowAt(p.rows, y, target.current);
      target.current = to;
      setDrag({ id: p.id, offset, landing: to === p.from ? null : { id: p.rows[to].id, side: to < p.from ? 'before' : 'after' } });
    },
    onPointerUp(e: ReactPointerEvent<HTMLElement>) {
      const p = press.current;
      if (!p || e.pointerId !== p.pointerId) return;
      const to = target.current;
      const moved = dragging.current && to >= 0 && to !== p.from;
      end();
      if (moved) onMove(p.from, to);
    },
    onPointerCancel(e: ReactPointerEvent<HTMLElement>) {
      if (press.current?.pointerId === e.pointerId) end();
    },
  });

  return { drag, rowProps };
}
