/** Facebook emulator: comments (read, write, hide, delete, like), tagged posts, insights, deletes. */
import { graphError, params } from '../meta/graph-emulator.js';
import type { FacebookEmulator } from './index.js';

/** Metrics Meta still serves for Page posts; the `post_impressions*` family was removed on 2025-11-15. */
const POST_METRICS = new Set(['post_media_view', 'post_total_media_view_unique', 'post_clicks', 'post_reactions_by_type_total', 'post_video_views']);

export function registerEngagement(self: FacebookEmulator) {
  const { g, state } = self;
  const exists = (id: string) => state.posts.has(id) || state.comments.has(id) || state.videos.has(id);
  const missing = (id: string) => graphError(400, 100, `Unsupported request. Object with ID '${id}' does not exist`, { subcode: 33, type: 'GraphMethodException' });

  g.route('GET', '/:id/comments', (req) => {
    const who = g.auth(req);
    if (!('token' in who)) return who;
    if (!exists(req.params.id)) return missing(req.params.id);
    let list = state.commentsOn(req.params.id, req.query.filter === 'stream');
    list = req.query.order === 'reverse_chronological' ? list.reverse() : list;
    const data = list.slice(0, Number(req.query.limit ?? 25)).map((c) => ({
      id: c.id, message: c.message, created_time: c.createdTime.replace(/\.\d+Z$/, '+0000'), from: c.from,
      ...(c.parentId ? { parent: { id: c.parentId } } : {}), permalink_url: `https://www.facebook.com/${c.postId}?comment_id=${c.id}`, is_hidden: c.hidden,
    }));
    return { json: { data, summary: { total_count: list.length } } };
  });

  g.route('POST', '/:id/comments', (req) => {
    const who = g.auth(req, ['page']);
    if (!('token' in who)) return who;
    const target = req.params.id;
    if (!exists(target)) return missing(target);
    const p = params(req);
    if (!p.message && !p.attachment_url) return graphError(400, 100, 'Missing message or attachment');
    const parent = state.comments.get(target);
    const page = state.pages.get(who.pageId!)!;
    const id = `${parent?.postId ?? target}_${g.nextId()}`.split('_').slice(-2).join('_');
    state.comments.set(id, { id, postId: parent?.postId ?? state.videos.get(target)?.id ?? target, parentId: parent ? parent.id : undefined, message: p.message ?? '', from: { id: page.id, name: page.name }, createdTime: new Date().toISOString(), hidden: false, likedByPage: false });
    return { json: { id } };
  });

  g.route('POST', '/:id/likes', (req) => {
    const who = g.auth(req, ['page']);
    if (!('token' in who)) return who;
    const c = state.comments.get(req.params.id);
    if (!c) return missing(req.params.id);
    c.likedByPage = true;
    return { json: { success: true } };
  });

  g.route('POST', '/:id', (req) => {
    const who = g.auth(req, ['page']);
    if (!('token' in who)) return who;
    const c = state.comments.get(req.params.id);
    if (!c) return missing(req.params.id);
    const p = params(req);
    if (p.is_hidden === undefined) return graphError(400, 100, 'Nothing to update');
    if (c.from.id === who.pageId) return graphError(400, 100, 'A Page cannot hide its own comment');
    c.hidden = p.is_hidden === 'true';
    return { json: { success: true } };
  });

  g.route('DELETE', '/:id', (req) => {
    const who = g.auth(req, ['page']);
    if (!('token' in who)) return who;
    const id = req.params.id;
    if (state.comments.delete(id)) return { json: { success: true } };
    const post = state.posts.get(id) ?? [...state.posts.values()].find((p) => p.videoId === id);
    if (!post || post.pageId !== who.pageId) return missing(id);
    state.posts.delete(post.id);
    return { json: { success: true } };
  });

  g.route('GET', '/:page/tagged', (req) => {
    const who = g.auth(req);
    if (!('token' in who)) return who;
    const data = (state.tagged.get(req.params.page) ?? []).map((t) => ({ id: t.id, message: t.message, from: t.from, created_time: t.createdTime.replace(/\.\d+Z$/, '+0000'), permalink_url: `https://www.facebook.com/${t.id}` }));
    return { json: { data } };
  });

  g.route('GET', '/:id/insights', (req) => {
    const who = g.auth(req, ['page']);
    if (!('token' in who)) return who;
    const post = state.posts.get(req.params.id) ?? [...state.posts.values()].find((p) => p.videoId === req.params.id);
    if (!post) return missing(req.params.id);
    const metrics = (req.query.metric ?? '').split(',').filter(Boolean);
    if (metrics.length === 0) return graphError(400, 3001, 'No metric was specified to be fetched. Please specify one or more metrics to be fetched and try again.', { subcode: 1504028 });
    const bad = metrics.find((m) => !POST_METRICS.has(m));
    if (bad) return graphError(400, 100, `The value must be a valid insights metric`, { type: 'OAuthException' });
    return { json: { data: metrics.map((name) => ({ name, period: 'lifetime', values: [{ value: post.insights[name] ?? 0 }], title: name, id: `${post.id}/insights/${name}/lifetime` })) } };
  });
}

/** Adds a comment by someone else under a post (what a fan would do), for inbox tests. */
export function addFanComment(self: FacebookEmulator, postId: string, message: string, opts: { parentId?: string; from?: { id: string; name: string } } = {}) {
  const id = `${postId.split('_').pop()}_${self.g.nextId()}`;
  self.state.comments.set(id, { id, postId, parentId: opts.parentId, message, from: opts.from ?? { id: '5550001', name: 'Kari Nordmann' }, createdTime: new Date().toISOString(), hidden: false, likedByPage: false });
  return id;
}
