/**
 * The Telegram Bot API (core.telegram.org/bots/api) for the methods Varde uses: `/bot<token>/<method>`
 * with parameters as JSON, form fields, multipart (files by field name, album items by
 * `attach://name`) or query; `{ ok, result }` answers and `{ ok: false, error_code, description,
 * parameters }` errors worded as Telegram words them; 4,096-character messages and 1,024-character
 * captions; albums of 2–10; the per-group throttle (20 messages a minute) answered with 429 and
 * `retry_after`; updates for `getUpdates` (409 while a webhook is set). Sent messages are kept per
 * chat for tests to read.
 */
import crypto from 'node:crypto';
import { startEmulator, type EmuRequest, type EmuResponse, type Emulator } from '../kit.js';

export interface EmuBot {
  token: string;
  id: number;
  username: string;
  first_name: string;
}

export interface BotRights {
  status: string;
  can_post_messages?: boolean;
  can_delete_messages?: boolean;
  can_send_messages?: boolean;
}

export interface EmuChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  linked_chat_id?: number;
  /** Rights of each bot in the chat, by bot id. */
  members: Map<number, BotRights>;
  memberCount: number;
}

export interface EmuMessage {
  message_id: number;
  date: number;
  chat: { id: number; type: string; title?: string; username?: string };
  from?: { id: number; is_bot: boolean; first_name: string; username?: string };
  sender_chat?: { id: number; type: string; title?: string; username?: string };
  text?: string;
  caption?: string;
  entities?: { type: string; offset: number; length: number }[];
  photo?: { file_id: string; file_size: number; width: number; height: number }[];
  video?: { file_id: string; file_size: number; mime_type: string };
  animation?: { file_id: string; file_size: number; mime_type: string };
  media_group_id?: string;
  reply_to_message?: EmuMessage;
  is_automatic_forward?: boolean;
  forward_origin?: { type: string; chat: { id: number }; message_id: number; date: number };
  has_media_spoiler?: boolean;
  /** Not in Telegram's Message: what the bot asked for, kept for assertions. */
  sentWith?: Record<string, unknown>;
  deleted?: boolean;
  reactions?: string[];
}

export interface TelegramEmulator extends Emulator {
  bot: EmuBot;
  channel: EmuChat;
  discussion: EmuChat;
  group: EmuChat;
  chats: Map<number, EmuChat>;
  /** Live messages of a chat, oldest first. */
  messagesIn(chatId: number): EmuMessage[];
  /** A user writes in a chat (optionally replying to a message): queued as an update. */
  userWrites(chatId: number, text: string, opts?: { replyTo?: number; from?: string }): EmuMessage;
  /** Telegram forwards a channel post into the linked discussion group (as it does on each post). */
  forwardToDiscussion(channelMessageId: number): EmuMessage;
  /** A second bot with the same rights as the first in every chat. */
  addBot(username: string): EmuBot;
  revoke(token: string): void;
  webhookUrl: string | null;
  /** The `secret_token` given to setWebhook. */
  readonly webhookSecret: string | null;
  config: { perGroupPerMinute: number };
}

const fail = (code: number, description: string, parameters?: Record<string, unknown>): EmuResponse => ({ status: code, json: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) } });
const ok = (result: unknown): EmuResponse => ({ json: { ok: true, result } });
const utf16 = (s: string) => s.length;

export async function startTelegramEmulator(): Promise<TelegramEmulator> {
  const emu = await startEmulator();
  const bot: EmuBot = { token: `7001234567:${crypto.randomBytes(26).toString('base64url')}`, id: 7001234567, username: 'varde_test_bot', first_name: 'Varde' };
  const bots = new Map([[bot.token, bot]]);
  const chats = new Map<number, EmuChat>();
  const byUsername = new Map<string, EmuChat>();
  const addChat = (c: Omit<EmuChat, 'members' | 'memberCount'> & { memberCount?: number }, rights: BotRights) => {
    const chat: EmuChat = { memberCount: 10, ...c, members: new Map([[bot.id, rights]]) };
    chats.set(chat.id, chat);
    if (chat.username) byUsername.set(chat.username.toLowerCase(), chat);
    return chat;
  };
  const discussion = addChat({ id: -1002000000002, type: 'supergroup', title: 'Varde News Chat', username: 'varde_news_chat' }, { status: 'member', can_send_messages: true });
  const channel = addChat({ id: -1002000000001, type: 'channel', title: 'Varde News', username: 'varde_news', linked_chat_id: discussion.id, memberCount: 1234 }, { status: 'administrator', can_post_messages: true, can_delete_messages: true });
  const group = addChat({ id: -1002000000003, type: 'supergroup', title: 'Varde Group' }, { status: 'administrator', can_delete_messages: true });
  const messages = new Map<number, EmuMessage[]>();
  const updates: { update_id: number; message: EmuMessage }[] = [];
  let updateSeq = 500_000;
  let confirmed = 0;
  const sentAt = new Map<number, number[]>();
  const config = { perGroupPerMinute: 20 };
  const state = { webhookUrl: null as string | null, webhookSecret: null as string | null };
  const userIds = new Map<string, number>();
  /** The bot making the request being handled. */
  let current = bot;

  const chatRef = (c: EmuChat) => ({ id: c.id, type: c.type, ...(c.title ? { title: c.title } : {}), ...(c.username ? { username: c.username } : {}) });
  const store = (chatId: number, m: Omit<EmuMessage, 'message_id' | 'date' | 'chat'>): EmuMessage => {
    const list = messages.get(chatId) ?? [];
    messages.set(chatId, list);
    const msg: EmuMessage = { message_id: list.length + 1, date: Math.floor(Date.now() / 1000), chat: chatRef(chats.get(chatId)!), ...m };
    list.push(msg);
    return msg;
  };
  const find = (chatId: number, id: number) => messages.get(chatId)?.find((m) => m.message_id === id && !m.deleted);
  const resolveChat = (value: unknown): EmuChat | undefined => {
    const text = String(value ?? '');
    return text.startsWith('@') ? byUsername.get(text.slice(1).toLowerCase()) : chats.get(Number(text));
  };
  const mentionEntities = (text: string) => [...text.matchAll(/@\w{5,}/g)].map((m) => ({ type: 'mention', offset: m.index!, length: m[0].length }));

  /** The request's parameters, wherever Telegram accepts them from. */
  const paramsOf = (req: EmuRequest): Record<string, any> => {
    const out: Record<string, any> = { ...req.query, ...req.fields, ...(typeof req.body === 'object' ? req.body : {}) };
    for (const key of ['reply_parameters', 'link_preview_options', 'media', 'reaction']) {
      if (typeof out[key] === 'string') try { out[key] = JSON.parse(out[key]); } catch { /* left as text: refused below */ }
    }
    return out;
  };

  /** Who may send to the chat, and Telegram's throttle for groups and channels. */
  const gate = (chat: EmuChat | undefined, count = 1): EmuResponse | null => {
    if (!chat) return fail(400, 'Bad Request: chat not found');
    const me = chat.members.get(current.id);
    if (!me || me.status === 'left' || me.status === 'kicked') return fail(403, `Forbidden: bot is not a member of the ${chat.type === 'channel' ? 'channel' : 'supergroup'} chat`);
    if (chat.type === 'channel' && !(me.status === 'creator' || (me.status === 'administrator' && me.can_post_messages))) return fail(400, 'Bad Request: need administrator rights in the channel chat');
    if (chat.type !== 'private') {
      const now = Date.now();
      const recent = (sentAt.get(chat.id) ?? []).filter((t) => t > now - 60_000);
      if (recent.length + count > config.perGroupPerMinute) {
        const retry = Math.max(1, Math.ceil((recent[0] + 60_000 - now) / 1000));
        return fail(429, `Too Many Requests: retry after ${retry}`, { retry_after: retry });
      }
      for (let i = 0; i < count; i++) recent.push(now);
      sentAt.set(chat.id, recent);
    }
    return null;
  };

  const replyTarget = (chat: EmuChat, p: Record<string, any>): { ok: true; message?: EmuMessage } | { ok: false; res: EmuResponse } => {
    const id = p.reply_parameters?.message_id;
    if (!id) return { ok: true };
    const target = find(chat.id, Number(id));
    if (!target && !p.reply_parameters.allow_sending_without_reply) return { ok: false, res: fail(400, 'Bad Request: message to be replied not found') };
    return { ok: true, message: target };
  };

  const fileFrom = (req: EmuRequest, value: unknown, field: string) => {
    const name = typeof value === 'string' && value.startsWith('attach://') ? value.slice(9) : field;
    const file = req.files[name];
    if (file) return { file_id: `f_${crypto.randomBytes(6).toString('hex')}`, file_size: file.data.length, mime_type: file.contentType ?? 'application/octet-stream' };
    if (typeof value === 'string' && value && !value.startsWith('attach://')) return { file_id: value, file_size: 0, mime_type: 'application/octet-stream' };
    return null;
  };

  const methods: Record<string, (req: EmuRequest, p: Record<string, any>) => EmuResponse> = {
    getMe: () => ok({ id: current.id, is_bot: true, first_name: current.first_name, username: current.username, can_join_groups: true }),
    getChat: (_req, p) => {
      const chat = resolveChat(p.chat_id);
      return chat ? ok({ ...chatRef(chat), ...(chat.linked_chat_id ? { linked_chat_id: chat.linked_chat_id } : {}) }) : fail(400, 'Bad Request: chat not found');
    },
    getChatMember: (_req, p) => {
      const chat = resolveChat(p.chat_id);
      if (!chat) return fail(400, 'Bad Request: chat not found');
      const m = chat.members.get(Number(p.user_id));
      return ok({ user: { id: Number(p.user_id), is_bot: true, first_name: current.first_name }, status: 'left', ...m });
    },
    getChatMemberCount: (_req, p) => {
      const chat = resolveChat(p.chat_id);
      return chat ? ok(chat.memberCount) : fail(400, 'Bad Request: chat not found');
    },
    sendMessage: (_req, p) => {
      const chat = resolveChat(p.chat_id);
      const text = String(p.text ?? '');
      if (!text.trim()) return fail(400, 'Bad Request: message text is empty');
      if (utf16(text) > 4096) return fail(400, 'Bad Request: message is too long');
      const blocked = gate(chat);
      if (blocked) return blocked;
      const reply = replyTarget(chat!, p);
      if (!reply.ok) return reply.res;
      const msg = store(chat!.id, { ...senderFor(chat!), text, entities: mentionEntities(text), reply_to_message: reply.message, sentWith: pick(p, ['link_preview_options', 'disable_notification', 'protect_content', 'message_thread_id']) });
      return ok(msg);
    },
    deleteMessage: (_req, p) => {
      const chat = resolveChat(p.chat_id);
      if (!chat) return fail(400, 'Bad Request: chat not found');
      const msg = find(chat.id, Number(p.message_id));
      if (!msg) return fail(400, 'Bad Request: message to delete not found');
      const mine = msg.from?.id === current.id || (chat.type === 'channel' && msg.sender_chat?.id === chat.id);
      if (!mine && !chat.members.get(current.id)?.can_delete_messages) return fail(400, "Bad Request: message can't be deleted");
      msg.deleted = true;
      return ok(true);
    },
    setMessageReaction: (_req, p) => {
      const chat = resolveChat(p.chat_id);
      const msg = chat && find(chat.id, Number(p.message_id));
      if (!msg) return fail(400, 'Bad Request: message to react not found');
      msg.reactions = (p.reaction ?? []).map((r: { emoji: string }) => r.emoji);
      return ok(true);
    },
    getUpdates: (_req, p) => {
      if (state.webhookUrl) return fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      if (p.offset) confirmed = Math.max(confirmed, Number(p.offset) - 1);
      return ok(updates.filter((u) => u.update_id > confirmed).slice(0, Number(p.limit ?? 100)));
    },
    setWebhook: (_req, p) => {
      if (p.url && !String(p.url).startsWith('https://')) return fail(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
      if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p.secret_token))) return fail(400, 'Bad Request: bad webhook: secret token contains unallowed characters');
      state.webhookUrl = p.url || null;
      state.webhookSecret = p.secret_token ?? null;
      return ok(true);
    },
    deleteWebhook: () => {
      state.webhookUrl = null;
      return ok(true);
    },
  };

  const senderFor = (chat: EmuChat) => (chat.type === 'channel'
    ? { sender_chat: chatRef(chat) }
    : { from: { id: current.id, is_bot: true, first_name: current.first_name, username: current.username } });

  const sendOne = (field: 'photo' | 'video' | 'animation') => (req: EmuRequest, p: Record<string, any>): EmuResponse => {
    const chat = resolveChat(p.chat_id);
    const caption = p.caption === undefined ? undefined : String(p.caption);
    if (caption && utf16(caption) > 1024) return fail(400, 'Bad Request: message caption is too long');
    const file = fileFrom(req, p[field], field);
    if (!file) return fail(400, `Bad Request: there is no ${field} in the request`);
    if (field === 'photo' && file.file_size > 10 * 1024 * 1024) return fail(400, 'Bad Request: PHOTO_SAVE_FILE_INVALID');
    const blocked = gate(chat);
    if (blocked) return blocked;
    const reply = replyTarget(chat!, p);
    if (!reply.ok) return reply.res;
    const media = field === 'photo' ? { photo: [{ file_id: file.file_id, file_size: file.file_size, width: 8, height: 8 }] } : { [field]: file };
    return ok(store(chat!.id, { ...senderFor(chat!), ...media, caption, reply_to_message: reply.message, has_media_spoiler: p.has_spoiler === true || p.has_spoiler === 'true' || undefined, sentWith: pick(p, ['disable_notification', 'supports_streaming']) }));
  };
  methods.sendPhoto = sendOne('photo');
  methods.sendVideo = sendOne('video');
  methods.sendAnimation = sendOne('animation');

  methods.sendMediaGroup = (req, p) => {
    const chat = resolveChat(p.chat_id);
    const media = p.media;
    if (!Array.isArray(media)) return fail(400, 'Bad Request: can\'t parse media JSON object');
    if (media.length < 2 || media.length > 10) return fail(400, 'Bad Request: wrong number of media in the album');
    if (media.some((m: any) => m.type !== 'photo' && m.type !== 'video')) return fail(400, 'Bad Request: unsupported media type in the album');
    if (media.some((m: any) => m.caption && utf16(m.caption) > 1024)) return fail(400, 'Bad Request: message caption is too long');
    const files = media.map((m: any) => fileFrom(req, m.media, ''));
    if (files.some((f: unknown) => !f)) return fail(400, 'Bad Request: wrong file identifier/HTTP URL specified');
    const blocked = gate(chat, media.length);
    if (blocked) return blocked;
    const reply = replyTarget(chat!, p);
    if (!reply.ok) return reply.res;
    const groupId = String(crypto.randomInt(1e9, 9e9));
    return ok(media.map((m: any, i: number) => store(chat!.id, {
      ...senderFor(chat!), media_group_id: groupId, caption: m.caption, reply_to_message: i === 0 ? reply.message : undefined, has_media_spoiler: m.has_spoiler || undefined,
      ...(m.type === 'photo' ? { photo: [{ file_id: files[i]!.file_id, file_size: files[i]!.file_size, width: 8, height: 8 }] } : { video: files[i]! }),
    })));
  };

  const handle = (req: EmuRequest): EmuResponse => {
    const caller = bots.get(req.params.token);
    if (!caller) return fail(401, 'Unauthorized');
    current = caller;
    const method = methods[req.params.method];
    return method ? method(req, paramsOf(req)) : fail(404, 'Not Found');
  };
  emu.route('POST', '/bot:token/:method', handle);
  emu.route('GET', '/bot:token/:method', handle);

  const userId = (name: string) => {
    if (!userIds.has(name)) userIds.set(name, 3_000_000 + userIds.size);
    return userIds.get(name)!;
  };

  // Accessors are defined, not assigned: Object.assign would copy their values once.
  Object.defineProperties(emu, {
    webhookUrl: { get: () => state.webhookUrl, set: (v: string | null) => void (state.webhookUrl = v), enumerable: true },
    webhookSecret: { get: () => state.webhookSecret, enumerable: true },
  });
  return Object.assign(emu as Emulator & Pick<TelegramEmulator, 'webhookUrl' | 'webhookSecret'>, {
    bot, channel, discussion, group, chats, config,
    messagesIn: (chatId: number) => (messages.get(chatId) ?? []).filter((m) => !m.deleted),
    userWrites(chatId: number, text: string, opts: { replyTo?: number; from?: string } = {}) {
      const name = opts.from ?? 'alice';
      const msg = store(chatId, {
        from: { id: userId(name), is_bot: false, first_name: name[0].toUpperCase() + name.slice(1), username: name },
        text, entities: mentionEntities(text), reply_to_message: opts.replyTo ? find(chatId, opts.replyTo) : undefined,
      });
      updates.push({ update_id: ++updateSeq, message: msg });
      return msg;
    },
    forwardToDiscussion(channelMessageId: number) {
      const post = find(channel.id, channelMessageId)!;
      return store(discussion.id, {
        from: { id: 777000, is_bot: false, first_name: 'Telegram' }, sender_chat: chatRef(channel), is_automatic_forward: true,
        forward_origin: { type: 'channel', chat: { id: channel.id }, message_id: post.message_id, date: post.date }, text: post.text, caption: post.caption,
      });
    },
    addBot(username: string) {
      const id = 7_100_000_000 + bots.size;
      const extra: EmuBot = { token: `${id}:${crypto.randomBytes(26).toString('base64url')}`, id, username, first_name: username };
      bots.set(extra.token, extra);
      for (const chat of chats.values()) chat.members.set(id, { ...chat.members.get(bot.id)! });
      return extra;
    },
    revoke(token: string) {
      bots.delete(token);
    },
  });
}

function pick(p: Record<string, any>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
}
