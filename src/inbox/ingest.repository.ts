/**
 * Storing inbox items in bulk: one statement for a whole batch, each item at most once per
 * (channel, network id) — whatever arrives twice (by webhook and by poll, a redelivered webhook,
 * the same item twice in one batch) is stored once. Rows go in key order, so two batches writing
 * the same keys at once wait for each other instead of deadlocking. In the same statement each new
 * item is linked to the Varde post it answers, through its delivery's network id.
 */
import { newId } from '../app/ids.js';
import type { Db, Queryable } from '../db/client.js';
import type { IngestRow } from './ingest.js';

export interface StoredItem {
  id: string;
  workspace_id: string;
  channel_id: string;
  external_id: string;
}

// The batch travels as one JSON parameter (one JSON.stringify, instead of a text array per column).
const INSERT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS i(id uuid, workspace_id uuid, channel_id uuid, network text, external_id text, kind text, conversation_id text,
         parent_external_id text, post_external_id text, author_id text, author_handle text, author_name text, author_avatar_url text,
         author_url text, author_followers int, text text, url text, raw jsonb, created_at timestamptz, source text, language text,
         sentiment text, sentiment_score real, priority int, state text, assignee_id uuid, tags jsonb)
)
INSERT INTO inbox_items (id, workspace_id, channel_id, network, external_id, kind, conversation_id, parent_external_id, post_external_id,
  author_id, author_handle, author_name, author_avatar_url, author_url, author_followers, text, url, raw,
  created_at, source, language, sentiment, sentiment_score, priority, state, assignee_id, tags, post_id)
SELECT i.id, i.workspace_id, i.channel_id, i.network, i.external_id, i.kind, i.conversation_id, i.parent_external_id, i.post_external_id,
  i.author_id, i.author_handle, i.author_name, i.author_avatar_url, i.author_url, i.author_followers, i.text, i.url, i.raw,
  i.created_at, i.source, i.language, i.sentiment, i.sentiment_score, i.priority, i.state, i.assignee_id,
  ARRAY(SELECT jsonb_array_elements_text(i.tags)),
  (SELECT d.post_id FROM deliveries d JOIN posts p ON p.id = d.post_id AND p.kind = 'post'
    WHERE d.channel_id = i.channel_id AND d.external_id IN (i.post_external_id, i.conversation_id) LIMIT 1)
FROM input i
ORDER BY i.channel_id, i.external_id
ON CONFLICT (channel_id, external_id) DO NOTHING
RETURNING id, workspace_id, channel_id, external_id`;

/** Inserts the rows that are new; returns those (duplicates come back as nothing). */
export async function insertItems(db: Queryable, rows: IngestRow[]): Promise<StoredItem[]> {
  if (rows.length === 0) return [];
  const input = rows.map((r) => ({
    id: r.id, workspace_id: r.workspaceId, channel_id: r.channelId, network: r.network, external_id: r.externalId, kind: r.kind,
    conversation_id: r.conversationId, parent_external_id: r.parentExternalId, post_external_id: r.postExternalId,
    author_id: r.author.id, author_handle: r.author.handle, author_name: r.author.name, author_avatar_url: r.author.avatarUrl,
    author_url: r.author.url, author_followers: r.author.followers, text: r.text, url: r.url, raw: r.raw, created_at: r.createdAt,
    source: r.source, language: r.language, sentiment: r.sentiment, sentiment_score: r.sentimentScore, priority: r.priority,
    state: r.state, assignee_id: r.assigneeId, tags: r.tags,
  }));
  return db.query<StoredItem>(INSERT_SQL, [JSON.stringify(input)]);
}

/** Queues the network calls rules decided (hide, auto-reply) for the items just stored. */
export async function insertRuleActions(db: Queryable, actions: Array<{ workspaceId: string; itemId: string; ruleId: string; kind: 'hide' | 'auto_reply' }>) {
  if (actions.length === 0) return;
  await db.query(
    `INSERT INTO inbox_actions (id, workspace_id, item_id, rule_id, kind)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[])`,
    [actions.map(() => newId()), actions.map((a) => a.workspaceId), actions.map((a) => a.itemId), actions.map((a) => a.ruleId), actions.map((a) => a.kind)],
  );
}

/**
 * Stores a batch and queues its rule actions, together (one transaction) when there are any;
 * returns the rows that were new.
 */
export async function storeRows(db: Db, rows: IngestRow[]): Promise<StoredItem[]> {
  if (!rows.some((r) => r.hideRuleId || r.autoReplyRuleId)) return insertItems(db, rows);
  return db.transaction((tx) => storeWithActions(tx, rows));
}

async function storeWithActions(db: Queryable, rows: IngestRow[]): Promise<StoredItem[]> {
  const stored = await insertItems(db, rows);
  const byKey = new Map(rows.map((r) => [`${r.channelId}\u0000${r.externalId}`, r]));
  const actions = stored.flatMap((s) => {
    const r = byKey.get(`${s.channel_id}\u0000${s.external_id}`);
    if (!r) return [];
    return [
      ...(r.hideRuleId ? [{ workspaceId: s.workspace_id, itemId: s.id, ruleId: r.hideRuleId, kind: 'hide' as const }] : []),
      ...(r.autoReplyRuleId ? [{ workspaceId: s.workspace_id, itemId: s.id, ruleId: r.autoReplyRuleId, kind: 'auto_reply' as const }] : []),
    ];
  });
  await insertRuleActions(db, actions);
  return stored;
}
