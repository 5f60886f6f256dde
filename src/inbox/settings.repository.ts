/** Per-workspace inbox settings: the priority keywords (the defaults until a workspace sets its own). */
import type { Queryable } from '../db/client.js';
import { DEFAULT_PRIORITY_KEYWORDS } from './priority.js';

export async function getPriorityKeywords(db: Queryable, workspaceId: string): Promise<string[]> {
  const [row] = await db.query<{ priority_keywords: string[] }>(`SELECT priority_keywords FROM inbox_settings WHERE workspace_id = $1`, [workspaceId]);
  return row ? row.priority_keywords : [...DEFAULT_PRIORITY_KEYWORDS];
}

export async function setPriorityKeywords(db: Queryable, workspaceId: string, keywords: string[]) {
  await db.query(
    `INSERT INTO inbox_settings (workspace_id, priority_keywords) VALUES ($1, $2::text[])
     ON CONFLICT (workspace_id) DO UPDATE SET priority_keywords = EXCLUDED.priority_keywords, updated_at = now()`,
    [workspaceId, keywords],
  );
}
