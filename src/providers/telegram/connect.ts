/**
 * Connecting Telegram with a bot token: the bot (`getMe`) must reach the chat (`getChat`) and be
 * allowed to post there (`getChatMember`: an administrator with "Post messages" in a channel, a
 * member who may send in a group). One channel per chat; several chats may share one bot.
 */
import type { HttpClient } from '../../net/http.types.js';
import type { ConnectResult, NetworkApp } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { createBotApi, DEFAULT_API_URL, TelegramError, timeoutOf, toProviderError } from './client.js';

export interface TelegramChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  linked_chat_id?: number;
}

interface ChatMember {
  status: string;
  can_post_messages?: boolean;
  can_delete_messages?: boolean;
  can_send_messages?: boolean;
}

/** The public link of a message: t.me/<username>/<id>, or t.me/c/<id>/<id> in a private supergroup or channel. */
export function messageUrl(chat: { id: string | number; username?: string | null }, messageId: number): string | undefined {
  if (chat.username) return `https://t.me/${chat.username}/${messageId}`;
  const id = String(chat.id);
  return id.startsWith('-100') ? `https://t.me/c/${id.slice(4)}/${messageId}` : undefined;
}

function normalizeChatId(value: unknown): string {
  const text = String(value ?? '').trim();
  const fromLink = /^(?:https?:\/\/)?t\.me\/([A-Za-z]\w{3,})\/?$/.exec(text)?.[1];
  if (fromLink) return `@${fromLink}`;
  if (/^-?\d+$/.test(text)) return text;
  if (/^@?[A-Za-z]\w{3,}$/.test(text)) return text.startsWith('@') ? text : `@${text}`;
  throw new ProviderError('rejected', 'The chat must be @channelname, a t.me link, or a numeric chat id like -1001234567890');
}

/** Checks `{ botToken, chatId }` against Telegram and returns what to store. */
export async function connectBot(input: Record<string, unknown>, http: HttpClient, app?: NetworkApp): Promise<ConnectResult> {
  const botToken = typeof input.botToken === 'string' ? input.botToken.trim() : '';
  if (!/^\d+:[\w-]+$/.test(botToken)) throw new ProviderError('rejected', 'Enter the bot token @BotFather gave you, like 123456789:AA…');
  const chatId = normalizeChatId(input.chatId);
  const api = createBotApi(http, app?.urls.api ?? DEFAULT_API_URL, botToken, { timeoutMs: timeoutOf(app?.values ?? {}) });
  const fail = (err: unknown, doing: string): never => {
    if (err instanceof TelegramError && err.code === 401) throw new ProviderError('rejected', 'Telegram refused the bot token; copy it again from @BotFather', { networkMessage: err.description, status: 401 });
    if (err instanceof TelegramError && err.code >= 400 && err.code < 500 && err.code !== 429) {
      throw new ProviderError('rejected', `Telegram: ${err.description} — add the bot to ${chatId} first (as an administrator allowed to post, in a channel)`, { networkMessage: err.description, status: err.code });
    }
    throw toProviderError(err, doing);
  };
  const me = await api<{ id: number; username: string; first_name: string }>('getMe').catch((err) => fail(err, 'checking the bot'));
  const chat = await api<TelegramChat>('getChat', { chat_id: chatId }).catch((err) => fail(err, 'finding the chat'));
  if (chat.type !== 'private') {
    const member = await api<ChatMember>('getChatMember', { chat_id: chat.id, user_id: me.id }).catch((err) => fail(err, 'checking the bot’s rights'));
    const canPost = chat.type === 'channel'
      ? member.status === 'creator' || (member.status === 'administrator' && member.can_post_messages === true)
      : member.status === 'creator' || member.status === 'administrator' || member.status === 'member' || (member.status === 'restricted' && member.can_send_messages === true);
    if (!canPost) {
      const need = chat.type === 'channel' ? 'an administrator with the right to post messages' : 'a member allowed to send messages';
      throw new ProviderError('rejected', `@${me.username} cannot post in ${chat.title ?? chatId}: make it ${need}, then connect again`);
    }
  }
  const name = chat.title ?? chat.first_name ?? chatId;
  const delivery = await deliverUpdates(api, app);
  return {
    credentials: { botToken },
    settings: {
      chatId: String(chat.id), chatType: chat.type, chatUsername: chat.username ?? null, botId: me.id, botUsername: me.username, updates: delivery,
      ...(chat.linked_chat_id ? { discussionChatId: String(chat.linked_chat_id) } : {}),
    },
    account: { externalId: String(chat.id), handle: chat.username ? `@${chat.username}` : name, name, profileUrl: chat.username ? `https://t.me/${chat.username}` : undefined },
  };
}

/**
 * Where the bot's updates go: to Varde's webhook route when the operator set a webhook secret and
 * Varde is reachable over HTTPS (Telegram delivers only to https on ports 443, 80, 88 or 8443),
 * else Varde polls `getUpdates`. One webhook serves every chat of the bot, which polling cannot.
 */
async function deliverUpdates(api: ReturnType<typeof createBotApi>, app?: NetworkApp): Promise<'webhook' | 'poll'> {
  const secret = app?.values.WEBHOOK_SECRET;
  if (!secret || !app.publicUrl.startsWith('https://')) return 'poll';
  try {
    await api('setWebhook', { url: `${app.publicUrl}/api/v1/webhooks/telegram`, secret_token: secret, allowed_updates: ['message'] });
    return 'webhook';
  } catch (err) {
    throw toProviderError(err, 'setting the bot’s webhook');
  }
}
