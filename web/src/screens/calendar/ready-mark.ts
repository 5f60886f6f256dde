/**
 * Says when a calendar grid has drawn its posts: `data-ready` and `data-posts` on the grid's
 * element and the `varde:calendar-ready` performance mark, on the frame after `drawn` changes
 * (what the benchmark and the browser tests wait for).
 */
import { useEffect, type RefObject } from 'react';

export function useReadyMark(wrapper: RefObject<HTMLElement | null>, drawn: unknown, total: number) {
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      wrapper.current?.setAttribute('data-ready', 'true');
      wrapper.current?.setAttribute('data-posts', String(total));
      performance.mark('varde:calendar-ready', { detail: { posts: total } });
    });
    return () => cancelAnimationFrame(frame);
  }, [wrapper, drawn, total]);
}
