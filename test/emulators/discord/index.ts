/**
 * Discord's HTTP API v10 (discord.com/developers/docs) for what Varde uses: bots (`Authorization:
 * Bot …`), channel webhooks executed with their URL token (`?wait=true`, `thread_id`, forum posts by
 * `thread_name`), messages as JSON or multipart (`payload_json` + `files[n]`, `attachments` with
 * `description`), `nonce` + `enforce_nonce` deduplication, replies (`message_reference`), reactions,
 * guild counts, OAuth2 `webhook.incoming` (PKCE, the webhook in the token response). Errors are
 * `{ code, message, errors? }` with Discord's codes; message creation is throttled per channel
 * (5 per 5 s) with `X-RateLimit-*` headers and 429 `{ retry_after, global }`.
 */
import crypto from 'node:crypto';
import { startEmulator, type EmuRequest, type EmuResponse, type Emulator } from '../kit.js';
import { OAuthAuthority } from '../oauth.js';

export interface EmuChannel {
  id: string;
  type: number;
  guild_id: string;
  name: string;
  parent_id?: string;
}

export interface EmuBotUser {
  token: string;
  id: string;
  username: string;
  /** Channels it can see and send in; Manage Messages where listed. */
  canSend: Set<string>;
  canManage: Set<string>;
}

export interface EmuWebhook {
  id: string;
  token: string;
  type: number;
  guild_id: string;
  channel_id: string;
  name: string;
}

export interface EmuMessage {
  id: string;
  channel_id: string;
  content: string;
  timestamp: string;
  author: { id: string; username: string; global_name?: string | null; bot?: boolean };
  webhook_id?: string;
  attachments: { id: string; filename: string; description?: string; size: number; content_type?: string }[];
  mentions: { id: string; username: string }[];
  message_reference?: { message_id: string; channel_id: string };
  flags: number;
  nonce?: string;
  reactions: Map<string, Set<string>>;
  deleted?: boolean;
  /** Not Discord's: what the sender asked for, for assertions. */
  sentWith: Record<string, unknown>;
}

export interface DiscordEmulator extends Emulator {
  guild: { id: string; name: string; memberCount: number };
  text: EmuChannel;
  forum: EmuChannel;
  bot: EmuBotUser;
  webhook: EmuWebhook;
  /** A webhook of the forum channel: each post is a new thread named by `thread_name`. */
  forumWebhook: EmuWebhook;
  authority: OAuthAuthority;
  /** Webhooks created by OAuth go to this channel (the one the user "picked"). */
  oauthChannelId: string;
  messagesIn(channelId: string): EmuMessage[];
  /** A person writes in a channel, optionally replying to a message or mentioning the bot. */
  personWrites(channelId: string, content: string, opts?: { replyTo?: string; mentionBot?: boolean; name?: string }): EmuMessage;
  deleteWebhook(id: string): void;
  config: { messagesPerWindow: number; windowMs: number };
  webhookUrl(hook?: EmuWebhook): string;
  /** Registers a redirect URL for the app, as the operator does in the Developer Portal. */
  allowRedirect(uri: string): void;
}

const err = (status: number, code: number, message: string, errors?: unknown, headers?: Record<string, string>): EmuResponse => ({ status, headers, json: { code, message, ...(errors ? { errors } : {}) } });
const EPOCH = 1_420_070_400_000n;
let seq = 0;
const snowflake = () => (((BigInt(Date.now()) - EPOCH) << 22n) + BigInt(++seq % 4096)).toString();

export async function startDiscordEmulator(opts: { clientId?: string; clientSecret?: string } = {}): Promise<DiscordEmulator> {
  const emu = await startEmulator();
  const guild = { id: snowflake(), name: 'Varde Guild', memberCount: 321 };
  const channels = new Map<string, EmuChannel>();
  const addChannel = (name: string, type: number, parent?: string) => {
    const c: EmuChannel = { id: snowflake(), type, guild_id: guild.id, name, ...(parent ? { parent_id: parent } : {}) };
    channels.set(c.id, c);
    return c;
  };
  const text = addChannel('announcements', 0);
  const forum = addChannel('releases', 15);
  const bot: EmuBotUser = { token: `${Buffer.from(snowflake()).toString('base64url')}.${crypto.randomBytes(4).toString('base64url')}.${crypto.randomBytes(28).toString('base64url')}`, id: snowflake(), username: 'VardeBot', canSend: new Set([text.id]), canManage: new Set([text.id]) };
  const bots = new Map([[bot.token, bot]]);
  const webhooks = new Map<string, EmuWebhook>();
  const addWebhook = (channelId: string, name: string) => {
    const w: EmuWebhook = { id: snowflake(), token: crypto.randomBytes(34).toString('base64url'), type: 1, guild_id: guild.id, channel_id: channelId, name };
    webhooks.set(w.id, w);
    return w;
  };
  const webhook = addWebhook(text.id, 'Varde announcements');
  const forumHook = addWebhook(forum.id, 'Varde releases');
  const messages: EmuMessage[] = [];
  const people = new Map<string, { id: string; username: string }>();
  const windows = new Map<string, number[]>();
  const config = { messagesPerWindow: 5, windowMs: 5_000 };
  const clients: Record<string, { secret: string; redirectUris?: string[] }> = {};
  if (opts.clientId) clients[opts.clientId] = { secret: opts.clientSecret ?? '', redirectUris: [] };
  const authority = new OAuthAuthority({ clients, pkceRequired: true, accessTtlSeconds: 604_800 });
  const state = { oauthChannelId: text.id };

  const botFrom = (req: EmuRequest) => bots.get((req.headers.authorization ?? '').replace(/^Bot\s+/, ''));
  const authedBot = (handler: (req: EmuRequest, b: EmuBotUser) => EmuResponse | Promise<EmuResponse>) => (req: EmuRequest) => {
    if (!/^Bot\s/.test(req.headers.authorization ?? '')) return err(401, 0, '401: Unauthorized');
    const b = botFrom(req);
    return b ? handler(req, b) : err(401, 0, '401: Unauthorized');
  };

  const messageJson = (m: EmuMessage): Record<string, unknown> => ({
    id: m.id, channel_id: m.channel_id, content: m.content, timestamp: m.timestamp, author: m.author, ...(m.webhook_id ? { webhook_id: m.webhook_id } : {}),
    attachments: m.attachments.map((a) => ({ ...a, url: `${emu.url}/attachments/${m.channel_id}/${a.id}/${a.filename}` })), mentions: m.mentions, flags: m.flags,
    ...(m.message_reference ? { message_reference: m.message_reference, referenced_message: referenced(m.message_reference.message_id) } : {}),
    reactions: [...m.reactions].filter(([, who]) => who.size > 0).map(([emoji, who]) => ({ count: who.size, me: who.has(bot.id), emoji: { id: null, name: emoji } })),
  });
  const find = (id: string) => messages.find((m) => m.id === id && !m.deleted);
  /** The replied-to message, one level deep as Discord sends it. */
  const referenced = (id: string): Record<string, unknown> | null => {
    const r = find(id);
    return r ? { ...messageJson(r), referenced_message: undefined } : null;
  };

  /** The per-channel message bucket, with Discord's headers. */
  const bucket = (channelId: string): { headers: Record<string, string>; limited?: EmuResponse } => {
    const now = Date.now();
    const list = (windows.get(channelId) ?? []).filter((t) => t > now - config.windowMs);
    const resetAfter = list.length ? (list[0] + config.windowMs - now) / 1000 : config.windowMs / 1000;
    const headers = {
      'x-ratelimit-limit': String(config.messagesPerWindow), 'x-ratelimit-bucket': `msg-${channelId.slice(-6)}`,
      'x-ratelimit-reset-after': resetAfter.toFixed(3), 'x-ratelimit-reset': ((now + resetAfter * 1000) / 1000).toFixed(3),
    };
    if (list.length >= config.messagesPerWindow) {
      return { headers, limited: { status: 429, headers: { ...headers, 'x-ratelimit-remaining': '0', 'retry-after': String(Math.ceil(resetAfter)), 'x-ratelimit-scope': 'user' }, json: { message: 'You are being rate limited.', retry_after: Number(resetAfter.toFixed(3)), global: false } } };
    }
    list.push(now);
    windows.set(channelId, list);
    return { headers: { ...headers, 'x-ratelimit-remaining': String(config.messagesPerWindow - list.length) } };
  };

  /** Parses a create-message body (JSON or multipart) and applies Discord's checks; returns the new message or an error. */
  const create = (req: EmuRequest, channelId: string, author: EmuMessage['author'], extra: { webhookId?: string; forThread?: boolean } = {}): EmuResponse => {
    const isMultipart = (req.headers['content-type'] ?? '').startsWith('multipart/');
    let body: Record<string, any>;
    try {
      body = isMultipart ? JSON.parse(req.fields.payload_json ?? '{}') : req.body;
    } catch {
      return err(400, 50109, 'The request body contains invalid JSON.');
    }
    const files = Object.entries(req.files).filter(([k]) => /^files\[\d+\]$/.test(k)).map(([k, f]) => ({ index: Number(/\d+/.exec(k)![0]), ...f }));
    const content = String(body.content ?? '');
    if ([...content].length > 2000) return err(400, 50035, 'Invalid Form Body', { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } });
    if (!content.trim() && files.length === 0) return err(400, 50006, 'Cannot send an empty message');
    if (files.length > 10) return err(400, 50035, 'Invalid Form Body', { files: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' }] } });
    if (files.some((f) => f.data.length > 10 * 1024 * 1024)) return err(413, 40005, 'Request entity too large');
    if (body.nonce !== undefined && String(body.nonce).length > 25) return err(400, 50035, 'Invalid Form Body', { nonce: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }] } });
    if (body.nonce !== undefined && body.enforce_nonce) {
      const seen = messages.find((m) => m.author.id === author.id && m.channel_id === channelId && m.nonce === String(body.nonce) && Date.now() - Date.parse(m.timestamp) < 5 * 60_000);
      if (seen) return { json: messageJson(seen) };
    }
    let reference: EmuMessage['message_reference'];
    if (body.message_reference?.message_id) {
      const target = find(String(body.message_reference.message_id));
      if (!target && body.message_reference.fail_if_not_exists !== false) return err(400, 50035, 'Invalid Form Body', { message_reference: { _errors: [{ code: 'REPLIES_UNKNOWN_MESSAGE', message: 'Unknown message' }] } });
      if (target) reference = { message_id: target.id, channel_id: target.channel_id };
    }
    const limited = bucket(channelId);
    if (limited.limited) return limited.limited;
    const described = new Map<number, any>((body.attachments ?? []).map((a: any) => [Number(a.id), a]));
    const m: EmuMessage = {
      id: snowflake(), channel_id: channelId, content, timestamp: new Date().toISOString(), author, ...(extra.webhookId ? { webhook_id: extra.webhookId } : {}),
      attachments: files.map((f) => ({ id: snowflake(), filename: described.get(f.index)?.filename ?? f.filename ?? 'file', description: described.get(f.index)?.description, size: f.data.length, content_type: f.contentType })),
      mentions: [...content.matchAll(/<@!?(\d+)>/g)].map((x) => ({ id: x[1], username: x[1] === bot.id ? bot.username : (people.get(x[1])?.username ?? 'someone') })),
      message_reference: reference, flags: Number(body.flags ?? 0), nonce: body.nonce === undefined ? undefined : String(body.nonce), reactions: new Map(),
      sentWith: { username: body.username, avatar_url: body.avatar_url, thread_name: body.thread_name, enforce_nonce: body.enforce_nonce },
    };
    messages.push(m);
    return { headers: limited.headers, json: messageJson(m) };
  };

  const base = '/api/v10';

  // --- bot ---------------------------------------------------------------------------------------
  emu.route('GET', `${base}/users/@me`, authedBot((_req, b) => ({ json: { id: b.id, username: b.username, discriminator: '0', global_name: null, bot: true } })));
  emu.route('GET', `${base}/channels/:id`, authedBot((req, b) => {
    const c = channels.get(req.params.id);
    if (!c) return err(404, 10003, 'Unknown Channel');
    if (!b.canSend.has(c.id)) return err(403, 50001, 'Missing Access');
    return { json: c };
  }));
  emu.route('POST', `${base}/channels/:id/messages`, authedBot((req, b) => {
    const c = channels.get(req.params.id);
    if (!c) return err(404, 10003, 'Unknown Channel');
    if (!b.canSend.has(c.id) && !(c.parent_id && b.canSend.has(c.parent_id))) return err(403, 50013, 'Missing Permissions');
    return create(req, c.id, { id: b.id, username: b.username, bot: true });
  }));
  emu.route('GET', `${base}/channels/:id/messages`, authedBot((req, b) => {
    if (!b.canSend.has(req.params.id)) return err(403, 50001, 'Missing Access');
    const limit = Math.min(Number(req.query.limit ?? 50), 100);
    let list = messages.filter((m) => m.channel_id === req.params.id && !m.deleted);
    if (req.query.after) list = list.filter((m) => BigInt(m.id) > BigInt(req.query.after)).slice(0, limit);
    else list = list.slice(-limit);
    return { json: list.reverse().map(messageJson) }; // newest first
  }));
  emu.route('GET', `${base}/channels/:cid/messages/:mid`, authedBot((req) => {
    const m = find(req.params.mid);
    return m && m.channel_id === req.params.cid ? { json: messageJson(m) } : err(404, 10008, 'Unknown Message');
  }));
  emu.route('DELETE', `${base}/channels/:cid/messages/:mid`, authedBot((req, b) => {
    const m = find(req.params.mid);
    if (!m || m.channel_id !== req.params.cid) return err(404, 10008, 'Unknown Message');
    if (m.author.id !== b.id && !b.canManage.has(m.channel_id)) return err(403, 50013, 'Missing Permissions');
    m.deleted = true;
    return { status: 204, text: '' };
  }));
  emu.route('PUT', `${base}/channels/:cid/messages/:mid/reactions/:emoji/@me`, authedBot((req, b) => {
    const m = find(req.params.mid);
    if (!m) return err(404, 10008, 'Unknown Message');
    const who = m.reactions.get(req.params.emoji) ?? new Set<string>();
    who.add(b.id);
    m.reactions.set(req.params.emoji, who);
    return { status: 204, text: '' };
  }));
  emu.route('GET', `${base}/guilds/:id`, authedBot((req) => {
    if (req.params.id !== guild.id) return err(404, 10004, 'Unknown Guild');
    return { json: { id: guild.id, name: guild.name, ...(req.query.with_counts === 'true' ? { approximate_member_count: guild.memberCount, approximate_presence_count: 12 } : {}) } };
  }));

  // --- webhooks ------------------------------------------------------------------------------------
  const hookFrom = (req: EmuRequest) => {
    const w = webhooks.get(req.params.id);
    return w && w.token === req.params.token ? w : null;
  };
  emu.route('GET', `${base}/webhooks/:id/:token`, (req) => {
    const w = hookFrom(req);
    return w ? { json: { id: w.id, type: w.type, guild_id: w.guild_id, channel_id: w.channel_id, name: w.name, avatar: null, application_id: null, token: w.token } } : err(404, 10015, 'Unknown Webhook');
  });
  emu.route('POST', `${base}/webhooks/:id/:token`, (req) => {
    const w = hookFrom(req);
    if (!w) return err(404, 10015, 'Unknown Webhook');
    const channel = channels.get(w.channel_id)!;
    let target = channel.id;
    const payload = (req.headers['content-type'] ?? '').startsWith('multipart/') ? JSON.parse(req.fields.payload_json ?? '{}') : req.body;
    if (req.query.thread_id) {
      const thread = channels.get(req.query.thread_id);
      if (!thread || thread.parent_id !== channel.id) return err(400, 10003, 'Unknown Channel');
      target = thread.id;
    } else if (channel.type === 15) {
      if (!payload.thread_name) return err(400, 220001, 'Webhooks posted to forum channels must have a thread_name or thread_id');
      target = addChannel(String(payload.thread_name), 11, channel.id).id;
    }
    const res = create(req, target, { id: w.id, username: payload.username ?? w.name, bot: true }, { webhookId: w.id });
    return req.query.wait === 'true' || (res.status ?? 200) >= 400 ? res : { status: 204, text: '' };
  });
  emu.route('GET', `${base}/webhooks/:id/:token/messages/:mid`, (req) => {
    const w = hookFrom(req);
    if (!w) return err(404, 10015, 'Unknown Webhook');
    const m = find(req.params.mid);
    return m && m.webhook_id === w.id ? { json: messageJson(m) } : err(404, 10008, 'Unknown Message');
  });
  emu.route('DELETE', `${base}/webhooks/:id/:token/messages/:mid`, (req) => {
    const w = hookFrom(req);
    if (!w) return err(404, 10015, 'Unknown Webhook');
    const m = find(req.params.mid);
    if (!m || m.webhook_id !== w.id) return err(404, 10008, 'Unknown Message');
    m.deleted = true;
    return { status: 204, text: '' };
  });

  // --- OAuth2 (webhook.incoming) ------------------------------------------------------------------
  emu.route('GET', '/oauth2/authorize', (req) => {
    if (!(req.query.scope ?? '').split(' ').includes('webhook.incoming')) return { status: 400, text: 'Invalid scope' };
    const r = authority.authorize(req.query);
    return 'redirect' in r ? { status: 302, headers: { location: r.redirect } } : { status: 400, json: r };
  });
  emu.route('POST', `${base}/oauth2/token`, (req) => {
    if (!(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return { status: 400, json: { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' } };
    const client = authority.clientFrom(req.headers, req.body);
    if (!client.ok) return { status: 401, json: { error: 'invalid_client' } };
    const g = authority.exchangeCode(client.id, req.body);
    if ('error' in g) return { status: 400, json: { error: g.error, error_description: g.description } };
    const hook = addWebhook(state.oauthChannelId, 'Varde');
    return { json: { access_token: g.accessToken, token_type: 'Bearer', expires_in: g.expiresIn, refresh_token: g.refreshToken, scope: 'webhook.incoming', webhook: { id: hook.id, type: 1, guild_id: hook.guild_id, channel_id: hook.channel_id, name: hook.name, token: hook.token, url: `https://discord.com/api/webhooks/${hook.id}/${hook.token}` } } };
  });

  // An accessor is defined, not assigned: Object.assign would copy its value once.
  Object.defineProperty(emu, 'oauthChannelId', { get: () => state.oauthChannelId, set: (v: string) => void (state.oauthChannelId = v), enumerable: true });
  return Object.assign(emu as Emulator & Pick<DiscordEmulator, 'oauthChannelId'>, {
    guild, text, forum, bot, webhook, authority, config,
    messagesIn: (channelId: string) => messages.filter((m) => m.channel_id === channelId && !m.deleted),
    personWrites(channelId: string, content: string, o: { replyTo?: string; mentionBot?: boolean; name?: string } = {}) {
      const name = o.name ?? 'alice';
      if (!people.has(name)) people.set(name, { id: snowflake(), username: name });
      const who = people.get(name)!;
      const text = o.mentionBot ? `<@${bot.id}> ${content}` : content;
      const target = o.replyTo ? find(o.replyTo) : undefined;
      const m: EmuMessage = {
        id: snowflake(), channel_id: channelId, content: text, timestamp: new Date().toISOString(), author: { id: who.id, username: who.username, global_name: name.toUpperCase() },
        attachments: [], mentions: o.mentionBot ? [{ id: bot.id, username: bot.username }] : [], flags: 0, reactions: new Map(), sentWith: {},
        ...(target ? { message_reference: { message_id: target.id, channel_id: target.channel_id } } : {}),
      };
      messages.push(m);
      return m;
    },
    deleteWebhook(id: string) {
      webhooks.delete(id);
    },
    allowRedirect(uri: string) {
      for (const c of Object.values(clients)) c.redirectUris?.push(uri);
    },
    webhookUrl: (hook: EmuWebhook = webhook) => `https://discord.com/api/webhooks/${hook.id}/${hook.token}`,
    forumWebhook: forumHook,
  });
}
