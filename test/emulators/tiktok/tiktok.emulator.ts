/**
 * An emulator of TikTok's Login Kit and Content Posting API, on the kit: OAuth v2 with PKCE
 * (`client_key`, comma-separated scopes), user info, `creator_info`, video init (FILE_UPLOAD with
 * TikTok's chunk rules, PULL_FROM_URL from verified URL prefixes only), chunk PUTs with
 * `Content-Range` in order (206, then 201), photo init, `status/fetch` through processing to
 * PUBLISH_COMPLETE, video list and query; `{data, error: {code, message, log_id}}` bodies, the
 * unaudited-app rule (SELF_ONLY), 6 inits a minute, a daily post cap; a store tests read back.
 */
import crypto from 'node:crypto';
import { startEmulator, type EmuRequest, type EmuResponse, type Emulator } from '../kit.js';
import { OAuthAuthority } from '../oauth.js';

const MB = 1024 * 1024;

export interface TikTokPublish {
  id: string; kind: 'video' | 'photo'; source: string; openId: string; privacy: string; title: string; description?: string;
  size?: number; chunkSize?: number; count?: number; received: Buffer[]; photos?: Buffer[];
  status: 'PROCESSING_UPLOAD' | 'PROCESSING_DOWNLOAD' | 'PUBLISH_COMPLETE' | 'FAILED'; ready: boolean; checks: number; postId?: string; failReason?: string; postInfo: any;
}

export interface TikTokEmulator {
  emu: Emulator;
  url: string;
  authority: OAuthAuthority;
  publishes: Map<string, TikTokPublish>;
  /** Published videos by post id, with counters tests may set. */
  videos: Map<string, { id: string; openId: string; title: string; privacy: string; create_time: number; view_count: number; like_count: number; comment_count: number; share_count: number }>;
  audited: boolean;
  verifiedPrefixes: string[];
  dailyCap: number;
  /** TikTok allows 6 init calls a minute per user token; tests that post a lot raise it. */
  initsPerMinute: number;
  failNext?: string;
  completed(): TikTokPublish[];
  close(): Promise<void>;
}

const ok = (data: unknown, status = 200): EmuResponse => ({ status, json: { data, error: { code: 'ok', message: '', log_id: crypto.randomBytes(8).toString('hex') } } });
const fail = (status: number, code: string, message: string): EmuResponse => ({ status, json: { error: { code, message, log_id: crypto.randomBytes(8).toString('hex') } } });

export async function startTikTokEmulator(opts: { redirectUri?: string } = {}): Promise<TikTokEmulator> {
  const emu = await startEmulator();
  const authority = new OAuthAuthority({ clients: { 'tt-key': { secret: 'tt-secret', redirectUris: opts.redirectUri ? [opts.redirectUri] : undefined } }, pkceRequired: true, accessTtlSeconds: 86_400, rotateRefresh: true });
  authority.currentUser = '-000Varde0pen1d';
  const inits = new Map<string, number[]>();
  let seq = 7_300_000_000_000_000_000n;
  const t: TikTokEmulator = {
    emu, url: emu.url, authority, publishes: new Map(), videos: new Map(), audited: false, verifiedPrefixes: [], dailyCap: 15, initsPerMinute: 6,
    completed: () => [...t.publishes.values()].filter((p) => p.status === 'PUBLISH_COMPLETE'),
    close: () => emu.close(),
  };

  const who = (req: EmuRequest, scope?: string): string | EmuResponse => {
    const w = authority.check(req.headers.authorization);
    if (!w || w === 'expired') return fail(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
    if (scope && !w.scope.split(',').includes(scope)) return fail(401, 'scope_not_authorized', `The user did not authorize the scope required for completing this request: ${scope}`);
    return w.userId;
  };

  emu.route('GET', '/v2/auth/authorize/', (req) => {
    const r = authority.authorize({ ...req.query, client_id: req.query.client_key ?? '' });
    return 'error' in r ? { status: 400, json: { error: r.error, error_description: r.description } } : { status: 302, headers: { location: r.redirect } };
  });
  emu.route('POST', '/v2/oauth/token/', (req) => {
    const body = { ...req.body, client_id: req.body.client_key };
    const client = authority.clientFrom({}, body);
    if (!client.ok || !req.body.client_secret) return { status: 401, json: { error: 'invalid_client', error_description: 'Client key or secret is incorrect.', log_id: 'x' } };
    const g = req.body.grant_type === 'refresh_token' ? authority.refreshGrant(client.id, req.body.refresh_token ?? '') : authority.exchangeCode(client.id, body);
    if ('error' in g) return { status: 400, json: { error: g.error, error_description: g.description, log_id: 'x' } };
    return { json: { access_token: g.accessToken, expires_in: g.expiresIn, open_id: g.userId, refresh_expires_in: 31_536_000, refresh_token: g.refreshToken, scope: g.scope, token_type: 'Bearer' } };
  });
  emu.route('GET', '/v2/user/info/', (req) => {
    const u = who(req, 'user.info.basic');
    if (typeof u !== 'string') return u;
    const all: Record<string, unknown> = { open_id: u, display_name: 'Varde on TikTok', username: 'varde.tok', avatar_url: 'https://p16.tiktokcdn.com/a.jpeg', follower_count: 2500, following_count: 10, likes_count: 99, video_count: t.videos.size };
    const fields = (req.query.fields ?? '').split(',');
    return ok({ user: Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]])) });
  });
  emu.route('POST', '/v2/post/publish/creator_info/query/', (req) => {
    const u = who(req, 'video.publish');
    if (typeof u !== 'string') return u;
    return ok({ creator_avatar_url: '', creator_username: 'varde.tok', creator_nickname: 'Varde', privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'], comment_disabled: false, duet_disabled: false, stitch_disabled: true, max_video_post_duration_sec: 600 });
  });

  /** The checks every init shares: 6 a minute per token, the daily cap, the audit rule. */
  const gate = (req: EmuRequest, u: string, privacy: string): EmuResponse | null => {
    const token = req.headers.authorization ?? '';
    const recent = (inits.get(token) ?? []).filter((at) => Date.now() - at < 60_000);
    if (recent.length >= t.initsPerMinute) return fail(429, 'rate_limit_exceeded', 'API rate limit was exceeded, please try again later.');
    inits.set(token, [...recent, Date.now()]);
    const today = [...t.publishes.values()].filter((p) => p.openId === u).length;
    if (today >= t.dailyCap) return fail(403, 'spam_risk_too_many_posts', 'The daily post cap from the API is reached for the current user.');
    if (!['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY', 'FOLLOWER_OF_CREATOR'].includes(privacy)) return fail(400, 'privacy_level_option_mismatch', 'privacy_level is not one of the options from creator_info');
    if (!t.audited && privacy !== 'SELF_ONLY') return fail(403, 'unaudited_client_can_only_post_to_private_accounts', 'Unaudited clients can only post to a private account.');
    return null;
  };

  const download = async (url: string): Promise<Buffer | EmuResponse> => {
    if (!t.verifiedPrefixes.some((p) => url.startsWith(p))) return fail(403, 'url_ownership_unverified', 'The domain or URL prefix of the media is not verified for this app.');
    const res = await fetch(url).catch(() => null);
    if (!res?.ok) return fail(400, 'invalid_params', `The media at ${url} could not be downloaded`);
    return Buffer.from(await res.arrayBuffer());
  };

  const newPublish = (p: Omit<TikTokPublish, 'id' | 'received' | 'ready' | 'checks'>, prefix: string) => {
    const id = `${prefix}~v2-1.${(seq += 1n)}`;
    const rec: TikTokPublish = { ...p, id, received: [], ready: false, checks: 0 };
    t.publishes.set(id, rec);
    return rec;
  };

  emu.route('POST', '/v2/post/publish/video/init/', async (req) => {
    const u = who(req, 'video.publish');
    if (typeof u !== 'string') return u;
    const info = req.body?.post_info ?? {};
    const src = req.body?.source_info ?? {};
    const denied = gate(req, u, info.privacy_level);
    if (denied) return denied;
    if (typeof info.title === 'string' && info.title.length > 2200) return fail(400, 'invalid_params', 'post_info.title is longer than 2200 characters');
    if (src.source === 'FILE_UPLOAD') {
      const { video_size: size, chunk_size: chunk, total_chunk_count: count } = src;
      if (!(size > 0) || size > 4 * 1024 * MB) return fail(400, 'invalid_params', 'video_size must be positive and at most 4 GB');
      if (size < 5 * MB ? chunk !== size || count !== 1 : chunk < 5 * MB || chunk > 64 * MB || count !== Math.floor(size / chunk) || count > 1000) {
        return fail(400, 'invalid_params', 'chunk_size and total_chunk_count do not follow the media transfer rules');
      }
      const p = newPublish({ kind: 'video', source: 'FILE_UPLOAD', openId: u, privacy: info.privacy_level, title: info.title ?? '', size, chunkSize: chunk, count, status: 'PROCESSING_UPLOAD', postInfo: info }, 'v_pub_file');
      return ok({ publish_id: p.id, upload_url: `${emu.url}/video/upload/${encodeURIComponent(p.id)}` });
    }
    if (src.source === 'PULL_FROM_URL') {
      const got = await download(String(src.video_url ?? ''));
      if (!Buffer.isBuffer(got)) return got;
      const p = newPublish({ kind: 'video', source: 'PULL_FROM_URL', openId: u, privacy: info.privacy_level, title: info.title ?? '', size: got.length, status: 'PROCESSING_DOWNLOAD', postInfo: info }, 'v_pub_url');
      p.received = [got];
      p.ready = true;
      return ok({ publish_id: p.id });
    }
    return fail(400, 'invalid_params', 'source_info.source must be FILE_UPLOAD or PULL_FROM_URL');
  });

  emu.route('PUT', '/video/upload/:id', (req) => {
    const p = t.publishes.get(req.params.id);
    if (!p || p.source !== 'FILE_UPLOAD' || p.ready) return { status: 404, text: 'upload not found' };
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
    if (!m) return { status: 400, text: 'Content-Range is required' };
    const [first, last, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (first === 0) p.received = []; // the client starts the upload over
    const have = p.received.reduce((n, b) => n + b.length, 0);
    if (total !== p.size || first !== have) return { status: 416, text: `expected bytes from ${have}` };
    const expected = p.received.length === p.count! - 1 ? p.size! - first : p.chunkSize!;
    if (last - first + 1 !== expected || req.rawBody.length !== expected) return { status: 400, text: `chunk ${p.received.length} must be ${expected} bytes` };
    p.received.push(req.rawBody);
    if (p.received.length < p.count!) return { status: 206, text: '' };
    p.ready = true;
    return { status: 201, text: '' };
  });

  emu.route('POST', '/v2/post/publish/content/init/', async (req) => {
    const u = who(req, 'video.publish');
    if (typeof u !== 'string') return u;
    const b = req.body ?? {};
    const denied = gate(req, u, b.post_info?.privacy_level);
    if (denied) return denied;
    if (b.media_type !== 'PHOTO' || b.post_mode !== 'DIRECT_POST' || b.source_info?.source !== 'PULL_FROM_URL') return fail(400, 'invalid_params', 'media_type PHOTO, post_mode DIRECT_POST and source PULL_FROM_URL are required');
    const urls: string[] = b.source_info.photo_images ?? [];
    if (urls.length < 1 || urls.length > 35) return fail(400, 'invalid_params', 'photo_images must hold 1 to 35 URLs');
    if ((b.post_info.title ?? '').length > 90 || (b.post_info.description ?? '').length > 4000) return fail(400, 'invalid_params', 'title ≤ 90 and description ≤ 4000 characters');
    const photos: Buffer[] = [];
    for (const url of urls) {
      const got = await download(url);
      if (!Buffer.isBuffer(got)) return got;
      photos.push(got);
    }
    const p = newPublish({ kind: 'photo', source: 'PULL_FROM_URL', openId: u, privacy: b.post_info.privacy_level, title: b.post_info.title ?? '', description: b.post_info.description, photos, status: 'PROCESSING_DOWNLOAD', postInfo: b.post_info }, 'p_pub_url');
    p.ready = true;
    return ok({ publish_id: p.id });
  });

  emu.route('POST', '/v2/post/publish/status/fetch/', (req) => {
    const u = who(req, 'video.publish');
    if (typeof u !== 'string') return u;
    const p = t.publishes.get(String(req.body?.publish_id ?? ''));
    if (!p || p.openId !== u) return fail(400, 'invalid_params', 'publish_id is invalid');
    if (p.ready && (p.status === 'PROCESSING_UPLOAD' || p.status === 'PROCESSING_DOWNLOAD') && ++p.checks >= 2) {
      if (t.failNext) {
        p.status = 'FAILED';
        p.failReason = t.failNext;
        t.failNext = undefined;
      } else {
        p.status = 'PUBLISH_COMPLETE';
        p.postId = String((seq += 1n));
        t.videos.set(p.postId, { id: p.postId, openId: u, title: p.description ?? p.title, privacy: p.privacy, create_time: Math.floor(Date.now() / 1000), view_count: 0, like_count: 0, comment_count: 0, share_count: 0 });
      }
    }
    const uploaded = p.received.reduce((n, b) => n + b.length, 0);
    const answer = ok({
      status: p.status, ...(p.failReason ? { fail_reason: p.failReason } : {}), uploaded_bytes: p.source === 'FILE_UPLOAD' ? uploaded : undefined, downloaded_bytes: p.source === 'PULL_FROM_URL' ? uploaded : undefined,
      publicaly_available_post_id: p.status === 'PUBLISH_COMPLETE' && p.privacy !== 'SELF_ONLY' ? [p.postId] : [],
    });
    // TikTok sends the video id as a bare 19-digit JSON number (more digits than a double holds).
    const text = JSON.stringify(answer.json).replace(/"publicaly_available_post_id":\["(\d+)"\]/, '"publicaly_available_post_id":[$1]');
    return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(text) };
  });

  emu.route('POST', '/v2/video/list/', (req) => {
    const u = who(req, 'video.list');
    if (typeof u !== 'string') return u;
    const videos = [...t.videos.values()].filter((v) => v.openId === u && v.privacy !== 'SELF_ONLY').map((v) => ({ id: v.id, title: v.title, video_description: v.title, create_time: v.create_time }));
    return ok({ videos, cursor: 0, has_more: false });
  });
  emu.route('POST', '/v2/video/query/', (req) => {
    const u = who(req, 'video.list');
    if (typeof u !== 'string') return u;
    const ids: string[] = req.body?.filters?.video_ids ?? [];
    if (ids.length === 0 || ids.length > 20) return fail(400, 'invalid_params', 'filters.video_ids must hold 1 to 20 ids');
    const fields = (req.query.fields ?? '').split(',');
    const videos = ids.map((id) => t.videos.get(id)).filter((v) => v && v.openId === u).map((v) => Object.fromEntries(fields.filter((f) => f in v!).map((f) => [f, (v as any)[f]])));
    return ok({ videos, cursor: 0, has_more: false });
  });
  return t;
}

/** A webhook delivery signed the way TikTok signs it. */
export function signedEvent(secret: string, payload: unknown, at = new Date()) {
  const rawBody = Buffer.from(JSON.stringify(payload));
  const ts = String(Math.floor(at.getTime() / 1000));
  const s = crypto.createHmac('sha256', secret).update(`${ts}.${rawBody.toString('utf8')}`).digest('hex');
  return { rawBody, headers: { 'content-type': 'application/json', 'tiktok-signature': `t=${ts},s=${s}` } };
}
