/**
 * Reading a Telegram chat back. The Bot API offers no history: a bot only learns of messages as
 * updates (`getUpdates`, or pushed to a webhook). Varde keeps those that answer the channel:
 * comments on a channel post (in the channel's linked discussion group, under the automatic
 * forward of the post), replies to the bot's messages, and @mentions of the bot. Replying, deleting
 * (with the right to delete) and a 👍 reaction are offered; hiding is not, and Telegram gives bots
 * no view counts — only the chat's member count.
 */
import type { AccountMetrics, ContentPart, InboxItem, InboxKind, InboxPage, ProviderContext, PublishedPart } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { toProviderError } from './client.js';
import { messageUrl } from './connect.js';
import { openChannel, type TelegramMessage } from './publish.js';

export interface TgUser {
  id: number;
  is_bot?: boolean;
  first_name?: string;
  last_name?: string;
  username?: string;
}

export interface TgMessage {
  message_id: number;
  date: number;
  chat: { id: number; type: string; title?: string; username?: string };
  from?: TgUser;
  sender_chat?: { id: number; title?: string; username?: string };
  text?: string;
  caption?: string;
  entities?: { type: string; offset: number; length: number }[];
  caption_entities?: { type: string; offset: number; length: number }[];
  reply_to_message?: TgMessage;
  is_automatic_forward?: boolean;
  forward_origin?: { type: string; chat?: { id: number }; message_id?: number };
  message_thread_id?: number;
}

export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
}

/** What Varde knows of the bot, when it knows it (the provider does; a webhook request does not). */
export interface BotIdentity {
  botId?: number | null;
  botUsername?: string | null;
}

function mentions(m: TgMessage, username: string | null | undefined): boolean {
  const text = m.text ?? m.caption ?? '';
  const entities = m.entities ?? m.caption_entities ?? [];
  return Boolean(username) && entities.some((e) => e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${username!.toLowerCase()}`);
}

/**
 * The channel an update belongs to and what it is, or null when it is none of Varde's business.
 * A comment belongs to the channel whose post was forwarded into the discussion group.
 */
export function classifyUpdate(update: TgUpdate, bot: BotIdentity): { accountId: string; item: InboxItem } | null {
  const m = update.message;
  if (!m || (!m.text && !m.caption)) return null;
  const parent = m.reply_to_message;
  let kind: InboxKind | null = null;
  let accountId = String(m.chat.id);
  let postExternalId: string | null = null;
  if (parent?.is_automatic_forward && parent.sender_chat) {
    kind = 'comment';
    accountId = String(parent.sender_chat.id);
    postExternalId = parent.forward_origin?.message_id ? String(parent.forward_origin.message_id) : null;
  } else if (parent?.from?.is_bot && (bot.botId ? parent.from.id === bot.botId : true)) {
    kind = 'reply';
    postExternalId = String(parent.message_id);
  } else if (mentions(m, bot.botUsername)) {
    kind = 'mention';
  } else if (m.chat.type === 'private') {
    kind = 'message';
  }
  if (!kind) return null;
  const author = m.from ?? { id: m.sender_chat?.id ?? 0, first_name: m.sender_chat?.title, username: m.sender_chat?.username };
  const rootId = parent ? (parent.message_thread_id ?? parent.message_id) : m.message_id;
  return {
    accountId,
    item: {
      externalId: `${m.chat.id}:${m.message_id}`,
      kind,
      conversationId: `${m.chat.id}:${rootId}`,
      parentExternalId: parent ? `${m.chat.id}:${parent.message_id}` : null,
      postExternalId,
      author: {
        id: String(author.id),
        handle: author.username ? `@${author.username}` : null,
        name: [author.first_name, (author as TgUser).last_name].filter(Boolean).join(' ') || null,
        url: author.username ? `https://t.me/${author.username}` : null,
      },
      text: m.text ?? m.caption ?? '',
      createdAt: new Date(m.date * 1000).toISOString(),
      url: messageUrl({ id: m.chat.id, username: m.chat.username }, m.message_id) ?? null,
      raw: { updateId: update.update_id, chatId: m.chat.id, messageId: m.message_id },
    },
  };
}

/** `chat:message` ids of inbox items. */
function splitId(externalId: string): { chatId: string; messageId: number } {
  const [chatId, messageId] = externalId.split(':');
  if (!chatId || !Number(messageId)) throw new ProviderError('rejected', `Not a Telegram message id: ${externalId}`);
  return { chatId, messageId: Number(messageId) };
}

/**
 * Updates after the cursor (the last update_id seen), for channels whose bot is polled. Polling
 * confirms updates for the whole bot, so a bot shared by several channels should deliver through
 * the webhook instead (connect sets it up when VARDE_TELEGRAM_WEBHOOK_SECRET is set; see the guide).
 */
export async function listInbox(ctx: ProviderContext, opts: { cursor?: string | null; kinds?: InboxKind[] }): Promise<InboxPage> {
  if (ctx.settings.updates === 'webhook') return { items: [], cursor: opts.cursor ?? null }; // they arrive at the webhook
  const ch = openChannel(ctx);
  const wanted = new Set(opts.kinds ?? ['comment', 'reply', 'mention', 'message']);
  const mine = new Set([ch.chatId, ...(ch.discussionChatId ? [ch.discussionChatId] : [])]);
  let updates: TgUpdate[];
  try {
    const offset = opts.cursor ? Number(opts.cursor) + 1 : undefined;
    updates = await ch.api<TgUpdate[]>('getUpdates', { offset, limit: 100, timeout: 0, allowed_updates: ['message'] });
  } catch (err) {
    const pe = toProviderError(err, 'reading updates');
    if (pe.status === 409) throw new ProviderError('rejected', 'This bot delivers its updates to a webhook; Varde reads them there instead of polling', { networkMessage: pe.networkMessage, status: 409 });
    throw pe;
  }
  const items: InboxItem[] = [];
  let cursor = opts.cursor ?? null;
  for (const u of updates) {
    cursor = String(Math.max(u.update_id, Number(cursor ?? 0)));
    const found = classifyUpdate(u, ch);
    if (found && (found.accountId === ch.chatId || mine.has(String(u.message?.chat.id))) && wanted.has(found.item.kind)) items.push(found.item);
  }
  return { items, cursor };
}

/** Answers in the item's chat, as a reply to it. */
export async function replyTo(ctx: ProviderContext, item: InboxItem, content: ContentPart): Promise<PublishedPart> {
  const ch = openChannel(ctx);
  const { chatId, messageId } = splitId(item.externalId);
  if (content.media.length) throw new ProviderError('rejected', 'Varde replies on Telegram with text only');
  try {
    const m = await ch.api<TelegramMessage>('sendMessage', { chat_id: chatId, text: content.text, reply_parameters: { message_id: messageId, allow_sending_without_reply: true } });
    return { externalId: `${chatId}:${m.message_id}`, url: messageUrl({ id: chatId, username: m.chat.username }, m.message_id), ref: { chatId, messageIds: [m.message_id] } };
  } catch (err) {
    throw toProviderError(err, 'replying');
  }
}

/** Deletes someone's message: the bot must be an administrator allowed to delete messages. */
export async function deleteItem(ctx: ProviderContext, item: InboxItem): Promise<void> {
  const ch = openChannel(ctx);
  const { chatId, messageId } = splitId(item.externalId);
  try {
    await ch.api('deleteMessage', { chat_id: chatId, message_id: messageId });
  } catch (err) {
    throw toProviderError(err, 'deleting the message');
  }
}

/** Reacts with 👍 (`setMessageReaction`). */
export async function likeItem(ctx: ProviderContext, item: InboxItem): Promise<void> {
  const ch = openChannel(ctx);
  const { chatId, messageId } = splitId(item.externalId);
  try {
    await ch.api('setMessageReaction', { chat_id: chatId, message_id: messageId, reaction: [{ type: 'emoji', emoji: '👍' }] });
  } catch (err) {
    throw toProviderError(err, 'reacting');
  }
}

/** Subscribers (channel) or members (group): `getChatMemberCount`. */
export async function fetchAccountMetrics(ctx: ProviderContext): Promise<AccountMetrics> {
  const ch = openChannel(ctx);
  try {
    const count = await ch.api<number>('getChatMemberCount', { chat_id: ch.chatId });
    return { followers: count, raw: { member_count: count } };
  } catch (err) {
    throw toProviderError(err, 'counting members');
  }
}
