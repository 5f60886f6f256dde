/**
 * How urgent an inbox item is, 0–100: negative sentiment, the author's reach (followers, when the
 * network tells), the workspace's priority keywords, a direct message or a question. Pure; the
 * reasons are kept so a person can see why an item came first.
 */
import type { InboxKind } from '../providers/contract.js';
import type { Sentiment } from './sentiment.js';

export const DEFAULT_PRIORITY_KEYWORDS = ['refund', 'urgent', 'broken', 'cancel', 'complaint', 'scam', 'lawyer', 'not working', 'help'];

export interface PriorityInput {
  text: string;
  kind: InboxKind;
  sentiment: Sentiment;
  score: number | null;
  followers?: number | null;
  keywords: readonly string[];
}

export type PriorityLevel = 'high' | 'medium' | 'low';

export const levelOf = (priority: number): PriorityLevel => (priority >= 50 ? 'high' : priority >= 20 ? 'medium' : 'low');

const patterns = new Map<string, RegExp>();

/** Whole words or phrases, any case: "cancel" matches "Cancel my order", not "cancellation". */
export function keywordPattern(keyword: string): RegExp {
  let re = patterns.get(keyword);
  if (re) return re;
  const escaped = keyword.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
  if (patterns.size > 5_000) patterns.clear();
  patterns.set(keyword, re);
  return re;
}

function reachPoints(followers: number | null | undefined): number {
  if (!followers || followers < 100) return 0;
  if (followers >= 100_000) return 30;
  if (followers >= 10_000) return 20;
  return followers >= 1_000 ? 10 : 3;
}

export function computePriority(input: PriorityInput): { priority: number; reasons: string[] } {
  const reasons: string[] = [];
  let points = 0;
  if (input.sentiment === 'negative') {
    const strong = (input.score ?? 0) <= -0.5;
    points += strong ? 40 : 25;
    reasons.push(strong ? 'very negative' : 'negative');
  }
  const reach = reachPoints(input.followers);
  if (reach) {
    points += reach;
    reasons.push(`${input.followers!.toLocaleString('en-US')} followers`);
  }
  const hits = input.keywords.filter((k) => k.trim() && keywordPattern(k).test(input.text));
  if (hits.length) {
    points += Math.min(30, hits.length * 15);
    reasons.push(`keywords: ${hits.join(', ')}`);
  }
  if (input.kind === 'message') {
    points += 10;
    reasons.push('direct message');
  }
  if (input.text.includes('?')) {
    points += 5;
    reasons.push('a question');
  }
  return { priority: Math.min(100, points), reasons };
}
