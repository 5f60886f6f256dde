/** The shapes of campaigns in the API: a named group of posts with an optional colour and UTM name. */
import { z } from 'zod';

export const CampaignInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1d4ed8').transform((c) => c.toLowerCase()).nullish()
    .describe('Shown on the calendar, as #rrggbb'),
  utmCampaign: z.string().trim().min(1).max(200).regex(/^[\w.~-]+$/, 'may hold letters, digits, "-", "_", "." and "~" only').nullish()
    .describe('The utm_campaign value for links in the campaign’s posts'),
});
export type CampaignInput = z.infer<typeof CampaignInput>;

/** A change: only the fields given change; null clears an optional one. */
export const CampaignPatch = CampaignInput.partial();
export type CampaignPatch = z.infer<typeof CampaignPatch>;

export const Campaign = z.object({
  id: z.string(),
  name: z.string(),
  colour: z.string().nullable(),
  utmCampaign: z.string().nullable(),
  postCount: z.number().int().describe('Posts in the campaign, drafts included'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignList = z.object({ campaigns: z.array(Campaign) });
