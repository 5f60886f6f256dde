/**
 * Profiles and stats: `my_profile`, the Marketing API's `me/organizations`, an organisation's
 * Public Profiles, one profile, and `stats` (LIFETIME granularity, per asset type, in Snap's
 * `lifetime_stats` envelope as the provider reads it).
 */
import type { Emulator } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';
import { caller, isResponse, ok, ownProfile, profileResource, snapError, type SnapState } from './state.js';

const ASSET_TYPES = ['PROFILE', 'STORY', 'SAVED_STORY', 'LENS', 'SPOTLIGHT'];
const PLACEMENT_OF: Record<string, string> = { STORY: 'story', SAVED_STORY: 'saved_story', SPOTLIGHT: 'spotlight' };

export function profileRoutes(emu: Emulator, state: SnapState, authority: OAuthAuthority) {
  emu.route('GET', '/v1/public_profiles/my_profile', (req) => {
    const who = caller(state, authority, req);
    if (typeof who !== 'string') return who;
    const mine = state.profiles.find((p) => p.ownerUserId === who);
    return mine ? ok({ public_profile: profileResource(mine) }) : snapError(404, 'E2003', 'No public profile for this user');
  });

  emu.route('GET', '/v1/me/organizations', (req) => {
    const who = caller(state, authority, req, false);
    if (typeof who !== 'string') return who;
    const orgs = state.organizations.filter((o) => o.memberUserIds.includes(who));
    return ok({ organizations: orgs.map((o) => ({ sub_request_status: 'SUCCESS', organization: { id: o.id, name: o.name } })) });
  });

  emu.route('GET', '/v1/organizations/:org/public_profiles', (req) => {
    const who = caller(state, authority, req);
    if (typeof who !== 'string') return who;
    const org = state.organizations.find((o) => o.id === req.params.org);
    if (!org || !org.memberUserIds.includes(who)) return snapError(403, 'E2002', 'Authorization permission denied');
    const list = state.profiles.filter((p) => p.organizationId === org.id);
    return ok({ public_profiles: list.map((p) => ({ sub_request_status: 'SUCCESS', public_profile: profileResource(p) })) });
  });

  emu.route('GET', '/v1/public_profiles/:id', (req) => {
    const who = caller(state, authority, req);
    if (typeof who !== 'string') return who;
    const profile = ownProfile(state, who, req.params.id);
    if (isResponse(profile)) return profile;
    return ok({ public_profiles: [{ sub_request_status: 'SUCCESS', public_profile: profileResource(profile) }] });
  });

  emu.route('GET', '/v1/public_profiles/:id/stats', (req) => {
    const who = caller(state, authority, req);
    if (typeof who !== 'string') return who;
    const profile = ownProfile(state, who, req.params.id);
    if (isResponse(profile)) return profile;
    const assetType = req.query.assetType ?? 'PROFILE';
    if (!ASSET_TYPES.includes(assetType)) return snapError(400, 'E3001', `Invalid assetType ${assetType}`);
    const granularity = req.query.granularity ?? 'LIFETIME';
    if (granularity !== 'LIFETIME' && (!req.query.startTime || !req.query.endTime)) return snapError(400, 'E3002', 'startTime and endTime are required unless granularity is LIFETIME');
    const entries = assetType === 'PROFILE'
      ? [{ id: profile.id, type: 'PROFILE', stats: { SUBSCRIBERS: profile.subscriberCount } }]
      : state.posts.filter((p) => p.profileId === profile.id && p.placement === PLACEMENT_OF[assetType]).map((p) => ({ id: p.id, type: assetType, stats: p.stats }));
    return ok({ lifetime_stats: entries.map((e) => ({ sub_request_status: 'SUCCESS', lifetime_stat: { ...e, granularity: 'LIFETIME' } })) });
  });
}
