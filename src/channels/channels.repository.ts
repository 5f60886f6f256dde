/** Channels (a connected account or endpoint) and their shared rate-limit blocks. */
import type { Queryable } from '../db/client.js';
import type { WeeklySlot } from '../core/schedule.js';

export interface ChannelRow {
  id: string;
  workspace_id: string;
  network: string;
  name: string;
  external_id: string | null;
  handle: string | null;
  profile_url: string | null;
  status: 'active' | 'needs_reconnect' | 'disabled';
  status_reason: string | null;
  credentials: string;
  settings: Record<string, unknown>;
  timezone: string;
  slots: WeeklySlot[];
  token_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export async function insertChannel(db: Queryable, c: Pick<ChannelRow, 'id' | 'workspace_id' | 'network' | 'name' | 'external_id' | 'handle' | 'profile_url' | 'credentials' | 'settings' | 'timezone'> & { token_expires_at?: Date | null }) {
  const rows = await db.query<ChannelRow>(
    `INSERT INTO channels (id, workspace_id, network, name, external_id, handle, profile_url, credentials, settings, timezone, token_expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11) RETURNING *`,
    [c.id, c.workspace_id, c.network, c.name, c.external_id, c.handle, c.profile_url, c.credentials, JSON.stringify(c.settings), c.timezone, c.token_expires_at ?? null],
  );
  return rows[0];
}

export const listChannels = (db: Queryable, workspaceId: string) =>
  db.query<ChannelRow>(`SELECT * FROM channels WHERE workspace_id = $1 ORDER BY created_at`, [workspaceId]);

export const findChannel = async (db: Queryable, workspaceId: string, id: string) =>
  (await db.query<ChannelRow>(`SELECT * FROM channels WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]))[0] ?? null;

export async function findChannelsByIds(db: Queryable, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.query<ChannelRow>(`SELECT * FROM channels WHERE workspace_id = $1 AND id = ANY($2::uuid[])`, [workspaceId, ids]);
}

export async function updateChannel(db: Queryable, workspaceId: string, id: string, patch: { name?: string; timezone?: string; slots?: WeeklySlot[]; status?: ChannelRow['status']; statusReason?: string | null; credentials?: string; settings?: Record<string, unknown>; tokenExpiresAt?: Date | null }) {
  const rows = await db.query<ChannelRow>(
    `UPDATE channels SET
       name = COALESCE($3, name), timezone = COALESCE($4, timezone), slots = COALESCE($5::jsonb, slots),
       status = COALESCE($6, status), status_reason = CASE WHEN $6::text IS NULL THEN status_reason ELSE $7 END,
       credentials = COALESCE($8, credentials), settings = COALESCE($9::jsonb, settings),
       token_expires_at = CASE WHEN $10::boolean THEN $11 ELSE token_expires_at END, updated_at = now()
     WHERE workspace_id = $1 AND id = $2 RETURNING *`,
    [workspaceId, id, patch.name ?? null, patch.timezone ?? null, patch.slots ? JSON.stringify(patch.slots) : null, patch.status ?? null, patch.statusReason ?? null, patch.credentials ?? null, patch.settings ? JSON.stringify(patch.settings) : null, patch.tokenExpiresAt !== undefined, patch.tokenExpiresAt ?? null],
  );
  return rows[0] ?? null;
}

/**
 * A channel's waiting and publishing deliveries, soonest first, with their post's base text. Only
 * drafts lack a due time, so the condition on it drops nothing; it makes the answer's type exact.
 */
export const listUpcomingDeliveries = (db: Queryable, workspaceId: string, channelId: string) =>
  db.query<{ deliveryId: string; postId: string; dueAt: Date; state: 'scheduled' | 'queued' | 'publishing'; text: string | null }>(
    `SELECT d.id AS "deliveryId", d.post_id AS "postId", d.due_at AS "dueAt", d.state, p.content->>'text' AS text
     FROM deliveries d JOIN posts p ON p.id = d.post_id
     WHERE d.workspace_id = $1 AND d.channel_id = $2 AND p.kind = 'post' AND d.state IN ('scheduled', 'queued', 'publishing') AND d.due_at IS NOT NULL
     ORDER BY d.due_at LIMIT 200`,
    [workspaceId, channelId],
  );

export async function deleteChannel(db: Queryable, workspaceId: string, id: string) {
  return (await db.query(`DELETE FROM channels WHERE workspace_id = $1 AND id = $2 RETURNING id`, [workspaceId, id])).length > 0;
}

/** Marks the channel throttled until `until` (kept if a later block is already there). */
export async function blockChannel(db: Queryable, channelId: string, until: Date, reason: string) {
  await db.query(
    `INSERT INTO channel_limits (channel_id, blocked_until, reason) VALUES ($1, $2, $3)
     ON CONFLICT (channel_id) DO UPDATE SET blocked_until = GREATEST(channel_limits.blocked_until, EXCLUDED.blocked_until), reason = EXCLUDED.reason`,
    [channelId, until, reason],
  );
}
