/**
 * The inbox API's answer shapes (zod): they validate and serialise what the routes send, and the
 * OpenAPI document (and so the web app's types) is generated from them. Dates are `Instant`s.
 */
import { z } from 'zod';
import { Instant } from '../server/schemas.js';
import { INBOX_KINDS, RuleActions, RuleConditions, SENTIMENTS } from './rules.js';

export const InboxItem = z.object({
  id: z.string(),
  channelId: z.string(),
  network: z.string(),
  kind: z.enum(INBOX_KINDS),
  externalId: z.string(),
  conversationId: z.string(),
  parentExternalId: z.string().nullable(),
  postExternalId: z.string().nullable(),
  postId: z.string().nullable().describe('The Varde post it answers, when known'),
  author: z.object({ id: z.string(), handle: z.string().nullable(), name: z.string().nullable(), avatarUrl: z.string().nullable(), url: z.string().nullable(), followers: z.number().nullable() }),
  text: z.string(),
  url: z.string().nullable(),
  createdAt: Instant,
  receivedAt: Instant,
  source: z.enum(['webhook', 'poll']),
  language: z.string(),
  sentiment: z.enum(SENTIMENTS),
  sentimentScore: z.number().nullable(),
  priority: z.number().int().describe('0–100'),
  priorityLevel: z.enum(['high', 'medium', 'low']),
  state: z.enum(['open', 'assigned', 'done']),
  assigneeId: z.string().nullable(),
  snoozedUntil: Instant.nullable(),
  tags: z.array(z.string()),
  read: z.boolean(),
  hidden: z.boolean(),
  liked: z.boolean(),
  deletedOnNetwork: z.boolean(),
});

export const InboxPage = z.object({ items: z.array(InboxItem), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

export const InboxReply = z.object({
  id: z.string(),
  itemId: z.string(),
  text: z.string(),
  postId: z.string(),
  deliveryId: z.string(),
  state: z.string().describe('The state of the reply’s delivery (queued, publishing, published, failed…)'),
  url: z.string().nullable(),
  externalId: z.string().nullable(),
  error: z.object({ kind: z.string(), message: z.string(), networkMessage: z.string().optional() }).nullable(),
  attempts: z.number().int(),
  auto: z.boolean().describe('Sent by a rule’s auto-reply'),
  createdBy: z.string().nullable(),
  createdAt: Instant,
  publishedAt: Instant.nullable(),
});

export const InboxNote = z.object({ id: z.string(), itemId: z.string(), author: z.object({ id: z.string(), name: z.string().nullable() }).nullable(), body: z.string(), createdAt: Instant });

export const Conversation = z.object({
  conversationId: z.string(),
  channel: z.object({ id: z.string(), name: z.string(), network: z.string(), handle: z.string().nullable() }),
  actions: z.object({ reply: z.boolean(), hide: z.boolean(), like: z.boolean(), delete: z.boolean() }).describe('What the network lets Varde do with its items'),
  post: z.object({ id: z.string(), status: z.string(), text: z.string(), url: z.string().nullable(), publishedAt: Instant.nullable() }).nullable(),
  items: z.array(InboxItem),
  replies: z.array(InboxReply),
  notes: z.array(InboxNote),
});

export const BulkAnswer = z.object({ changed: z.number().int(), ids: z.array(z.string()).describe('The items changed') });
export const UnreadCount = z.object({ unread: z.number().int(), open: z.number().int(), mine: z.number().int() });

export const InboxSources = z.object({
  sources: z.array(z.object({
    channelId: z.string(),
    name: z.string(),
    network: z.string(),
    channelStatus: z.string(),
    kinds: z.array(z.enum(INBOX_KINDS)),
    ingest: z.enum(['webhook+poll', 'webhook', 'poll', 'none']),
    webhookUrl: z.string().nullable().describe('Where the network pushes (to set in its developer console)'),
    poll: z.object({ nextAt: Instant.nullable(), lastAt: Instant.nullable(), failures: z.number().int(), lastError: z.string().nullable(), rateLimitedUntil: Instant.nullable() }).nullable(),
  })),
});
export const SyncAnswer = z.object({ channels: z.number().int().describe('Polled channels moved to the next tick') });

// The stored rule as given (the input's at-least-one checks are the input's business).
export const InboxRule = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  conditions: z.object(RuleConditions.shape),
  actions: z.object(RuleActions.shape),
  createdBy: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const InboxRuleList = z.object({ rules: z.array(InboxRule) });
export const DryRunAnswer = z.object({ matched: z.number().int(), of: z.number().int(), message: z.string(), sample: z.array(InboxItem).describe('Up to 10 of the items matched') });

export const SavedReply = z.object({ id: z.string(), name: z.string(), body: z.string(), createdBy: z.string().nullable(), createdAt: Instant, updatedAt: Instant });
export const SavedReplyList = z.object({ savedReplies: z.array(SavedReply) });
export const RenderedReply = z.object({ text: z.string() });
export const InboxSettings = z.object({ priorityKeywords: z.array(z.string()) });
