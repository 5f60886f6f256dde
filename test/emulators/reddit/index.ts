/**
 * Reddit's API as Varde uses it (reddit.com/dev/api, the OAuth2 wiki, PRAW's recorded sessions):
 * www.reddit.com's authorize page and token endpoint (Basic client auth, `duration=permanent`,
 * expiring access tokens, refresh grants; no PKCE), oauth.reddit.com with `bearer` tokens, scopes,
 * a required non-generic User-Agent and `X-Ratelimit-Used/Remaining/Reset` on every answer;
 * submits that refuse inside a 200 (`json.errors`: SUBREDDIT_NOEXIST, NO_SELFS, TOO_LONG,
 * ALREADY_SUB, SUBMIT_VALIDATION_FLAIR_REQUIRED…), the media lease + S3 form upload, image/video
 * posts that appear only after processing (the submit answers a websocket URL), galleries, comments,
 * the inbox and mentions, votes, moderator remove/approve, `/api/info`, and the user's listings.
 */
import crypto from 'node:crypto';
import { startEmulator, type EmuRequest, type EmuResponse, type Emulator } from '../kit.js';
import { OAuthAuthority } from '../oauth.js';

export interface EmuSubreddit {
  name: string;
  allowSelf: boolean;
  allowLinks: boolean;
  allowImages: boolean;
  allowVideos: boolean;
  flairRequired: boolean;
  moderators: Set<string>;
}

export interface EmuPost {
  id: string;
  name: string;
  author: string;
  subreddit: string;
  title: string;
  kind: 'self' | 'link' | 'image' | 'video' | 'gallery';
  selftext: string;
  url: string;
  flairId?: string;
  flairText?: string;
  nsfw: boolean;
  spoiler: boolean;
  sendReplies: boolean;
  created: number;
  media: { assetId: string; mime: string; size: number; caption?: string }[];
  posterUrl?: string;
  score: number;
  deleted: boolean;
}

export interface EmuComment {
  id: string;
  name: string;
  author: string;
  body: string;
  parentId: string;
  linkId: string;
  created: number;
  removed: boolean;
  deleted: boolean;
  votes: Set<string>;
}

export interface RedditEmulator extends Emulator {
  authority: OAuthAuthority;
  me: { id: string; name: string; followers: number };
  subreddits: Map<string, EmuSubreddit>;
  posts: EmuPost[];
  comments: EmuComment[];
  /** Live posts of a user (default: the logged-in one), oldest first. */
  postsBy(author?: string): EmuPost[];
  config: { mediaDelayMs: number; accessTtlSeconds: number };
  /** Someone comments on a post or replies to a comment (a t3_ or t1_ name). */
  commentOn(parent: string, author: string, body: string): EmuComment;
  /** Someone mentions u/<me> in a comment elsewhere. */
  mention(author: string, body: string): EmuComment;
  /** Someone sends the user a private message. */
  message(author: string, subject: string, body: string): string;
  userAgents: string[];
  /** Registers a redirect URI for the app, as the operator does at reddit.com/prefs/apps. */
  allowRedirect(uri: string): void;
  /** Revokes one refresh token, as when the user removes the app in their Reddit preferences. */
  revokeRefreshToken(token: string): void;
}

const base36 = () => crypto.randomInt(36 ** 5, 36 ** 6).toString(36);
const fail = (status: number, message: string): EmuResponse => ({ status, json: { message, error: status } });
const apiErrors = (errors: [string, string, string][]): EmuResponse => ({ json: { json: { errors } } });

export async function startRedditEmulator(opts: { clientId: string; clientSecret: string }): Promise<RedditEmulator> {
  const emu = await startEmulator();
  const config = { mediaDelayMs: 300, accessTtlSeconds: 3600 };
  const redirectUris: string[] = [];
  const authority = new OAuthAuthority({ clients: { [opts.clientId]: { secret: opts.clientSecret, redirectUris } }, pkceRequired: false, accessTtlSeconds: 3600, rotateRefresh: false });
  const me = { id: 'abc12', name: 'varde_tester', followers: 57 };
  authority.currentUser = me.name;
  const subreddits = new Map<string, EmuSubreddit>();
  const addSub = (name: string, o: Partial<EmuSubreddit> = {}) => subreddits.set(name.toLowerCase(), { name, allowSelf: true, allowLinks: true, allowImages: true, allowVideos: true, flairRequired: false, moderators: new Set(), ...o });
  addSub('typescript', { moderators: new Set([me.name]) });
  addSub('pics', { allowSelf: false });
  addSub('flairy', { flairRequired: true });
  addSub('elsewhere');
  addSub(`u_${me.name}`, { moderators: new Set([me.name]) });
  const posts: EmuPost[] = [];
  const comments: EmuComment[] = [];
  const assets = new Map<string, { key: string; mime: string; uploaded: boolean; size: number }>();
  const inbox: { name: string; kind: 't1' | 't4'; type: string; author: string; body: string; subject: string; created: number; context?: string; parentId?: string; linkId?: string; subreddit?: string }[] = [];
  const windowCalls: number[] = [];
  const userAgents: string[] = [];
  const revokedRefresh = new Set<string>();
  const now = () => Date.now() / 1000;

  const rateHeaders = (): Record<string, string> => {
    const t = Date.now();
    while (windowCalls.length && windowCalls[0] < t - 600_000) windowCalls.shift();
    windowCalls.push(t);
    const reset = Math.ceil((600_000 - (t % 600_000)) / 1000);
    return { 'x-ratelimit-used': String(windowCalls.length), 'x-ratelimit-remaining': String(Math.max(0, 600 - windowCalls.length)), 'x-ratelimit-reset': String(reset) };
  };

  const SCOPES: Record<string, string> = {
    '/api/v1/me': 'identity', '/api/submit': 'submit', '/api/submit_gallery_post.json': 'submit', '/api/media/asset.json': 'submit', '/api/comment': 'submit',
    '/api/del': 'edit', '/message/inbox': 'privatemessages', '/message/mentions': 'privatemessages', '/api/vote': 'vote', '/api/remove': 'modposts',
    '/api/approve': 'modposts', '/api/info': 'read',
  };

  /** oauth.reddit.com: bearer token, scope, User-Agent, rate headers. */
  const api = (handler: (req: EmuRequest, user: string) => EmuResponse | Promise<EmuResponse>) => async (req: EmuRequest): Promise<EmuResponse> => {
    const ua = req.headers['user-agent'] ?? '';
    userAgents.push(ua);
    if (!ua || /^(node|undici|python-requests|curl)/i.test(ua)) return { status: 429, json: { message: 'Too Many Requests', error: 429 } };
    const who = authority.check(req.headers.authorization?.replace(/^bearer\s+/i, ''));
    if (!who || who === 'expired') return { ...fail(401, 'Unauthorized'), headers: { 'www-authenticate': 'Bearer realm="reddit", error="invalid_token"' } };
    const needed = SCOPES[req.path] ?? (req.path.startsWith('/user/') ? 'history' : undefined);
    if (needed && !who.scope.split(/[\s,]+/).includes(needed)) return { ...fail(403, 'Forbidden'), headers: { 'www-authenticate': `Bearer realm="reddit", error="insufficient_scope", scope="${needed}"` } };
    const headers = rateHeaders();
    if (windowCalls.length > 600) return { status: 429, headers, json: { message: 'Too Many Requests', error: 429 } };
    const out = await handler(req, who.userId);
    return { ...out, headers: { ...headers, ...out.headers } };
  };

  const permalink = (p: EmuPost) => `/r/${p.subreddit}/comments/${p.id}/${p.title.toLowerCase().replace(/\W+/g, '_').slice(0, 40)}/`;
  const postJson = (p: EmuPost) => ({
    id: p.id, name: p.name, author: p.author, subreddit: p.subreddit, title: p.title, selftext: p.selftext, url: p.kind === 'link' ? p.url : `https://www.reddit.com${permalink(p)}`,
    permalink: permalink(p), created_utc: p.created, score: p.score, ups: p.score, upvote_ratio: 1, num_comments: comments.filter((c) => c.linkId === p.name && !c.deleted).length,
    num_crossposts: 0, view_count: null, over_18: p.nsfw, spoiler: p.spoiler, link_flair_template_id: p.flairId ?? null, is_gallery: p.kind === 'gallery', is_video: p.kind === 'video',
  });
  const commentJson = (c: EmuComment) => ({ id: c.id, name: c.name, author: c.author, body: c.body, parent_id: c.parentId, link_id: c.linkId, created_utc: c.created, permalink: `${permalink(posts.find((p) => p.name === c.linkId)!)}${c.id}/` });
  const listing = (kind: string, children: unknown[]) => ({ json: { kind: 'Listing', data: { after: null, before: null, dist: children.length, children: children.map((data) => ({ kind, data })) } } });

  // --- www.reddit.com: authorize and tokens -----------------------------------------------------
  emu.route('GET', '/api/v1/authorize', (req) => {
    if (req.query.duration !== 'permanent' && req.query.duration !== 'temporary') return { status: 400, text: 'invalid duration' };
    const r = authority.authorize(req.query);
    return 'error' in r ? { status: 400, json: r } : { status: 302, headers: { location: r.redirect } };
  });
  emu.route('POST', '/api/v1/access_token', (req) => {
    const client = authority.clientFrom(req.headers, {});
    if (!client.ok) return fail(401, 'Unauthorized');
    const body = req.body as Record<string, string>;
    if (body.grant_type === 'refresh_token' && revokedRefresh.has(body.refresh_token)) return { status: 400, json: { error: 'invalid_grant' } };
    const g = body.grant_type === 'refresh_token' ? authority.refreshGrant(client.id, body.refresh_token) : body.grant_type === 'authorization_code' ? authority.exchangeCode(client.id, body) : { error: 'unsupported_grant_type', description: '' };
    if ('error' in g) return { status: 400, json: { error: g.error } };
    return { json: { access_token: g.accessToken, token_type: 'bearer', expires_in: config.accessTtlSeconds, scope: g.scope, ...(body.grant_type === 'authorization_code' ? { refresh_token: g.refreshToken } : {}) } };
  });

  // --- oauth.reddit.com ------------------------------------------------------------------------
  emu.route('GET', '/api/v1/me', api(() => ({ json: { id: me.id, name: me.name, total_karma: 1234, link_karma: 1000, comment_karma: 234, icon_img: '', subreddit: { display_name: `u_${me.name}`, subscribers: me.followers } } })));

  emu.route('POST', '/api/media/asset.json', api((req) => {
    const mime = req.body.mimetype;
    if (!['image/png', 'image/jpeg', 'image/gif', 'video/mp4', 'video/quicktime'].includes(mime)) return apiErrors([['BAD_MIMETYPE', 'unsupported file type', 'mimetype']]);
    const assetId = base36() + base36();
    const key = `rte_images/${assetId}`;
    assets.set(assetId, { key, mime, uploaded: false, size: 0 });
    return { json: { args: { action: `//127.0.0.1:${emu.port}/s3`, fields: [{ name: 'acl', value: 'public-read' }, { name: 'key', value: key }, { name: 'X-Amz-Algorithm', value: 'AWS4-HMAC-SHA256' }, { name: 'success_action_status', value: '201' }, { name: 'content-type', value: mime }, { name: 'policy', value: 'eyJ…' }] }, asset: { asset_id: assetId, processing_state: 'incomplete', payload: { filepath: req.body.filepath }, websocket_url: `wss://ws.example/${assetId}` } } };
  }));

  emu.route('POST', '/s3', (req) => {
    const key = req.fields.key;
    const asset = [...assets.values()].find((a) => a.key === key);
    const file = req.files.file;
    if (!asset || !req.fields.policy) return { status: 403, text: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Invalid according to Policy</Message></Error>' };
    if (!file) return { status: 400, text: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidArgument</Code><Message>POST requires exactly one file upload per request.</Message></Error>' };
    const max = asset.mime.startsWith('video/') ? 1024 ** 3 : 20 * 1024 * 1024;
    if (file.data.length > max) return { status: 400, text: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed size</Message><ProposedSize>${file.data.length}</ProposedSize><MaxSizeAllowed>${max}</MaxSizeAllowed></Error>` };
    asset.uploaded = true;
    asset.size = file.data.length;
    return { status: 201, text: `<?xml version="1.0" encoding="UTF-8"?><PostResponse><Location>http://127.0.0.1:${emu.port}/s3/${encodeURIComponent(key)}</Location><Key>${key}</Key></PostResponse>` };
  });

  const validate = (b: Record<string, any>, kind: EmuPost['kind']): { sub: EmuSubreddit } | EmuResponse => {
    if (!b.sr) return apiErrors([['SUBREDDIT_REQUIRED', 'you must specify a subreddit', 'sr']]);
    const sub = subreddits.get(String(b.sr).toLowerCase());
    if (!sub) return apiErrors([['SUBREDDIT_NOEXIST', "that subreddit doesn't exist", 'sr']]);
    if (!b.title || !String(b.title).trim()) return apiErrors([['NO_TEXT', 'we need something here', 'title']]);
    if ([...String(b.title)].length > 300) return apiErrors([['TOO_LONG', 'this is too long (max: 300)', 'title']]);
    if (b.text && [...String(b.text)].length > 40_000) return apiErrors([['TOO_LONG', 'this is too long (max: 40000)', 'text']]);
    if (kind === 'self' && !sub.allowSelf) return apiErrors([['NO_SELFS', "This community doesn't allow text posts.", 'sr']]);
    if (kind === 'link' && !sub.allowLinks) return apiErrors([['NO_LINKS', "This community doesn't allow links.", 'sr']]);
    if ((kind === 'image' || kind === 'gallery') && !sub.allowImages) return apiErrors([['NO_IMAGES', "This community doesn't allow images.", 'sr']]);
    if (kind === 'video' && !sub.allowVideos) return apiErrors([['NO_VIDEOS', "This community doesn't allow videos.", 'sr']]);
    if (sub.flairRequired && !b.flair_id && !b.flair_text) return apiErrors([['SUBMIT_VALIDATION_FLAIR_REQUIRED', 'Your post must contain post flair.', 'flair']]);
    return { sub };
  };

  const makePost = (b: Record<string, any>, user: string, sub: EmuSubreddit, kind: EmuPost['kind'], extra: Partial<EmuPost> = {}): EmuPost => {
    const id = base36();
    const p: EmuPost = {
      id, name: `t3_${id}`, author: user, subreddit: sub.name, title: String(b.title), kind, selftext: String(b.text ?? ''), url: String(b.url ?? ''),
      flairId: b.flair_id, flairText: b.flair_text, nsfw: String(b.nsfw) === 'true', spoiler: String(b.spoiler) === 'true', sendReplies: String(b.sendreplies) !== 'false',
      created: now(), media: [], score: 1, deleted: false, ...extra,
    };
    posts.push(p);
    return p;
  };

  emu.route('POST', '/api/submit', api((req, user) => {
    const b = req.body as Record<string, any>;
    const kind = b.kind as EmuPost['kind'];
    if (!['self', 'link', 'image', 'video'].includes(kind)) return apiErrors([['INVALID_OPTION', 'that option is not valid', 'kind']]);
    const checked = validate(b, kind);
    if (!('sub' in checked)) return checked;
    const { sub } = checked;
    if (kind === 'link' || kind === 'image' || kind === 'video') {
      if (!b.url) return apiErrors([['NO_URL', 'a url is required', 'url']]);
      if (kind === 'link' && String(b.resubmit) !== 'true' && posts.some((p) => !p.deleted && p.kind === 'link' && p.url === b.url && p.subreddit === sub.name)) {
        return apiErrors([['ALREADY_SUB', "This community doesn't allow duplicate link posts. Please try again with a different link.", 'url']]);
      }
    }
    if (kind === 'image' || kind === 'video') {
      const asset = [...assets.entries()].find(([, a]) => String(b.url).endsWith(a.key));
      if (!asset || !asset[1].uploaded) return apiErrors([['BAD_URL', 'you should check that url', 'url']]);
      if (kind === 'video' && !b.video_poster_url) return apiErrors([['NO_VIDEO_POSTER', 'a poster image is required for videos', 'video_poster_url']]);
      // The post appears once the media is "processed"; the answer only points at a websocket.
      setTimeout(() => makePost(b, user, sub, kind, { media: [{ assetId: asset[0], mime: asset[1].mime, size: asset[1].size }], posterUrl: b.video_poster_url }), config.mediaDelayMs);
      return { json: { json: { errors: [], data: { user_submitted_page: `https://www.reddit.com/user/${user}/submitted/`, websocket_url: `wss://k8s-lb.wss.redditmedia.com/${asset[0]}?m=x` } } } };
    }
    const p = makePost(b, user, sub, kind);
    return { json: { json: { errors: [], data: { url: `https://www.reddit.com${permalink(p)}`, drafts_count: 0, id: p.id, name: p.name } } } };
  }));

  emu.route('POST', '/api/submit_gallery_post.json', api((req, user) => {
    const b = req.body as Record<string, any>;
    const checked = validate(b, 'gallery');
    if (!('sub' in checked)) return checked;
    const items = Array.isArray(b.items) ? b.items : [];
    if (items.length < 2 || items.length > 20) return apiErrors([['BAD_GALLERY', 'a gallery has 2 to 20 items', 'items']]);
    const media = items.map((i: any) => ({ assetId: i.media_id, asset: assets.get(i.media_id), caption: i.caption }));
    if (media.some((m: any) => !m.asset?.uploaded)) return apiErrors([['MEDIA_NOT_FOUND', 'a media item was not uploaded', 'items']]);
    if (media.some((m: any) => (m.caption ?? '').length > 180)) return apiErrors([['TOO_LONG', 'this is too long (max: 180)', 'caption']]);
    const p = makePost(b, user, checked.sub, 'gallery', { media: media.map((m: any) => ({ assetId: m.assetId, mime: m.asset.mime, size: m.asset.size, caption: m.caption })) });
    return { json: { json: { errors: [], data: { url: `https://www.reddit.com${permalink(p)}`, id: p.name } } } };
  }));

  const addComment = (parent: string, author: string, body: string): EmuComment | null => {
    const parentPost = posts.find((p) => p.name === parent && !p.deleted);
    const parentComment = comments.find((c) => c.name === parent && !c.deleted);
    if (!parentPost && !parentComment) return null;
    const id = base36();
    const c: EmuComment = { id, name: `t1_${id}`, author, body, parentId: parent, linkId: parentPost?.name ?? parentComment!.linkId, created: now(), removed: false, deleted: false, votes: new Set() };
    comments.push(c);
    const post = posts.find((p) => p.name === c.linkId)!;
    const replyTo = parentPost ? parentPost.author : parentComment!.author;
    if (replyTo === me.name && author !== me.name) {
      inbox.push({ name: c.name, kind: 't1', type: parentPost ? 'post_reply' : 'comment_reply', author, body, subject: parentPost ? 'post reply' : 'comment reply', created: c.created, context: `${permalink(post)}${c.id}/?context=3`, parentId: parent, linkId: c.linkId, subreddit: post.subreddit });
    }
    return c;
  };

  emu.route('POST', '/api/comment', api((req, user) => {
    const b = req.body as Record<string, string>;
    if (!b.text?.trim()) return apiErrors([['NO_TEXT', 'we need something here', 'text']]);
    if (b.thing_id?.startsWith('t4_')) {
      const msg = inbox.find((m) => m.name === b.thing_id);
      if (!msg) return apiErrors([['NO_THING_ID', 'no such message', 'parent']]);
      const id = base36();
      return { json: { json: { errors: [], data: { things: [{ kind: 't4', data: { id, name: `t4_${id}`, body: b.text, author: user, parent_id: b.thing_id } }] } } } };
    }
    const c = addComment(b.thing_id, user, b.text);
    if (!c) return apiErrors([['DELETED_COMMENT', 'that comment has been deleted', 'parent']]);
    return { json: { json: { errors: [], data: { things: [{ kind: 't1', data: commentJson(c) }] } } } };
  }));

  emu.route('POST', '/api/del', api((req, user) => {
    const id = (req.body as Record<string, string>).id;
    const thing = posts.find((p) => p.name === id) ?? comments.find((c) => c.name === id);
    if (thing && thing.author === user) thing.deleted = true;
    return { json: {} };
  }));

  emu.route('POST', '/api/vote', api((req, user) => {
    const { id, dir } = req.body as Record<string, string>;
    const c = comments.find((x) => x.name === id);
    const p = posts.find((x) => x.name === id);
    if (!c && !p) return fail(400, 'Bad Request');
    if (c) (dir === '1' ? c.votes.add(user) : c.votes.delete(user));
    if (p && dir === '1') p.score += 1;
    return { json: {} };
  }));

  const moderate = (removed: boolean) => api((req, user) => {
    const c = comments.find((x) => x.name === (req.body as Record<string, string>).id);
    if (!c) return fail(400, 'Bad Request');
    const sub = subreddits.get(posts.find((p) => p.name === c.linkId)!.subreddit.toLowerCase())!;
    if (!sub.moderators.has(user)) return fail(403, 'Forbidden');
    c.removed = removed;
    return { json: {} };
  });
  emu.route('POST', '/api/remove', moderate(true));
  emu.route('POST', '/api/approve', moderate(false));

  emu.route('GET', '/api/info', api((req) => {
    const ids = (req.query.id ?? '').split(',').filter(Boolean);
    return listing('t3', posts.filter((p) => ids.includes(p.name) && !p.deleted).map(postJson));
  }));

  emu.route('GET', '/user/:name/submitted', api((req) => {
    const limit = Math.min(Number(req.query.limit ?? 25), 100);
    return listing('t3', posts.filter((p) => p.author === req.params.name && !p.deleted).reverse().slice(0, limit).map(postJson));
  }));
  emu.route('GET', '/user/:name/comments', api((req) => {
    const limit = Math.min(Number(req.query.limit ?? 25), 100);
    return listing('t1', comments.filter((c) => c.author === req.params.name && !c.deleted).reverse().slice(0, limit).map(commentJson));
  }));

  const inboxJson = (m: (typeof inbox)[number]) => ({ id: m.name.slice(3), name: m.name, author: m.author, body: m.body, subject: m.subject, created_utc: m.created, context: m.context ?? '', parent_id: m.parentId ?? null, link_id: m.linkId, was_comment: m.kind === 't1', type: m.type, subreddit: m.subreddit ?? null, first_message_name: null });
  emu.route('GET', '/message/inbox', api(() => ({ json: { kind: 'Listing', data: { children: [...inbox].reverse().map((m) => ({ kind: m.kind, data: inboxJson(m) })) } } })));
  emu.route('GET', '/message/mentions', api(() => ({ json: { kind: 'Listing', data: { children: inbox.filter((m) => m.type === 'username_mention').reverse().map((m) => ({ kind: m.kind, data: inboxJson(m) })) } } })));

  return Object.assign(emu, {
    authority, me, subreddits, posts, comments, config, userAgents,
    postsBy: (author = me.name) => posts.filter((p) => p.author === author && !p.deleted),
    commentOn: (parent: string, author: string, body: string) => addComment(parent, author, body)!,
    mention(author: string, body: string) {
      let host = posts.find((p) => p.subreddit === 'elsewhere' && !p.deleted);
      if (!host) host = makePost({ title: 'Elsewhere', text: '' }, 'someone_else', subreddits.get('elsewhere')!, 'self');
      const c = addComment(host.name, author, body)!;
      inbox.push({ name: c.name, kind: 't1', type: 'username_mention', author, body, subject: 'username mention', created: c.created, context: `${permalink(host)}${c.id}/?context=3`, parentId: host.name, linkId: host.name, subreddit: host.subreddit });
      return c;
    },
    allowRedirect(uri: string) {
      redirectUris.push(uri);
    },
    revokeRefreshToken(token: string) {
      revokedRefresh.add(token);
    },
    message(author: string, subject: string, body: string) {
      const name = `t4_${base36()}`;
      inbox.push({ name, kind: 't4', type: 'unknown', author, body, subject, created: now() });
      return name;
    },
  });
}
