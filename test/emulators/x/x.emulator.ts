/**
 * An emulator of the X API v2 endpoints Varde uses, on the kit: OAuth 2.0 with PKCE (authorize at
 * /i/oauth2/authorize, tokens at /2/oauth2/token with rotating refresh tokens), /2/users/me, posts,
 * timelines, mentions, DMs, hidden replies, likes, metrics and the chunked media upload — with X's
 * validation, problem-shaped error bodies (401 Unauthorized, 403 duplicate content, 429 with
 * `x-rate-limit-*` headers) and a store tests read back. Faults come from the kit (`emu.fault`).
 */
import { startEmulator, type EmuRequest, type EmuResponse, type Emulator } from '../kit.js';
import { OAuthAuthority } from '../oauth.js';
import { mediaRoutes } from './media.routes.js';
import { tweetRoutes } from './tweets.routes.js';

export interface XUser { id: string; username: string; name: string; followers: number }

export interface StoredTweet {
  id: string;
  text: string;
  /** The text as submitted (X appends a t.co link for media to `text`). */
  submitted?: string;
  author_id: string;
  created_at: string;
  conversation_id: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: 'replied_to' | 'quoted'; id: string }[];
  media_ids: string[];
  poll?: { options: string[]; duration_minutes: number };
  reply_settings?: string;
  hidden: boolean;
  likes: Set<string>;
  metrics: { impression_count: number; retweet_count: number; quote_count: number; bookmark_count: number; url_link_clicks: number };
}

export interface StoredMedia {
  id: string;
  media_key: string;
  owner: string;
  media_type: string;
  category: string;
  total_bytes: number;
  segments: Map<number, Buffer>;
  state: 'uploading' | 'pending' | 'in_progress' | 'succeeded' | 'failed';
  statusChecks: number;
  alt?: string;
  error?: string;
}

export interface StoredDm { id: string; text: string; sender_id: string; dm_conversation_id: string; created_at: string }

export interface XState {
  users: Map<string, XUser>;
  tweets: Map<string, StoredTweet>;
  media: Map<string, StoredMedia>;
  dms: StoredDm[];
  /** Per user: the POST /2/tweets window (X: 100 per 15 minutes per user). */
  postLimit: Map<string, { remaining: number; reset: number }>;
  /** How many STATUS checks a video or GIF stays in processing (pending, then in_progress). */
  processingChecks: number;
  /** The next video/GIF to finalize fails processing with this message. */
  failNextProcessing?: string;
  nextId(): string;
}

export interface XEmulator {
  emu: Emulator;
  url: string;
  authority: OAuthAuthority;
  state: XState;
  /** Another account posts (a mention, a reply, a quote): returns the stored post. */
  postAs(userId: string, text: string, opts?: { replyTo?: string; quote?: string; createdAt?: Date }): StoredTweet;
  dm(fromUserId: string, toUserId: string, text: string): StoredDm;
  tweetsBy(userId: string): StoredTweet[];
  /** Uses up the user's POST /2/tweets window until `resetEpochSec`. */
  exhaustPostLimit(userId: string, resetEpochSec: number): void;
  close(): Promise<void>;
}

export const X_POST_LIMIT = 100;
const WINDOW_SEC = 15 * 60;

export function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): EmuResponse {
  return { status, json: { title, detail, type: 'about:blank', status, ...extra } };
}

export const unauthorized = () => problem(401, 'Unauthorized', 'Unauthorized');

export function invalid(message: string): EmuResponse {
  return { status: 400, json: { errors: [{ message }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' } };
}

/** The calling user, or X's 401/403 answer. */
export function authenticate(authority: OAuthAuthority, state: XState, req: EmuRequest, scopes: string[]): { user: XUser } | { error: EmuResponse } {
  if (!/^Bearer\s+\S+$/i.test(req.headers.authorization ?? '')) return { error: unauthorized() };
  const who = authority.check(req.headers.authorization);
  if (!who || who === 'expired') return { error: unauthorized() };
  const granted = new Set(who.scope.split(/\s+/));
  if (scopes.some((s) => !granted.has(s))) return { error: problem(403, 'Forbidden', 'You are not permitted to perform this action.') };
  const user = state.users.get(who.userId);
  return user ? { user } : { error: unauthorized() };
}

export async function startXEmulator(opts: { clientId?: string; clientSecret?: string; redirectUri?: string } = {}): Promise<XEmulator> {
  const emu = await startEmulator();
  const clientId = opts.clientId ?? 'x-client';
  const authority = new OAuthAuthority({
    clients: { [clientId]: { secret: opts.clientSecret ?? 'x-secret', redirectUris: opts.redirectUri ? [opts.redirectUri] : undefined } },
    pkceRequired: true, accessTtlSeconds: 7200, rotateRefresh: true,
  });
  let seq = 1_880_000_000_000_000_000n;
  const state: XState = {
    users: new Map([
      ['1001', { id: '1001', username: 'varde_hq', name: 'Varde HQ', followers: 1234 }],
      ['1002', { id: '1002', username: 'second_acct', name: 'Second', followers: 5 }],
      ['2001', { id: '2001', username: 'fan_one', name: 'Fan One', followers: 10 }],
    ]),
    tweets: new Map(), media: new Map(), dms: [], postLimit: new Map(), processingChecks: 2,
    nextId: () => String((seq += 1n)),
  };
  authority.currentUser = '1001';

  emu.route('GET', '/i/oauth2/authorize', (req) => {
    const r = authority.authorize(req.query);
    if ('error' in r) return { status: 400, json: { error: r.error, error_description: r.description } };
    return { status: 302, headers: { location: r.redirect } };
  });
  emu.route('POST', '/2/oauth2/token', (req) => {
    const client = authority.clientFrom(req.headers, req.body);
    if (!client.ok) return { status: 401, json: { error: 'unauthorized_client', error_description: 'Missing valid authorization header' } };
    const grant = req.body.grant_type === 'refresh_token' ? authority.refreshGrant(client.id, req.body.refresh_token ?? '') : req.body.grant_type === 'authorization_code' ? authority.exchangeCode(client.id, req.body) : { error: 'unsupported_grant_type', description: 'grant_type is not supported' };
    if ('error' in grant) return { status: 400, json: { error: 'invalid_request', error_description: grant.error === 'invalid_grant' ? 'Value passed for the token was invalid.' : grant.description } };
    return { json: { token_type: 'bearer', expires_in: grant.expiresIn, access_token: grant.accessToken, scope: grant.scope, ...(grant.refreshToken ? { refresh_token: grant.refreshToken } : {}) } };
  });
  emu.route('GET', '/2/users/me', (req) => {
    const a = authenticate(authority, state, req, ['users.read']);
    if ('error' in a) return a.error;
    const fields = (req.query['user.fields'] ?? '').split(',');
    const u = a.user;
    return { json: { data: { id: u.id, name: u.name, username: u.username, ...(fields.includes('public_metrics') ? { public_metrics: { followers_count: u.followers, following_count: 3, tweet_count: [...state.tweets.values()].filter((t) => t.author_id === u.id).length, listed_count: 0 } } : {}) } } };
  });

  tweetRoutes(emu, authority, state);
  mediaRoutes(emu, authority, state);

  const postAs: XEmulator['postAs'] = (userId, text, o = {}) => {
    const id = state.nextId();
    const parent = o.replyTo ? state.tweets.get(o.replyTo) : undefined;
    const t: StoredTweet = {
      id, text, author_id: userId, created_at: (o.createdAt ?? new Date()).toISOString(), conversation_id: parent?.conversation_id ?? id,
      in_reply_to_user_id: parent?.author_id, media_ids: [], hidden: false, likes: new Set(),
      referenced_tweets: [...(o.replyTo ? [{ type: 'replied_to' as const, id: o.replyTo }] : []), ...(o.quote ? [{ type: 'quoted' as const, id: o.quote }] : [])],
      metrics: { impression_count: 0, retweet_count: 0, quote_count: 0, bookmark_count: 0, url_link_clicks: 0 },
    };
    state.tweets.set(id, t);
    return t;
  };

  return {
    emu, url: emu.url, authority, state, postAs,
    dm(from, to, text) {
      const dm = { id: state.nextId(), text, sender_id: from, dm_conversation_id: [from, to].sort().join('-'), created_at: new Date().toISOString() };
      state.dms.push(dm);
      return dm;
    },
    tweetsBy: (userId) => [...state.tweets.values()].filter((t) => t.author_id === userId),
    exhaustPostLimit(userId, reset) {
      state.postLimit.set(userId, { remaining: 0, reset });
    },
    close: () => emu.close(),
  };
}

/** Takes one POST /2/tweets from the user's window; the rate-limit headers X sends, and whether it is spent. */
export function takePostSlot(state: XState, userId: string): { headers: Record<string, string>; limited: boolean } {
  const now = Math.floor(Date.now() / 1000);
  let w = state.postLimit.get(userId);
  if (!w || w.reset <= now) state.postLimit.set(userId, (w = { remaining: X_POST_LIMIT, reset: now + WINDOW_SEC }));
  const limited = w.remaining <= 0;
  if (!limited) w.remaining -= 1;
  return { limited, headers: { 'x-rate-limit-limit': String(X_POST_LIMIT), 'x-rate-limit-remaining': String(w.remaining), 'x-rate-limit-reset': String(w.reset) } };
}
