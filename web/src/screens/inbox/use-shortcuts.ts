/**
 * The inbox's single-key shortcuts (j, k, e, r, a, ?). They never fire while typing (inputs,
 * text areas, selects, editable content), with a modifier held, or while a dialog is open.
 */
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  enabled: boolean;
  move(step: 1 | -1): void;
  done(): void;
  reply(): void;
  assign(): void;
  help(): void;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function useInboxShortcuts(handlers: ShortcutHandlers) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = ref.current;
      if (!h.enabled || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      const run: Record<string, () => void> = { j: () => h.move(1), k: () => h.move(-1), e: h.done, r: h.reply, a: h.assign, '?': h.help };
      const action = run[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
