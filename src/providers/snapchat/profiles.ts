/**
 * The Public Profiles a Snap login can post to, and their statistics.
 *
 * Profiles: `GET /v1/public_profiles/my_profile` (the login's own profile; Snap's FAQ "Get Profile
 * ID by Auth Token") and, for brands, `GET /v1/me/organizations` (Marketing API) then
 * `GET /v1/organizations/{id}/public_profiles`. Metrics: `GET /v1/public_profiles/{id}/stats`
 * (`assetType` PROFILE, STORY, SAVED_STORY or SPOTLIGHT; granularity LIFETIME by default) and the
 * profile's `subscriber_count`. The stats response shape and metric names other than
 * SPOTLIGHT_VIEWS / SPOTLIGHT_SHARES are not confirmed (docs/networks/snapchat.md).
 */
import type { HttpClient } from '../../net/http.types.js';
import type { AccountMetrics, ConnectCandidate, NetworkApp, PostMetrics, ProviderContext, PublishResult } from '../contract.js';
import { createSnapApi, SnapApiError, timeoutOf, toProviderError, urlOf, type SnapApi } from './snap-api.js';
import { readCredentials, type SnapCredentials } from './snap-oauth.js';

export interface PublicProfile {
  id: string;
  display_name?: string;
  snap_user_name?: string;
  subscriber_count?: string | number;
  profile_tier?: string;
}

/** `{ public_profiles: [{ sub_request_status, public_profile: {…} }] }` → the profiles. */
function unwrapProfiles(res: Record<string, unknown>): PublicProfile[] {
  const list: unknown[] = Array.isArray(res.public_profiles) ? res.public_profiles : [];
  return list
    .map((p) => ((p as { public_profile?: unknown })?.public_profile ?? p) as PublicProfile)
    .filter((p) => typeof p?.id === 'string');
}

/** Every profile the login may post to, de-duplicated. A login without any is refused by the caller. */
export async function listProfiles(http: HttpClient, app: NetworkApp, token: string): Promise<PublicProfile[]> {
  const api = createSnapApi(http, timeoutOf(app));
  const found = new Map<string, PublicProfile>();
  try {
    const mine = await api<{ public_profile?: PublicProfile }>(urlOf(app, 'api', '/v1/public_profiles/my_profile'), { token });
    if (mine.public_profile?.id) found.set(mine.public_profile.id, mine.public_profile);
  } catch (err) {
    if (!(err instanceof SnapApiError && err.status === 404)) throw toProviderError(err, 'reading your Public Profile');
  }
  for (const org of await organizations(api, app, token)) {
    const res = await api(urlOf(app, 'api', `/v1/organizations/${encodeURIComponent(org)}/public_profiles`), { token }).catch((err) => {
      throw toProviderError(err, 'reading the organisation’s Public Profiles');
    });
    for (const p of unwrapProfiles(res)) found.set(p.id, p);
  }
  return [...found.values()];
}

/** The login's organisations; a login the Marketing API does not know (a creator) has none. */
async function organizations(api: SnapApi, app: NetworkApp, token: string): Promise<string[]> {
  try {
    const res = await api<{ organizations?: { organization?: { id?: string } }[] }>(urlOf(app, 'ads', '/v1/me/organizations'), { token });
    return (res.organizations ?? []).map((o) => o.organization?.id).filter((id): id is string => typeof id === 'string');
  } catch (err) {
    if (err instanceof SnapApiError && (err.status === 403 || err.status === 404)) return [];
    throw toProviderError(err, 'reading your organisations');
  }
}

export function candidate(p: PublicProfile, credentials: SnapCredentials): ConnectCandidate {
  const handle = p.snap_user_name || p.id;
  return {
    credentials: { ...credentials },
    account: { externalId: p.id, handle, name: p.display_name || handle, profileUrl: p.snap_user_name ? `https://www.snapchat.com/add/${encodeURIComponent(p.snap_user_name)}` : undefined },
    settings: { placement: 'story', profileTier: p.profile_tier ?? null },
    tokenExpiresAt: new Date(credentials.expiresAt),
  };
}

const ASSET_TYPE: Record<string, string> = { story: 'STORY', saved_story: 'SAVED_STORY', spotlight: 'SPOTLIGHT' };
const num = (v: unknown): number | null => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

/** Stats entries `{ id, stats }` from `lifetime_stats` / `total_stats` envelopes. */
function statEntries(res: Record<string, unknown>): { id: string; stats: Record<string, unknown> }[] {
  const out: { id: string; stats: Record<string, unknown> }[] = [];
  for (const key of ['lifetime_stats', 'total_stats']) {
    const list = res[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const entity = item?.lifetime_stat ?? item?.total_stat ?? item;
      if (typeof entity?.id === 'string' && entity.stats && typeof entity.stats === 'object') out.push({ id: entity.id, stats: entity.stats });
    }
  }
  return out;
}

/** The first stat whose name ends with one of the suffixes (SPOTLIGHT_VIEWS, STORY_VIEWS, VIEWS…). */
function pick(stats: Record<string, unknown>, ...suffixes: string[]): number | null {
  for (const [name, value] of Object.entries(stats)) {
    if (suffixes.some((s) => name.toUpperCase() === s || name.toUpperCase().endsWith(`_${s}`))) return num(value);
  }
  return null;
}

export async function postMetrics(ctx: ProviderContext, posts: PublishResult[]): Promise<PostMetrics[]> {
  const api = createSnapApi(ctx.http, timeoutOf(ctx.app), ctx.signal);
  const token = readCredentials(ctx.credentials).accessToken;
  const byType = new Map<string, Set<string>>();
  for (const p of posts) {
    const type = ASSET_TYPE[String(p.parts[0]?.ref?.placement ?? 'story')] ?? 'STORY';
    byType.set(type, (byType.get(type) ?? new Set()).add(p.externalId));
  }
  const out: PostMetrics[] = [];
  try {
    for (const [assetType, ids] of byType) {
      const res = await api(urlOf(ctx.app, 'api', `/v1/public_profiles/${encodeURIComponent(ctx.account.externalId ?? '')}/stats`), { token, query: { assetType, granularity: 'LIFETIME' } });
      for (const { id, stats } of statEntries(res)) {
        if (!ids.has(id)) continue;
        const raw = Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, num(v) ?? (typeof v === 'string' ? v : null)]));
        out.push({
          externalId: id,
          metrics: { impressions: pick(stats, 'VIEWS'), likes: pick(stats, 'FAVORITES'), comments: pick(stats, 'REPLIES'), shares: pick(stats, 'SHARES'), saves: null, clicks: pick(stats, 'SWIPE_UPS', 'CLICKS') },
          raw: { ...raw, assetType },
        });
      }
    }
  } catch (err) {
    throw toProviderError(err, 'reading stats');
  }
  return out;
}

export async function accountMetrics(ctx: ProviderContext): Promise<AccountMetrics> {
  const api = createSnapApi(ctx.http, timeoutOf(ctx.app), ctx.signal);
  try {
    const res = await api(urlOf(ctx.app, 'api', `/v1/public_profiles/${encodeURIComponent(ctx.account.externalId ?? '')}`), { token: readCredentials(ctx.credentials).accessToken });
    const p = unwrapProfiles(res)[0];
    return { followers: num(p?.subscriber_count), raw: { subscriber_count: num(p?.subscriber_count), profile_tier: p?.profile_tier ?? null } };
  } catch (err) {
    throw toProviderError(err, 'reading the profile');
  }
}
