/** Media rows (the bytes live in the MediaStore). */
import type { Queryable } from '../db/client.js';

export interface MediaRow {
  id: string;
  workspace_id: string;
  sha256: string;
  mime: string;
  kind: 'image' | 'video' | 'gif';
  size: number;
  width: number | null;
  height: number | null;
  duration_sec: number | null;
  filename: string | null;
  created_at: Date;
}

/** Inserts, or returns the existing row for the same content in the workspace. */
export async function upsertMedia(db: Queryable, m: Omit<MediaRow, 'created_at'>): Promise<MediaRow> {
  const rows = await db.query<MediaRow>(
    `INSERT INTO media (id, workspace_id, sha256, mime, kind, size, width, height, duration_sec, filename)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (workspace_id, sha256) DO UPDATE SET filename = COALESCE(media.filename, EXCLUDED.filename)
     RETURNING *`,
    [m.id, m.workspace_id, m.sha256, m.mime, m.kind, m.size, m.width, m.height, m.duration_sec, m.filename],
  );
  return rows[0];
}

export async function findMediaByIds(db: Queryable, workspaceId: string, ids: string[]): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return db.query<MediaRow>(`SELECT * FROM media WHERE workspace_id = $1 AND id = ANY($2::uuid[])`, [workspaceId, ids]);
}

export const listMedia = (db: Queryable, workspaceId: string, limit: number) =>
  db.query<MediaRow>(`SELECT * FROM media WHERE workspace_id = $1 ORDER BY created_at DESC LIMIT $2`, [workspaceId, limit]);
