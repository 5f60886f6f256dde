/** In-app notifications: a delivery needs attention, a channel needs reconnecting, a delivery failed. */
import type { Queryable } from '../db/client.js';
import { newId } from '../app/ids.js';

export type NotificationKind = 'delivery.failed' | 'delivery.needs_attention' | 'channel.needs_reconnect';

export async function notify(db: Queryable, n: { workspaceId: string; kind: NotificationKind; subjectId: string; message: string; detail?: Record<string, unknown> }) {
  await db.query(`INSERT INTO notifications (id, workspace_id, kind, subject_id, message, detail) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`, [
    newId(), n.workspaceId, n.kind, n.subjectId, n.message, n.detail ? JSON.stringify(n.detail) : null,
  ]);
}

export const listNotifications = (db: Queryable, workspaceId: string, unreadOnly: boolean, limit: number) =>
  db.query(
    `SELECT id, kind, subject_id AS "subjectId", message, detail, created_at AS "createdAt", read_at AS "readAt"
     FROM notifications WHERE workspace_id = $1 AND ($2::boolean = false OR read_at IS NULL) ORDER BY created_at DESC LIMIT $3`,
    [workspaceId, unreadOnly, limit],
  );

export async function markRead(db: Queryable, workspaceId: string, ids: string[] | 'all') {
  if (ids === 'all') await db.query(`UPDATE notifications SET read_at = now() WHERE workspace_id = $1 AND read_at IS NULL`, [workspaceId]);
  else if (ids.length) await db.query(`UPDATE notifications SET read_at = now() WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`, [workspaceId, ids]);
}
