/**
 * Facebook Login on the emulators (shared by the Facebook and Instagram emulators): the dialog,
 * `/oauth/access_token` for the code and for `fb_exchange_token`, `/me/accounts` with a Page token
 * per Page and cursor paging, and the Page node's fields (`instagram_business_account{…}` too).
 */
import type { EmuRequest, EmuResponse } from '../kit.js';
import type { FacebookState, FbPage } from '../facebook/state.js';
import { graphError, params, type GraphEmulator, type TokenRecord } from './graph-emulator.js';

/** Top-level names of a Graph `fields` list: `a,b{c,d},e` → a, b, e. */
export function topFields(fields: string | undefined, dflt = 'id,name'): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of fields ?? dflt) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else if (depth === 0 && ch !== '}') cur += ch;
  }
  if (cur) out.push(cur);
  return out.map((f) => f.replace(/\..*$/, '').trim()).filter(Boolean);
}

export interface LinkedInstagram {
  id: string;
  username: string;
  name?: string;
}

export function registerFacebookLogin(g: GraphEmulator, state: FacebookState, linked: (p: FbPage) => LinkedInstagram | undefined = () => undefined) {
  const { appId, appSecret } = g.opts;
  g.route('GET', '/dialog/oauth', (req) => g.loginDialog(req));
  const token = (req: EmuRequest): EmuResponse => {
    const p = params(req);
    if (p.grant_type === 'fb_exchange_token') {
      if (p.client_id !== appId || p.client_secret !== appSecret) return graphError(400, 1, 'Error validating client secret.');
      const rec = g.tokens.get(p.fb_exchange_token ?? '');
      if (!rec || (rec.expiresAt !== null && rec.expiresAt < Date.now())) return graphError(400, 190, 'Error validating access token: The session is invalid.', { subcode: 463 });
      return { json: { access_token: g.mint('long_user', rec.userId, 5_184_000), token_type: 'bearer', expires_in: 5_184_000 } };
    }
    const redeemed = g.redeemCode(p);
    if (!('userId' in redeemed)) return redeemed;
    return { json: { access_token: g.mint('user', redeemed.userId, 3600), token_type: 'bearer', expires_in: 3600 } };
  };
  g.route('GET', '/oauth/access_token', token);
  g.route('POST', '/oauth/access_token', token);

  const pageFields = (p: FbPage, fields: string | undefined, who: TokenRecord): Record<string, unknown> => {
    const ig = linked(p);
    const value: Record<string, unknown> = {
      id: p.id, name: p.name, category: p.category, tasks: p.tasks, username: p.username, link: `https://www.facebook.com/${p.username ?? p.id}`,
      followers_count: p.followers, fan_count: p.followers - 10,
      access_token: who.kind === 'page' ? undefined : g.mint('page', who.userId, null, { pageId: p.id }),
      instagram_business_account: ig ? { id: ig.id, username: ig.username, name: ig.name } : undefined,
    };
    const out: Record<string, unknown> = { id: p.id };
    for (const f of topFields(fields)) if (value[f] !== undefined) out[f] = value[f];
    return out;
  };

  g.route('GET', '/me/accounts', (req) => {
    const who = g.auth(req, ['user', 'long_user']);
    if (!('token' in who)) return who;
    const all = (state.users.get(who.userId)?.pageIds ?? []).map((id) => state.pages.get(id)!).filter(Boolean);
    const limit = Number(req.query.limit ?? 25);
    const start = req.query.after ? Number(Buffer.from(req.query.after, 'base64').toString()) : 0;
    const cursor = (n: number) => Buffer.from(String(n)).toString('base64');
    const more = start + limit < all.length;
    return { json: { data: all.slice(start, start + limit).map((p) => pageFields(p, req.query.fields, who)), paging: { cursors: { before: cursor(start), after: cursor(start + limit) }, ...(more ? { next: `${g.base}/me/accounts?after=${cursor(start + limit)}` } : {}) } } };
  });

  /** A Page node read; null when the id is not a Page. */
  const readPage = (req: EmuRequest, who: TokenRecord): EmuResponse | null => {
    const page = state.pages.get(req.params.id);
    if (!page) return null;
    if (who.kind !== 'page' && !state.users.get(who.userId)?.pageIds.includes(page.id)) return graphError(403, 200, 'Permissions error');
    if (who.kind === 'page' && who.pageId !== page.id) return graphError(403, 200, 'Permissions error');
    return { json: pageFields(page, req.query.fields, who) };
  };

  /** Adds a user and their Pages. */
  const addUser = (userId: string, name: string, pages: Partial<FbPage>[]): FbPage[] => {
    const made = pages.map((p) => ({ id: p.id ?? g.nextId(), name: p.name ?? 'A Page', category: p.category ?? 'Brand', tasks: p.tasks ?? ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'], followers: p.followers ?? 1200, ...p }) as FbPage);
    for (const p of made) state.pages.set(p.id, p);
    state.users.set(userId, { id: userId, name, pageIds: made.map((p) => p.id) });
    return made;
  };
  return { readPage, addUser };
}
