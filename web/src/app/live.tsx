/**
 * Live status: one EventSource per open workspace (GET …/events). Each `change` refreshes the
 * posts it names at once and the calendar, drafts and queues shortly after (batched), and the inbox
 * when items arrive or change, so nobody reloads to see a post go out or a comment come in. The browser reconnects by itself; while it is disconnected,
 * screens that wait for a result poll with backoff instead (see `usePollWhileOffline`).
 */
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { calendarKey, postKey } from '../api/posts';
import { awaitingKey } from '../api/approvals';
import { inboxKey } from '../api/inbox';

type LiveState = 'connecting' | 'live' | 'offline';
const LiveContext = createContext<LiveState>('connecting');

interface ChangeBatch {
  posts: { id: string; status: string }[];
  deliveries: { id: string; postId: string; state: string }[];
  inbox?: { id: string; state: string }[];
}

export function LiveUpdates({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const pending = useRef<number | null>(null);

  useEffect(() => {
    const source = new EventSource(`/api/v1/workspaces/${workspaceId}/events`);
    const refreshLists = () => {
      if (pending.current !== null) return;
      pending.current = window.setTimeout(() => {
        pending.current = null;
        void qc.invalidateQueries({ queryKey: calendarKey(workspaceId) });
        void qc.invalidateQueries({ queryKey: ['drafts', workspaceId] });
        void qc.invalidateQueries({ queryKey: ['queue', workspaceId] });
        void qc.invalidateQueries({ queryKey: awaitingKey(workspaceId) });
        void qc.invalidateQueries({ queryKey: ['notifications', workspaceId] }); // failures and approvals notify
      }, 800);
    };
    source.addEventListener('ready', () => setState('live'));
    source.addEventListener('open', () => setState('live'));
    source.addEventListener('error', () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting'));
    source.addEventListener('change', (event) => {
      const batch = JSON.parse((event as MessageEvent<string>).data) as ChangeBatch;
      const ids = new Set([...batch.posts.map((p) => p.id), ...batch.deliveries.map((d) => d.postId)]);
      for (const id of ids) void qc.invalidateQueries({ queryKey: postKey(workspaceId, id) });
      // Inbox items new or changed refresh the inbox (list, count, conversation); a reply's delivery, its conversation.
      if (batch.inbox?.length) void qc.invalidateQueries({ queryKey: inboxKey(workspaceId) });
      else if (batch.deliveries.length) void qc.invalidateQueries({ queryKey: [...inboxKey(workspaceId), 'conversation'] });
      refreshLists();
    });
    return () => {
      source.close();
      if (pending.current !== null) window.clearTimeout(pending.current);
      pending.current = null;
    };
  }, [qc, workspaceId]);

  return <LiveContext.Provider value={state}>{children}</LiveContext.Provider>;
}

export const useLiveState = () => useContext(LiveContext);

/** A refetch interval for screens waiting on a result: none while live, else 2 s growing to 30 s. */
export function usePollWhileOffline(waiting: boolean): number | false {
  const state = useLiveState();
  const [interval, setInterval] = useState(2000);
  useEffect(() => {
    if (state === 'live' || !waiting) {
      setInterval(2000);
      return;
    }
    const timer = window.setTimeout(() => setInterval((ms) => Math.min(ms * 2, 30_000)), interval);
    return () => window.clearTimeout(timer);
  }, [state, waiting, interval]);
  return state === 'live' || !waiting ? false : interval;
}
