/** Campaigns: a workspace's named groups of posts. */
import type { Queryable } from '../db/client.js';

export interface CampaignRow {
  id: string;
  workspace_id: string;
  name: string;
  colour: string | null;
  utm_campaign: string | null;
  post_count: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT c.id, c.workspace_id, c.name, c.colour, c.utm_campaign, c.created_at, c.updated_at,
  (SELECT count(*)::int FROM posts p WHERE p.campaign_id = c.id) AS post_count FROM campaigns c`;

export const listCampaignRows = (db: Queryable, workspaceId: string) =>
  db.query<CampaignRow>(`${SELECT} WHERE c.workspace_id = $1 ORDER BY lower(c.name)`, [workspaceId]);

export const findCampaignRow = async (db: Queryable, workspaceId: string, id: string) =>
  (await db.query<CampaignRow>(`${SELECT} WHERE c.workspace_id = $1 AND c.id = $2`, [workspaceId, id]))[0] ?? null;

export const campaignNameTaken = async (db: Queryable, workspaceId: string, name: string, exceptId: string | null) =>
  (await db.query(`SELECT 1 FROM campaigns WHERE workspace_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3::uuid`, [workspaceId, name, exceptId])).length > 0;

/** False when the name is taken (one name per workspace, whatever its case). */
export async function insertCampaign(db: Queryable, c: { id: string; workspaceId: string; name: string; colour: string | null; utmCampaign: string | null }) {
  const rows = await db.query(`INSERT INTO campaigns (id, workspace_id, name, colour, utm_campaign) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`, [c.id, c.workspaceId, c.name, c.colour, c.utmCampaign]);
  return rows.length > 0;
}

export async function updateCampaign(db: Queryable, workspaceId: string, id: string, c: { name: string; colour: string | null; utmCampaign: string | null }) {
  await db.query(`UPDATE campaigns SET name = $3, colour = $4, utm_campaign = $5, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, c.name, c.colour, c.utmCampaign]);
}

/** Deletes the campaign; its posts stay, without a campaign (the foreign key sets it to null). */
export const deleteCampaign = async (db: Queryable, workspaceId: string, id: string) =>
  (await db.query(`DELETE FROM campaigns WHERE workspace_id = $1 AND id = $2 RETURNING id`, [workspaceId, id])).length > 0;
