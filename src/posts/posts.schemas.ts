/** The shapes of posts in the API: compose once, override per target, schedule. */
import { z } from 'zod';

export const MediaRef = z.object({
  mediaId: z.uuid('must be a media id from POST /media'),
  alt: z.string().max(2000).nullish().describe('Alt text: what the image shows, for people who cannot see it'),
});
export type MediaRef = z.infer<typeof MediaRef>;

export const Followup = z.object({ text: z.string().max(100_000), media: z.array(MediaRef).max(35).default([]) });
export type Followup = z.infer<typeof Followup>;

export const Target = z.object({
  channelId: z.uuid('must be a channel id'),
  text: z.string().max(100_000).optional().describe('Replaces the base text for this channel'),
  media: z.array(MediaRef).max(35).optional().describe('Replaces the base media for this channel'),
  followups: z.array(Followup).max(50).optional().describe('Replaces the base follow-ups for this channel'),
  title: z.string().max(1000).optional().describe('Title for networks that have one (YouTube, Pinterest, Reddit)'),
  options: z.record(z.string().max(60), z.union([z.string().max(2000), z.number(), z.boolean()])).optional()
    .describe('Network-specific fields for this target, e.g. {"subreddit":"typescript"}, {"privacy":"unlisted"}, {"firstComment":"…"}; see docs/networks/<network>.md'),
});
export type Target = z.infer<typeof Target>;

export const ScheduleInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('draft') }),
  z.object({
    mode: z.literal('at'),
    at: z.string().max(64).optional().describe('ISO-8601 with an offset, e.g. 2026-12-01T09:00:00+01:00'),
    localTime: z.string().max(64).optional().describe('Local wall time YYYY-MM-DDTHH:mm, with timezone'),
    timezone: z.string().max(100).optional().describe('IANA zone for localTime, e.g. Europe/Oslo'),
  }),
  z.object({ mode: z.literal('queue').describe("Each channel's next free slot") }),
  z.object({ mode: z.literal('now') }),
]);
export type ScheduleInput = z.infer<typeof ScheduleInput>;

export const PostInput = z.object({
  text: z.string().max(100_000).default(''),
  media: z.array(MediaRef).max(35).default([]),
  link: z.url('must be a full http(s) URL').nullish(),
  followups: z.array(Followup).max(50).default([]),
  title: z.string().max(1000).nullish(),
  targets: z.array(Target).max(100).default([]),
  schedule: ScheduleInput.default({ mode: 'draft' }),
  campaignId: z.uuid('must be a campaign id').nullish().describe('The campaign the post belongs to (GET …/campaigns); on an edit, null removes it and leaving it out keeps it'),
});
export type PostInput = z.infer<typeof PostInput>;

export const PostListQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional().describe('Scheduled at or after'),
  to: z.iso.datetime({ offset: true }).optional().describe('Scheduled before'),
  status: z.enum(['draft', 'awaiting_approval', 'scheduled', 'publishing', 'published', 'partially_failed', 'failed', 'needs_attention', 'cancelled', 'deleted']).optional(),
  channelId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Stored on the post. */
export interface PostContent {
  text: string;
  media: MediaRef[];
  link: string | null;
  followups: Followup[];
  title?: string | null;
}

/** Stored on each delivery: only what the target overrides. */
export interface DeliveryOverride {
  text?: string;
  media?: MediaRef[];
  followups?: Followup[];
  title?: string;
  options?: Record<string, string | number | boolean>;
}

export function effectiveContent(base: PostContent, override: DeliveryOverride): PostContent {
  return {
    text: override.text ?? base.text,
    media: override.media ?? base.media,
    link: base.link,
    followups: override.followups ?? base.followups,
    title: override.title ?? base.title ?? null,
  };
}
