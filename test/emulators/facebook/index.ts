/**
 * A Facebook Graph API emulator for Pages: Facebook Login (dialog + code + long-lived token),
 * `/me/accounts` with Page tokens, `/{page}/feed`, `/{page}/photos` (multipart `source`),
 * resumable `/{page}/videos`, `published_posts`, `tagged`, comments (read, reply, hide, delete,
 * like), post insights (the removed `post_impressions*` refused as invalid metrics), Page fields,
 * and Graph's errors and usage headers. Faults come from the kit (`emu.fault`).
 */
import type { EmuRequest, EmuResponse } from '../kit.js';
import { GraphEmulator, businessUsage, graphError, type TokenRecord } from '../meta/graph-emulator.js';
import { registerFacebookLogin } from '../meta/facebook-login.js';
import { FacebookState, type FbPage } from './state.js';
import { registerPublishing } from './publishing.js';
import { registerEngagement } from './engagement.js';

export const FB_APP_ID = '1234567890';
export const FB_APP_SECRET = 'fb-app-secret';
export const FB_PREFIX = '/v24.0';

export interface FacebookEmulator {
  g: GraphEmulator;
  state: FacebookState;
  /** Env for createTestApp pointing Varde's Facebook provider here. */
  env(extra?: Record<string, string>): Record<string, string>;
  addUser(userId: string, name: string, pages: Partial<FbPage>[]): FbPage[];
  /** Chunk size the resumable upload hands out (small in tests to exercise several transfers). */
  chunkSize: number;
  close(): Promise<void>;
}

export async function startFacebookEmulator(publicUrl: string, slug = 'facebook'): Promise<FacebookEmulator> {
  const g = await GraphEmulator.start({ appId: FB_APP_ID, appSecret: FB_APP_SECRET, redirectUri: `${publicUrl}/api/v1/oauth/callback/${slug}`, prefix: FB_PREFIX });
  const state = new FacebookState();
  const login = registerFacebookLogin(g, state);
  const self: FacebookEmulator = {
    g, state, chunkSize: 64 * 1024,
    env: (extra = {}) => ({
      [`VARDE_${slug.toUpperCase()}_APP_ID`]: FB_APP_ID, [`VARDE_${slug.toUpperCase()}_APP_SECRET`]: FB_APP_SECRET,
      [`VARDE_${slug.toUpperCase()}_GRAPH_URL`]: g.base, [`VARDE_${slug.toUpperCase()}_VIDEO_URL`]: g.base, [`VARDE_${slug.toUpperCase()}_DIALOG_URL`]: g.base,
      ...extra,
    }),
    addUser: (userId, name, pages) => login.addUser(userId, name, pages),
    close: () => g.close(),
  };

  registerPublishing(self);
  registerEngagement(self);

  // Node reads: a Page (with a user token it can hand out a Page token), a video's status, a post's fields.
  g.route('GET', '/:id', (req) => {
    const who = g.auth(req);
    if (!('token' in who)) return who;
    const page = login.readPage(req, who);
    if (page) return { ...page, headers: businessUsage(req.params.id, 'pages', 3) };
    const video = state.videos.get(req.params.id);
    if (video) {
      const phase = (done: boolean) => ({ status: done ? 'complete' : 'not_started' });
      return { json: { id: video.id, post_id: video.postId, status: { video_status: video.finished ? 'ready' : 'upload_incomplete', uploading_phase: { status: video.received.length === video.fileSize ? 'complete' : 'in_progress', bytes_transferred: video.received.length }, processing_phase: phase(video.finished), publishing_phase: { ...phase(video.finished), publish_status: video.finished ? 'published' : 'not_published' } } } };
    }
    const post = state.posts.get(req.params.id);
    if (post) {
      const comments = state.commentsOn(post.id, true).length;
      return { json: { id: post.id, message: post.message, created_time: post.createdTime, shares: { count: post.shares }, comments: { data: [], summary: { total_count: comments, can_comment: true } }, reactions: { data: [], summary: { total_count: post.reactions } } } };
    }
    return graphError(400, 100, `Unsupported get request. Object with ID '${req.params.id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { subcode: 33, type: 'GraphMethodException' });
  });
  return self;
}

/** The Page a Page token acts as, or Graph's refusal. */
export function pageAuth(self: FacebookEmulator, req: EmuRequest, pageId: string): TokenRecord | EmuResponse {
  const who = self.g.auth(req);
  if (!('token' in who)) return who;
  if (!self.state.pages.has(pageId)) return graphError(400, 100, `Unsupported post request. Object with ID '${pageId}' does not exist`, { subcode: 33, type: 'GraphMethodException' });
  if (who.kind !== 'page' || who.pageId !== pageId) return graphError(403, 200, 'If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission');
  return who;
}
