/** Campaigns: create, rename, recolour and delete the named groups that posts belong to. */
import type { AppContext } from '../app/context.js';
import { AppError, findOrFail } from '../app/errors.js';
import { newId } from '../app/ids.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import type { Queryable } from '../db/client.js';
import * as repo from './campaigns.repository.js';
import type { Campaign, CampaignInput, CampaignPatch } from './campaigns.schemas.js';

const publicCampaign = (r: repo.CampaignRow): Campaign => ({
  id: r.id, name: r.name, colour: r.colour, utmCampaign: r.utm_campaign, postCount: r.post_count,
  createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

async function refuseTakenName(db: Queryable, workspaceId: string, name: string, exceptId: string | null) {
  if (await repo.campaignNameTaken(db, workspaceId, name, exceptId)) throw new AppError('conflict', `A campaign named "${name}" already exists`);
}

export async function listCampaigns(ctx: AppContext, access: WorkspaceAccess) {
  return { campaigns: (await repo.listCampaignRows(ctx.db, access.workspaceId)).map(publicCampaign) };
}

export async function createCampaign(ctx: AppContext, access: WorkspaceAccess, input: CampaignInput) {
  const id = newId();
  const inserted = await repo.insertCampaign(ctx.db, { id, workspaceId: access.workspaceId, name: input.name, colour: input.colour ?? null, utmCampaign: input.utmCampaign ?? null });
  if (!inserted) throw new AppError('conflict', `A campaign named "${input.name}" already exists`);
  return publicCampaign(findOrFail(await repo.findCampaignRow(ctx.db, access.workspaceId, id), 'Campaign'));
}

export async function changeCampaign(ctx: AppContext, access: WorkspaceAccess, id: string, patch: CampaignPatch) {
  await ctx.db.transaction(async (tx) => {
    const c = findOrFail(await repo.findCampaignRow(tx, access.workspaceId, id), 'Campaign');
    const name = patch.name ?? c.name;
    if (name.toLowerCase() !== c.name.toLowerCase()) await refuseTakenName(tx, access.workspaceId, name, id);
    await repo.updateCampaign(tx, access.workspaceId, id, {
      name,
      colour: patch.colour === undefined ? c.colour : patch.colour,
      utmCampaign: patch.utmCampaign === undefined ? c.utm_campaign : patch.utmCampaign,
    });
  });
  return publicCampaign(findOrFail(await repo.findCampaignRow(ctx.db, access.workspaceId, id), 'Campaign'));
}

export async function removeCampaign(ctx: AppContext, access: WorkspaceAccess, id: string) {
  if (!(await repo.deleteCampaign(ctx.db, access.workspaceId, id))) throw new AppError('not_found', 'Campaign not found');
}

/** For posts: a campaign id must name a campaign of the same workspace. */
export async function requireCampaign(db: Queryable, workspaceId: string, id: string | null | undefined) {
  if (id && !(await repo.findCampaignRow(db, workspaceId, id))) throw new AppError('bad_request', 'campaignId: no such campaign in this workspace');
}
