/** Threads emulator: containers (with real downloads), threads_publish, the publishing limits. */
import { graphError, params } from '../meta/graph-emulator.js';
import type { EmuResponse } from '../kit.js';
import { ownerAuth, V, type ThreadsEmulator } from './index.js';
import type { ThContainer } from './state.js';

const MAX_TEXT = 500;
const MAX_LINKS = 5;
const DAY_MS = 24 * 3600_000;

/** Threads counts code points, except that an emoji counts as many as its UTF-8 bytes. */
function threadsLength(text: string): number {
  let n = 0;
  for (const ch of text) n += /\p{Extended_Pictographic}/u.test(ch) ? Buffer.byteLength(ch) : 1;
  return n;
}

export function registerThreadsPublishing(self: ThreadsEmulator) {
  const { g, state } = self;
  const used = (userId: string, reply: boolean) => (state.published.get(userId) ?? []).filter((p) => p.reply === reply && Date.now() - p.at < DAY_MS).length;

  g.route('GET', `${V}/:user/threads_publishing_limit`, (req) => {
    const who = ownerAuth(self, req, req.params.user);
    if (!('token' in who)) return who;
    return { json: { data: [{ quota_usage: used(who.userId, false), config: { quota_total: self.quota.posts, quota_duration: 86_400 }, reply_quota_usage: used(who.userId, true), reply_config: { quota_total: self.quota.replies, quota_duration: 86_400 } }] } };
  });

  g.route('POST', `${V}/:user/threads`, async (req): Promise<EmuResponse> => {
    const who = ownerAuth(self, req, req.params.user);
    if (!('token' in who)) return who;
    const p = params(req);
    const type = (p.media_type ?? '') as ThContainer['mediaType'];
    if (!['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL'].includes(type)) return graphError(400, 100, 'Param media_type must be one of TEXT, IMAGE, VIDEO, CAROUSEL');
    const text = p.text ?? '';
    if (type === 'TEXT' && !text) return graphError(400, 100, 'Param text is required for TEXT posts');
    if (threadsLength(text) > MAX_TEXT) return graphError(400, 100, `Param text must be at most ${MAX_TEXT} characters`, { subcode: 4279009 });
    if ((text.match(/https?:\/\/\S+/g) ?? []).length > MAX_LINKS) return graphError(400, 100, `A post can hold at most ${MAX_LINKS} links`);
    if (p.link_attachment && type !== 'TEXT') return graphError(400, 100, 'link_attachment is only for TEXT posts');
    if (p.reply_to_id && !state.posts.has(p.reply_to_id)) return graphError(400, 100, `The reply_to_id ${p.reply_to_id} does not exist`);
    const c: ThContainer = { id: g.nextId(), userId: who.userId, mediaType: type, text: p.text, isCarouselItem: p.is_carousel_item === 'true', status: 'FINISHED', pollsLeft: 0, params: p };
    if (type === 'CAROUSEL') {
      const children = (p.children ?? '').split(',').filter(Boolean);
      if (children.length < 2 || children.length > 20) return graphError(400, 100, 'A carousel takes 2 to 20 children');
      if (children.some((id) => state.containers.get(id)?.status !== 'FINISHED' || !state.containers.get(id)?.isCarouselItem)) return graphError(400, 100, 'Every child must be a finished carousel item container');
      c.children = children;
    } else if (type !== 'TEXT') {
      const url = type === 'IMAGE' ? p.image_url : p.video_url;
      if (!url) return graphError(400, 100, `Param ${type === 'IMAGE' ? 'image_url' : 'video_url'} is required`);
      const got = await g.download(url);
      Object.assign(c, got.ok ? { bytes: got.bytes, contentType: got.contentType, sourceUrl: url } : {});
      if (!got.ok) Object.assign(c, { status: 'ERROR', errorMessage: type === 'IMAGE' ? 'FAILED_DOWNLOADING_IMAGE' : 'FAILED_DOWNLOADING_VIDEO' });
      else if (type === 'IMAGE' && !/^image\/(jpeg|png)/.test(got.contentType)) Object.assign(c, { status: 'ERROR', errorMessage: 'UNSUPPORTED_IMAGE_FORMAT' });
      else if (type === 'VIDEO') Object.assign(c, got.bytes.subarray(4, 8).toString('ascii') === 'ftyp' ? { status: 'IN_PROGRESS', pollsLeft: self.videoPolls } : { status: 'ERROR', errorMessage: 'FAILED_PROCESSING_VIDEO' });
    }
    state.containers.set(c.id, c);
    return { json: { id: c.id } };
  });

  g.route('POST', `${V}/:user/threads_publish`, (req) => {
    const who = ownerAuth(self, req, req.params.user);
    if (!('token' in who)) return who;
    const c = state.containers.get(params(req).creation_id ?? '');
    if (!c || c.userId !== who.userId) return graphError(400, 100, 'Param creation_id is not a container of this profile', { subcode: 4279009 });
    if (c.isCarouselItem) return graphError(400, 100, 'A carousel item cannot be published on its own');
    if (c.status === 'PUBLISHED') return graphError(400, 100, 'This container was already published');
    if (c.status !== 'FINISHED') return graphError(400, 24, `The media is not ready to be published (status ${c.status})`, { subcode: 4279009 });
    const isReply = Boolean(c.params.reply_to_id);
    if (used(who.userId, isReply) >= (isReply ? self.quota.replies : self.quota.posts)) return graphError(400, 4, 'Application request limit reached', { subcode: 2207051 });
    const parent = c.params.reply_to_id ? state.posts.get(c.params.reply_to_id) : undefined;
    const id = g.nextId();
    const profile = state.profiles.get(who.userId)!;
    state.posts.set(id, { id, userId: who.userId, username: profile.username, containerId: c.id, mediaType: c.mediaType === 'TEXT' ? 'TEXT_POST' : c.mediaType === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : c.mediaType, text: c.text, timestamp: new Date().toISOString().replace(/\.\d+Z$/, '+0000'), permalink: `https://www.threads.com/@${profile.username}/post/${id.slice(-10)}`, replyToId: parent?.id, rootId: parent?.rootId ?? id, hidden: false, insights: {} });
    c.status = 'PUBLISHED';
    state.published.set(who.userId, [...(state.published.get(who.userId) ?? []), { at: Date.now(), reply: isReply }]);
    return { json: { id } };
  });
}
