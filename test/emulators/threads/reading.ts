/** Threads emulator: the profile's posts and replies, conversations, mentions, manage_reply, delete, insights. */
import { graphError, params } from '../meta/graph-emulator.js';
import { topFields } from '../meta/facebook-login.js';
import { ownerAuth, V, type ThreadsEmulator } from './index.js';
import type { ThPost } from './state.js';

const POST_METRICS = new Set(['views', 'likes', 'replies', 'reposts', 'quotes', 'shares']);

export function registerThreadsReading(self: ThreadsEmulator) {
  const { g, state } = self;
  const view = (p: ThPost, fields: string | undefined, me: string) => {
    const all: Record<string, unknown> = {
      id: p.id, text: p.text, username: p.username, timestamp: p.timestamp, permalink: p.permalink, media_type: p.mediaType,
      replied_to: p.replyToId ? { id: p.replyToId } : undefined, root_post: { id: p.rootId }, hide_status: p.replyToId ? (p.hidden ? 'HIDDEN' : 'NOT_HUSHED') : undefined,
      is_reply_owned_by_me: p.userId === me,
    };
    const out: Record<string, unknown> = { id: p.id };
    for (const f of topFields(fields, 'id')) if (all[f] !== undefined) out[f] = all[f];
    return out;
  };
  const list = (data: ThPost[], req: { query: Record<string, string> }, me: string) => ({ json: { data: data.slice(0, Number(req.query.limit ?? 25)).map((p) => view(p, req.query.fields, me)) } });

  g.route('GET', `${V}/:user/threads`, (req) => {
    const who = ownerAuth(self, req, req.params.user);
    if (!('token' in who)) return who;
    return list(state.postsOf(who.userId, false), req, who.userId);
  });
  g.route('GET', `${V}/:user/mentions`, (req) => {
    const who = ownerAuth(self, req, req.params.user);
    if (!('token' in who)) return who;
    return list(state.mentions.get(who.userId) ?? [], req, who.userId);
  });
  for (const edge of ['conversation', 'replies']) {
    g.route('GET', `${V}/:id/${edge}`, (req) => {
      if (edge === 'replies' && state.profiles.has(req.params.id)) {
        // GET /{user}/replies: the profile's own replies.
        const owner = ownerAuth(self, req, req.params.id);
        if (!('token' in owner)) return owner;
        return list(state.postsOf(owner.userId, true), req, owner.userId);
      }
      const who = g.auth(req, ['threads_long']);
      if (!('token' in who)) return who;
      const post = state.posts.get(req.params.id);
      if (!post) return graphError(400, 100, `Object with ID '${req.params.id}' does not exist`, { subcode: 33 });
      const all = state.conversation(post.rootId).filter((p) => edge === 'conversation' || p.replyToId === post.id);
      return list(req.query.reverse === 'true' ? all.reverse() : all, req, who.userId);
    });
  }

  g.route('POST', `${V}/:id/manage_reply`, (req) => {
    const who = g.auth(req, ['threads_long']);
    if (!('token' in who)) return who;
    const reply = state.posts.get(req.params.id);
    if (!reply?.replyToId) return graphError(400, 100, 'Only replies can be hidden');
    if (state.posts.get(reply.rootId)?.userId !== who.userId) return graphError(403, 10, 'Only the author of the root post can hide its replies');
    const hide = params(req).hide;
    if (hide !== 'true' && hide !== 'false') return graphError(400, 100, 'Param hide must be true or false');
    reply.hidden = hide === 'true';
    return { json: { success: true } };
  });

  g.route('DELETE', `${V}/:id`, (req) => {
    const who = g.auth(req, ['threads_long']);
    if (!('token' in who)) return who;
    const post = state.posts.get(req.params.id);
    if (!post || post.userId !== who.userId) return graphError(400, 100, `Object with ID '${req.params.id}' does not exist`, { subcode: 33 });
    state.posts.delete(post.id);
    return { json: { success: true, deleted_id: post.id } };
  });

  g.route('GET', `${V}/:id/insights`, (req) => {
    const who = g.auth(req, ['threads_long']);
    if (!('token' in who)) return who;
    const post = state.posts.get(req.params.id);
    if (!post || post.userId !== who.userId) return graphError(400, 100, `Object with ID '${req.params.id}' does not exist`, { subcode: 33 });
    const metrics = (req.query.metric ?? '').split(',').filter(Boolean);
    const bad = metrics.find((m) => !POST_METRICS.has(m));
    if (bad) return graphError(400, 100, `Param metric must be one of ${[...POST_METRICS].join(', ')}`);
    return { json: { data: metrics.map((name) => ({ name, period: 'lifetime', values: [{ value: post.insights[name] ?? 0 }], title: name, id: `${post.id}/insights/${name}/lifetime` })) } };
  });

  g.route('GET', `${V}/:user/threads_insights`, (req) => {
    const who = ownerAuth(self, req, req.params.user);
    if (!('token' in who)) return who;
    if (req.query.metric !== 'followers_count') return graphError(400, 100, 'Only followers_count is emulated');
    return { json: { data: [{ name: 'followers_count', period: 'day', title: 'followers_count', total_value: { value: state.profiles.get(who.userId)!.followers }, id: `${who.userId}/insights/followers_count/day` }] } };
  });
}

/** A reply by someone else under a post (what a reader would write), for inbox tests. */
export function addReaderReply(self: ThreadsEmulator, replyToId: string, text: string, username = 'kari.nordmann') {
  const parent = self.state.posts.get(replyToId)!;
  const id = self.g.nextId();
  self.state.posts.set(id, { id, userId: null, username, mediaType: 'TEXT_POST', text, timestamp: new Date().toISOString().replace(/\.\d+Z$/, '+0000'), permalink: `https://www.threads.com/@${username}/post/${id.slice(-10)}`, replyToId, rootId: parent.rootId, hidden: false, insights: {} });
  return id;
}
