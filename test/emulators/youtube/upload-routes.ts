/**
 * The resumable upload as YouTube documents it: POST the video resource (validated as videos.insert
 * validates it) → 200 with the session URI in `Location`; PUT chunks with `Content-Range`; a
 * non-final chunk keeps only whole 256 KiB granules; 308 with `Range: bytes=0-N` until the last
 * byte, then 201 with the new video; `bytes *\/size` asks for the status; an expired session is 404.
 * Nothing exists on the channel until the last byte arrives.
 */
import crypto from 'node:crypto';
import type { Emulator, EmuResponse } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';
import { authorize, googleError, isCaller, newId, UPLOAD, type EmuSession, type EmuVideo, type YouTubeState } from './state.js';

const GRANULE = 256 * 1024;
const CATEGORIES = new Set(['1', '2', '10', '15', '17', '19', '20', '22', '23', '24', '25', '26', '27', '28', '29']);
const PRIVACY = new Set(['public', 'unlisted', 'private']);

/** videos.insert's documented checks on the metadata; null when it is valid. */
export function checkVideoResource(resource: any): EmuResponse | null {
  const snippet = resource?.snippet ?? {};
  const status = resource?.status ?? {};
  const title = snippet.title;
  if (typeof title !== 'string' || !title.trim() || [...title].length > 100 || /[<>]/.test(title)) {
    return googleError(400, 'invalidTitle', 'The request metadata specifies an invalid or empty video title.');
  }
  const description = snippet.description ?? '';
  if (typeof description !== 'string' || Buffer.byteLength(description) > 5000 || /[<>]/.test(description)) {
    return googleError(400, 'invalidDescription', 'The request metadata specifies an invalid video description.');
  }
  const tags: string[] = snippet.tags ?? [];
  const tagChars = tags.reduce((n, t) => n + [...t].length + (t.includes(' ') ? 2 : 0), 0) + Math.max(0, tags.length - 1);
  if (!Array.isArray(tags) || tagChars > 500) return googleError(400, 'invalidTags', 'The request metadata specifies invalid video keywords.');
  if (snippet.categoryId !== undefined && !CATEGORIES.has(String(snippet.categoryId))) {
    return googleError(400, 'invalidCategoryId', 'The snippet.categoryId property specifies an invalid category ID.');
  }
  if (status.privacyStatus !== undefined && !PRIVACY.has(status.privacyStatus)) return googleError(400, 'invalidValue', `Invalid value for privacyStatus: ${status.privacyStatus}`);
  if (status.publishAt !== undefined && (status.privacyStatus !== 'private' || !(Date.parse(status.publishAt) > Date.now()))) {
    return googleError(400, 'invalidPublishAt', 'The request metadata specifies an invalid scheduled publishing time.');
  }
  return null;
}

export function uploadRoutes(emu: Emulator, state: YouTubeState, authority: OAuthAuthority) {
  emu.route('POST', '/upload/youtube/v3/videos', (req) => {
    const caller = authorize(state, authority, req, UPLOAD, 1600);
    if (!isCaller(caller)) return caller;
    if (req.query.uploadType !== 'resumable') return googleError(400, 'invalidParameter', 'Varde uses uploadType=resumable only (emulator)');
    if (!req.query.part) return googleError(400, 'required', "Required parameter: part", 'global');
    if (!caller.channel) return googleError(401, 'youtubeSignupRequired', 'Unauthorized', 'youtube.header');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return googleError(400, 'badContent', 'Unsupported content with type: ' + (req.headers['content-type'] ?? ''), 'global');
    const size = Number(req.headers['x-upload-content-length']);
    const mime = req.headers['x-upload-content-type'] ?? '';
    if (!Number.isInteger(size) || size <= 0) return googleError(400, 'mediaBodyRequired', 'The request does not include the video content.');
    if (!mime.startsWith('video/') && mime !== 'application/octet-stream') return googleError(400, 'badContent', `Media type '${mime}' is not supported.`, 'global');
    const bad = checkVideoResource(req.body);
    if (bad) return bad;
    const id = newId('', 40);
    state.sessions.set(id, { id, channelId: caller.channel.id, resource: req.body, notifySubscribers: req.query.notifySubscribers !== 'false', size, mime, chunks: [], received: 0, expired: false });
    return { status: 200, headers: { location: `${emu.url}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${id}`, 'x-guploader-uploadid': id }, text: '' };
  });

  emu.route('PUT', '/upload/youtube/v3/videos', async (req) => {
    const session = state.sessions.get(req.query.upload_id ?? '');
    if (!session || session.expired) return { status: 404, text: 'Not Found' };
    if (req.headers.authorization) {
      const who = authority.check(req.headers.authorization);
      if (who === null || who === 'expired') return googleError(401, 'authError', 'Invalid Credentials', 'global');
    }
    if (session.videoId) return { status: 200, json: videoResource(state.videos.find((v) => v.id === session.videoId)!) };
    const range = req.headers['content-range'];
    if (range === `bytes */${session.size}`) {
      if (req.rawBody.length) return { status: 400, text: 'A status query has no body' };
      return incomplete(session);
    }
    const m = range ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range) : null;
    const [first, last, total] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, session.size - 1, session.size];
    if ((range && !m) || total !== session.size || first !== session.received || last - first + 1 !== req.rawBody.length) {
      return { status: 400, text: `Invalid Content-Range ${range ?? '(none)'} for ${req.rawBody.length} bytes; the session has ${session.received} of ${session.size}` };
    }
    const fault = state.putFaults.get(++state.dataPuts);
    if (fault === 503) return { status: 503, json: { error: { code: 503, message: 'Backend Error', errors: [{ reason: 'backendError', domain: 'global', message: 'Backend Error' }] } } };
    const final = last + 1 === session.size;
    const keep = final ? req.rawBody.length : Math.floor(req.rawBody.length / GRANULE) * GRANULE;
    session.chunks.push(req.rawBody.subarray(0, keep));
    session.received += keep;
    const answer = final ? complete(state, session) : incomplete(session);
    if (fault === 'hang') return new Promise<EmuResponse>(() => {}); // accepted, never answered
    return answer;
  });
}

function incomplete(session: EmuSession): EmuResponse {
  return { status: 308, headers: session.received ? { range: `bytes=0-${session.received - 1}` } : {}, text: '' };
}

function complete(state: YouTubeState, session: EmuSession): EmuResponse {
  const bytes = Buffer.concat(session.chunks);
  const r = session.resource;
  const video: EmuVideo = {
    id: newId('', 11), channelId: session.channelId, title: r.snippet.title, description: r.snippet.description ?? '', tags: r.snippet.tags ?? [],
    categoryId: String(r.snippet.categoryId ?? '22'), defaultLanguage: r.snippet.defaultLanguage,
    privacyStatus: state.unverifiedProject ? 'private' : (r.status?.privacyStatus ?? 'public'), publishAt: r.status?.publishAt,
    selfDeclaredMadeForKids: r.status?.selfDeclaredMadeForKids, containsSyntheticMedia: r.status?.containsSyntheticMedia,
    notifySubscribers: session.notifySubscribers, uploadStatus: 'uploaded', publishedAt: new Date().toISOString(),
    mime: session.mime, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    stats: { viewCount: 0, likeCount: 0, commentCount: 0, favoriteCount: 0, shares: 0 },
  };
  state.videos.push(video);
  session.videoId = video.id;
  return { status: 201, json: videoResource(video) };
}

/** The `videos` resource, parts snippet + status (+ statistics when asked). */
export function videoResource(v: EmuVideo, parts = ['snippet', 'status']): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: 'youtube#video', etag: crypto.createHash('md5').update(v.id).digest('base64url'), id: v.id };
  if (parts.includes('snippet')) {
    out.snippet = { publishedAt: v.publishedAt, channelId: v.channelId, title: v.title, description: v.description, tags: v.tags.length ? v.tags : undefined, categoryId: v.categoryId, liveBroadcastContent: 'none', defaultLanguage: v.defaultLanguage };
  }
  if (parts.includes('status')) {
    out.status = { uploadStatus: v.uploadStatus, privacyStatus: v.privacyStatus, publishAt: v.publishAt, license: 'youtube', embeddable: true, publicStatsViewable: true, madeForKids: v.selfDeclaredMadeForKids ?? false, selfDeclaredMadeForKids: v.selfDeclaredMadeForKids, containsSyntheticMedia: v.containsSyntheticMedia };
  }
  if (parts.includes('statistics')) {
    const s = v.stats;
    out.statistics = { viewCount: String(s.viewCount), likeCount: String(s.likeCount), favoriteCount: String(s.favoriteCount), commentCount: String(s.commentCount) };
  }
  return out;
}

