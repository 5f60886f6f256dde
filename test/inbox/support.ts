/**
 * Test helpers for the inbox: channels inserted directly (any network, any account id), items
 * counted in the database, and a scripted network for the API tests — it reads an inbox from a
 * list the test fills, records replies, hides and likes, and offers no deleting (so the API's
 * "not offered" answer can be seen).
 */
import crypto from 'node:crypto';
import type { Secrets } from '../../src/app/secrets.js';
import type { NetworkSlug } from '../../src/core/networks.js';
import type { Queryable } from '../../src/db/client.js';
import type { InboxItem, Provider, PublishedPart } from '../../src/providers/contract.js';
import { ProviderError } from '../../src/providers/provider-error.js';

export async function insertChannel(db: Queryable, secrets: Secrets, workspaceId: string, c: { network: string; externalId: string; name?: string; handle?: string }): Promise<string> {
  const id = crypto.randomUUID();
  await db.query(
    `INSERT INTO channels (id, workspace_id, network, name, external_id, handle, credentials, settings) VALUES ($1, $2, $3, $4, $5, $6, $7, '{}'::jsonb)`,
    [id, workspaceId, c.network, c.name ?? `${c.network} channel`, c.externalId, c.handle ?? null, secrets.encrypt({ token: 'test' })],
  );
  return id;
}

export async function countItems(db: Queryable, channelId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox_items WHERE channel_id = $1`, [channelId]);
  return row.n;
}

/** Not a real network: the registry looks providers up by slug, the channels table takes any. */
export const FAKE_INBOX = 'fauxinbox' as NetworkSlug;

export interface FakeInbox extends Provider {
  /** Items the next poll returns (per channel account id). */
  feed: Map<string, InboxItem[]>;
  replies: { key: string; item: string; text: string }[];
  hidden: string[];
  liked: string[];
  /** While set, every poll answers "rate limited, retry at" this time. */
  throttle: { until: Date | null; polls: number };
}

export function createFakeInbox(): FakeInbox {
  const feed = new Map<string, InboxItem[]>();
  const replies: FakeInbox['replies'] = [];
  const hidden: string[] = [];
  const liked: string[] = [];
  const throttle: FakeInbox['throttle'] = { until: null, polls: 0 };
  return {
    network: FAKE_INBOX,
    idempotentPublish: true,
    inboxKinds: ['comment', 'reply', 'mention', 'message'],
    feed, replies, hidden, liked, throttle,
    async publish(ctx) {
      return { externalId: `post-${ctx.idempotencyKey}`, parts: [{ externalId: `post-${ctx.idempotencyKey}` }] };
    },
    async listInbox(ctx) {
      throttle.polls += 1;
      if (throttle.until) throw new ProviderError('rate_limited', 'Too many requests', { retryAt: throttle.until });
      const items = feed.get(ctx.account.externalId ?? '') ?? [];
      feed.set(ctx.account.externalId ?? '', []);
      return { items, cursor: String(Date.now()) };
    },
    async replyTo(ctx, item, content): Promise<PublishedPart> {
      // Keyed like a network that dedupes: the same key answers with the same reply.
      if (!replies.some((r) => r.key === ctx.idempotencyKey)) replies.push({ key: ctx.idempotencyKey, item: item.externalId, text: content.text });
      return { externalId: `reply-${ctx.idempotencyKey}`, url: `https://faux.example/r/${ctx.idempotencyKey}` };
    },
    async hideItem(_ctx, item, hide) {
      if (hide) hidden.push(item.externalId);
    },
    async likeItem(_ctx, item) {
      liked.push(item.externalId);
    },
  };
}

let seq = 0;
/** An item as a provider would return it. */
export function fakeItem(over: Partial<InboxItem> & { text: string }): InboxItem {
  seq += 1;
  const id = `i-${Date.now()}-${seq}`;
  return {
    externalId: id, kind: 'comment', conversationId: 'post-1', postExternalId: 'post-1', parentExternalId: 'post-1',
    author: { id: `author-${seq}`, handle: `fan${seq}`, name: `Fan ${seq}` }, createdAt: new Date().toISOString(), ...over,
  };
}
