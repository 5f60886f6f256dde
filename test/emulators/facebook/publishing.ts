/** Facebook emulator: feed posts, photos (multipart `source`), resumable video upload, post listing. */
import { businessUsage, graphError, params } from '../meta/graph-emulator.js';
import type { FacebookEmulator } from './index.js';
import { pageAuth } from './index.js';

const MAX_MESSAGE = 63_206;
const MAX_PHOTO_BYTES = 4 * 1024 * 1024;

export function registerPublishing(self: FacebookEmulator) {
  const { g, state } = self;

  const checkTargeting = (raw: string | undefined) => {
    if (raw === undefined) return { ok: true as const, value: undefined };
    try {
      const t = JSON.parse(raw);
      if (!t.geo_locations) return { ok: false as const, error: graphError(400, 100, 'Param targeting must contain geo_locations') };
      return { ok: true as const, value: t as Record<string, unknown> };
    } catch {
      return { ok: false as const, error: graphError(400, 100, 'Param targeting must be a JSON object') };
    }
  };

  g.route('POST', '/:page/feed', (req) => {
    const who = pageAuth(self, req, req.params.page);
    if (!('token' in who)) return who;
    const p = params(req);
    const attached = Object.keys(p).filter((k) => /^attached_media\[\d+\]$/.test(k)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    if (!p.message && !p.link && attached.length === 0) return graphError(400, 100, 'Missing message or attachment');
    if ((p.message ?? '').length > MAX_MESSAGE) return graphError(400, 100, 'Message is too long');
    const targeting = checkTargeting(p.targeting);
    if (!targeting.ok) return targeting.error;
    const photoIds: string[] = [];
    for (const key of attached) {
      let fbid: string | undefined;
      try {
        fbid = JSON.parse(p[key]).media_fbid;
      } catch {
        /* handled below */
      }
      const photo = fbid ? state.photos.get(fbid) : undefined;
      if (!photo || photo.pageId !== req.params.page) return graphError(400, 100, `Param ${key} has an invalid media_fbid`);
      if (photo.published || photo.postId) return graphError(400, 100, `Param ${key} must be an unpublished photo`);
      photoIds.push(photo.id);
    }
    if (p.message && state.postsOf(req.params.page).some((x) => x.message === p.message && Date.now() - Date.parse(x.createdTime) < 30_000 && !x.photoIds.length && !photoIds.length)) {
      return graphError(400, 506, 'Duplicate status message');
    }
    const id = `${req.params.page}_${g.nextId()}`;
    for (const pid of photoIds) state.photos.get(pid)!.postId = id;
    state.posts.set(id, { id, pageId: req.params.page, message: p.message, link: p.link, targeting: targeting.value, photoIds, createdTime: new Date().toISOString(), reactions: 0, shares: 0, insights: {} });
    return { json: { id }, headers: businessUsage(req.params.page, 'pages', 5) };
  });

  g.route('POST', '/:page/photos', (req) => {
    const who = pageAuth(self, req, req.params.page);
    if (!('token' in who)) return who;
    const p = params(req);
    const file = req.files.source;
    if (!file && !p.url) return graphError(400, 324, 'Requires upload file');
    if (file && !/^image\//.test(file.contentType ?? '')) return graphError(400, 324, 'Missing or invalid image file');
    if (file && file.data.length > MAX_PHOTO_BYTES) return graphError(400, 100, 'Photo is too large');
    const targeting = checkTargeting(p.targeting);
    if (!targeting.ok) return targeting.error;
    const published = p.published !== 'false';
    const id = g.nextId();
    state.photos.set(id, { id, pageId: req.params.page, published, bytes: file?.data ?? Buffer.alloc(0), contentType: file?.contentType ?? '', alt: p.alt_text_custom });
    if (!published) return { json: { id } };
    const postId = `${req.params.page}_${g.nextId()}`;
    state.photos.get(id)!.postId = postId;
    state.posts.set(postId, { id: postId, pageId: req.params.page, message: p.message, targeting: targeting.value, photoIds: [id], createdTime: new Date().toISOString(), reactions: 0, shares: 0, insights: {} });
    return { json: { id, post_id: postId } };
  });

  g.route('POST', '/:page/videos', (req) => {
    const who = pageAuth(self, req, req.params.page);
    if (!('token' in who)) return who;
    const p = params(req);
    const window = (v: { received: Buffer; fileSize: number }) => ({ start_offset: String(v.received.length), end_offset: String(Math.min(v.fileSize, v.received.length + self.chunkSize)) });
    if (p.upload_phase === 'start') {
      const size = Number(p.file_size);
      if (!Number.isInteger(size) || size <= 0) return graphError(400, 100, 'Param file_size must be a positive integer');
      const id = g.nextId();
      const v = { id, pageId: req.params.page, sessionId: g.nextId(), fileSize: size, received: Buffer.alloc(0), finished: false };
      state.videos.set(id, v);
      return { json: { video_id: id, upload_session_id: v.sessionId, ...window(v) } };
    }
    const video = [...state.videos.values()].find((v) => v.sessionId === p.upload_session_id && v.pageId === req.params.page);
    if (!video) return graphError(400, 6000, 'There was a problem uploading your video file. Please try again.', { subcode: 1363019 });
    if (p.upload_phase === 'transfer') {
      const chunk = req.files.video_file_chunk?.data;
      if (!chunk) return graphError(400, 100, 'Param video_file_chunk is required');
      if (Number(p.start_offset) !== video.received.length) return graphError(400, 6001, 'Invalid start offset', { subcode: 1363037 });
      const expected = Math.min(self.chunkSize, video.fileSize - video.received.length);
      if (chunk.length !== expected) return graphError(400, 6001, `The chunk must be ${expected} bytes`, { subcode: 1363037 });
      video.received = Buffer.concat([video.received, chunk]);
      return { json: window(video) };
    }
    if (p.upload_phase === 'finish') {
      if (video.received.length !== video.fileSize) return graphError(400, 6001, 'The upload is incomplete', { subcode: 1363040 });
      if (!video.finished) {
        video.finished = true;
        video.description = p.description;
        video.title = p.title;
        video.postId = `${video.pageId}_${g.nextId()}`;
        state.posts.set(video.postId, { id: video.postId, pageId: video.pageId, message: p.description, photoIds: [], videoId: video.id, createdTime: new Date().toISOString(), reactions: 0, shares: 0, insights: {} });
      }
      return { json: { success: true } };
    }
    return graphError(400, 100, 'Param upload_phase must be one of {start, transfer, finish, cancel}');
  });

  g.route('GET', '/:page/published_posts', (req) => {
    const who = g.auth(req);
    if (!('token' in who)) return who;
    const since = req.query.since ? Number(req.query.since) * 1000 : 0;
    const data = state.postsOf(req.params.page).filter((p) => Date.parse(p.createdTime) >= since).slice(0, Number(req.query.limit ?? 25));
    return { json: { data: data.map((p) => ({ id: p.id, message: p.message, created_time: p.createdTime.replace(/\.\d+Z$/, '+0000'), permalink_url: `https://www.facebook.com/${p.id}` })) } };
  });
}
