/** The shapes of posts in the API: compose once, override per target, schedule. */
import { z } from 'zod';
import type { ProviderErrorKind } from '../providers/provider-error.js';
import { Instant } from '../server/schemas.js';
import type { DeliveryState, PostStatus } from './posts.repository.js';

export const POST_STATUSES = ['draft', 'awaiting_approval', 'scheduled', 'publishing', 'published', 'partially_failed', 'failed', 'needs_attention', 'cancelled', 'deleted'] as const satisfies readonly PostStatus[];
const ERROR_KINDS = ['auth_expired', 'rate_limited', 'rejected', 'transient', 'unknown_outcome'] as const satisfies readonly ProviderErrorKind[];
export const DELIVERY_STATES = ['draft', 'awaiting_approval', 'scheduled', 'queued', 'publishing', 'published', 'failed', 'needs_attention', 'cancelled', 'deleted'] as const satisfies readonly DeliveryState[];

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
  status: z.enum(POST_STATUSES).optional(),
  channelId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

// The answers. Stored JSON (content, overrides, errors) is described as it is stored, not re-checked
// against the input rules above.

const StoredMediaRef = z.object({ mediaId: z.string(), alt: z.string().nullish() });
const StoredFollowup = z.object({ text: z.string(), media: z.array(StoredMediaRef) });

export const PostContentAnswer = z.object({
  text: z.string(),
  media: z.array(StoredMediaRef),
  link: z.string().nullable(),
  followups: z.array(StoredFollowup),
  title: z.string().nullish(),
}).describe('The base content every target starts from');

export const DeliveryOverrideAnswer = z.object({
  text: z.string().optional(),
  media: z.array(StoredMediaRef).optional(),
  followups: z.array(StoredFollowup).optional(),
  title: z.string().optional(),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
}).describe('Only what this target replaces of the base content');

export const DeliveryError = z.object({
  kind: z.enum(ERROR_KINDS),
  message: z.string(),
  networkMessage: z.string().optional().describe('The network’s own words'),
}).nullable().describe('Why the latest attempt did not publish; null when none failed');

export const Attempt = z.object({
  number: z.number().int(),
  startedAt: Instant,
  finishedAt: Instant.nullable(),
  outcome: z.string().describe('published, reconciled, retry, deferred, unknown, failed, needs_attention, interrupted, or in_flight while it runs'),
  errorKind: z.enum(ERROR_KINDS).nullable(),
  errorMessage: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const Delivery = z.object({
  id: z.string(),
  channelId: z.string(),
  channel: z.object({ name: z.string(), network: z.string(), handle: z.string().nullable() }).nullable(),
  state: z.enum(DELIVERY_STATES),
  override: DeliveryOverrideAnswer,
  idempotencyKey: z.string(),
  dueAt: Instant.nullable(),
  nextAttemptAt: Instant.nullable().describe('When the worker takes it next (scheduled and queued deliveries only)'),
  attemptCount: z.number().int(),
  externalId: z.string().nullable(),
  url: z.string().nullable().describe('The post on the network, once published'),
  publishedAt: Instant.nullable(),
  error: DeliveryError,
  attempts: z.array(Attempt),
});

const PostFields = z.object({
  id: z.string(),
  status: z.enum(POST_STATUSES).describe('Rolled up from the deliveries'),
  approvalStatus: z.enum(['not_required', 'pending', 'approved', 'rejected']),
  revision: z.number().int().describe('Bumped by every edit; approvals count for the revision they saw'),
  content: PostContentAnswer,
  scheduledAt: Instant.nullable().describe('The earliest delivery’s time'),
  campaignId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});

/** One post with every delivery and its attempts: the answer of show, create, edit and every action. */
export const PostDetail = PostFields.extend({ deliveries: z.array(Delivery) });
export type PostDetail = z.infer<typeof PostDetail>;

/** A post in a list: its deliveries without attempts. */
export const PostSummary = PostFields.extend({
  deliveries: z.array(Delivery.pick({ id: true, channelId: true, state: true, dueAt: true, url: true, error: true, override: true })),
});
export const PostList = z.object({ posts: z.array(PostSummary) });

const ProblemAnswer = z.object({
  code: z.string().describe('Stable, e.g. text.too_long'),
  severity: z.enum(['error', 'warning']),
  field: z.string().describe('Where: text, media[2], followups[0].text, link, title'),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  message: z.string(),
});

/** The dry run: every problem of the post and of each target. */
export const CheckAnswer = z.object({
  ok: z.boolean().describe('No errors (warnings allowed)'),
  problems: z.array(ProblemAnswer),
  targets: z.array(z.object({
    channelId: z.string(),
    channelName: z.string(),
    network: z.string(),
    ok: z.boolean(),
    counts: z.object({ count: z.number(), limit: z.number(), unit: z.string() }),
    problems: z.array(ProblemAnswer),
  })),
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
