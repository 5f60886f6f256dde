/** Campaigns: create, change and delete the named groups that posts belong to, with their landing page and dates. */
import type { AppContext } from '../app/context.js';
import { AppError, findOrFail, notFound } from '../app/errors.js';
import { newId } from '../app/ids.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import type { Queryable } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import * as repo from './campaigns.repository.js';
import type { Campaign, CampaignInput, CampaignPatch } from './campaigns.schemas.js';

const publicCampaign = (r: repo.CampaignRow): Campaign => ({
  id: r.id, name: r.name, colour: r.colour, utmCampaign: r.utm_campaign,
  landingUrl: r.landing_url, startsOn: r.starts_on, endsOn: r.ends_on, postCount: r.post_count,
  createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

const nameTaken = (name: string, cause?: unknown) =>
  new AppError('conflict', `A campaign named "${name}" already exists`, { details: { code: 'campaign.name_taken', field: 'body.name' }, cause });

/**
 * Saves a name, answering a taken one with the same 409 whether the check before saving saw it or
 * the unique index did (two people saving the same name at the same instant both pass the check).
 */
async function savingName<T>(name: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (err) {
    if (isUniqueViolation(err, repo.CAMPAIGN_NAME_INDEX)) throw nameTaken(name, err);
    throw err;
  }
}

async function refuseTakenName(db: Queryable, workspaceId: string, name: string, exceptId: string | null) {
  if (await repo.campaignNameTaken(db, workspaceId, name, exceptId)) throw nameTaken(name);
}

/** Dates compare as text: both are YYYY-MM-DD. */
function refuseEndBeforeStart(startsOn: string | null, endsOn: string | null) {
  if (startsOn && endsOn && endsOn < startsOn) {
    throw new AppError('bad_request', `endsOn: the campaign ends (${endsOn}) before it starts (${startsOn})`, { details: { code: 'campaign.ends_before_start', field: 'body.endsOn' } });
  }
}

export async function listCampaigns(ctx: AppContext, access: WorkspaceAccess) {
  return { campaigns: (await repo.listCampaignRows(ctx.db, access.workspaceId)).map(publicCampaign) };
}

export async function createCampaign(ctx: AppContext, access: WorkspaceAccess, input: CampaignInput) {
  const fields: repo.CampaignFields = {
    name: input.name, colour: input.colour ?? null, utmCampaign: input.utmCampaign ?? null,
    landingUrl: input.landingUrl ?? null, startsOn: input.startsOn ?? null, endsOn: input.endsOn ?? null,
  };
  refuseEndBeforeStart(fields.startsOn, fields.endsOn);
  const id = newId();
  await savingName(input.name, () => repo.insertCampaign(ctx.db, { ...fields, id, workspaceId: access.workspaceId }));
  return publicCampaign(findOrFail(await repo.findCampaignRow(ctx.db, access.workspaceId, id), 'Campaign'));
}

/** Fields left out keep their value; null clears an optional one. */
export async function changeCampaign(ctx: AppContext, access: WorkspaceAccess, id: string, patch: CampaignPatch) {
  const kept = <T>(given: T | undefined, stored: T) => (given === undefined ? stored : given);
  await savingName(patch.name ?? '', () => ctx.db.transaction(async (tx) => {
    if (!(await repo.lockCampaign(tx, access.workspaceId, id))) throw notFound('Campaign');
    const c = findOrFail(await repo.findCampaignRow(tx, access.workspaceId, id), 'Campaign');
    const fields: repo.CampaignFields = {
      name: patch.name ?? c.name,
      colour: kept(patch.colour, c.colour),
      utmCampaign: kept(patch.utmCampaign, c.utm_campaign),
      landingUrl: kept(patch.landingUrl, c.landing_url),
      startsOn: kept(patch.startsOn, c.starts_on),
      endsOn: kept(patch.endsOn, c.ends_on),
    };
    refuseEndBeforeStart(fields.startsOn, fields.endsOn);
    if (fields.name.toLowerCase() !== c.name.toLowerCase()) await refuseTakenName(tx, access.workspaceId, fields.name, id);
    await repo.updateCampaign(tx, access.workspaceId, id, fields);
  }));
  return publicCampaign(findOrFail(await repo.findCampaignRow(ctx.db, access.workspaceId, id), 'Campaign'));
}

export async function removeCampaign(ctx: AppContext, access: WorkspaceAccess, id: string) {
  if (!(await repo.deleteCampaign(ctx.db, access.workspaceId, id))) throw notFound('Campaign');
}

/** For posts: a campaign id must name a campaign of the same workspace. */
export async function requireCampaign(db: Queryable, workspaceId: string, id: string | null | undefined) {
  if (id && !(await repo.findCampaignRow(db, workspaceId, id))) throw new AppError('bad_request', 'campaignId: no such campaign in this workspace');
}
