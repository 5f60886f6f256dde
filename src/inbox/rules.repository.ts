/** Inbox rules in the database, scoped by workspace; kept in creation order (the order they apply in). */
import type { Queryable } from '../db/client.js';
import type { Rule, RuleActions, RuleConditions } from './rules.js';

export interface RuleRow {
  id: string;
  workspace_id: string;
  name: string;
  enabled: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export const toRule = (r: RuleRow): Rule => ({ id: r.id, name: r.name, enabled: r.enabled, conditions: r.conditions, actions: r.actions });

export const listRules = (db: Queryable, workspaceId: string) =>
  db.query<RuleRow>(`SELECT * FROM inbox_rules WHERE workspace_id = $1 ORDER BY created_at, id`, [workspaceId]);

export const findRule = async (db: Queryable, workspaceId: string, id: string) =>
  (await db.query<RuleRow>(`SELECT * FROM inbox_rules WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]))[0] ?? null;

export async function insertRule(db: Queryable, r: { id: string; workspaceId: string; name: string; enabled: boolean; conditions: RuleConditions; actions: RuleActions; createdBy: string | null }) {
  const rows = await db.query<RuleRow>(
    `INSERT INTO inbox_rules (id, workspace_id, name, enabled, conditions, actions, created_by) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7) RETURNING *`,
    [r.id, r.workspaceId, r.name, r.enabled, JSON.stringify(r.conditions), JSON.stringify(r.actions), r.createdBy],
  );
  return rows[0];
}

export async function updateRule(db: Queryable, workspaceId: string, id: string, r: { name: string; enabled: boolean; conditions: RuleConditions; actions: RuleActions }) {
  const rows = await db.query<RuleRow>(
    `UPDATE inbox_rules SET name = $3, enabled = $4, conditions = $5::jsonb, actions = $6::jsonb, updated_at = now() WHERE workspace_id = $1 AND id = $2 RETURNING *`,
    [workspaceId, id, r.name, r.enabled, JSON.stringify(r.conditions), JSON.stringify(r.actions)],
  );
  return rows[0] ?? null;
}

export async function deleteRule(db: Queryable, workspaceId: string, id: string) {
  return (await db.query(`DELETE FROM inbox_rules WHERE workspace_id = $1 AND id = $2 RETURNING id`, [workspaceId, id])).length > 0;
}

/** Auto-replies a rule sent in the last hour (its rate limit). */
export async function countRecentAutoReplies(db: Queryable, ruleId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox_replies WHERE rule_id = $1 AND created_at > now() - interval '1 hour'`, [ruleId]);
  return row.n;
}
