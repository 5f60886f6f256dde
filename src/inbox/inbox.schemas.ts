/** The inbox API's input shapes (zod; they appear in the OpenAPI document). */
import { z } from 'zod';
import { IdParams } from '../server/schemas.js';
import { INBOX_KINDS, RuleActions, RuleConditions, SENTIMENTS } from './rules.js';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ItemListQuery = z.object({
  channelId: z.uuid().optional(),
  network: z.string().max(40).optional(),
  state: z.enum(['open', 'assigned', 'done']).optional(),
  assignee: z.union([z.enum(['me', 'none']), z.uuid()]).optional().describe('"me", "none" or a user id'),
  tag: z.string().max(50).optional(),
  sentiment: z.enum(SENTIMENTS).optional(),
  kind: z.enum(INBOX_KINDS).optional(),
  priority: z.enum(['high', 'medium', 'low']).optional(),
  postId: z.uuid().optional().describe('Items answering this Varde post'),
  q: z.string().trim().min(1).max(200).optional().describe('Full-text search in the text and the author’s name and handle (web-search syntax: "exact phrase", -word, or)'),
  unread: flag.optional(),
  snoozed: z.enum(['exclude', 'include', 'only']).default('exclude'),
  sort: z.enum(['newest', 'oldest', 'priority']).default('newest'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ItemListQuery = z.infer<typeof ItemListQuery>;

const Tag = z.string().trim().min(1).max(50);

export const ItemPatch = z
  .object({
    state: z.enum(['open', 'done']).optional().describe('"open" reopens (assigned again if it has an assignee)'),
    assigneeId: z.uuid().nullable().optional().describe('A member of the workspace; null unassigns'),
    snoozedUntil: z.iso.datetime({ offset: true }).nullable().optional(),
    tags: z.array(Tag).max(20).optional().describe('Replaces the tags'),
    read: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'change at least one field');
export type ItemPatch = z.infer<typeof ItemPatch>;

export const BulkInput = z.discriminatedUnion('action', [
  z.object({ ids: z.array(z.uuid()).min(1).max(500), action: z.enum(['done', 'reopen', 'unassign', 'unsnooze', 'read', 'unread']) }),
  z.object({ ids: z.array(z.uuid()).min(1).max(500), action: z.literal('assign'), assigneeId: z.uuid() }),
  z.object({ ids: z.array(z.uuid()).min(1).max(500), action: z.enum(['tag', 'untag']), tag: Tag }),
  z.object({ ids: z.array(z.uuid()).min(1).max(500), action: z.literal('snooze'), until: z.iso.datetime({ offset: true }) }),
]);
export type BulkInput = z.infer<typeof BulkInput>;

export const NoteInput = z.object({ body: z.string().trim().min(1).max(10_000) });

export const ReplyInput = z
  .object({
    text: z.string().trim().min(1).max(10_000).optional().describe('May use {{author.name}}, {{author.handle}}, {{channel.name}}'),
    savedReplyId: z.uuid().optional().describe('Send this saved reply (its variables filled in)'),
  })
  .refine((r) => Boolean(r.text) !== Boolean(r.savedReplyId), 'give either text or savedReplyId');
export type ReplyInput = z.infer<typeof ReplyInput>;

export const HideInput = z.object({ hidden: z.boolean().default(true) });

export const RuleInput = z.object({
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().default(true),
  conditions: RuleConditions,
  actions: RuleActions,
});
export type RuleInput = z.infer<typeof RuleInput>;

export const DryRunInput = z.object({
  conditions: RuleConditions,
  /** How many of the most recent items to test against. */
  recent: z.number().int().min(1).max(5_000).default(500),
});

export const SavedReplyInput = z.object({ name: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(10_000) });

export const SettingsInput = z.object({ priorityKeywords: z.array(z.string().trim().min(1).max(100)).max(200) });

export const ItemParams = IdParams;
export const RenderInput = z.object({ itemId: z.uuid() });
