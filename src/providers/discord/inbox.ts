/**
 * Reading a Discord channel back, and finding a message whose send went unanswered. Only a bot can
 * read a channel (`GET /channels/{id}/messages`); a webhook can fetch, edit and delete only the
 * messages it sent, one id at a time. Replies to Varde's messages and mentions of the bot are the
 * inbox (their text needs the Message Content intent unless they mention the bot); replying,
 * deleting (Manage Messages) and a 👍 reaction are offered. Discord counts no views: the metrics are
 * reactions, a message's thread length, and the server's approximate member count.
 */
import { parseTid, isTid } from '../../core/tid.js';
import type { AccountMetrics, ContentPart, InboxItem, InboxKind, InboxPage, PostMetrics, ProviderContext, PublishContent, PublishedPart, PublishResult, ReconcileOutcome } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { isUnknownMessage, toProviderError } from './client.js';
import { messageText, nonceOf, openTarget, toPart, type DiscordMessage, type DiscordTarget } from './publish.js';

const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** The smallest snowflake of a moment: messages after it were created later. */
export function snowflakeAt(ms: number): string {
  return ((BigInt(Math.max(0, Math.floor(ms))) - DISCORD_EPOCH_MS) << 22n).toString();
}

const bigger = (a: string, b: string | null | undefined) => !b || BigInt(a) > BigInt(b);

function asBot(ctx: ProviderContext, doing: string): DiscordTarget & { botId: string } {
  const t = openTarget(ctx);
  if (t.mode !== 'bot' || !t.botId) throw new ProviderError('rejected', `${doing} needs a channel connected with a bot; a webhook can only post`);
  return t as DiscordTarget & { botId: string };
}

/**
 * Looks for the parts of a delivery the bot may have sent: its messages since the delivery was
 * created, matched by text and attachment count. Parts found are recorded (so publishing resumes
 * after them); `unknown` when a webhook sent it — a webhook cannot list the channel.
 */
export async function reconcileMessages(ctx: ProviderContext, content: PublishContent): Promise<ReconcileOutcome> {
  const t = openTarget(ctx);
  if (t.mode !== 'bot' || !t.botId) {
    return { status: 'unknown', evidence: 'the webhook may have posted the message, and a Discord webhook cannot list a channel’s messages to check' };
  }
  const since = isTid(ctx.idempotencyKey) ? parseTid(ctx.idempotencyKey).micros / 1000 - 60_000 : Date.now() - 24 * 3600_000;
  let recent: DiscordMessage[];
  try {
    recent = await t.api<DiscordMessage[]>('GET', t.sendPath, { query: { limit: 100, after: snowflakeAt(since) } });
  } catch (err) {
    return { status: 'unknown', evidence: `Discord could not be asked: ${toProviderError(err, 'reading the channel').message}` };
  }
  const mine = recent.filter((m) => m.author?.id === t.botId).sort((a, b) => (bigger(a.id, b.id) ? 1 : -1));
  const used = new Set<string>();
  const parts: PublishedPart[] = [];
  let missingFrom = -1;
  for (let i = 0; i < content.parts.length; i++) {
    const known = ctx.previousParts?.[i];
    const found = known ? null : mine.find((m) => !used.has(m.id) && (m.nonce === undefined || String(m.nonce) === nonceOf(ctx.idempotencyKey, i)) && m.content === messageText(content, i) && (m.attachments?.length ?? 0) === content.parts[i].media.length);
    if (found) used.add(found.id);
    const part = known ?? (found ? toPart(t, found) : null);
    if (!part) {
      if (missingFrom === -1) missingFrom = i;
      continue;
    }
    if (missingFrom !== -1) return { status: 'unknown', evidence: `part ${i + 1} is on Discord but part ${missingFrom + 1} is not` };
    parts.push(part);
    if (found) {
      (ctx.previousParts ??= [])[i] = part;
      await ctx.onPartPublished?.(i, part);
    }
  }
  if (missingFrom !== -1) return { status: 'not_found' };
  return { status: 'published', result: { externalId: parts[0].externalId, url: parts[0].url, parts, detail: { reconciled: true } } };
}

function toItem(m: DiscordMessage, kind: InboxKind, t: DiscordTarget): InboxItem {
  const parent = m.referenced_message?.id ?? m.message_reference?.message_id ?? null;
  return {
    externalId: m.id,
    kind,
    conversationId: parent ?? m.id,
    parentExternalId: parent,
    postExternalId: kind === 'reply' ? parent : null,
    author: {
      id: m.author?.id ?? 'unknown',
      handle: m.author?.username ?? null,
      name: m.author?.global_name ?? m.author?.username ?? null,
      avatarUrl: m.author?.avatar ? `https://cdn.discordapp.com/avatars/${m.author.id}/${m.author.avatar}.png` : null,
    },
    text: m.content,
    createdAt: m.timestamp ?? new Date(Number((BigInt(m.id) >> 22n) + DISCORD_EPOCH_MS)).toISOString(),
    url: t.guildId ? `https://discord.com/channels/${t.guildId}/${m.channel_id}/${m.id}` : null,
    raw: { channelId: m.channel_id },
  };
}

/**
 * Messages after the cursor (a message id) that reply to the bot or mention it. A webhook channel
 * has nothing to read (a webhook cannot see the channel): an empty page, not an error to retry.
 */
export async function listInbox(ctx: ProviderContext, opts: { cursor?: string | null; kinds?: InboxKind[] }): Promise<InboxPage> {
  const target = openTarget(ctx);
  if (target.mode !== 'bot') return { items: [], cursor: opts.cursor ?? null };
  const t = asBot(ctx, 'Reading replies and mentions');
  const wanted = new Set(opts.kinds ?? ['reply', 'mention']);
  let batch: DiscordMessage[];
  try {
    batch = await t.api<DiscordMessage[]>('GET', t.sendPath, { query: opts.cursor ? { limit: 100, after: opts.cursor } : { limit: 50 } });
  } catch (err) {
    throw toProviderError(err, 'reading the channel');
  }
  batch.sort((a, b) => (bigger(a.id, b.id) ? 1 : -1));
  let cursor = opts.cursor ?? null;
  const items: InboxItem[] = [];
  for (const m of batch) {
    if (bigger(m.id, cursor)) cursor = m.id;
    if (m.author?.id === t.botId) continue;
    const kind: InboxKind | null = m.referenced_message?.author?.id === t.botId ? 'reply' : m.mentions?.some((u) => u.id === t.botId) ? 'mention' : null;
    if (kind && wanted.has(kind)) items.push(toItem(m, kind, t));
  }
  return { items, cursor };
}

function channelOf(item: InboxItem, t: DiscordTarget): string {
  return typeof item.raw?.channelId === 'string' ? item.raw.channelId : t.channelId;
}

/** Replies to the message (a Discord reply), keyed by the reply's own nonce. */
export async function replyTo(ctx: ProviderContext, item: InboxItem, content: ContentPart): Promise<PublishedPart> {
  const t = asBot(ctx, 'Replying');
  if (content.media.length) throw new ProviderError('rejected', 'Varde replies on Discord with text only');
  try {
    const m = await t.api<DiscordMessage>('POST', `/channels/${channelOf(item, t)}/messages`, {
      json: { content: content.text, message_reference: { message_id: item.externalId, fail_if_not_exists: false }, nonce: nonceOf(ctx.idempotencyKey, 0), enforce_nonce: true },
    });
    return toPart(t, m);
  } catch (err) {
    throw toProviderError(err, 'replying');
  }
}

export async function deleteItem(ctx: ProviderContext, item: InboxItem): Promise<void> {
  const t = asBot(ctx, 'Deleting a message');
  try {
    await t.api('DELETE', `/channels/${channelOf(item, t)}/messages/${item.externalId}`);
  } catch (err) {
    if (!isUnknownMessage(err)) throw toProviderError(err, 'deleting the message');
  }
}

export async function likeItem(ctx: ProviderContext, item: InboxItem): Promise<void> {
  const t = asBot(ctx, 'Reacting');
  try {
    await t.api('PUT', `/channels/${channelOf(item, t)}/messages/${item.externalId}/reactions/${encodeURIComponent('👍')}/@me`);
  } catch (err) {
    throw toProviderError(err, 'reacting');
  }
}

/** Reactions (all emoji together as likes, each kept in `raw`) and the message's thread length. */
export async function fetchPostMetrics(ctx: ProviderContext, posts: PublishResult[]): Promise<PostMetrics[]> {
  const t = openTarget(ctx);
  const out: PostMetrics[] = [];
  for (const post of posts) {
    let m: DiscordMessage;
    try {
      m = await t.api<DiscordMessage>('GET', t.messages(post.externalId));
    } catch (err) {
      if (isUnknownMessage(err)) continue;
      throw toProviderError(err, 'reading the message');
    }
    const raw: Record<string, number | null> = {};
    for (const r of m.reactions ?? []) raw[`reaction:${r.emoji.name ?? r.emoji.id}`] = r.count;
    raw.thread_message_count = m.thread?.message_count ?? null;
    const likes = (m.reactions ?? []).reduce((sum, r) => sum + r.count, 0);
    out.push({ externalId: post.externalId, metrics: { impressions: null, likes, comments: m.thread?.message_count ?? null, shares: null, saves: null, clicks: null }, raw });
  }
  return out;
}

/** The server's approximate member count (a bot may read it; a webhook may not). */
export async function fetchAccountMetrics(ctx: ProviderContext): Promise<AccountMetrics> {
  const t = openTarget(ctx);
  if (t.mode !== 'bot' || !t.guildId) return { followers: null, raw: {} };
  try {
    const g = await t.api<{ approximate_member_count?: number; approximate_presence_count?: number }>('GET', `/guilds/${t.guildId}`, { query: { with_counts: true } });
    return { followers: g.approximate_member_count ?? null, raw: { approximate_member_count: g.approximate_member_count ?? null, approximate_presence_count: g.approximate_presence_count ?? null } };
  } catch (err) {
    throw toProviderError(err, 'reading the server');
  }
}
