/** The shapes of channels in the API answers. Credentials are never part of them. */
import { z } from 'zod';
import { Instant } from '../server/schemas.js';

export const Channel = z.object({
  id: z.string(),
  network: z.string().describe('The network’s slug, e.g. bluesky, mastodon, webhook'),
  name: z.string(),
  handle: z.string().nullable(),
  externalId: z.string().nullable().describe('The account’s id on the network'),
  profileUrl: z.string().nullable(),
  status: z.enum(['active', 'needs_reconnect', 'disabled']),
  statusReason: z.string().nullable(),
  settings: z.record(z.string(), z.unknown()).describe('What the network’s provider shows of the channel’s settings (never a secret)'),
  schedule: z.object({
    timezone: z.string(),
    slots: z.array(z.object({ weekday: z.number().int().describe('ISO weekday, Monday = 1'), time: z.string().describe('HH:MM') })),
  }).describe('Weekly posting slots, in the channel’s own time zone'),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Channel = z.infer<typeof Channel>;

export const ChannelList = z.object({ channels: z.array(Channel) });

/** The answer to connect and reconnect: the one place a generated secret is shown. */
export const ConnectedChannel = Channel.extend({
  secret: z.string().optional().describe('Webhook channels only, when the server generated the signing secret: shown this once'),
});

export const QueueAnswer = z.object({
  timezone: z.string(),
  upcoming: z.array(z.object({
    deliveryId: z.string(),
    postId: z.string(),
    dueAt: Instant,
    state: z.enum(['scheduled', 'queued', 'publishing']),
    text: z.string().nullable().describe('The post’s base text'),
  })).describe('Waiting and publishing deliveries of the channel, soonest first (at most 200)'),
  freeSlots: z.array(z.iso.datetime()).describe('The next free posting slots'),
});

const Account = z.object({ externalId: z.string(), handle: z.string(), name: z.string(), profileUrl: z.string().optional() });

export const OAuthSignIn = z.object({
  state: z.string(),
  network: z.string(),
  status: z.enum(['pending', 'awaiting_pick', 'done', 'failed']),
  error: z.string().nullable(),
  candidates: z.array(Account).describe('With awaiting_pick: the accounts (pages, organisations, boards…) the login gives'),
});
