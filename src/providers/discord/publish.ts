/**
 * Publishing to a Discord channel: each part one message — text (the link appended, Discord
 * unfurls it) with up to 10 attachments and their alt text (`description`) — sent through the
 * channel's webhook (`POST /webhooks/{id}/{token}?wait=true`) or as the bot
 * (`POST /channels/{id}/messages`). As a bot, every message carries a `nonce` derived from the
 * delivery's key with `enforce_nonce`, so Discord returns the message it already made when the same
 * send arrives again within a few minutes; follow-ups reply to the part before.
 */
import { countText } from '../../core/text-count.js';
import type { ContentPart, PublishContent, PublishedPart, PublishResult, ProviderContext } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { withLink } from '../shared/link-text.js';
import { createDiscordApi, DEFAULT_API_URL, DEFAULT_WEB_URL, isUnknownMessage, timeoutOf, toProviderError, type DiscordApi, type DiscordFile } from './client.js';

const FLAG_SUPPRESS_EMBEDS = 1 << 2;
const FLAG_SUPPRESS_NOTIFICATIONS = 1 << 12;

export interface DiscordMessage {
  id: string;
  channel_id: string;
  content: string;
  timestamp?: string;
  author?: { id: string; username?: string; global_name?: string | null; avatar?: string | null; bot?: boolean };
  webhook_id?: string;
  attachments?: { id: string; filename: string; description?: string }[];
  mentions?: { id: string }[];
  message_reference?: { message_id?: string; channel_id?: string };
  referenced_message?: DiscordMessage | null;
  reactions?: { count: number; emoji: { id: string | null; name: string | null } }[];
  thread?: { id: string; message_count?: number };
  nonce?: string | number;
}

/** Per-target options Varde reads for Discord (docs/networks/discord.md). */
export interface MessageOptions {
  silent?: boolean;
  suppressEmbeds?: boolean;
  username?: string;
  avatarUrl?: string;
  threadId?: string;
  threadName?: string;
}

const OPTION_KEYS = ['silent', 'suppressEmbeds', 'username', 'avatarUrl', 'threadId', 'threadName'];
const WEBHOOK_ONLY = ['username', 'avatarUrl', 'threadName'];

/** The channel and how Varde reaches it. */
export interface DiscordTarget {
  mode: 'webhook' | 'bot';
  api: DiscordApi;
  channelId: string;
  guildId: string | null;
  botId: string | null;
  /** Where new messages are POSTed in this mode. */
  sendPath: string;
  /** Path of one message, as this mode may address it. */
  messages(id?: string): string;
}

export function openTarget(ctx: ProviderContext): DiscordTarget {
  const s = ctx.settings;
  const c = ctx.credentials;
  const apiUrl = ctx.app.urls.api ?? DEFAULT_API_URL;
  const opts = { timeoutMs: timeoutOf(ctx.app.values, s), signal: ctx.signal };
  const channelId = typeof s.channelId === 'string' ? s.channelId : '';
  const guildId = typeof s.guildId === 'string' ? s.guildId : null;
  if (s.mode === 'webhook' && typeof c.webhookId === 'string' && typeof c.webhookToken === 'string') {
    const base = `/webhooks/${c.webhookId}/${c.webhookToken}`;
    return { mode: 'webhook', api: createDiscordApi(ctx.http, apiUrl, null, opts), channelId, guildId, botId: null, sendPath: base, messages: (id) => `${base}/messages${id ? `/${id}` : ''}` };
  }
  if (s.mode === 'bot' && typeof c.botToken === 'string' && channelId) {
    return {
      mode: 'bot', api: createDiscordApi(ctx.http, apiUrl, c.botToken, opts), channelId, guildId, botId: typeof s.botId === 'string' ? s.botId : null,
      sendPath: `/channels/${channelId}/messages`,
      messages: (id) => `/channels/${channelId}/messages${id ? `/${id}` : ''}`,
    };
  }
  throw new ProviderError('auth_expired', 'This Discord channel has no webhook or bot token; reconnect it');
}

export function readOptions(options: PublishContent['options'], mode: DiscordTarget['mode']): MessageOptions {
  const given = options ?? {};
  const unknown = Object.keys(given).filter((k) => !OPTION_KEYS.includes(k));
  if (unknown.length) throw new ProviderError('rejected', `Discord does not know the option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; use ${OPTION_KEYS.join(', ')}`);
  if (mode === 'bot') {
    const webhookOnly = Object.keys(given).filter((k) => WEBHOOK_ONLY.includes(k));
    if (webhookOnly.length) throw new ProviderError('rejected', `${webhookOnly.join(', ')} only work on a channel connected with a webhook`);
  }
  const out: MessageOptions = {};
  for (const key of ['silent', 'suppressEmbeds'] as const) {
    if (given[key] === undefined) continue;
    if (typeof given[key] !== 'boolean') throw new ProviderError('rejected', `Discord ${key} must be true or false`);
    out[key] = given[key] as boolean;
  }
  const text = (key: 'username' | 'avatarUrl' | 'threadName', max: number) => {
    if (given[key] === undefined) return;
    if (typeof given[key] !== 'string' || !(given[key] as string).trim() || (given[key] as string).length > max) throw new ProviderError('rejected', `Discord ${key} must be text of at most ${max} characters`);
    out[key] = (given[key] as string).trim();
  };
  text('username', 80);
  text('avatarUrl', 2048);
  text('threadName', 100);
  if (out.username && /discord|clyde/i.test(out.username)) throw new ProviderError('rejected', 'Discord refuses webhook names containing "discord" or "clyde"');
  if (out.avatarUrl && !/^https:\/\//.test(out.avatarUrl)) throw new ProviderError('rejected', 'Discord avatarUrl must be an https:// image URL');
  if (given.threadId !== undefined) {
    if (!/^\d{17,20}$/.test(String(given.threadId))) throw new ProviderError('rejected', 'Discord threadId must be the id of a thread');
    out.threadId = String(given.threadId);
  }
  if (out.threadId && out.threadName) throw new ProviderError('rejected', 'Give threadId (an existing thread) or threadName (a new forum post), not both');
  return out;
}

/** The text of part `index`: the first part carries the link when its text does not already. */
export function messageText(content: PublishContent, index: number): string {
  const text = content.parts[index].text;
  return index === 0 ? withLink(text, content.link, { separator: '\n' }) : text;
}

function checkParts(content: PublishContent): void {
  content.parts.forEach((part, i) => {
    const counted = countText('discord', messageText(content, i));
    if (counted.count > counted.limit) {
      throw new ProviderError('rejected', `${i === 0 ? 'The post' : `Follow-up ${i}`} is ${counted.count} of ${counted.limit} characters${i === 0 && content.link && !part.text.includes(content.link) ? ' once the link is added' : ''}`);
    }
    if (part.media.length > 10) throw new ProviderError('rejected', 'A Discord message holds at most 10 attachments');
  });
}

/** The nonce of part `index` (≤ 25 characters, as Discord requires). */
export function nonceOf(key: string, index: number): string {
  return `${key}-${index}`.slice(-25);
}

export function messageUrl(t: DiscordTarget, m: DiscordMessage): string | undefined {
  return t.guildId ? `${DEFAULT_WEB_URL}/channels/${t.guildId}/${m.channel_id}/${m.id}` : undefined;
}

export function toPart(t: DiscordTarget, m: DiscordMessage): PublishedPart {
  return { externalId: m.id, url: messageUrl(t, m), ref: { channelId: m.channel_id } };
}

async function sendPart(t: DiscordTarget, part: ContentPart, body: Record<string, unknown>, threadId: string | undefined): Promise<DiscordMessage> {
  const files: DiscordFile[] = [];
  for (const [i, m] of part.media.entries()) files.push({ bytes: await m.read(), mime: m.mime, filename: `file${i}.${m.mime.split('/')[1] ?? 'bin'}` });
  const json = { ...body, attachments: part.media.map((m, i) => ({ id: i, filename: files[i].filename, ...(m.alt ? { description: m.alt.slice(0, 1024) } : {}) })) };
  if (t.mode === 'webhook') return t.api<DiscordMessage>('POST', t.sendPath, { json, files, query: { wait: true, thread_id: threadId } });
  return t.api<DiscordMessage>('POST', threadId ? `/channels/${threadId}/messages` : t.sendPath, { json, files });
}

/** Publishes the post and its follow-ups, reusing parts an earlier attempt (or the look-up) found. */
export async function publishMessages(ctx: ProviderContext, content: PublishContent): Promise<PublishResult> {
  const t = openTarget(ctx);
  const opts = readOptions(content.options, t.mode);
  checkParts(content);
  const flags = (opts.silent ? FLAG_SUPPRESS_NOTIFICATIONS : 0) | (opts.suppressEmbeds ? FLAG_SUPPRESS_EMBEDS : 0);
  const parts: PublishedPart[] = [];
  let threadId = opts.threadId;
  for (let i = 0; i < content.parts.length; i++) {
    const known = ctx.previousParts?.[i];
    if (!known) {
      const body: Record<string, unknown> = { content: messageText(content, i), ...(flags ? { flags } : {}) };
      if (t.mode === 'webhook') Object.assign(body, { username: opts.username, avatar_url: opts.avatarUrl, thread_name: i === 0 && !threadId ? opts.threadName : undefined });
      else Object.assign(body, { nonce: nonceOf(ctx.idempotencyKey, i), enforce_nonce: true, message_reference: i > 0 ? { message_id: parts[i - 1].externalId, fail_if_not_exists: false } : undefined });
      let message: DiscordMessage;
      try {
        message = await sendPart(t, content.parts[i], body, threadId);
      } catch (err) {
        throw toProviderError(err, i === 0 ? 'sending the message' : `sending follow-up ${i}`);
      }
      const part = toPart(t, message);
      parts.push(part);
      await ctx.onPartPublished?.(i, part);
    } else parts.push(known);
    // A new forum post is a thread: its follow-ups go into it.
    const channelOfPart = parts[i].ref?.channelId;
    if (!threadId && typeof channelOfPart === 'string' && channelOfPart !== t.channelId) threadId = channelOfPart;
  }
  return { externalId: parts[0].externalId, url: parts[0].url, parts, detail: { mode: t.mode, channelId: t.channelId } };
}

/** Deletes every part; a message already gone counts as deleted. */
export async function deleteMessages(ctx: ProviderContext, result: PublishResult): Promise<void> {
  const t = openTarget(ctx);
  const parts = result.parts.length ? result.parts : [{ externalId: result.externalId, ref: {} }];
  for (const p of [...parts].reverse()) {
    const thread = typeof p.ref?.channelId === 'string' && p.ref.channelId !== t.channelId ? p.ref.channelId : undefined;
    const path = t.mode === 'bot' && thread ? `/channels/${thread}/messages/${p.externalId}` : t.messages(p.externalId);
    try {
      await t.api('DELETE', path, t.mode === 'webhook' && thread ? { query: { thread_id: thread } } : {});
    } catch (err) {
      if (isUnknownMessage(err)) continue;
      throw toProviderError(err, 'deleting the message');
    }
  }
}
