/** What a user fills in to connect Discord: a channel webhook's URL, or a bot token and a channel id. */
import { z } from 'zod';

export const discordConnectSchema = z.object({
  network: z.literal('discord'),
  webhookUrl: z.url().optional().describe('A channel webhook (Channel settings → Integrations → Webhooks → Copy Webhook URL)'),
  botToken: z.string().trim().min(50).max(200).optional().describe('Your bot’s token (Developer Portal → Bot → Reset Token); with channelId'),
  channelId: z.string().trim().regex(/^\d{17,20}$/, 'must be a channel id (Developer Mode → right-click the channel → Copy Channel ID)').optional(),
  name: z.string().trim().min(1).max(200).optional(),
  timezone: z.string().max(100).optional(),
});
