/**
 * The shapes of campaigns in the API: a named group of posts with an optional colour, UTM name,
 * landing page and dates. Checks that a client can put in the user's words carry a problem code
 * (`params.code`, passed on in the error's details).
 */
import { z } from 'zod';

function isHttpUrl(s: string) {
  if (!URL.canParse(s)) return false;
  const url = new URL(s);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

const day = z.iso.date('must be a date like 2031-05-01');

export const CampaignInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1d4ed8').transform((c) => c.toLowerCase()).nullish()
    .describe('Shown on the calendar, as #rrggbb'),
  utmCampaign: z.string().trim().min(1).max(200).regex(/^[\w.~-]+$/, 'may hold letters, digits, "-", "_", "." and "~" only').nullish()
    .describe('The utm_campaign value for links in the campaign’s posts'),
  landingUrl: z.string().trim().max(2000)
    .refine(isHttpUrl, { message: 'must be a full http(s) URL', params: { code: 'campaign.landing_url_invalid' } })
    .meta({ format: 'uri' }).nullish()
    .describe('The page the campaign sends people to, http(s)'),
  startsOn: day.nullish().describe('The campaign’s first day'),
  endsOn: day.nullish().describe('The campaign’s last day: not before its first (else 400, code campaign.ends_before_start)'),
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
  landingUrl: z.string().nullable(),
  startsOn: z.string().nullable().describe('YYYY-MM-DD'),
  endsOn: z.string().nullable().describe('YYYY-MM-DD'),
  postCount: z.number().int().describe('Posts in the campaign, drafts included'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignList = z.object({ campaigns: z.array(Campaign) });
