/** What a user fills in to connect Bluesky. */
import { z } from 'zod';

export const blueskyConnectSchema = z.object({
  network: z.literal('bluesky'),
  handle: z.string().trim().min(3).max(253).describe('e.g. alice.bsky.social'),
  appPassword: z.string().min(1).max(200).describe('An app password from Bluesky settings, not the account password'),
  pdsUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional().describe('Defaults to https://bsky.social'),
  name: z.string().trim().min(1).max(200).optional(),
  timezone: z.string().max(100).optional(),
});
