/**
 * An Instagram Graph API emulator (professional accounts reached through Facebook Login):
 * containers that really download `image_url`/`video_url` from the URL given (Varde's signed
 * media URL), JPEG only, captions checked (2,200 characters, 30 hashtags), videos processed over
 * a few status polls, carousels of 2–10 children, `media_publish` refusing unfinished containers
 * and enforcing the 24-hour limit, `content_publishing_limit`, comments and replies, tags,
 * mentions, insights and account fields, with Graph's error bodies.
 */
import { GraphEmulator, graphError, type TokenRecord } from '../meta/graph-emulator.js';
import { registerFacebookLogin, topFields } from '../meta/facebook-login.js';
import { FacebookState, type FbPage } from '../facebook/state.js';
import type { EmuRequest, EmuResponse } from '../kit.js';
import { InstagramState, type IgUser } from './state.js';
import { registerContainers } from './containers.js';
import { registerEngagement } from './engagement.js';

export const IG_APP_ID = '2234567890';
export const IG_APP_SECRET = 'ig-app-secret';
export const IG_PREFIX = '/v24.0';

export interface InstagramEmulator {
  g: GraphEmulator;
  fb: FacebookState;
  state: InstagramState;
  /** Status polls a video container stays IN_PROGRESS. */
  videoPolls: number;
  quotaTotal: number;
  env(extra?: Record<string, string>): Record<string, string>;
  /** A Facebook user with Pages, some linked to Instagram accounts. */
  addUser(userId: string, pages: (Partial<FbPage> & { instagram?: Partial<IgUser> })[]): { pages: FbPage[]; accounts: IgUser[] };
  close(): Promise<void>;
}

export async function startInstagramEmulator(publicUrl: string): Promise<InstagramEmulator> {
  const g = await GraphEmulator.start({ appId: IG_APP_ID, appSecret: IG_APP_SECRET, redirectUri: `${publicUrl}/api/v1/oauth/callback/instagram`, prefix: IG_PREFIX });
  const fb = new FacebookState();
  const state = new InstagramState();
  const linked = (p: FbPage) => (p.instagramId ? state.accounts.get(p.instagramId) : undefined);
  const login = registerFacebookLogin(g, fb, linked);
  const self: InstagramEmulator = {
    g, fb, state, videoPolls: 2, quotaTotal: 50,
    env: (extra = {}) => ({ VARDE_INSTAGRAM_APP_ID: IG_APP_ID, VARDE_INSTAGRAM_APP_SECRET: IG_APP_SECRET, VARDE_INSTAGRAM_GRAPH_URL: g.base, VARDE_INSTAGRAM_DIALOG_URL: g.base, ...extra }),
    addUser(userId, specs) {
      const accounts: IgUser[] = [];
      const pages = login.addUser(userId, 'Ola', specs.map(({ instagram, ...p }) => {
        if (!instagram) return p;
        const id = instagram.id ?? g.nextId();
        accounts.push({ id, username: instagram.username ?? `acct${accounts.length}`, name: instagram.name ?? 'Account', pageId: '', followers: instagram.followers ?? 3400 });
        return { ...p, instagramId: id };
      }));
      for (const page of pages) if (page.instagramId) state.accounts.set(page.instagramId, { ...accounts.find((a) => a.id === page.instagramId)!, pageId: page.id });
      return { pages, accounts: accounts.map((a) => state.accounts.get(a.id)!) };
    },
    close: () => g.close(),
  };
  registerContainers(self);
  registerEngagement(self);

  g.route('GET', '/:id', (req) => {
    const who = g.auth(req);
    if (!('token' in who)) return who;
    const page = login.readPage(req, who);
    if (page) return page;
    const id = req.params.id;
    const acct = state.accounts.get(id);
    if (acct) {
      const denied = accountAuth(self, req, id);
      if (!('token' in denied)) return denied;
      return pick({ id, username: acct.username, name: acct.name, followers_count: acct.followers, follows_count: 12, media_count: state.mediaOf(id).length }, req.query.fields);
    }
    const c = state.containers.get(id);
    if (c) {
      if (c.status === 'IN_PROGRESS' && --c.pollsLeft <= 0) Object.assign(c, { status: 'FINISHED', statusText: 'Finished: Media has been uploaded and it is ready to be published.' });
      return pick({ id, status_code: c.status, status: c.statusText }, req.query.fields ?? 'id,status_code');
    }
    const m = state.media.get(id);
    if (m) return pick({ id, caption: m.caption, media_type: m.mediaType, media_product_type: m.productType, timestamp: m.timestamp, permalink: m.permalink, shortcode: m.permalink.split('/').at(-2) }, req.query.fields);
    return graphError(400, 100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { subcode: 33, type: 'GraphMethodException' });
  });
  return self;
}

function pick(all: Record<string, unknown>, fields: string | undefined): EmuResponse {
  const out: Record<string, unknown> = { id: all.id };
  for (const f of topFields(fields, 'id')) if (all[f] !== undefined) out[f] = all[f];
  return { json: out };
}

/** The Page token of the Page linked to this Instagram account, or Graph's refusal. */
export function accountAuth(self: InstagramEmulator, req: EmuRequest, igId: string): TokenRecord | EmuResponse {
  const who = self.g.auth(req);
  if (!('token' in who)) return who;
  const acct = self.state.accounts.get(igId);
  if (!acct) return graphError(400, 100, `Unsupported request. Object with ID '${igId}' does not exist`, { subcode: 33, type: 'GraphMethodException' });
  const userPages = self.fb.users.get(who.userId)?.pageIds ?? [];
  const ok = who.kind === 'page' ? who.pageId === acct.pageId : userPages.includes(acct.pageId);
  return ok ? who : graphError(403, 10, 'Application does not have permission for this action', { subcode: 2207050 });
}
