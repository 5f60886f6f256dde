/** What changed in posts, deliveries and inbox items since a moment, for the workspaces someone is watching. */
import type { Queryable } from '../db/client.js';

export interface ChangeRow {
  kind: 'post' | 'delivery' | 'inbox_item';
  workspace_id: string;
  post_id: string;
  id: string;
  state: string;
  updated_at: Date;
}

/** The database's clock, so the cursor never depends on this machine's. */
export async function databaseNow(db: Queryable): Promise<Date> {
  const [row] = await db.query<{ now: Date }>(`SELECT now() AS now`);
  return new Date(row.now);
}

export function findChangesSince(db: Queryable, workspaceIds: string[], since: Date): Promise<ChangeRow[]> {
  if (workspaceIds.length === 0) return Promise.resolve([]);
  return db.query<ChangeRow>(
    `SELECT 'delivery' AS kind, d.workspace_id, d.post_id, d.id, d.state, d.updated_at
       FROM deliveries d WHERE d.workspace_id = ANY($1::uuid[]) AND d.updated_at > $2
     UNION ALL
     SELECT 'post' AS kind, p.workspace_id, p.id AS post_id, p.id, p.status AS state, p.updated_at
       FROM posts p WHERE p.workspace_id = ANY($1::uuid[]) AND p.updated_at > $2
     UNION ALL
     SELECT 'inbox_item' AS kind, i.workspace_id, i.post_id, i.id, i.state, i.updated_at
       FROM inbox_items i WHERE i.workspace_id = ANY($1::uuid[]) AND i.updated_at > $2
     ORDER BY updated_at
     LIMIT 5000`,
    [workspaceIds, since],
  );
}
