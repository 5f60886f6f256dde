/**
 * An emulator of the LinkedIn APIs Varde uses, on the kit: OAuth 2.0 (authorization at
 * /oauth/v2/authorization, tokens at /oauth/v2/accessToken with client_secret in the body, no
 * PKCE), OpenID `userinfo`, organization ACLs, the versioned Posts API (`LinkedIn-Version` and
 * `X-Restli-Protocol-Version` required, the URN in `x-restli-id`, little-text checks, duplicate
 * refusals), image and video uploads, comments, reactions and statistics; with LinkedIn's error
 * bodies `{status, code, serviceErrorCode, message}` and a store tests read back.
 */
import { startEmulator, type EmuRequest, type EmuResponse, type Emulator } from '../kit.js';
import { OAuthAuthority } from '../oauth.js';
import { mediaRoutes } from './media.routes.js';
import { socialRoutes } from './social.routes.js';

export interface LiPost { id: string; author: string; commentary: string; visibility: string; content?: any; distribution: any; createdAt: number; lifecycleState: string; isReshareDisabledByAuthor?: boolean }
export interface LiComment { urn: string; id: string; object: string; actor: string; text: string; parentComment?: string; created: number; likes: Set<string> }
export interface LiAsset { urn: string; owner: string; kind: 'image' | 'video'; status: 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED'; bytes: Map<number, Buffer>; size?: number; parts?: { firstByte: number; lastByte: number; etag?: string }[]; checks: number }

export interface LiState {
  members: Map<string, { sub: string; name: string }>;
  organizations: Map<string, { id: string; name: string; vanity: string; followers: number; admins: Set<string> }>;
  posts: Map<string, LiPost>;
  comments: LiComment[];
  assets: Map<string, LiAsset>;
  stats: Map<string, Record<string, number>>;
  /** How many status checks an upload stays PROCESSING. */
  processingChecks: number;
  failNextVideo?: string;
  seq: number;
  emuUrl: string;
}

export interface LinkedInEmulator {
  emu: Emulator;
  url: string;
  authority: OAuthAuthority;
  state: LiState;
  postsBy(author: string): LiPost[];
  /** Someone comments on a post. */
  comment(post: string, actor: string, text: string, parentComment?: string): LiComment;
  close(): Promise<void>;
}

export const ACTIVE_VERSIONS = /^2025(0[7-9]|1[0-2])$|^2026\d\d$/;
export const VIDEO_PART_BYTES = 4 * 1024 * 1024;

export function liError(status: number, message: string, code?: string, serviceErrorCode?: number): EmuResponse {
  return { status, json: { status, message, ...(code ? { code } : {}), ...(serviceErrorCode ? { serviceErrorCode } : {}) } };
}

/** The member behind the token and the scopes granted, or LinkedIn's answer. REST calls must carry the version headers. */
export function authenticate(authority: OAuthAuthority, state: LiState, req: EmuRequest, scopes: string[] = [], rest = true): { member: string; scopes: Set<string> } | { error: EmuResponse } {
  const who = authority.check(req.headers.authorization);
  if (who === 'expired') return { error: liError(401, 'The token used in the request has expired', 'EXPIRED_ACCESS_TOKEN', 65601) };
  if (!who) return { error: liError(401, 'Invalid access token', 'INVALID_ACCESS_TOKEN', 65600) };
  if (rest) {
    const version = req.headers['linkedin-version'];
    if (!version) return { error: liError(400, 'A version must be present. Please specify a version by adding the LinkedIn-Version header.', 'VERSION_MISSING') };
    if (!ACTIVE_VERSIONS.test(version)) return { error: liError(426, `Requested version ${version} is not active`, 'NONEXISTENT_VERSION') };
    if (req.headers['x-restli-protocol-version'] !== '2.0.0') return { error: liError(400, 'X-Restli-Protocol-Version 2.0.0 is required') };
  }
  const granted = new Set(who.scope.split(/[ ,]+/));
  const missing = scopes.filter((s) => !granted.has(s));
  if (missing.length) return { error: liError(403, `Not enough permissions to access: ${missing.join(', ')}`, 'ACCESS_DENIED', 100) };
  return { member: `urn:li:person:${who.userId}`, scopes: granted };
}

/** May this member act as `author` (themselves, or a page they administer)? */
export function mayActAs(state: LiState, member: string, author: string, scopes: Set<string>, write: boolean): string | null {
  if (author === member) return write && !scopes.has('w_member_social') ? 'w_member_social' : null;
  const org = state.organizations.get(author);
  if (!org || !org.admins.has(member)) return 'not an administrator of the organization';
  return write && !scopes.has('w_organization_social') ? 'w_organization_social' : null;
}

/** The page a member sees at LinkedIn before granting an app access: the app's request, Allow or Cancel. */
function consentPage(q: Record<string, string>): EmuResponse {
  const esc = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const hidden = Object.entries(q).map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
  const scopes = (q.scope ?? '').split(/[\s,]+/).filter(Boolean).map((s) => `<li>${esc(s)}</li>`).join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LinkedIn: sign in and allow access</title></head><body>
<main><h1>Varde would like to access your LinkedIn account</h1><p>Signed in as Ada Lovelace.</p><ul>${scopes}</ul>
<form method="post" action="/oauth/v2/authorization">${hidden}
<button type="submit" name="decision" value="allow">Allow</button> <button type="submit" name="decision" value="cancel">Cancel</button></form></main></body></html>`;
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, text: html };
}

/** `consentPage`: the authorize URL shows LinkedIn's consent page (for browser tests) instead of approving at once. */
export async function startLinkedInEmulator(opts: { clientId?: string; clientSecret?: string; redirectUri?: string; consentPage?: boolean } = {}): Promise<LinkedInEmulator> {
  const emu = await startEmulator();
  const clientId = opts.clientId ?? 'li-client';
  const authority = new OAuthAuthority({ clients: { [clientId]: { secret: opts.clientSecret ?? 'li-secret', redirectUris: opts.redirectUri ? [opts.redirectUri] : undefined } }, pkceRequired: false, accessTtlSeconds: 5_184_000, issueRefreshTokens: true });
  authority.currentUser = 'abc123';
  const state: LiState = {
    members: new Map([['abc123', { sub: 'abc123', name: 'Ada Lovelace' }], ['fan', { sub: 'fan', name: 'A Fan' }]]),
    organizations: new Map([['urn:li:organization:2414183', { id: '2414183', name: 'Varde Inc', vanity: 'varde', followers: 4321, admins: new Set(['urn:li:person:abc123']) }]]),
    posts: new Map(), comments: [], assets: new Map(), stats: new Map(), processingChecks: 1, seq: 7_100_000_000_000, emuUrl: emu.url,
  };

  emu.route('GET', '/oauth/v2/authorization', (req) => {
    if (opts.consentPage) return consentPage(req.query);
    const r = authority.authorize(req.query);
    if ('error' in r) return { status: 400, json: { error: r.error, error_description: r.description } };
    return { status: 302, headers: { location: r.redirect } };
  });
  // The member's answer on the consent page: Allow issues a code; Cancel goes back with LinkedIn's
  // user_cancelled_authorize error (as its documentation describes).
  emu.route('POST', '/oauth/v2/authorization', (req) => {
    const q = req.body as Record<string, string>;
    if (q.decision !== 'allow') {
      if (!q.redirect_uri) return { status: 400, json: { error: 'invalid_request', error_description: 'redirect_uri is required' } };
      const back = new URL(q.redirect_uri);
      back.searchParams.set('error', 'user_cancelled_authorize');
      back.searchParams.set('error_description', 'The user cancelled the authorization');
      if (q.state) back.searchParams.set('state', q.state);
      return { status: 302, headers: { location: back.toString() } };
    }
    const r = authority.authorize(q);
    if ('error' in r) return { status: 400, json: { error: r.error, error_description: r.description } };
    return { status: 302, headers: { location: r.redirect } };
  });
  emu.route('POST', '/oauth/v2/accessToken', (req) => {
    const client = authority.clientFrom(req.headers, req.body);
    if (!client.ok || !req.body.client_secret) return { status: 401, json: { error: 'invalid_client', error_description: 'Client authentication failed' } };
    const grant = req.body.grant_type === 'refresh_token' ? authority.refreshGrant(client.id, req.body.refresh_token ?? '') : authority.exchangeCode(client.id, req.body);
    if ('error' in grant) return { status: 400, json: { error: grant.error, error_description: grant.description } };
    return { json: { access_token: grant.accessToken, expires_in: grant.expiresIn, scope: grant.scope.split(' ').join(','), ...(grant.refreshToken ? { refresh_token: grant.refreshToken, refresh_token_expires_in: 31_536_000 } : {}) } };
  });
  emu.route('GET', '/v2/userinfo', (req) => {
    const a = authenticate(authority, state, req, ['openid', 'profile'], false);
    if ('error' in a) return a.error;
    const m = state.members.get(a.member.split(':').pop()!)!;
    return { json: { sub: m.sub, name: m.name, given_name: m.name.split(' ')[0], family_name: m.name.split(' ').slice(1).join(' '), locale: { country: 'US', language: 'en' } } };
  });
  emu.route('GET', '/rest/organizationAcls', (req) => {
    const a = authenticate(authority, state, req, ['rw_organization_admin']);
    if ('error' in a) return a.error;
    if (req.query.q !== 'roleAssignee') return liError(400, 'q must be roleAssignee');
    const elements = [...state.organizations].filter(([, o]) => o.admins.has(a.member)).map(([urn]) => ({ organization: urn, role: 'ADMINISTRATOR', state: 'APPROVED', roleAssignee: a.member }));
    return { json: { elements, paging: { count: 100, start: 0, total: elements.length } } };
  });
  emu.route('GET', '/rest/organizations/:id', (req) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    const org = state.organizations.get(`urn:li:organization:${req.params.id}`);
    return org ? { json: { id: Number(org.id), localizedName: org.name, vanityName: org.vanity } } : liError(404, 'Organization not found');
  });

  postRoutes(emu, authority, state);
  mediaRoutes(emu, authority, state);
  socialRoutes(emu, authority, state);

  return {
    emu, url: emu.url, authority, state,
    postsBy: (author) => [...state.posts.values()].filter((p) => p.author === author),
    comment(post, actor, text, parentComment) {
      const id = String((state.seq += 1));
      const activity = post.replace(/^urn:li:(share|ugcPost):/, 'urn:li:activity:');
      const c: LiComment = { urn: `urn:li:comment:(${activity},${id})`, id, object: post, actor, text, parentComment, created: Date.now(), likes: new Set() };
      state.comments.push(c);
      return c;
    },
    close: () => emu.close(),
  };
}

/** Characters that cut a post short when they are not backslash-escaped (outside templates). */
function unescapedReserved(commentary: string): string | null {
  const stripped = commentary.replace(/\{hashtag\|\\#\|(?:\\.|[^\\{}|])+\}/g, '');
  for (let i = 0; i < stripped.length; i++) {
    if (stripped[i] === '\\') i++;
    else if ('|{}@[]()<>#*_~'.includes(stripped[i])) return stripped[i];
  }
  return null;
}

function postRoutes(emu: Emulator, authority: OAuthAuthority, state: LiState) {
  emu.route('POST', '/rest/posts', (req) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    const b = req.body ?? {};
    const denied = mayActAs(state, a.member, String(b.author ?? ''), a.scopes, true);
    if (denied) return liError(403, `Not enough permissions to access: partnerApiPostsExternal.CREATE.${state.seq} (${denied})`, 'ACCESS_DENIED', 100);
    for (const f of ['author', 'commentary', 'visibility', 'distribution', 'lifecycleState']) if (b[f] === undefined) return liError(422, `ERROR :: /${f} :: field is required but not found and has no default value`);
    if (typeof b.commentary !== 'string' || b.commentary.length > 3000) return liError(422, 'ERROR :: /commentary :: length must be at most 3000');
    const bad = unescapedReserved(b.commentary);
    if (bad) return liError(422, `ERROR :: /commentary :: unescaped reserved character "${bad}" (the text would be cut there)`);
    if (!['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'].includes(b.visibility)) return liError(422, 'ERROR :: /visibility :: invalid value');
    const ids: string[] = b.content?.media ? [b.content.media.id] : b.content?.multiImage ? b.content.multiImage.images.map((i: any) => i.id) : [];
    if (b.content?.multiImage && (ids.length < 2 || ids.length > 20)) return liError(422, 'ERROR :: /content/multiImage/images :: must hold 2 to 20 images');
    for (const id of ids) {
      const asset = state.assets.get(id);
      if (!asset || asset.owner !== b.author) return liError(422, `ERROR :: /content :: ${id} is not an asset of the author`);
      if (asset.status !== 'AVAILABLE') return liError(422, `ERROR :: /content :: ${id} is not AVAILABLE`);
    }
    if (b.content?.article && !/^https?:\/\//.test(b.content.article.source ?? '')) return liError(422, 'ERROR :: /content/article/source :: must be a URL');
    const now = Date.now();
    const dup = [...state.posts.values()].find((p) => p.author === b.author && p.commentary === b.commentary && b.commentary && now - p.createdAt < 24 * 3600_000 && JSON.stringify(p.content ?? null) === JSON.stringify(b.content ?? null));
    if (dup) return liError(422, `Content is a duplicate of ${dup.id}`, 'DUPLICATE_POST');
    const id = `urn:li:share:${(state.seq += 1)}`;
    state.posts.set(id, { id, author: b.author, commentary: b.commentary, visibility: b.visibility, content: b.content, distribution: b.distribution, createdAt: now, lifecycleState: b.lifecycleState, isReshareDisabledByAuthor: b.isReshareDisabledByAuthor });
    return { status: 201, headers: { 'x-restli-id': id, 'x-linkedin-id': id }, text: '' };
  });

  emu.route('GET', '/rest/posts', (req) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    if (req.query.q !== 'author' || !req.query.author) return liError(400, 'q=author and author are required');
    const author = req.query.author;
    const needs = author.startsWith('urn:li:organization:') ? 'r_organization_social' : 'r_member_social';
    if (!a.scopes.has(needs)) return liError(403, `Not enough permissions to access: ${needs}`, 'ACCESS_DENIED', 100);
    const elements = [...state.posts.values()].filter((p) => p.author === author).sort((x, y) => y.createdAt - x.createdAt).slice(0, Number(req.query.count ?? 10));
    return { json: { elements: elements.map((p) => ({ ...p, publishedAt: p.createdAt, lastModifiedAt: p.createdAt })), paging: { start: 0, count: elements.length } } };
  });

  emu.route('GET', '/rest/posts/:urn', (req) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    const p = state.posts.get(req.params.urn);
    return p ? { json: { ...p, publishedAt: p.createdAt } } : liError(404, 'Post not found');
  });

  emu.route('DELETE', '/rest/posts/:urn', (req) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    const p = state.posts.get(req.params.urn);
    if (!p) return liError(404, 'Post not found');
    if (mayActAs(state, a.member, p.author, a.scopes, true)) return liError(403, 'Not enough permissions to delete this post', 'ACCESS_DENIED');
    state.posts.delete(p.id);
    return { status: 204, text: '' };
  });
}
