/** Campaigns: a workspace's named groups of posts. */
import type { Queryable } from '../db/client.js';

export interface CampaignRow {
  id: string;
  workspace_id: string;
  name: string;
  colour: string | null;
  utm_campaign: string | null;
  landing_url: string | null;
  /** YYYY-MM-DD: read as text, so no time zone can move the day. */
  starts_on: string | null;
  ends_on: string | null;
  post_count: number;
  created_at: Date;
  updated_at: Date;
}

export interface CampaignFields {
  name: string;
  colour: string | null;
  utmCampaign: string | null;
  landingUrl: string | null;
  startsOn: string | null;
  endsOn: string | null;
}

/** The unique index that keeps one name per workspace, whatever its case (migration 0008). */
export const CAMPAIGN_NAME_INDEX = 'campaigns_workspace_name_idx';

const SELECT = `SELECT c.id, c.workspace_id, c.name, c.colour, c.utm_campaign, c.landing_url,
  c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.created_at, c.updated_at,
  (SELECT count(*)::int FROM posts p WHERE p.campaign_id = c.id) AS post_count FROM campaigns c`;

export const listCampaignRows = (db: Queryable, workspaceId: string) =>
  db.query<CampaignRow>(`${SELECT} WHERE c.workspace_id = $1 ORDER BY lower(c.name)`, [workspaceId]);

export const findCampaignRow = async (db: Queryable, workspaceId: string, id: string) =>
  (await db.query<CampaignRow>(`${SELECT} WHERE c.workspace_id = $1 AND c.id = $2`, [workspaceId, id]))[0] ?? null;

/** Holds the campaign's row until the transaction ends, so that two changes to it do not interleave. */
export const lockCampaign = async (db: Queryable, workspaceId: string, id: string) =>
  (await db.query(`SELECT id FROM campaigns WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [workspaceId, id])).length > 0;

export const campaignNameTaken = async (db: Queryable, workspaceId: string, name: string, exceptId: string | null) =>
  (await db.query(`SELECT 1 FROM campaigns WHERE workspace_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3::uuid`, [workspaceId, name, exceptId])).length > 0;

/** Throws the unique violation on CAMPAIGN_NAME_INDEX when the name is taken. */
export async function insertCampaign(db: Queryable, c: CampaignFields & { id: string; workspaceId: string }) {
  await db.query(
    `INSERT INTO campaigns (id, workspace_id, name, colour, utm_campaign, landing_url, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.id, c.workspaceId, c.name, c.colour, c.utmCampaign, c.landingUrl, c.startsOn, c.endsOn],
  );
}

/** Throws the unique violation on CAMPAIGN_NAME_INDEX when the name is taken. */
export async function updateCampaign(db: Queryable, workspaceId: string, id: string, c: CampaignFields) {
  await db.query(
    `UPDATE campaigns SET name = $3, colour = $4, utm_campaign = $5, landing_url = $6, starts_on = $7, ends_on = $8, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, c.name, c.colour, c.utmCampaign, c.landingUrl, c.startsOn, c.endsOn],
  );
}

/** Deletes the campaign; its posts stay, without a campaign (the foreign key sets it to null). */
export const deleteCampaign = async (db: Queryable, workspaceId: string, id: string) =>
  (await db.query(`DELETE FROM campaigns WHERE workspace_id = $1 AND id = $2 RETURNING id`, [workspaceId, id])).length > 0;
