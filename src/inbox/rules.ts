/**
 * Inbox rules, pure: what a rule looks like, whether an item matches it, and what the matching
 * rules do to a new item (tags and assignee applied as it is stored; hiding and auto-replies
 * handed to the workers, which call the network). Every condition given must match; within a
 * condition, any listed value may.
 */
import { z } from 'zod';
import type { InboxKind } from '../providers/contract.js';
import { keywordPattern } from './priority.js';
import type { Sentiment } from './sentiment.js';

export const INBOX_KINDS = ['comment', 'reply', 'mention', 'quote', 'message'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative', 'unscored'] as const;

export const RuleConditions = z
  .object({
    keywords: z.array(z.string().trim().min(1).max(100)).max(50).optional().describe('Any of these words or phrases (whole words, any case)'),
    sentiments: z.array(z.enum(SENTIMENTS)).max(4).optional(),
    networks: z.array(z.string().max(40)).max(20).optional(),
    kinds: z.array(z.enum(INBOX_KINDS)).max(5).optional(),
    channelIds: z.array(z.uuid()).max(100).optional(),
    authors: z.array(z.string().trim().min(1).max(200)).max(100).optional().describe('Handles (with or without @) or network ids'),
  })
  .refine((c) => Object.values(c).some((v) => v && v.length > 0), 'give at least one condition');
export type RuleConditions = z.infer<typeof RuleConditions>;

export const RuleActions = z
  .object({
    tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
    assignTo: z.uuid().optional().describe('A member of the workspace'),
    hide: z.boolean().optional().describe('Hide the comment on the network, where the network allows'),
    autoReply: z
      .object({
        text: z.string().trim().min(1).max(5000).describe('May use {{author.name}}, {{author.handle}}, {{channel.name}}'),
        maxPerHour: z.number().int().min(1).max(1000).default(20),
      })
      .optional()
      .describe('Once per author per conversation, at most maxPerHour an hour'),
  })
  .refine((a) => Boolean(a.tags?.length || a.assignTo || a.hide || a.autoReply), 'give at least one action');
export type RuleActions = z.infer<typeof RuleActions>;

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
}

/** What a rule looks at in an item. */
export interface RuleSubject {
  text: string;
  kind: InboxKind;
  network: string;
  channelId: string;
  sentiment: Sentiment;
  author: { id: string; handle?: string | null };
}

const handleOf = (s: string) => s.trim().replace(/^@/, '').toLowerCase();

export function matchesRule(conditions: RuleConditions, item: RuleSubject): boolean {
  const c = conditions;
  if (c.keywords?.length && !c.keywords.some((k) => keywordPattern(k).test(item.text))) return false;
  if (c.sentiments?.length && !c.sentiments.includes(item.sentiment)) return false;
  if (c.networks?.length && !c.networks.includes(item.network)) return false;
  if (c.kinds?.length && !c.kinds.includes(item.kind)) return false;
  if (c.channelIds?.length && !c.channelIds.includes(item.channelId)) return false;
  if (c.authors?.length) {
    const who = [item.author.id.toLowerCase(), handleOf(item.author.handle ?? '')];
    if (!c.authors.some((a) => who.includes(handleOf(a)))) return false;
  }
  return true;
}

export interface RuleOutcome {
  tags: string[];
  assignTo: string | null;
  /** The first matching rule that hides, and the first that auto-replies. */
  hideRuleId: string | null;
  autoReplyRuleId: string | null;
}

/** The combined effect of every enabled rule that matches, in order; the first assignee wins. */
export function applyRules(rules: readonly Rule[], item: RuleSubject): RuleOutcome {
  const out: RuleOutcome = { tags: [], assignTo: null, hideRuleId: null, autoReplyRuleId: null };
  for (const rule of rules) {
    if (!rule.enabled || !matchesRule(rule.conditions, item)) continue;
    for (const t of rule.actions.tags ?? []) if (!out.tags.includes(t)) out.tags.push(t);
    out.assignTo ??= rule.actions.assignTo ?? null;
    if (rule.actions.hide) out.hideRuleId ??= rule.id;
    if (rule.actions.autoReply) out.autoReplyRuleId ??= rule.id;
  }
  return out;
}
