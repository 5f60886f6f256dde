/**
 * A Threads API emulator (graph.threads.net): the authorization window, code → short-lived token
 * (1 hour) → `th_exchange_token` (60 days) → `th_refresh_token` (only for an unexpired token at
 * least 24 hours old), `/me`, containers that really download `image_url`/`video_url`, text
 * checked (500 characters, 5 links), carousels of 2–20, replies by `reply_to_id`, the 24-hour
 * limits (250 posts, 1,000 replies), reading posts, replies, conversations and mentions,
 * `manage_reply`, deletes and insights, with Graph's error bodies.
 */
import { GraphEmulator, graphError, params } from '../meta/graph-emulator.js';
import { topFields } from '../meta/facebook-login.js';
import type { EmuRequest, EmuResponse } from '../kit.js';
import { ThreadsState, type ThProfile } from './state.js';
import { registerThreadsPublishing } from './publishing.js';
import { registerThreadsReading } from './reading.js';

export const TH_APP_ID = '3234567890';
export const TH_APP_SECRET = 'th-app-secret';
export const V = '/v1.0';

export interface ThreadsEmulator {
  g: GraphEmulator;
  state: ThreadsState;
  videoPolls: number;
  quota: { posts: number; replies: number };
  env(extra?: Record<string, string>): Record<string, string>;
  addProfile(p: Partial<ThProfile>): ThProfile;
  close(): Promise<void>;
}

export async function startThreadsEmulator(publicUrl: string): Promise<ThreadsEmulator> {
  const g = await GraphEmulator.start({ appId: TH_APP_ID, appSecret: TH_APP_SECRET, redirectUri: `${publicUrl}/api/v1/oauth/callback/threads`, prefix: '' });
  const state = new ThreadsState();
  const self: ThreadsEmulator = {
    g, state, videoPolls: 2, quota: { posts: 250, replies: 1000 },
    env: (extra = {}) => ({ VARDE_THREADS_APP_ID: TH_APP_ID, VARDE_THREADS_APP_SECRET: TH_APP_SECRET, VARDE_THREADS_GRAPH_URL: g.url, VARDE_THREADS_AUTH_URL: g.url, ...extra }),
    addProfile(p) {
      const profile = { id: p.id ?? g.nextId(), username: p.username ?? 'someone', name: p.name ?? 'Someone', followers: p.followers ?? 870 };
      state.profiles.set(profile.id, profile);
      return profile;
    },
    close: () => g.close(),
  };

  g.route('GET', '/oauth/authorize', (req) => g.loginDialog(req));
  g.route('POST', '/oauth/access_token', (req) => {
    const p = params(req);
    if (p.grant_type !== 'authorization_code') return graphError(400, 100, 'grant_type must be authorization_code');
    const redeemed = g.redeemCode(p);
    if (!('userId' in redeemed)) return redeemed;
    return { json: { access_token: g.mint('threads_short', redeemed.userId, 3600), user_id: Number(redeemed.userId) } };
  });
  g.route('GET', '/access_token', (req) => {
    if (req.query.grant_type !== 'th_exchange_token') return graphError(400, 100, 'grant_type must be th_exchange_token');
    if (req.query.client_secret !== TH_APP_SECRET) return graphError(400, 1, 'Error validating client secret.');
    const who = g.auth({ ...req, headers: {} }, ['threads_short']);
    if (!('token' in who)) return who;
    return { json: { access_token: g.mint('threads_long', who.userId, 5_184_000), token_type: 'bearer', expires_in: 5_184_000 } };
  });
  g.route('GET', '/refresh_access_token', (req) => {
    if (req.query.grant_type !== 'th_refresh_token') return graphError(400, 100, 'grant_type must be th_refresh_token');
    const who = g.auth({ ...req, headers: {} }, ['threads_long']);
    if (!('token' in who)) return who;
    if (Date.now() - who.issuedAt < 24 * 3600_000) return graphError(400, 190, 'The access token must be at least 24 hours old to be refreshed', { subcode: 2207055 });
    return { json: { access_token: g.mint('threads_long', who.userId, 5_184_000), token_type: 'bearer', expires_in: 5_184_000 } };
  });

  g.route('GET', `${V}/me`, (req) => {
    const who = g.auth(req, ['threads_long', 'threads_short']);
    if (!('token' in who)) return who;
    const p = state.profiles.get(who.userId);
    if (!p) return graphError(400, 100, 'No such profile');
    return pick({ id: p.id, username: p.username, name: p.name, threads_profile_picture_url: `https://cdn.example/${p.id}.jpg` }, req.query.fields);
  });

  registerThreadsPublishing(self);
  registerThreadsReading(self);

  g.route('GET', `${V}/:id`, (req) => {
    const who = g.auth(req, ['threads_long']);
    if (!('token' in who)) return who;
    const c = state.containers.get(req.params.id);
    if (c) {
      if (c.status === 'IN_PROGRESS' && --c.pollsLeft <= 0) c.status = 'FINISHED';
      return pick({ id: c.id, status: c.status, error_message: c.errorMessage }, req.query.fields ?? 'id,status');
    }
    const post = state.posts.get(req.params.id);
    if (post) return pick({ id: post.id, text: post.text, permalink: post.permalink, timestamp: post.timestamp, media_type: post.mediaType, username: post.username, shortcode: post.permalink.split('/').pop() }, req.query.fields);
    return graphError(400, 100, `Unsupported get request. Object with ID '${req.params.id}' does not exist`, { subcode: 33, type: 'THApiException' });
  });
  return self;
}

export function pick(all: Record<string, unknown>, fields: string | undefined): EmuResponse {
  const out: Record<string, unknown> = { id: all.id };
  for (const f of topFields(fields, 'id')) if (all[f] !== undefined) out[f] = all[f];
  return { json: out };
}

/** The caller's long-lived token, which must be the profile's own. */
export function ownerAuth(self: ThreadsEmulator, req: EmuRequest, userId: string) {
  const who = self.g.auth(req, ['threads_long']);
  if (!('token' in who)) return who;
  if (who.userId !== userId && userId !== 'me') return graphError(403, 10, 'Application does not have permission for this action');
  return who;
}
