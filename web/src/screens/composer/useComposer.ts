/**
 * The composer's state: a draft restored from this browser when one was left unsaved, written back
 * shortly after every change and at once when the tab is hidden or closed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { emptyDraft, forgetDraft, isBlank, loadSaved, storeDraft, type ComposerDraft } from './draft';

export interface Composer {
  draft: ComposerDraft;
  update(change: Partial<ComposerDraft> | ((d: ComposerDraft) => Partial<ComposerDraft>)): void;
  /** The moment an unsaved draft was brought back, to say so; null otherwise. */
  restoredAt: number | null;
  /** Throws away the local copy and starts again from `start`. */
  discard(): void;
  /** After saving on the server: the local copy is no longer needed. */
  forget(): void;
}

const SAVE_DELAY_MS = 400;

/** `start` is the draft to begin from (empty, or the post being edited) once it is known. */
export function useComposer(workspaceId: string, start: ComposerDraft | null): Composer {
  const [draft, setDraft] = useState<ComposerDraft>(() => start ?? emptyDraft());
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const latest = useRef(draft);
  const timer = useRef<number | null>(null);
  const startedFrom = useRef<ComposerDraft | null>(null);

  useEffect(() => {
    if (!start || startedFrom.current) return;
    startedFrom.current = start;
    const saved = loadSaved(workspaceId, start.postId);
    const useSaved = saved && !isBlank(saved) && saved.updatedAt > start.updatedAt;
    const initial = useSaved ? saved : start;
    latest.current = initial;
    setDraft(initial);
    setRestoredAt(useSaved ? saved.updatedAt : null);
  }, [start, workspaceId]);

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (startedFrom.current) storeDraft(workspaceId, latest.current);
  }, [workspaceId]);

  useEffect(() => {
    const onHide = () => flush();
    const onVisibility = () => { if (document.visibilityState === 'hidden') flush(); };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [flush]);

  const update = useCallback<Composer['update']>((change) => {
    setDraft((d) => {
      const next = { ...d, ...(typeof change === 'function' ? change(d) : change), updatedAt: Date.now() };
      latest.current = next;
      return next;
    });
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
  }, [flush]);

  const discard = useCallback(() => {
    const base = startedFrom.current ?? emptyDraft();
    forgetDraft(workspaceId, base.postId);
    latest.current = base;
    setDraft(base);
    setRestoredAt(null);
  }, [workspaceId]);

  const forget = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    startedFrom.current = null;
    forgetDraft(workspaceId, latest.current.postId);
    forgetDraft(workspaceId, null);
  }, [workspaceId]);

  return { draft, update, restoredAt, discard, forget };
}
