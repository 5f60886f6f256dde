/**
 * Inbox pages whose cursor is a time: the ISO time of the newest item Varde has seen. Networks that
 * offer no "since" filter are read in full each poll (recent posts' comments, mentions), and only
 * what is newer than the cursor is kept.
 */
import type { InboxItem, InboxPage } from '../contract.js';

/**
 * The items newer than `cursor` (and kept by `keep`), with the next cursor: the newest item's
 * time, else the cursor unchanged.
 */
export function pageSince(items: InboxItem[], cursor: string | null | undefined, keep: (item: InboxItem) => boolean = () => true): InboxPage {
  const since = cursor ? Date.parse(cursor) : 0;
  const fresh = items.filter((i) => keep(i) && Date.parse(i.createdAt) > since);
  const newest = Math.max(since, ...fresh.map((i) => Date.parse(i.createdAt)));
  return { items: fresh, cursor: newest > 0 ? new Date(newest).toISOString() : cursor ?? null };
}
