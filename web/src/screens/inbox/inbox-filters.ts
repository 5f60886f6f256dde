/**
 * The inbox's filters as they live in the address (so a filtered inbox can be bookmarked, shared
 * and returned to), and how they become the API's query. "Snoozed" is a state for people, but a
 * separate flag for the API.
 */
import type { ItemQuery } from '../../api/inbox';

export const STATES = ['open', 'assigned', 'done', 'snoozed'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative', 'unscored'] as const;
export const KINDS = ['comment', 'reply', 'mention', 'quote', 'message'] as const;
export const SORTS = ['newest', 'oldest', 'priority'] as const;

export interface InboxFilters {
  channel?: string;
  network?: string;
  state?: (typeof STATES)[number];
  assignee?: string;
  tag?: string;
  sentiment?: (typeof SENTIMENTS)[number];
  kind?: (typeof KINDS)[number];
  q?: string;
  sort?: (typeof SORTS)[number];
}

export const FILTER_KEYS = ['channel', 'network', 'state', 'assignee', 'tag', 'sentiment', 'kind', 'q', 'sort'] as const;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => (v && (values as readonly string[]).includes(v) ? (v as T) : undefined);

export function filtersFromSearch(sp: URLSearchParams): InboxFilters {
  const text = (k: string) => sp.get(k)?.trim() || undefined;
  return {
    channel: text('channel'),
    network: text('network'),
    state: oneOf(STATES, sp.get('state')),
    assignee: text('assignee'),
    tag: text('tag'),
    sentiment: oneOf(SENTIMENTS, sp.get('sentiment')),
    kind: oneOf(KINDS, sp.get('kind')),
    q: text('q'),
    sort: oneOf(SORTS, sp.get('sort')),
  };
}

/** The address with one filter changed (empty removes it); the open item is kept. */
export function withFilter(sp: URLSearchParams, key: (typeof FILTER_KEYS)[number], value: string | undefined): URLSearchParams {
  const next = new URLSearchParams(sp);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

export function toItemQuery(f: InboxFilters): Omit<ItemQuery, 'limit' | 'offset'> {
  return {
    channelId: f.channel,
    network: f.network,
    state: f.state === 'snoozed' ? undefined : f.state,
    snoozed: f.state === 'snoozed' ? 'only' : undefined,
    assignee: f.assignee,
    tag: f.tag,
    sentiment: f.sentiment,
    kind: f.kind,
    q: f.q,
    sort: f.sort,
  };
}

/** Would an item in this state still be listed under these filters? */
export function staysListed(f: InboxFilters, state: 'open' | 'assigned' | 'done'): boolean {
  return !f.state || f.state === state;
}
