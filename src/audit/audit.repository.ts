/** The audit log: one row per change, who made it, through which session or token, from where. */
import type { Queryable } from '../db/client.js';
import { newId } from '../app/ids.js';

export interface AuditEntry {
  workspaceId: string | null;
  actorUserId: string | null;
  actorKind: 'session' | 'token' | 'review_link' | 'system' | 'anonymous';
  actorTokenId?: string | null;
  actorSessionId?: string | null;
  action: string;
  summary: string;
  subjectType?: string | null;
  subjectId?: string | null;
  status?: number | null;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

export async function insertAudit(db: Queryable, e: AuditEntry) {
  await db.query(
    `INSERT INTO audit_log (id, workspace_id, actor_user_id, actor_kind, actor_token_id, actor_session_id, action, summary, subject_type, subject_id, status, ip, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb)`,
    [newId(), e.workspaceId, e.actorUserId, e.actorKind, e.actorTokenId ?? null, e.actorSessionId ?? null, e.action, e.summary, e.subjectType ?? null, e.subjectId ?? null, e.status ?? null, e.ip ?? null, e.detail ? JSON.stringify(e.detail) : null],
  );
}

export interface AuditQuery {
  from?: string;
  to?: string;
  actorUserId?: string;
  action?: string;
  subjectId?: string;
  limit: number;
  offset: number;
}

/** One row of the log as the API shows it. */
export type AuditRow = {
  id: string;
  at: Date;
  actorKind: AuditEntry['actorKind'];
  actorUserId: string | null;
  actorEmail: string | null;
  tokenId: string | null;
  sessionId: string | null;
  action: string;
  summary: string;
  subjectType: string | null;
  subjectId: string | null;
  status: number | null;
  ip: string | null;
};

export function listAudit(db: Queryable, workspaceId: string, q: AuditQuery) {
  return db.query<AuditRow>(
    `SELECT a.id, a.created_at AS "at", a.actor_kind AS "actorKind", a.actor_user_id AS "actorUserId", u.email AS "actorEmail",
            a.actor_token_id AS "tokenId", a.actor_session_id AS "sessionId", a.action, a.summary,
            a.subject_type AS "subjectType", a.subject_id AS "subjectId", a.status, a.ip
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
     WHERE a.workspace_id = $1
       AND ($2::timestamptz IS NULL OR a.created_at >= $2) AND ($3::timestamptz IS NULL OR a.created_at < $3)
       AND ($4::uuid IS NULL OR a.actor_user_id = $4) AND ($5::text IS NULL OR a.action ILIKE '%' || $5 || '%')
       AND ($6::text IS NULL OR a.subject_id = $6)
     ORDER BY a.created_at DESC, a.id LIMIT $7 OFFSET $8`,
    [workspaceId, q.from ?? null, q.to ?? null, q.actorUserId ?? null, q.action ?? null, q.subjectId ?? null, q.limit, q.offset],
  );
}
