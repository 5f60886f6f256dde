/**
 * X emulator: the v2 chunked media upload — initialize (type, size and category checked), append
 * (multipart `media` + `segment_index`, ≤ 5 MB a segment), finalize (the bytes must add up), STATUS
 * polling while videos and GIFs process (`check_after_secs`), and alt text through metadata.
 */
import type { Emulator } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';
import { authenticate, invalid, type StoredMedia, type XState } from './x.emulator.js';

const MB = 1_000_000;
const CATEGORIES: Record<string, { types: string[]; maxBytes: number }> = {
  tweet_image: { types: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 5 * MB },
  tweet_gif: { types: ['image/gif'], maxBytes: 15 * MB },
  tweet_video: { types: ['video/mp4', 'video/quicktime'], maxBytes: 512 * MB },
};
const SEGMENT_MAX = 5 * MB;
const SCOPES = ['media.write'];

function processingInfo(m: StoredMedia) {
  if (m.state === 'pending' || m.state === 'in_progress') return { state: m.state, check_after_secs: 1, progress_percent: m.state === 'pending' ? 0 : 50 };
  if (m.state === 'failed') return { state: 'failed', progress_percent: 100, error: { code: 1, name: 'InvalidMedia', message: m.error ?? 'Unsupported video format' } };
  return m.category === 'tweet_image' ? undefined : { state: 'succeeded', progress_percent: 100 };
}

export function mediaRoutes(emu: Emulator, authority: OAuthAuthority, state: XState) {
  const owned = (id: string, userId: string) => {
    const m = state.media.get(id);
    return m && m.owner === userId ? m : undefined;
  };

  emu.route('POST', '/2/media/upload/initialize', (req) => {
    const a = authenticate(authority, state, req, SCOPES);
    if ('error' in a) return a.error;
    const { media_type, total_bytes, media_category } = req.body ?? {};
    const cat = CATEGORIES[media_category];
    if (!cat) return invalid(`media_category must be one of ${Object.keys(CATEGORIES).join(', ')}`);
    if (!cat.types.includes(media_type)) return invalid(`media_type ${media_type} is not allowed for ${media_category}`);
    if (!Number.isInteger(total_bytes) || total_bytes <= 0) return invalid('total_bytes is required');
    if (total_bytes > cat.maxBytes) return invalid(`File size exceeds ${cat.maxBytes} bytes.`);
    const id = state.nextId();
    const prefix = media_category === 'tweet_video' ? 7 : media_category === 'tweet_gif' ? 16 : 3;
    state.media.set(id, { id, media_key: `${prefix}_${id}`, owner: a.user.id, media_type, category: media_category, total_bytes, segments: new Map(), state: 'uploading', statusChecks: 0 });
    return { json: { data: { id, media_key: `${prefix}_${id}`, expires_after_secs: 86400 } } };
  });

  emu.route('POST', '/2/media/upload/:id/append', (req) => {
    const a = authenticate(authority, state, req, SCOPES);
    if ('error' in a) return a.error;
    const m = owned(req.params.id, a.user.id);
    if (!m || m.state !== 'uploading') return invalid('media_id is invalid or already finalized');
    const index = Number(req.fields.segment_index);
    if (!Number.isInteger(index) || index < 0 || index > 999) return invalid('segment_index must be an integer from 0 to 999');
    const chunk = req.files.media?.data;
    if (!chunk?.length) return invalid('media is required');
    if (chunk.length > SEGMENT_MAX) return invalid('A segment must be at most 5 MB');
    m.segments.set(index, chunk);
    return { json: { data: { expires_at: Math.floor(Date.now() / 1000) + 86400 } } };
  });

  emu.route('POST', '/2/media/upload/:id/finalize', (req) => {
    const a = authenticate(authority, state, req, SCOPES);
    if ('error' in a) return a.error;
    const m = owned(req.params.id, a.user.id);
    if (!m || m.state !== 'uploading') return invalid('media_id is invalid or already finalized');
    const indexes = [...m.segments.keys()].sort((x, y) => x - y);
    if (indexes.some((v, i) => v !== i)) return invalid('Segments are missing');
    const size = indexes.reduce((n, i) => n + m.segments.get(i)!.length, 0);
    if (size !== m.total_bytes) return invalid(`File size mismatch: received ${size} of ${m.total_bytes} bytes`);
    if (m.category === 'tweet_image') m.state = 'succeeded';
    else if (state.failNextProcessing) {
      m.state = 'pending';
      m.error = state.failNextProcessing;
      state.failNextProcessing = undefined;
    } else m.state = 'pending';
    const info = processingInfo(m);
    return { json: { data: { id: m.id, media_key: m.media_key, size, expires_after_secs: 86400, ...(info ? { processing_info: info } : {}) } } };
  });

  emu.route('GET', '/2/media/upload', (req) => {
    const a = authenticate(authority, state, req, SCOPES);
    if ('error' in a) return a.error;
    if (req.query.command !== 'STATUS') return invalid('command must be STATUS');
    const m = owned(req.query.media_id ?? '', a.user.id);
    if (!m) return invalid('media_id is invalid');
    if (m.state === 'pending' || m.state === 'in_progress') {
      m.statusChecks += 1;
      if (m.statusChecks >= state.processingChecks) m.state = m.error ? 'failed' : 'succeeded';
      else m.state = 'in_progress';
    }
    return { json: { data: { id: m.id, media_key: m.media_key, processing_info: processingInfo(m) ?? { state: 'succeeded', progress_percent: 100 } } } };
  });

  emu.route('POST', '/2/media/metadata', (req) => {
    const a = authenticate(authority, state, req, SCOPES);
    if ('error' in a) return a.error;
    const m = owned(String(req.body?.id ?? ''), a.user.id);
    if (!m) return invalid('id is invalid');
    const text = req.body?.metadata?.alt_text?.text;
    if (typeof text !== 'string' || [...text].length > 1000) return invalid('alt_text.text must be at most 1000 characters');
    m.alt = text;
    return { json: { data: { id: m.id, associated_metadata: { alt_text: { text } } } } };
  });
}
