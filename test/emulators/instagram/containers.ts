/** Instagram emulator: containers (with real downloads), media_publish, the publishing limit, the media list. */
import { graphError, params } from '../meta/graph-emulator.js';
import type { EmuResponse } from '../kit.js';
import { accountAuth, type InstagramEmulator } from './index.js';
import type { IgContainer } from './state.js';

const MAX_CAPTION = 2200;
const MAX_HASHTAGS = 30;
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
const DAY_MS = 24 * 3600_000;

const downloadFailed = (why: string) => graphError(400, 9004, `Media download has failed. The media URI doesn't meet our requirements. (${why})`, { subcode: 2207052, type: 'OAuthException', userMessage: 'The media could not be fetched from the URI provided.' });

export function registerContainers(self: InstagramEmulator) {
  const { g, state } = self;
  const usage = (igId: string) => (state.published.get(igId) ?? []).filter((t) => Date.now() - t < DAY_MS).length;

  g.route('GET', '/:ig/content_publishing_limit', (req) => {
    const who = accountAuth(self, req, req.params.ig);
    if (!('token' in who)) return who;
    return { json: { data: [{ quota_usage: usage(req.params.ig), config: { quota_total: self.quotaTotal, quota_duration: 86_400 } }] } };
  });

  g.route('POST', '/:ig/media', async (req): Promise<EmuResponse> => {
    const who = accountAuth(self, req, req.params.ig);
    if (!('token' in who)) return who;
    const p = params(req);
    const type = (p.media_type ?? 'IMAGE') as IgContainer['mediaType'];
    if (!['IMAGE', 'VIDEO', 'REELS', 'STORIES', 'CAROUSEL'].includes(type)) return graphError(400, 100, 'The parameter media_type is not valid');
    if (type === 'VIDEO' && p.is_carousel_item !== 'true') return graphError(400, 100, 'The VIDEO media type is only for carousel items; use REELS', { subcode: 2207067 });
    const caption = p.caption ?? '';
    if (caption.length > MAX_CAPTION) return graphError(400, 100, 'The caption is too long', { subcode: 2207010 });
    if ((caption.match(/#[\p{L}\p{N}_]+/gu) ?? []).length > MAX_HASHTAGS) return graphError(400, 100, 'The caption has too many hashtags', { subcode: 2207010 });
    const c: IgContainer = { id: g.nextId(), igId: req.params.ig, mediaType: type, isCarouselItem: p.is_carousel_item === 'true', caption: p.caption, altText: p.alt_text, status: 'FINISHED', statusText: 'Finished: Media has been uploaded and it is ready to be published.', pollsLeft: 0, createdAt: Date.now(), params: p };
    if (type === 'CAROUSEL') {
      const children = (p.children ?? '').split(',').filter(Boolean);
      if (children.length < 2 || children.length > 10) return graphError(400, 100, 'A carousel takes 2 to 10 children', { subcode: 2207028 });
      for (const id of children) {
        const child = state.containers.get(id);
        if (!child || child.igId !== c.igId || !child.isCarouselItem) return graphError(400, 100, `The child ${id} is not a carousel item container`, { subcode: 2207028 });
        if (child.status !== 'FINISHED') return graphError(400, 9007, 'Media ID is not available', { subcode: 2207027, userMessage: 'The media is not ready for publishing, please wait for a moment' });
      }
      c.children = children;
    } else {
      const url = p.video_url ?? p.image_url;
      const wantsVideo = ['VIDEO', 'REELS'].includes(type) || (type === 'STORIES' && p.video_url);
      if (!url) return graphError(400, 100, `The parameter ${wantsVideo ? 'video_url' : 'image_url'} is required`);
      if (wantsVideo ? !p.video_url : !p.image_url) return graphError(400, 100, `Media type ${type} takes ${wantsVideo ? 'video_url' : 'image_url'}`);
      const got = await g.download(url);
      if (!got.ok) return downloadFailed(got.reason);
      Object.assign(c, { bytes: got.bytes, contentType: got.contentType, sourceUrl: url });
      if (wantsVideo) {
        const isMp4 = got.bytes.subarray(4, 8).toString('ascii') === 'ftyp';
        Object.assign(c, isMp4 ? { status: 'IN_PROGRESS', statusText: 'In Progress: Media is still being processed.', pollsLeft: self.videoPolls } : { status: 'ERROR', statusText: 'Error: Unsupported video format. 2207026' });
      } else {
      if (!got.contentType.startsWith('image/jpeg') || got.bytes[0] !== 0xff || got.bytes[1] !== 0xd8) return graphError(400, 9004, 'Only photo or video can be accepted as media type. JPEG is the only image format supported.', { subcode: 2207083 });
        if (got.bytes.length > MAX_IMAGE_BYTES) return graphError(400, 9004, 'The image is too large', { subcode: 2207004 });
      }
    }
    state.containers.set(c.id, c);
    return { json: { id: c.id } };
  });

  g.route('POST', '/:ig/media_publish', (req) => {
    const who = accountAuth(self, req, req.params.ig);
    if (!('token' in who)) return who;
    const c = state.containers.get(params(req).creation_id ?? '');
    if (!c || c.igId !== req.params.ig) return graphError(400, 100, 'The parameter creation_id is not a container of this account', { subcode: 2207001 });
    if (c.isCarouselItem) return graphError(400, 100, 'A carousel item cannot be published on its own');
    if (c.status === 'IN_PROGRESS') return graphError(400, 9007, 'Media ID is not available', { subcode: 2207027, userMessage: 'The media is not ready for publishing, please wait for a moment' });
    if (c.status === 'PUBLISHED') return graphError(400, 9, 'This container was already published', { subcode: 2207006 });
    if (c.status !== 'FINISHED') return graphError(400, 9007, `The container is ${c.status}`, { subcode: 2207001 });
    if (usage(c.igId) >= self.quotaTotal) return graphError(400, 9, 'Application request limit reached', { subcode: 2207042, userMessage: 'You reached maximum number of posts that is allowed to be published by Content Publishing API.' });
    const id = g.nextId();
    const productType = c.mediaType === 'REELS' ? 'REELS' : c.mediaType === 'STORIES' ? 'STORY' : 'FEED';
    const mediaType = c.mediaType === 'REELS' ? 'VIDEO' : c.mediaType === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : c.mediaType === 'STORIES' ? (c.params.video_url ? 'VIDEO' : 'IMAGE') : c.mediaType;
    state.media.set(id, { id, igId: c.igId, containerId: c.id, mediaType, productType, caption: c.mediaType === 'STORIES' ? undefined : c.caption, timestamp: new Date().toISOString().replace(/\.\d+Z$/, '+0000'), permalink: `https://www.instagram.com/p/${id.slice(-11)}/`, insights: {} });
    c.status = 'PUBLISHED';
    c.statusText = 'Published: Media has been published.';
    state.published.set(c.igId, [...(state.published.get(c.igId) ?? []), Date.now()]);
    return { json: { id } };
  });

  g.route('GET', '/:ig/media', (req) => {
    const who = accountAuth(self, req, req.params.ig);
    if (!('token' in who)) return who;
    const data = state.mediaOf(req.params.ig).slice(0, Number(req.query.limit ?? 25)).map((m) => ({ id: m.id, caption: m.caption, timestamp: m.timestamp, permalink: m.permalink, media_type: m.mediaType }));
    return { json: { data } };
  });
}
