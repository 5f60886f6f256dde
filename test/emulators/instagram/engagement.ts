/** Instagram emulator: comments and replies, hide and delete, tags, mentions, insights. */
import { graphError, params } from '../meta/graph-emulator.js';
import { topFields } from '../meta/facebook-login.js';
import { accountAuth, type InstagramEmulator } from './index.js';
import type { IgComment } from './state.js';

const INSIGHTS = new Set(['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'follows', 'profile_visits']);

export function registerEngagement(self: InstagramEmulator) {
  const { g, state } = self;
  const ts = () => new Date().toISOString().replace(/\.\d+Z$/, '+0000');
  const missing = (id: string) => graphError(400, 100, `Unsupported request. Object with ID '${id}' does not exist`, { subcode: 33, type: 'GraphMethodException' });
  const owner = (req: Parameters<typeof accountAuth>[1], igId: string) => accountAuth(self, req, igId);
  const view = (c: IgComment, fields: string[]) => {
    const all: Record<string, unknown> = { id: c.id, text: c.text, timestamp: c.timestamp, username: c.from.username, from: c.from, parent_id: c.parentId, hidden: c.hidden };
    return Object.fromEntries(Object.entries(all).filter(([k, v]) => v !== undefined && (k === 'id' || fields.includes(k))));
  };

  g.route('GET', '/:id/comments', (req) => {
    const media = state.media.get(req.params.id);
    if (!media) return missing(req.params.id);
    const who = owner(req, media.igId);
    if (!('token' in who)) return who;
    const fields = topFields(req.query.fields, 'id,text,timestamp');
    const top = [...state.comments.values()].filter((c) => c.mediaId === media.id && !c.parentId);
    const data = top.map((c) => ({
      ...view(c, fields),
      ...(fields.includes('replies') ? { replies: { data: [...state.comments.values()].filter((r) => r.parentId === c.id).map((r) => view(r, ['text', 'timestamp', 'username', 'from', 'parent_id', 'hidden'])) } } : {}),
    }));
    return { json: { data } };
  });

  const addComment = (mediaId: string, igId: string, text: string, parentId?: string) => {
    const acct = state.accounts.get(igId)!;
    const id = g.nextId();
    state.comments.set(id, { id, mediaId, parentId, text, from: { id: acct.id, username: acct.username }, timestamp: ts(), hidden: false });
    return { json: { id } };
  };

  g.route('POST', '/:id/comments', (req) => {
    const media = state.media.get(req.params.id);
    if (!media) return missing(req.params.id);
    const who = owner(req, media.igId);
    if (!('token' in who)) return who;
    const message = params(req).message;
    if (!message) return graphError(400, 100, 'The parameter message is required');
    return addComment(media.id, media.igId, message);
  });

  g.route('POST', '/:id/replies', (req) => {
    const parent = state.comments.get(req.params.id);
    if (!parent) return missing(req.params.id);
    if (parent.parentId) return graphError(400, 100, 'Replies can only be made to top-level comments');
    const media = state.media.get(parent.mediaId)!;
    const who = owner(req, media.igId);
    if (!('token' in who)) return who;
    const message = params(req).message;
    if (!message) return graphError(400, 100, 'The parameter message is required');
    return addComment(media.id, media.igId, message, parent.id);
  });

  g.route('POST', '/:id', (req) => {
    const c = state.comments.get(req.params.id);
    if (!c) return missing(req.params.id);
    const who = owner(req, state.media.get(c.mediaId)!.igId);
    if (!('token' in who)) return who;
    const hide = params(req).hide;
    if (hide === undefined) return graphError(400, 100, 'The parameter hide is required');
    c.hidden = hide === 'true';
    return { json: { success: true } };
  });

  g.route('DELETE', '/:id', (req) => {
    const c = state.comments.get(req.params.id);
    const m = state.media.get(req.params.id);
    const igId = c ? state.media.get(c.mediaId)?.igId : m?.igId;
    if (!igId) return missing(req.params.id);
    const who = owner(req, igId);
    if (!('token' in who)) return who;
    if (c) state.comments.delete(c.id);
    else state.media.delete(m!.id);
    return { json: { success: true } };
  });

  g.route('GET', '/:ig/tags', (req) => {
    const who = owner(req, req.params.ig);
    if (!('token' in who)) return who;
    return { json: { data: (state.tags.get(req.params.ig) ?? []).map((t) => ({ ...t, permalink: `https://www.instagram.com/p/${t.id}/` })) } };
  });

  g.route('POST', '/:ig/mentions', (req) => {
    const who = owner(req, req.params.ig);
    if (!('token' in who)) return who;
    const p = params(req);
    const tagged = (state.tags.get(req.params.ig) ?? []).find((t) => t.id === p.media_id);
    if (!tagged) return graphError(400, 100, 'The media does not mention this account');
    const id = g.nextId();
    state.comments.set(id, { id, mediaId: tagged.id, text: p.message ?? '', from: { id: req.params.ig, username: state.accounts.get(req.params.ig)!.username }, timestamp: ts(), hidden: false });
    return { json: { id } };
  });

  g.route('GET', '/:id/insights', (req) => {
    const media = state.media.get(req.params.id);
    if (!media) return missing(req.params.id);
    const who = owner(req, media.igId);
    if (!('token' in who)) return who;
    const metrics = (req.query.metric ?? '').split(',').filter(Boolean);
    const bad = metrics.find((m) => !INSIGHTS.has(m) || (media.productType === 'STORY' && m === 'saved'));
    if (bad) return graphError(400, 100, `(#100) metric[${metrics.indexOf(bad)}] must be one of the following values: ${[...INSIGHTS].join(', ')}`);
    return { json: { data: metrics.filter((m) => media.insights[m] !== undefined).map((name) => ({ name, period: 'lifetime', values: [{ value: media.insights[name] }], title: name, id: `${media.id}/insights/${name}/lifetime` })) } };
  });
}

/** A comment by someone else (what a follower would write), for inbox tests. */
export function addFollowerComment(self: InstagramEmulator, mediaId: string, text: string, opts: { parentId?: string; username?: string } = {}) {
  const id = self.g.nextId();
  self.state.comments.set(id, { id, mediaId, parentId: opts.parentId, text, from: { id: self.g.nextId(), username: opts.username ?? 'kari.nordmann' }, timestamp: new Date().toISOString().replace(/\.\d+Z$/, '+0000'), hidden: false });
  return id;
}
