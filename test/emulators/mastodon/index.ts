/**
 * A Mastodon server, as docs.joinmastodon.org documents the endpoints Varde uses: app registration,
 * OAuth (PKCE S256, state echoed, single-use codes, tokens that never expire but can be revoked),
 * instance configuration, media (images processed at once → 200, video → 202 then 206 while
 * processing), statuses with `Idempotency-Key` remembered per account, notifications with
 * `types[]`/`min_id` paging, favourites, deletes; `{ error }` bodies and `X-RateLimit-*` headers
 * (Reset as an ISO timestamp) on every answer. Published statuses are kept for tests to read.
 */
import crypto from 'node:crypto';
import { startEmulator, type EmuRequest, type EmuResponse, type Emulator } from '../kit.js';
import { OAuthAuthority } from '../oauth.js';

const KNOWN_SCOPES = new Set(['read', 'write', 'profile', 'push', 'follow', 'read:accounts', 'read:statuses', 'read:notifications', 'read:favourites', 'write:statuses', 'write:media', 'write:favourites', 'write:conversations']);
const SUPPORTED_MIME = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/heif', 'image/avif', 'video/mp4', 'video/quicktime', 'video/webm'];
const RATE_LIMIT = 300;
const RATE_WINDOW_MS = 5 * 60_000;

export interface EmuAccount {
  id: string;
  username: string;
  display_name: string;
  followers_count: number;
  privacy: string;
}

export interface EmuMedia {
  id: string;
  accountId: string;
  type: 'image' | 'video' | 'gifv';
  mime: string;
  size: number;
  description: string | null;
  pollsUntilReady: number;
  failProcessing: boolean;
}

export interface EmuStatus {
  id: string;
  accountId: string;
  text: string;
  mediaIds: string[];
  media: EmuMedia[];
  visibility: string;
  inReplyToId: string | null;
  spoilerText: string;
  sensitive: boolean;
  language: string | null;
  idempotencyKey: string | null;
  createdAt: string;
  favouritedBy: Set<string>;
  reblogs: number;
  deleted: boolean;
}

export interface MastodonEmulator extends Emulator {
  authority: OAuthAuthority;
  /** The logged-in account (`authority.currentUser` is its id). */
  me: EmuAccount;
  statuses: EmuStatus[];
  /** Live statuses of an account (default: `me`), oldest first. */
  publishedBy(accountId?: string): EmuStatus[];
  config: { maxCharacters: number; maxMediaAttachments: number; videoPollsUntilReady: number; failMediaProcessing: boolean };
  /** Access tokens issued, in order. */
  tokens: string[];
  /** Another account mentions, replies to, or messages `me`; returns the new status. */
  mention(opts: { from: string; text: string; inReplyToId?: string; visibility?: string }): EmuStatus;
  /** Registered apps by client_id. */
  apps: Map<string, { name: string; redirectUris: string[]; scopes: string[] }>;
  /** Makes one issued token (default: all) invalid, as when the user revokes the app. */
  revoke(token?: string): void;
}

let idSeq = 110_000_000_000_000_000n;
const nextId = () => String(++idSeq);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Mastodon's count: graphemes, every URL as 23, `@user@domain` as `@user`. */
function countChars(text: string): number {
  const replaced = text.replace(/https?:\/\/\S+/g, 'x'.repeat(23)).replace(/@(\w+)@[\w.-]+\w/g, '@$1');
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(replaced)].length;
}

export async function startMastodonEmulator(): Promise<MastodonEmulator> {
  const emu = await startEmulator();
  const clients: Record<string, { secret: string; redirectUris?: string[] }> = {};
  const authority = new OAuthAuthority({ clients, pkceRequired: true, issueRefreshTokens: false, accessTtlSeconds: 10 * 365 * 86400 });
  const apps: MastodonEmulator['apps'] = new Map();
  const accounts = new Map<string, EmuAccount>();
  const me: EmuAccount = { id: '1001', username: 'varde_test', display_name: 'Varde Test', followers_count: 42, privacy: 'public' };
  accounts.set(me.id, me);
  authority.currentUser = me.id;
  const statuses: EmuStatus[] = [];
  const media = new Map<string, EmuMedia>();
  const idempotency = new Map<string, EmuStatus>();
  const notifications: { id: string; type: string; statusId: string; forAccount: string; createdAt: string; fromAccount: string }[] = [];
  const calls = new Map<string, number[]>();
  const config = { maxCharacters: 500, maxMediaAttachments: 4, videoPollsUntilReady: 1, failMediaProcessing: false };
  const tokens: string[] = [];
  const host = () => `127.0.0.1:${emu.port}`;

  const rateHeaders = (key: string): Record<string, string> => {
    const now = Date.now();
    const list = (calls.get(key) ?? []).filter((t) => t > now - RATE_WINDOW_MS);
    list.push(now);
    calls.set(key, list);
    return {
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - list.length)),
      'x-ratelimit-reset': new Date(list[0] + RATE_WINDOW_MS).toISOString(),
    };
  };

  /** Wraps a handler that needs a user token: 401 as Mastodon words it, then the rate limit. */
  const authed = (handler: (req: EmuRequest, account: EmuAccount, headers: Record<string, string>) => EmuResponse | Promise<EmuResponse>) => async (req: EmuRequest): Promise<EmuResponse> => {
    const who = authority.check(req.headers.authorization);
    if (!who || who === 'expired') return { status: 401, json: { error: 'The access token is invalid' } };
    const headers = rateHeaders(who.userId);
    if ((calls.get(who.userId)?.length ?? 0) > RATE_LIMIT) {
      return { status: 429, json: { error: 'Too many requests' }, headers };
    }
    const out = await handler(req, accounts.get(who.userId)!, headers);
    return { ...out, headers: { ...headers, ...out.headers } };
  };

  const accountJson = (a: EmuAccount, withSource = false) => ({
    id: a.id, username: a.username, acct: a.username, display_name: a.display_name, url: `http://${host()}/@${a.username}`,
    avatar: `http://${host()}/avatars/${a.id}.png`, followers_count: a.followers_count, following_count: 7, statuses_count: statuses.filter((s) => s.accountId === a.id && !s.deleted).length,
    ...(withSource ? { source: { privacy: a.privacy, sensitive: false, language: 'en', note: '' } } : {}),
  });

  const statusJson = (s: EmuStatus, viewer?: string) => ({
    id: s.id, created_at: s.createdAt, in_reply_to_id: s.inReplyToId,
    in_reply_to_account_id: s.inReplyToId ? (statuses.find((p) => p.id === s.inReplyToId)?.accountId ?? null) : null,
    sensitive: s.sensitive, spoiler_text: s.spoilerText, visibility: s.visibility, language: s.language,
    uri: `http://${host()}/users/${accounts.get(s.accountId)!.username}/statuses/${s.id}`,
    url: `http://${host()}/@${accounts.get(s.accountId)!.username}/${s.id}`,
    replies_count: statuses.filter((r) => r.inReplyToId === s.id && !r.deleted).length, reblogs_count: s.reblogs, favourites_count: s.favouritedBy.size,
    quotes_count: 0, favourited: viewer ? s.favouritedBy.has(viewer) : false,
    content: `<p>${esc(s.text).replace(/\n/g, '<br />')}</p>`,
    media_attachments: s.media.map((m) => ({ id: m.id, type: m.type, url: `http://${host()}/media/${m.id}`, description: m.description })),
    account: accountJson(accounts.get(s.accountId)!),
  });

  // --- apps and OAuth ---------------------------------------------------------------------
  emu.route('POST', '/api/v1/apps', (req) => {
    const body = Object.keys(req.body).length ? req.body : req.fields;
    const redirectUris: string[] = Array.isArray(body.redirect_uris) ? body.redirect_uris : String(body.redirect_uris ?? '').split(/\s+/).filter(Boolean);
    if (!body.client_name) return { status: 422, json: { error: "Validation failed: Application name can't be blank" } };
    if (redirectUris.length === 0 || redirectUris.some((u) => !/^[a-z][a-z0-9+.-]*:/i.test(u))) return { status: 422, json: { error: 'Validation failed: Redirect URI must be an absolute URI.' } };
    const scopes = String(body.scopes ?? 'read').split(/\s+/).filter(Boolean);
    if (scopes.some((s) => !KNOWN_SCOPES.has(s))) return { status: 422, json: { error: 'Validation failed: Scopes are invalid' } };
    const clientId = crypto.randomBytes(16).toString('base64url');
    const clientSecret = crypto.randomBytes(24).toString('base64url');
    clients[clientId] = { secret: clientSecret, redirectUris };
    apps.set(clientId, { name: body.client_name, redirectUris, scopes });
    return { json: { id: String(apps.size), name: body.client_name, website: body.website ?? null, scopes, redirect_uri: redirectUris.join('\n'), redirect_uris: redirectUris, client_id: clientId, client_secret: clientSecret, client_secret_expires_at: 0 } };
  });

  emu.route('GET', '/oauth/authorize', (req) => {
    const app = apps.get(req.query.client_id ?? '');
    const requested = (req.query.scope ?? 'read').split(/[\s+]+/).filter(Boolean);
    if (app && requested.some((s) => !app.scopes.includes(s))) return { status: 400, text: 'The requested scope is invalid, unknown, or malformed.' };
    const r = authority.authorize(req.query);
    return 'redirect' in r ? { status: 302, headers: { location: r.redirect } } : { status: 400, json: { error: r.error, error_description: r.description } };
  });

  emu.route('POST', '/oauth/token', (req) => {
    const body = req.body as Record<string, string>;
    const client = clients[body.client_id ?? ''];
    if (!client || client.secret !== body.client_secret) {
      return { status: 401, json: { error: 'invalid_client', error_description: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.' } };
    }
    if (body.grant_type !== 'authorization_code') return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'The authorization grant type is not supported by the authorization server.' } };
    const g = authority.exchangeCode(body.client_id, body);
    if ('error' in g) return { status: 400, json: { error: g.error, error_description: g.description } };
    tokens.push(g.accessToken);
    return { json: { access_token: g.accessToken, token_type: 'Bearer', scope: g.scope, created_at: Math.floor(Date.now() / 1000) } };
  });

  // --- instance ------------------------------------------------------------------------------
  emu.route('GET', '/api/v2/instance', () => ({
    json: {
      domain: host(), title: 'Emulated Mastodon', version: '4.5.0',
      configuration: {
        statuses: { max_characters: config.maxCharacters, max_media_attachments: config.maxMediaAttachments, characters_reserved_per_url: 23 },
        media_attachments: { description_limit: 1500, image_size_limit: 16 * 1024 * 1024, video_size_limit: 99 * 1024 * 1024, supported_mime_types: SUPPORTED_MIME },
      },
    },
  }));

  // --- accounts ------------------------------------------------------------------------------
  emu.route('GET', '/api/v1/accounts/verify_credentials', authed((_req, a) => ({ json: accountJson(a, true) })));

  // --- media -----------------------------------------------------------------------------------
  emu.route('POST', '/api/v2/media', authed((req, a) => {
    const file = req.files.file;
    if (!file) return { status: 422, json: { error: "Validation failed: File can't be blank" } };
    const mime = file.contentType ?? '';
    if (!SUPPORTED_MIME.includes(mime)) return { status: 422, json: { error: 'Validation failed: File content type is invalid, File is invalid' } };
    const description = req.fields.description ?? null;
    if (description && [...description].length > 1500) return { status: 422, json: { error: 'Validation failed: Description is too long (maximum is 1500 characters)' } };
    const type = mime.startsWith('video/') ? 'video' : mime === 'image/gif' ? 'gifv' : 'image';
    const m: EmuMedia = { id: nextId(), accountId: a.id, type, mime, size: file.data.length, description, pollsUntilReady: type === 'image' ? 0 : config.videoPollsUntilReady, failProcessing: type !== 'image' && config.failMediaProcessing };
    media.set(m.id, m);
    const ready = m.pollsUntilReady === 0;
    return { status: ready ? 200 : 202, json: { id: m.id, type, url: ready ? `http://${host()}/media/${m.id}` : null, preview_url: `http://${host()}/media/${m.id}/small`, description } };
  }));

  emu.route('GET', '/api/v1/media/:id', authed((req, a) => {
    const m = media.get(req.params.id);
    if (!m || m.accountId !== a.id) return { status: 404, json: { error: 'Record not found' } };
    if (m.failProcessing) return { status: 422, json: { error: 'Validation failed: File could not be processed' } };
    if (m.pollsUntilReady > 0) {
      m.pollsUntilReady -= 1;
      return { status: 206, text: '' };
    }
    return { json: { id: m.id, type: m.type, url: `http://${host()}/media/${m.id}`, description: m.description } };
  }));

  // --- statuses --------------------------------------------------------------------------------
  emu.route('POST', '/api/v1/statuses', authed((req, a) => {
    const key = req.headers['idempotency-key'];
    const seen = key ? idempotency.get(`${a.id}:${key}`) : undefined;
    if (seen) return { json: statusJson(seen, a.id) };
    const b = req.body as Record<string, any>;
    const mediaIds: string[] = (b.media_ids ?? b['media_ids[]'] ?? []) as string[];
    const text = String(b.status ?? '');
    if (!text.trim() && mediaIds.length === 0) return { status: 422, json: { error: "Validation failed: Text can't be blank" } };
    if (countChars(text) > config.maxCharacters) return { status: 422, json: { error: `Validation failed: Text character limit of ${config.maxCharacters} exceeded` } };
    if (mediaIds.length > config.maxMediaAttachments) return { status: 422, json: { error: `Validation failed: Media attachments cannot attach more than ${config.maxMediaAttachments} files` } };
    const attached = mediaIds.map((id) => media.get(String(id)));
    if (attached.some((m) => !m || m.accountId !== a.id)) return { status: 422, json: { error: 'Validation failed: Media attachments are invalid' } };
    if (attached.some((m) => m!.pollsUntilReady > 0)) return { status: 422, json: { error: 'Cannot attach files that have not finished processing. Try again in a moment!' } };
    const visibility = b.visibility ?? a.privacy;
    if (!['public', 'unlisted', 'private', 'direct'].includes(visibility)) return { status: 422, json: { error: 'Validation failed: Visibility is not included in the list' } };
    if (b.in_reply_to_id && !statuses.some((s) => s.id === String(b.in_reply_to_id) && !s.deleted)) return { status: 404, json: { error: 'Record not found' } };
    const s: EmuStatus = {
      id: nextId(), accountId: a.id, text, mediaIds: mediaIds.map(String), media: attached as EmuMedia[], visibility,
      inReplyToId: b.in_reply_to_id ? String(b.in_reply_to_id) : null, spoilerText: b.spoiler_text ?? '', sensitive: Boolean(b.sensitive),
      language: b.language ?? null, idempotencyKey: key ?? null, createdAt: new Date().toISOString(), favouritedBy: new Set(), reblogs: 0, deleted: false,
    };
    statuses.push(s);
    if (key) idempotency.set(`${a.id}:${key}`, s);
    return { json: statusJson(s, a.id) };
  }));

  const findStatus = (id: string) => statuses.find((s) => s.id === id && !s.deleted);

  emu.route('GET', '/api/v1/statuses/:id', authed((req, a) => {
    const s = findStatus(req.params.id);
    return s ? { json: statusJson(s, a.id) } : { status: 404, json: { error: 'Record not found' } };
  }));

  emu.route('DELETE', '/api/v1/statuses/:id', authed((req, a) => {
    const s = findStatus(req.params.id);
    if (!s) return { status: 404, json: { error: 'Record not found' } };
    if (s.accountId !== a.id) return { status: 403, json: { error: 'This action is not allowed' } };
    s.deleted = true;
    return { json: { ...statusJson(s, a.id), text: s.text } };
  }));

  emu.route('POST', '/api/v1/statuses/:id/favourite', authed((req, a) => {
    const s = findStatus(req.params.id);
    if (!s) return { status: 404, json: { error: 'Record not found' } };
    s.favouritedBy.add(a.id);
    return { json: statusJson(s, a.id) };
  }));

  // --- notifications -----------------------------------------------------------------------------
  emu.route('GET', '/api/v1/notifications', authed((req, a) => {
    const types = req.queryAll['types[]'] ?? [];
    const bigger = (x: string, y: string) => (x.length !== y.length ? x.length > y.length : x > y);
    const limit = Math.min(Number(req.query.limit ?? 40) || 40, 80);
    let list = notifications.filter((n) => n.forAccount === a.id && (types.length === 0 || types.includes(n.type)) && !statuses.find((s) => s.id === n.statusId)?.deleted);
    if (req.query.max_id) list = list.filter((n) => bigger(req.query.max_id, n.id));
    if (req.query.since_id) list = list.filter((n) => bigger(n.id, req.query.since_id));
    list.sort((x, y) => (bigger(x.id, y.id) ? -1 : 1)); // newest first
    // min_id: the page immediately after the cursor (still newest first within the page).
    const page = req.query.min_id ? list.filter((n) => bigger(n.id, req.query.min_id)).slice(-limit) : list.slice(0, limit);
    return {
      json: page.map((n) => ({ id: n.id, type: n.type, created_at: n.createdAt, account: accountJson(accounts.get(n.fromAccount)!), status: statusJson(findStatus(n.statusId)!, a.id) })),
    };
  }));

  return Object.assign(emu, {
    authority, me, statuses, apps, config, tokens,
    publishedBy: (accountId = me.id) => statuses.filter((s) => s.accountId === accountId && !s.deleted),
    mention(opts: { from: string; text: string; inReplyToId?: string; visibility?: string }) {
      let author = [...accounts.values()].find((x) => x.username === opts.from);
      if (!author) {
        author = { id: String(2000 + accounts.size), username: opts.from, display_name: opts.from.toUpperCase(), followers_count: 1, privacy: 'public' };
        accounts.set(author.id, author);
      }
      const s: EmuStatus = {
        id: nextId(), accountId: author.id, text: opts.text, mediaIds: [], media: [], visibility: opts.visibility ?? 'public', inReplyToId: opts.inReplyToId ?? null,
        spoilerText: '', sensitive: false, language: 'en', idempotencyKey: null, createdAt: new Date().toISOString(), favouritedBy: new Set(), reblogs: 0, deleted: false,
      };
      statuses.push(s);
      notifications.push({ id: nextId(), type: 'mention', statusId: s.id, forAccount: me.id, createdAt: s.createdAt, fromAccount: author.id });
      return s;
    },
    revoke(token?: string) {
      authority.expire(token);
    },
  });
}
