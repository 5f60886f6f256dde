/** Campaigns: read to list, `write` to create, change and delete. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { IdParams, WorkspaceParams } from '../server/schemas.js';
import { Campaign, CampaignInput, CampaignList, CampaignPatch } from './campaigns.schemas.js';
import * as campaigns from './campaigns.service.js';

export function campaignsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  const base = '/api/v1/workspaces/:workspaceId/campaigns';

  r.get(base, { schema: { tags, summary: 'Campaigns, by name', params: WorkspaceParams, response: { 200: CampaignList } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return campaigns.listCampaigns(ctx, access);
  });

  r.post(base, { schema: { tags, summary: 'Create a campaign', params: WorkspaceParams, body: CampaignInput, response: { 201: Campaign } } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return reply.status(201).send(await campaigns.createCampaign(ctx, access, req.body));
  });

  r.patch(`${base}/:id`, { schema: { tags, summary: 'Change a campaign: its name, colour, UTM name, landing page or dates', params: IdParams, body: CampaignPatch, response: { 200: Campaign } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    return campaigns.changeCampaign(ctx, access, req.params.id, req.body);
  });

  r.delete(`${base}/:id`, { schema: { tags, summary: 'Delete a campaign (its posts stay, without a campaign)', params: IdParams } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    await campaigns.removeCampaign(ctx, access, req.params.id);
    return reply.status(204).send();
  });
}
