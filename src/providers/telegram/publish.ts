/**
 * Publishing to a Telegram chat: text (`sendMessage`, the link as its preview), one photo, video or
 * GIF with a caption (`sendPhoto`/`sendVideo`/`sendAnimation`), or an album of 2–10 photos and
 * videos (`sendMediaGroup`, the caption on the first item); follow-ups reply to the part before.
 * Text goes as plain text (no parse_mode): Telegram links URLs, @mentions and #tags by itself, and
 * nothing a user writes can break Markdown or HTML parsing.
 */
import { countText } from '../../core/text-count.js';
import type { ContentPart, PublishContent, PublishedPart, PublishResult, ProviderContext } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { withLink } from '../shared/link-text.js';
import { createBotApi, DEFAULT_API_URL, timeoutOf, toProviderError, type BotApi } from './client.js';
import { messageUrl } from './connect.js';

/** Per-target options Varde reads for Telegram (docs/networks/telegram.md). */
export interface MessageOptions {
  silent?: boolean;
  protectContent?: boolean;
  topicId?: number;
  linkPreview?: boolean;
  spoiler?: boolean;
}

const BOOLEAN_OPTIONS = ['silent', 'protectContent', 'linkPreview', 'spoiler'] as const;
const OPTION_KEYS = [...BOOLEAN_OPTIONS, 'topicId'];

export interface TelegramChannel {
  api: BotApi;
  chatId: string;
  chatUsername: string | null;
  botId: number | null;
  botUsername: string | null;
  discussionChatId: string | null;
}

export interface TelegramMessage {
  message_id: number;
  date: number;
  chat: { id: number; username?: string };
}

export function openChannel(ctx: ProviderContext): TelegramChannel {
  const token = ctx.credentials.botToken;
  const chatId = ctx.settings.chatId;
  if (typeof token !== 'string' || !token || typeof chatId !== 'string') throw new ProviderError('auth_expired', 'This Telegram channel has no bot token or chat; reconnect it');
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    api: createBotApi(ctx.http, ctx.app.urls.api ?? DEFAULT_API_URL, token, { timeoutMs: timeoutOf(ctx.app.values, ctx.settings), signal: ctx.signal }),
    chatId,
    chatUsername: str(ctx.settings.chatUsername),
    botId: typeof ctx.settings.botId === 'number' ? ctx.settings.botId : null,
    botUsername: str(ctx.settings.botUsername),
    discussionChatId: str(ctx.settings.discussionChatId),
  };
}

export function readOptions(options: PublishContent['options']): MessageOptions {
  const given = options ?? {};
  const unknown = Object.keys(given).filter((k) => !OPTION_KEYS.includes(k));
  if (unknown.length) throw new ProviderError('rejected', `Telegram does not know the option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; use ${OPTION_KEYS.join(', ')}`);
  const out: MessageOptions = {};
  for (const key of BOOLEAN_OPTIONS) {
    if (given[key] === undefined) continue;
    if (typeof given[key] !== 'boolean') throw new ProviderError('rejected', `Telegram ${key} must be true or false`);
    out[key] = given[key] as boolean;
  }
  if (given.topicId !== undefined) {
    if (typeof given.topicId !== 'number' || !Number.isInteger(given.topicId) || given.topicId < 1) throw new ProviderError('rejected', 'Telegram topicId must be the number of a forum topic');
    out.topicId = given.topicId;
  }
  return out;
}

/** The text of part `index`: the first part carries the link when its text does not already. */
export function messageText(content: PublishContent, index: number): string {
  const text = content.parts[index].text;
  return index === 0 ? withLink(text, content.link) : text;
}

function checkParts(content: PublishContent): void {
  content.parts.forEach((part, i) => {
    const counted = countText('telegram', messageText(content, i), { media: part.media });
    if (counted.count > counted.limit) {
      const what = part.media.length ? 'caption' : 'message';
      throw new ProviderError('rejected', `${i === 0 ? 'The post' : `Follow-up ${i}`}: the ${what} is ${counted.count} of ${counted.limit} characters${i === 0 && content.link && !part.text.includes(content.link) ? ' once the link is added' : ''}`);
    }
    if (part.media.length > 1 && part.media.some((m) => m.kind === 'gif')) throw new ProviderError('rejected', 'Telegram sends a GIF on its own, not in an album');
    if (part.media.length > 10) throw new ProviderError('rejected', 'A Telegram album holds at most 10 photos and videos');
  });
}

const FIELD = { image: ['sendPhoto', 'photo'], video: ['sendVideo', 'video'], gif: ['sendAnimation', 'animation'] } as const;

async function sendPart(ch: TelegramChannel, part: ContentPart, text: string, common: Record<string, unknown>, opts: MessageOptions, link: string | null): Promise<TelegramMessage[]> {
  if (part.media.length === 0) {
    const preview = opts.linkPreview === false ? { is_disabled: true } : link ? { url: link } : undefined;
    return [await ch.api<TelegramMessage>('sendMessage', { ...common, text, link_preview_options: preview })];
  }
  const files: Record<string, { bytes: Uint8Array; mime: string; filename: string }> = {};
  for (const [i, m] of part.media.entries()) files[`file${i}`] = { bytes: await m.read(), mime: m.mime, filename: `file${i}.${m.mime.split('/')[1] ?? 'bin'}` };
  if (part.media.length === 1) {
    const m = part.media[0];
    const [method, field] = FIELD[m.kind];
    const extra = m.kind === 'video' ? { supports_streaming: true, width: m.width ?? undefined, height: m.height ?? undefined } : {};
    const message = await ch.api<TelegramMessage>(method, { ...common, ...extra, caption: text || undefined, has_spoiler: opts.spoiler }, { [field]: files.file0 });
    return [message];
  }
  const media = part.media.map((m, i) => ({
    type: m.kind === 'video' ? 'video' : 'photo', media: `attach://file${i}`, ...(i === 0 && text ? { caption: text } : {}), ...(opts.spoiler ? { has_spoiler: true } : {}),
  }));
  return ch.api<TelegramMessage[]>('sendMediaGroup', { ...common, media }, files);
}

function toPart(ch: TelegramChannel, messages: TelegramMessage[]): PublishedPart {
  const first = messages[0];
  return { externalId: String(first.message_id), url: messageUrl({ id: ch.chatId, username: ch.chatUsername }, first.message_id), ref: { chatId: ch.chatId, messageIds: messages.map((m) => m.message_id) } };
}

/** Publishes the post and its follow-ups, reusing parts an earlier attempt already sent. */
export async function publishMessages(ctx: ProviderContext, content: PublishContent): Promise<PublishResult> {
  const ch = openChannel(ctx);
  const opts = readOptions(content.options);
  checkParts(content);
  const parts: PublishedPart[] = [];
  for (let i = 0; i < content.parts.length; i++) {
    const known = ctx.previousParts?.[i];
    if (known) {
      parts.push(known);
      continue;
    }
    const common = {
      chat_id: ch.chatId, message_thread_id: opts.topicId, disable_notification: opts.silent, protect_content: opts.protectContent,
      reply_parameters: i > 0 ? { message_id: Number(parts[i - 1].externalId), allow_sending_without_reply: true } : undefined,
    };
    let messages: TelegramMessage[];
    try {
      messages = await sendPart(ch, content.parts[i], messageText(content, i), common, opts, i === 0 ? (content.link ?? null) : null);
    } catch (err) {
      throw toProviderError(err, i === 0 ? 'sending the message' : `sending follow-up ${i}`);
    }
    const part = toPart(ch, messages);
    parts.push(part);
    await ctx.onPartPublished?.(i, part);
  }
  return { externalId: parts[0].externalId, url: parts[0].url, parts, detail: { chatId: ch.chatId } };
}

/** Deletes every message of every part (albums are several messages); one already gone counts as deleted. */
export async function deleteMessages(ctx: ProviderContext, result: PublishResult): Promise<void> {
  const ch = openChannel(ctx);
  const ids = (result.parts.length ? result.parts : [{ externalId: result.externalId }]).flatMap((p) => {
    const listed = (p as PublishedPart).ref?.messageIds;
    return Array.isArray(listed) ? listed.map(Number) : [Number(p.externalId)];
  });
  for (const id of ids.reverse()) {
    try {
      await ch.api('deleteMessage', { chat_id: ch.chatId, message_id: id });
    } catch (err) {
      const pe = toProviderError(err, 'deleting the message');
      if (pe.kind === 'rejected' && /message to delete not found/i.test(pe.networkMessage ?? '')) continue;
      throw pe;
    }
  }
}
