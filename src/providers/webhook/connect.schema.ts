/** What a user fills in to connect a webhook channel. */
import { z } from 'zod';

export const webhookConnectSchema = z.object({
  network: z.literal('webhook'),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).describe('Where each post is POSTed as signed JSON'),
  secret: z.string().min(8).max(500).optional().describe('Signing secret (whsec_…); generated when omitted'),
  verify: z.boolean().optional().describe('Send a signed ping and require a 2xx before saving'),
  name: z.string().trim().min(1).max(200).optional(),
  timezone: z.string().max(100).optional(),
});
