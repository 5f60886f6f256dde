/**
 * A local Snapchat: Snap's Business OAuth, the Public Profile API endpoints the provider uses
 * (profiles, encrypted media, Stories, Saved Stories, Spotlights, stats) and the Marketing API's
 * `me/organizations`, on the emulator kit. Point VARDE_SNAPCHAT_AUTH_URL, _API_URL and _ADS_URL at
 * `url`.
 */
import { startEmulator, type Emulator } from '../kit.js';
import { OAuthAuthority } from '../oauth.js';
import { mediaRoutes } from './media-routes.js';
import { oauthRoutes } from './oauth-routes.js';
import { profileRoutes } from './profile-routes.js';
import { newState, uuid, type EmuProfile, type SnapState } from './state.js';

export type { EmuMedia, EmuPost, EmuProfile } from './state.js';
export { snapError } from './state.js';

export interface SnapchatEmulator {
  emu: Emulator;
  url: string;
  authority: OAuthAuthority;
  state: SnapState;
  registerClient(clientId: string, clientSecret: string, redirectUri: string): void;
  /** A creator's own Public Profile (`my_profile` of `userId`). */
  addProfile(input: { userId?: string; organizationId?: string; displayName: string; snapUserName?: string; subscribers?: number }): EmuProfile;
  addOrganization(name: string, memberUserIds: string[]): string;
  tokenFor(userId: string): { accessToken: string; refreshToken?: string };
  env(): Record<string, string>;
  close(): Promise<void>;
}

export async function startSnapchatEmulator(): Promise<SnapchatEmulator> {
  const emu = await startEmulator();
  const state = newState();
  const clients: Record<string, { secret: string; redirectUris?: string[] }> = {};
  let secret = '';
  const authority = new OAuthAuthority({ clients, pkceRequired: false, accessTtlSeconds: 1800, issueRefreshTokens: true, codeTtlMs: 60_000 });
  oauthRoutes(emu, authority, () => secret);
  profileRoutes(emu, state, authority);
  mediaRoutes(emu, state, authority);
  return {
    emu,
    url: emu.url,
    authority,
    state,
    registerClient(clientId, clientSecret, redirectUri) {
      clients[clientId] = { secret: clientSecret, redirectUris: [redirectUri] };
      secret = clientSecret;
    },
    addProfile({ userId, organizationId, displayName, snapUserName, subscribers = 0 }) {
      const profile: EmuProfile = { id: uuid(), ownerUserId: userId ?? null, organizationId: organizationId ?? null, displayName, snapUserName: snapUserName ?? displayName.toLowerCase().replace(/\W+/g, ''), subscriberCount: subscribers, tier: 'TIER_PUBLIC' };
      state.profiles.push(profile);
      return profile;
    },
    addOrganization(name, memberUserIds) {
      const id = uuid();
      state.organizations.push({ id, name, memberUserIds });
      return id;
    },
    tokenFor(userId) {
      const g = authority.issue(userId, 'snapchat-profile-api', Object.keys(clients)[0]);
      return { accessToken: g.accessToken, refreshToken: g.refreshToken };
    },
    env() {
      return { VARDE_SNAPCHAT_AUTH_URL: emu.url, VARDE_SNAPCHAT_API_URL: emu.url, VARDE_SNAPCHAT_ADS_URL: emu.url };
    },
    close: () => emu.close(),
  };
}
