/** What a user fills in to connect a Telegram channel, group or chat. */
import { z } from 'zod';

export const telegramConnectSchema = z.object({
  network: z.literal('telegram'),
  botToken: z.string().trim().regex(/^\d{5,}:[A-Za-z0-9_-]{30,}$/, 'must be a bot token from @BotFather, like 123456789:AA…').describe('The token @BotFather gave for your bot'),
  chatId: z.union([z.string().trim().min(2).max(100), z.number().int()]).describe('The channel or group: @username for public ones, or the numeric id (-100…) for private ones'),
  name: z.string().trim().min(1).max(200).optional(),
  timezone: z.string().max(100).optional(),
});
