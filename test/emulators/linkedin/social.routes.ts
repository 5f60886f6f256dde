/**
 * LinkedIn emulator: comments on posts (list, create — also as a reply via parentComment —,
 * delete), reactions, a post's social-action summary, page share statistics and follower counts.
 */
import type { Emulator } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';
import { authenticate, liError, mayActAs, type LiComment, type LiState } from './linkedin.emulator.js';

const shape = (c: LiComment) => ({
  $URN: c.urn, commentUrn: c.urn, id: c.id, actor: c.actor, object: c.object, message: { text: c.text, attributes: [] },
  created: { actor: c.actor, time: c.created }, ...(c.parentComment ? { parentComment: c.parentComment } : {}),
  likesSummary: { totalLikes: c.likes.size },
});

export function socialRoutes(emu: Emulator, authority: OAuthAuthority, state: LiState) {
  emu.route('GET', '/rest/socialActions/:target/comments', (req) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    const elements = state.comments.filter((c) => c.object === req.params.target).map(shape);
    return { json: { elements, paging: { start: 0, count: elements.length, total: elements.length } } };
  });

  emu.route('POST', '/rest/socialActions/:target/comments', (req) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    const b = req.body ?? {};
    if (!state.posts.has(req.params.target) || b.object !== req.params.target) return liError(404, 'The post to comment on does not exist');
    if (mayActAs(state, a.member, b.actor ?? '', a.scopes, true)) return liError(403, 'Not enough permissions to comment as this actor', 'ACCESS_DENIED');
    if (typeof b.message?.text !== 'string' || !b.message.text) return liError(422, 'ERROR :: /message/text :: field is required');
    if (b.parentComment && !state.comments.some((c) => c.urn === b.parentComment)) return liError(422, 'ERROR :: /parentComment :: unknown comment');
    const id = String((state.seq += 1));
    const activity = req.params.target.replace(/^urn:li:(share|ugcPost):/, 'urn:li:activity:');
    const c: LiComment = { urn: `urn:li:comment:(${activity},${id})`, id, object: req.params.target, actor: b.actor, text: b.message.text, parentComment: b.parentComment, created: Date.now(), likes: new Set() };
    state.comments.push(c);
    return { status: 201, headers: { 'x-restli-id': c.urn }, json: shape(c) };
  });

  emu.route('DELETE', '/rest/socialActions/:target/comments/:id', (req) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    const c = state.comments.find((x) => x.object === req.params.target && x.id === req.params.id);
    if (!c) return liError(404, 'Comment not found');
    const post = state.posts.get(c.object);
    const actor = req.query.actor ?? '';
    if (mayActAs(state, a.member, actor, a.scopes, true) || (c.actor !== actor && post?.author !== actor)) return liError(403, 'Not enough permissions to delete this comment', 'ACCESS_DENIED');
    state.comments.splice(state.comments.indexOf(c), 1);
    return { status: 204, text: '' };
  });

  emu.route('GET', '/rest/socialActions/:target', (req) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    const comments = state.comments.filter((c) => c.object === req.params.target);
    const likes = state.stats.get(req.params.target)?.likeCount ?? 0;
    return { json: { target: req.params.target, likesSummary: { totalLikes: likes, likedByCurrentUser: false }, commentsSummary: { aggregatedTotalComments: comments.length, totalFirstLevelComments: comments.filter((c) => !c.parentComment).length } } };
  });

  emu.route('POST', '/rest/reactions', (req) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    const actor = req.query.actor ?? '';
    if (mayActAs(state, a.member, actor, a.scopes, true)) return liError(403, 'Not enough permissions to react as this actor', 'ACCESS_DENIED');
    const c = state.comments.find((x) => x.urn === req.body?.root);
    if (!c && !state.posts.has(req.body?.root)) return liError(422, 'ERROR :: /root :: unknown entity');
    if (!['LIKE', 'PRAISE', 'EMPATHY', 'INTEREST', 'APPRECIATION', 'ENTERTAINMENT'].includes(req.body?.reactionType)) return liError(422, 'ERROR :: /reactionType :: invalid');
    c?.likes.add(actor);
    return { status: 201, headers: { 'x-restli-id': `urn:li:reaction:(${actor},${req.body.root})` }, text: '' };
  });

  emu.route('GET', '/rest/organizationalEntityShareStatistics', (req) => {
    const a = authenticate(authority, state, req, ['rw_organization_admin']);
    if ('error' in a) return a.error;
    const org = req.query.organizationalEntity ?? '';
    if (mayActAs(state, a.member, org, a.scopes, false)) return liError(403, 'Not an administrator of the organization', 'ACCESS_DENIED');
    const listed = (key: string) => (/^List\((.*)\)$/.exec(req.query[key] ?? '')?.[1] ?? '').split(',').filter(Boolean).map(decodeURIComponent);
    const elements = [...listed('shares').map((urn) => ({ share: urn })), ...listed('ugcPosts').map((urn) => ({ ugcPost: urn }))].map((e) => {
      const urn = (e as any).share ?? (e as any).ugcPost;
      const s = state.stats.get(urn) ?? {};
      return { ...e, organizationalEntity: org, totalShareStatistics: { impressionCount: s.impressionCount ?? 0, uniqueImpressionsCount: s.uniqueImpressionsCount ?? 0, likeCount: s.likeCount ?? 0, commentCount: state.comments.filter((c) => c.object === urn).length, shareCount: s.shareCount ?? 0, clickCount: s.clickCount ?? 0, engagement: s.engagement ?? 0 } };
    });
    return { json: { elements, paging: { start: 0, count: elements.length } } };
  });

  emu.route('GET', '/rest/networkSizes/:urn', (req) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    if (req.query.edgeType !== 'COMPANY_FOLLOWED_BY_MEMBER') return liError(400, 'edgeType must be COMPANY_FOLLOWED_BY_MEMBER');
    const org = state.organizations.get(req.params.urn);
    return org ? { json: { firstDegreeSize: org.followers } } : liError(404, 'Organization not found');
  });

  emu.route('GET', '/rest/memberFollowersCount', (req) => {
    const a = authenticate(authority, state, req, ['r_member_profileAnalytics']);
    if ('error' in a) return a.error;
    return { json: { elements: [{ memberFollowersCount: 77 }] } };
  });
}
