/**
 * Notifications, in the app and by e-mail. Operational ones (a delivery failed or needs attention,
 * a channel needs reconnecting) go to the whole workspace in the app and by e-mail to its owners
 * and admins; personal ones (approval requested or decided, a mention) to the members named. An
 * e-mail is queued in the same statement, unless the member switched that kind off. Each kind can
 * also be muted in the app per member: it is then left out of their list (and the bell's count).
 */
import type { Queryable } from '../db/client.js';
import { newId } from '../app/ids.js';

export const NOTIFICATION_KINDS = ['delivery.failed', 'delivery.needs_attention', 'channel.needs_reconnect', 'approval.requested', 'approval.decided', 'comment.mention', 'inbox.assigned'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notice {
  workspaceId: string;
  kind: NotificationKind;
  subjectId: string;
  message: string;
  detail?: Record<string, unknown>;
  /** Personal: these members only. Absent: the workspace (e-mail to owners and admins). */
  userIds?: string[];
}

export async function notify(db: Queryable, n: Notice) {
  const detail = n.detail ? JSON.stringify(n.detail) : null;
  if (n.userIds) {
    if (n.userIds.length === 0) return;
    await db.query(
      `INSERT INTO notifications (id, workspace_id, user_id, kind, subject_id, message, detail)
       SELECT gen_random_uuid(), $1, u, $2, $3, $4, $5::jsonb FROM unnest($6::uuid[]) AS u`,
      [n.workspaceId, n.kind, n.subjectId, n.message, detail, n.userIds],
    );
  } else {
    await db.query(`INSERT INTO notifications (id, workspace_id, kind, subject_id, message, detail) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`, [newId(), n.workspaceId, n.kind, n.subjectId, n.message, detail]);
  }
  await db.query(
    `INSERT INTO email_outbox (id, user_id, to_address, subject, body, kind)
     SELECT gen_random_uuid(), u.id, u.email, $3, $4, $2
     FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.workspace_id = $1
       AND (CASE WHEN $5::uuid[] IS NULL THEN m.role IN ('owner', 'admin') ELSE m.user_id = ANY($5::uuid[]) END)
       AND NOT EXISTS (SELECT 1 FROM notification_settings s WHERE s.user_id = u.id AND s.kind = $2 AND s.email = false)`,
    [n.workspaceId, n.kind, `Varde: ${n.message.length > 90 ? `${n.message.slice(0, 89)}…` : n.message}`, n.message, n.userIds ?? null],
  );
}

/** A notification as the member sees it (`personal`: to them alone, not to the workspace). */
export interface NotificationEntry {
  id: string;
  kind: NotificationKind;
  subjectId: string;
  message: string;
  detail: Record<string, unknown> | null;
  createdAt: Date;
  readAt: Date | null;
  personal: boolean;
}

export const listNotifications = (db: Queryable, workspaceId: string, userId: string, unreadOnly: boolean, limit: number) =>
  db.query<NotificationEntry>(
    `SELECT id, kind, subject_id AS "subjectId", message, detail, created_at AS "createdAt", read_at AS "readAt", user_id IS NOT NULL AS personal
     FROM notifications n WHERE workspace_id = $1 AND (user_id IS NULL OR user_id = $2) AND ($3::boolean = false OR read_at IS NULL)
       AND NOT EXISTS (SELECT 1 FROM notification_settings s WHERE s.user_id = $2 AND s.kind = n.kind AND s.in_app = false)
     ORDER BY created_at DESC LIMIT $4`,
    [workspaceId, userId, unreadOnly, limit],
  );

export async function markRead(db: Queryable, workspaceId: string, userId: string, ids: string[] | 'all') {
  if (ids === 'all') await db.query(`UPDATE notifications SET read_at = now() WHERE workspace_id = $1 AND (user_id IS NULL OR user_id = $2) AND read_at IS NULL`, [workspaceId, userId]);
  else if (ids.length) await db.query(`UPDATE notifications SET read_at = now() WHERE workspace_id = $1 AND (user_id IS NULL OR user_id = $2) AND id = ANY($3::uuid[]) AND read_at IS NULL`, [workspaceId, userId, ids]);
}

export async function setEmailPreference(db: Queryable, userId: string, kind: NotificationKind, email: boolean) {
  await db.query(`INSERT INTO notification_settings (user_id, kind, email) VALUES ($1, $2, $3) ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email`, [userId, kind, email]);
}

export async function setInAppPreference(db: Queryable, userId: string, kind: NotificationKind, inApp: boolean) {
  await db.query(`INSERT INTO notification_settings (user_id, kind, in_app) VALUES ($1, $2, $3) ON CONFLICT (user_id, kind) DO UPDATE SET in_app = EXCLUDED.in_app`, [userId, kind, inApp]);
}

/** In the app: which kinds show in the list and the bell (all, unless switched off). */
export async function inAppPreferences(db: Queryable, userId: string): Promise<Record<NotificationKind, boolean>> {
  const rows = await db.query<{ kind: NotificationKind; in_app: boolean }>(`SELECT kind, in_app FROM notification_settings WHERE user_id = $1`, [userId]);
  const set = new Map(rows.map((r) => [r.kind, r.in_app]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, set.get(k) ?? true])) as Record<NotificationKind, boolean>;
}

export async function emailPreferences(db: Queryable, userId: string): Promise<Record<NotificationKind, boolean>> {
  const rows = await db.query<{ kind: NotificationKind; email: boolean }>(`SELECT kind, email FROM notification_settings WHERE user_id = $1`, [userId]);
  const off = new Map(rows.map((r) => [r.kind, r.email]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, off.get(k) ?? true])) as Record<NotificationKind, boolean>;
}
