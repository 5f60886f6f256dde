/**
 * From a provider's InboxItem to the row Varde stores: the channel it belongs to, its language,
 * sentiment and priority, and what the workspace's rules do to it on arrival. Pure.
 */
import { newId } from '../app/ids.js';
import type { InboxItem } from '../providers/contract.js';
import { computePriority } from './priority.js';
import { applyRules, type Rule } from './rules.js';
import { scoreSentiment, type Sentiment, type SentimentResult } from './sentiment.js';

/** A channel as the inbox needs it. */
export interface ChannelRef {
  id: string;
  workspaceId: string;
  network: string;
  name: string;
  externalId: string | null;
}

/** What a workspace's inbox needs to file a new item. */
export interface WorkspaceInboxConfig {
  rules: Rule[];
  priorityKeywords: string[];
}

export type ItemSource = 'webhook' | 'poll';

export interface IngestRow {
  id: string;
  workspaceId: string;
  channelId: string;
  network: string;
  externalId: string;
  kind: InboxItem['kind'];
  conversationId: string;
  parentExternalId: string | null;
  postExternalId: string | null;
  author: { id: string; handle: string | null; name: string | null; avatarUrl: string | null; url: string | null; followers: number | null };
  text: string;
  url: string | null;
  raw: Record<string, unknown> | null;
  createdAt: Date;
  source: ItemSource;
  language: string;
  sentiment: Sentiment;
  sentimentScore: number | null;
  priority: number;
  state: 'open' | 'assigned';
  assigneeId: string | null;
  tags: string[];
  hideRuleId: string | null;
  autoReplyRuleId: string | null;
}

const MAX_TEXT = 20_000;

/** The text as stored (and scored). */
export const textOf = (item: InboxItem) => (item.text ?? '').slice(0, MAX_TEXT);
const MAX_RAW_BYTES = 16_000;
const clip = (s: string | null | undefined, n = 2_000) => (s == null ? null : String(s).slice(0, n));

function rawOf(raw: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!raw) return null;
  const json = JSON.stringify(raw);
  return json.length <= MAX_RAW_BYTES ? raw : { truncated: true };
}

function dateOf(value: string): Date {
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

/** The row to store, or null when the item is the channel's own (an echo of what Varde sent); `scored`: already scored elsewhere. */
export function prepareItem(channel: ChannelRef, config: WorkspaceInboxConfig, item: InboxItem, source: ItemSource, scored: SentimentResult = scoreSentiment(textOf(item))): IngestRow | null {
  if (!item.externalId || (channel.externalId && item.author.id === channel.externalId)) return null;
  const text = textOf(item);
  const followers = Number.isFinite(item.author.followers) ? Number(item.author.followers) : null;
  const { priority } = computePriority({ text, kind: item.kind, sentiment: scored.sentiment, score: scored.score, followers, keywords: config.priorityKeywords });
  const outcome = applyRules(config.rules, { text, kind: item.kind, network: channel.network, channelId: channel.id, sentiment: scored.sentiment, author: item.author });
  return {
    id: newId(),
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    network: channel.network,
    externalId: String(item.externalId).slice(0, 500),
    kind: item.kind,
    conversationId: String(item.conversationId || item.externalId).slice(0, 500),
    parentExternalId: clip(item.parentExternalId, 500),
    postExternalId: clip(item.postExternalId, 500),
    author: {
      id: String(item.author.id || 'unknown').slice(0, 500),
      handle: clip(item.author.handle, 300),
      name: clip(item.author.name, 300),
      avatarUrl: clip(item.author.avatarUrl),
      url: clip(item.author.url),
      followers: followers !== null && followers <= 2_147_483_647 ? Math.max(0, Math.round(followers)) : null,
    },
    text,
    url: clip(item.url),
    raw: rawOf(item.raw),
    createdAt: dateOf(item.createdAt),
    source,
    language: scored.language,
    sentiment: scored.sentiment,
    sentimentScore: scored.score,
    priority,
    state: outcome.assignTo ? 'assigned' : 'open',
    assigneeId: outcome.assignTo,
    tags: outcome.tags,
    hideRuleId: outcome.hideRuleId,
    autoReplyRuleId: outcome.autoReplyRuleId,
  };
}
