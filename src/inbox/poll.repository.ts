/**
 * Poll cursors, one per channel read by polling. A due cursor is claimed with SKIP LOCKED and its
 * next poll pushed a lease ahead in the same statement, so each channel is polled by one worker at
 * a time whatever the number of workers; a worker that dies leaves a lease that runs out. Channels
 * the network throttled (channel_limits, shared with publishing) wait for the reset.
 */
import type { Queryable } from '../db/client.js';
import type { PublishedPart, PublishResult } from '../providers/contract.js';

export interface ClaimedCursor {
  channel_id: string;
  cursor: string | null;
  failures: number;
}

/** Adds a cursor for every active channel of these networks that has none yet. */
export async function ensureCursors(db: Queryable, networks: string[]) {
  await db.query(
    `INSERT INTO inbox_cursors (channel_id) SELECT ch.id FROM channels ch
     WHERE ch.network = ANY($1::text[]) AND ch.status = 'active' AND NOT EXISTS (SELECT 1 FROM inbox_cursors c WHERE c.channel_id = ch.id)
     ON CONFLICT DO NOTHING`,
    [networks],
  );
}

export function claimDueCursors(db: Queryable, networks: string[], limit: number, leaseSeconds: number): Promise<ClaimedCursor[]> {
  return db.query<ClaimedCursor>(
    `UPDATE inbox_cursors c SET next_poll_at = now() + make_interval(secs => $3)
     FROM (SELECT c2.channel_id FROM inbox_cursors c2 JOIN channels ch ON ch.id = c2.channel_id
           WHERE c2.next_poll_at <= now() AND ch.status = 'active' AND ch.network = ANY($1::text[])
             AND NOT EXISTS (SELECT 1 FROM channel_limits cl WHERE cl.channel_id = c2.channel_id AND cl.blocked_until > now())
           ORDER BY c2.next_poll_at LIMIT $2 FOR UPDATE OF c2 SKIP LOCKED) due
     WHERE c.channel_id = due.channel_id
     RETURNING c.channel_id, c.cursor, c.failures`,
    [networks, limit, leaseSeconds],
  );
}

export async function finishPoll(db: Queryable, channelId: string, f: { cursor: string | null; nextAt: Date; failures: number; error: string | null; limitedUntil?: Date | null }) {
  await db.query(
    `UPDATE inbox_cursors SET cursor = $2, next_poll_at = $3, failures = $4, last_error = $5, limited_until = $6, last_polled_at = now() WHERE channel_id = $1`,
    [channelId, f.cursor, f.nextAt, f.failures, f.error, f.limitedUntil ?? null],
  );
}

/** Polls the workspace's channels at the next tick ("check now"), except those a network has told to wait. */
export async function requestPoll(db: Queryable, workspaceId: string): Promise<number> {
  const rows = await db.query(`UPDATE inbox_cursors SET next_poll_at = now() WHERE channel_id IN (SELECT id FROM channels WHERE workspace_id = $1) AND next_poll_at > now() AND (limited_until IS NULL OR limited_until <= now()) RETURNING channel_id`, [workspaceId]);
  return rows.length;
}

/** The channel's posts of the last 30 days, newest first: where networks without a mention feed keep their comments. */
export async function recentPublished(db: Queryable, channelId: string, limit = 25): Promise<PublishResult[]> {
  const rows = await db.query<{ external_id: string; external_url: string | null; result: { parts?: Record<string, PublishedPart> } | null }>(
    `SELECT d.external_id, d.external_url, d.result FROM deliveries d JOIN posts p ON p.id = d.post_id AND p.kind = 'post'
     WHERE d.channel_id = $1 AND d.state = 'published' AND d.external_id IS NOT NULL AND d.published_at > now() - interval '30 days'
     ORDER BY d.published_at DESC LIMIT $2`,
    [channelId, limit],
  );
  return rows.map((r) => ({ externalId: r.external_id, url: r.external_url ?? undefined, parts: Object.values(r.result?.parts ?? {}) }));
}

export interface SourceRow {
  channel_id: string;
  name: string;
  network: string;
  status: string;
  cursor: string | null;
  next_poll_at: Date | null;
  last_polled_at: Date | null;
  failures: number | null;
  last_error: string | null;
  /** The network's throttle while it lasts (the channel's, shared with publishing, or the inbox poll's own): no poll before then. */
  limited_until: Date | null;
}

export const listSources = (db: Queryable, workspaceId: string) =>
  db.query<SourceRow>(
    `SELECT ch.id AS channel_id, ch.name, ch.network, ch.status, c.cursor, c.next_poll_at, c.last_polled_at, c.failures, c.last_error,
            CASE WHEN c.limited_until > now() AND (cl.blocked_until IS NULL OR c.limited_until > cl.blocked_until) THEN c.limited_until ELSE cl.blocked_until END AS limited_until
     FROM channels ch LEFT JOIN inbox_cursors c ON c.channel_id = ch.id
     LEFT JOIN channel_limits cl ON cl.channel_id = ch.id AND cl.blocked_until > now()
     WHERE ch.workspace_id = $1 ORDER BY ch.created_at`,
    [workspaceId],
  );
