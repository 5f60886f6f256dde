/**
 * An emulator of the Pinterest API v5 endpoints Varde uses, on the kit: OAuth (authorize at
 * /oauth/, tokens at /v5/oauth/token with HTTP Basic client auth and continuous refresh), the user
 * account, boards, pins (with Pinterest's field limits; `image_url` media is really downloaded, so
 * Varde's signed URLs are exercised), video registration + upload form + processing, analytics;
 * with `{code, message}` errors and a store tests read back.
 */
import { startEmulator, type EmuRequest, type EmuResponse, type Emulator } from '../kit.js';
import { OAuthAuthority } from '../oauth.js';

export interface StoredPin {
  id: string; board_id: string; board_section_id?: string; title?: string; description?: string; link?: string; alt_text?: string;
  created_at: string; media: { type: 'image' | 'carousel' | 'video'; images: Buffer[]; contentTypes: string[]; videoId?: string; coverFrame?: number }; source_type: string;
}
export interface StoredVideo { id: string; owner: string; status: 'registered' | 'processing' | 'succeeded' | 'failed'; bytes?: Buffer; key: string; checks: number; error?: string }

export interface PinterestEmulator {
  emu: Emulator;
  url: string;
  authority: OAuthAuthority;
  boards: { id: string; name: string; owner: string }[];
  pins: Map<string, StoredPin>;
  videos: Map<string, StoredVideo>;
  analytics: Map<string, Record<string, number>>;
  failNextVideo?: string;
  close(): Promise<void>;
}

const err = (status: number, code: number, message: string): EmuResponse => ({ status, json: { code, message } });

export async function startPinterestEmulator(opts: { redirectUri?: string } = {}): Promise<PinterestEmulator> {
  const emu = await startEmulator();
  const authority = new OAuthAuthority({ clients: { 'pin-client': { secret: 'pin-secret', redirectUris: opts.redirectUri ? [opts.redirectUri] : undefined } }, pkceRequired: false, accessTtlSeconds: 2_592_000, rotateRefresh: true });
  authority.currentUser = 'varde_pins';
  let seq = 1_000_000_000_000_000;
  const state: PinterestEmulator = {
    emu, url: emu.url, authority,
    boards: [{ id: '549755885175', name: 'Launch', owner: 'varde_pins' }, { id: '549755885176', name: 'Recipes', owner: 'varde_pins' }, { id: '900', name: 'Not mine', owner: 'someone' }],
    pins: new Map(), videos: new Map(), analytics: new Map(),
    close: () => emu.close(),
  };
  const user = (req: EmuRequest): string | EmuResponse => {
    const who = authority.check(req.headers.authorization);
    if (!who || who === 'expired') return err(401, 2, 'Authentication failed.');
    return who.userId;
  };

  emu.route('GET', '/oauth/', (req) => {
    const r = authority.authorize(req.query);
    return 'error' in r ? err(400, 1, r.description) : { status: 302, headers: { location: r.redirect } };
  });
  emu.route('POST', '/v5/oauth/token', (req) => {
    if (!/^Basic /.test(req.headers.authorization ?? '')) return err(401, 2, 'Authentication failed: client credentials must be sent with HTTP Basic');
    const client = authority.clientFrom(req.headers, req.body);
    if (!client.ok) return err(401, 2, 'Authentication failed.');
    const g = req.body.grant_type === 'refresh_token' ? authority.refreshGrant(client.id, req.body.refresh_token ?? '') : authority.exchangeCode(client.id, req.body);
    if ('error' in g) return err(400, 1, g.description);
    return { json: { access_token: g.accessToken, refresh_token: g.refreshToken, response_type: req.body.grant_type, token_type: 'bearer', expires_in: g.expiresIn, refresh_token_expires_in: 5_184_000, scope: g.scope } };
  });
  emu.route('GET', '/v5/user_account', (req) => {
    const u = user(req);
    if (typeof u !== 'string') return u;
    return { json: { account_type: 'BUSINESS', username: u, business_name: 'Varde Pins', follower_count: 321, following_count: 12, pin_count: state.pins.size, monthly_views: 5000 } };
  });
  emu.route('GET', '/v5/boards', (req) => {
    const u = user(req);
    if (typeof u !== 'string') return u;
    const size = Number(req.query.page_size ?? 25);
    if (!(size >= 1 && size <= 250)) return err(400, 1, 'page_size must be from 1 to 250');
    const mine = state.boards.filter((b) => b.owner === u);
    const start = Number(req.query.bookmark ?? 0);
    const items = mine.slice(start, start + size).map((b) => ({ id: b.id, name: b.name, privacy: 'PUBLIC', owner: { username: u } }));
    return { json: { items, bookmark: start + size < mine.length ? String(start + size) : null } };
  });

  emu.route('POST', '/v5/pins', async (req) => {
    const u = user(req);
    if (typeof u !== 'string') return u;
    const b = req.body ?? {};
    const board = state.boards.find((x) => x.id === b.board_id);
    if (!board) return err(404, 3, 'Board not found.');
    if (board.owner !== u) return err(403, 29, 'You are not permitted to access that resource.');
    if (b.title !== undefined && [...String(b.title)].length > 100) return err(400, 1, 'title: must be at most 100 characters');
    if (b.description !== undefined && [...String(b.description)].length > 800) return err(400, 1, 'description: must be at most 800 characters');
    if (b.link !== undefined && (String(b.link).length > 2048 || !/^https?:\/\//.test(b.link))) return err(400, 1, 'link: must be a valid URL of at most 2048 characters');
    if (b.alt_text !== undefined && [...String(b.alt_text)].length > 500) return err(400, 1, 'alt_text: must be at most 500 characters');
    const media = await readMedia(b.media_source, u);
    if (!('images' in media)) return media;
    const id = String((seq += 1));
    state.pins.set(id, { id, board_id: board.id, board_section_id: b.board_section_id, title: b.title, description: b.description, link: b.link, alt_text: b.alt_text, created_at: new Date().toISOString(), media, source_type: b.media_source.source_type });
    return { status: 201, json: { id, created_at: state.pins.get(id)!.created_at, board_id: board.id, title: b.title ?? null, description: b.description ?? null, link: b.link ?? null, media: { media_type: media.type === 'video' ? 'video' : media.type === 'carousel' ? 'multiple_images' : 'image' } } };
  });

  async function download(url: string): Promise<{ data: Buffer; type: string } | EmuResponse> {
    try {
      const res = await fetch(url);
      const data = Buffer.from(await res.arrayBuffer());
      // Pinterest goes by the bytes, not the header: PNG, JPEG, GIF or WebP.
      const type = data.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) ? 'image/png' : data[0] === 0xff && data[1] === 0xd8 ? 'image/jpeg' : data.subarray(0, 3).toString() === 'GIF' ? 'image/gif' : data.subarray(8, 12).toString() === 'WEBP' ? 'image/webp' : '';
      if (!res.ok || !type) return err(400, 1, `Sorry we could not fetch the image (HTTP ${res.status}${res.ok ? ', not an image' : ''}).`);
      return { data, type };
    } catch {
      return err(400, 1, 'Sorry we could not fetch the image.');
    }
  }

  async function readMedia(src: any, owner: string): Promise<StoredPin['media'] | EmuResponse> {
    switch (src?.source_type) {
      case 'image_url': {
        const got = await download(String(src.url ?? ''));
        return 'data' in got ? { type: 'image', images: [got.data], contentTypes: [got.type] } : got;
      }
      case 'image_base64':
        if (!src.data || !/^image\/(jpeg|png|webp)$/.test(src.content_type ?? '')) return err(400, 1, 'media_source: content_type and data are required');
        return { type: 'image', images: [Buffer.from(src.data, 'base64')], contentTypes: [src.content_type] };
      case 'multiple_image_urls':
      case 'multiple_image_base64': {
        const items = src.items ?? [];
        if (items.length < 2 || items.length > 5) return err(400, 1, 'media_source.items: a carousel has 2 to 5 images');
        const out: StoredPin['media'] = { type: 'carousel', images: [], contentTypes: [] };
        for (const it of items) {
          const got = src.source_type === 'multiple_image_urls' ? await download(String(it.url ?? '')) : { data: Buffer.from(it.data ?? '', 'base64'), type: it.content_type };
          if (!('data' in got)) return got;
          out.images.push(got.data);
          out.contentTypes.push(got.type);
        }
        return out;
      }
      case 'video_id': {
        const v = state.videos.get(String(src.media_id));
        if (!v || v.owner !== owner) return err(400, 1, 'media_source.media_id: unknown media');
        if (v.status !== 'succeeded') return err(400, 1, `media_source.media_id: the video is ${v.status}`);
        if (src.cover_image_url === undefined && src.cover_image_key_frame_time === undefined) return err(400, 1, 'media_source: cover_image_url or cover_image_key_frame_time is required');
        return { type: 'video', images: [], contentTypes: [], videoId: v.id, coverFrame: src.cover_image_key_frame_time };
      }
      default:
        return err(400, 1, 'media_source.source_type is not valid');
    }
  }

  emu.route('GET', '/v5/boards/:id/pins', (req) => {
    const u = user(req);
    if (typeof u !== 'string') return u;
    const board = state.boards.find((x) => x.id === req.params.id);
    if (!board) return err(404, 3, 'Board not found.');
    const items = [...state.pins.values()].filter((p) => p.board_id === board.id).reverse().slice(0, Number(req.query.page_size ?? 25))
      .map((p) => ({ id: p.id, board_id: p.board_id, title: p.title ?? null, description: p.description ?? null, link: p.link ?? null, created_at: p.created_at }));
    return { json: { items, bookmark: null } };
  });
  emu.route('DELETE', '/v5/pins/:id', (req) => {
    const u = user(req);
    if (typeof u !== 'string') return u;
    if (!state.pins.delete(req.params.id)) return err(404, 50, 'Pin not found.');
    return { status: 204, text: '' };
  });

  emu.route('POST', '/v5/media', (req) => {
    const u = user(req);
    if (typeof u !== 'string') return u;
    if (req.body?.media_type !== 'video') return err(400, 1, 'media_type must be video');
    const id = String((seq += 1));
    const key = `uploads/${id}/video.mp4`;
    state.videos.set(id, { id, owner: u, status: 'registered', key, checks: 0 });
    return { status: 201, json: { media_id: id, media_type: 'video', upload_url: `${emu.url}/pinterest-media-upload`, upload_parameters: { key, 'x-amz-algorithm': 'AWS4-HMAC-SHA256', 'x-amz-signature': `sig-${id}`, policy: 'eyJ9', 'Content-Type': 'multipart/form-data' } } };
  });
  emu.route('POST', '/pinterest-media-upload', (req) => {
    const v = [...state.videos.values()].find((x) => x.key === req.fields.key);
    if (!v || req.fields['x-amz-signature'] !== `sig-${v.id}` || !req.files.file?.data.length) return { status: 403, text: '<Error><Code>AccessDenied</Code></Error>' };
    v.bytes = req.files.file.data;
    v.status = 'processing';
    if (state.failNextVideo) {
      v.error = state.failNextVideo;
      state.failNextVideo = undefined;
    }
    return { status: 204, text: '' };
  });
  emu.route('GET', '/v5/media/:id', (req) => {
    const u = user(req);
    if (typeof u !== 'string') return u;
    const v = state.videos.get(req.params.id);
    if (!v || v.owner !== u) return err(404, 4, 'Media not found.');
    if (v.status === 'processing' && ++v.checks >= 2) v.status = v.error ? 'failed' : 'succeeded';
    return { json: { media_id: v.id, media_type: 'video', status: v.status, ...(v.status === 'failed' ? { error_message: v.error } : {}) } };
  });

  emu.route('GET', '/v5/pins/:id/analytics', (req) => {
    const u = user(req);
    if (typeof u !== 'string') return u;
    if (!state.pins.has(req.params.id)) return err(404, 50, 'Pin not found.');
    for (const q of ['start_date', 'end_date', 'metric_types']) if (!req.query[q]) return err(400, 1, `${q} is required`);
    const start = Date.parse(req.query.start_date);
    if (Date.now() - start > 90 * 86400_000) return err(400, 1, 'start_date cannot be more than 90 days ago');
    const m = state.analytics.get(req.params.id) ?? {};
    const summary = Object.fromEntries(req.query.metric_types.split(',').map((k) => [k, m[k] ?? 0]));
    return { json: { all: { daily_metrics: [], summary_metrics: summary } } };
  });
  return state;
}
