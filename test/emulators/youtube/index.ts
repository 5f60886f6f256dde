/**
 * A local YouTube: Google's OAuth endpoints, the Data API v3 endpoints Varde uses (channels,
 * resumable uploads, videos, the uploads playlist, comment threads and comments) and YouTube
 * Analytics reports, on the emulator kit. Point every base URL of the provider at `url`:
 * VARDE_YOUTUBE_AUTH_URL, _TOKEN_URL, _API_URL and _ANALYTICS_URL.
 */
import { startEmulator, type Emulator } from '../kit.js';
import { OAuthAuthority } from '../oauth.js';
import { commentRoutes } from './comment-routes.js';
import { dataRoutes } from './data-routes.js';
import { oauthRoutes } from './oauth-routes.js';
import { newId, newState, SCOPES, type EmuChannel, type EmuComment, type PutFault, type YouTubeState } from './state.js';
import { uploadRoutes } from './upload-routes.js';

export { QUOTA_EXCEEDED_MESSAGE, quotaExceeded, googleError, SCOPES } from './state.js';
export type { EmuChannel, EmuComment, EmuVideo } from './state.js';

export interface YouTubeEmulator {
  emu: Emulator;
  url: string;
  authority: OAuthAuthority;
  state: YouTubeState;
  /** Registers the operator's OAuth client (known once the app's redirect URI is). */
  registerClient(clientId: string, clientSecret: string, redirectUri: string): void;
  addChannel(input: { userId: string; title: string; customUrl?: string; subscriberCount?: number; hidden?: boolean }): EmuChannel;
  /** A comment by a viewer (a new channel of its own) on a video; a reply when `parentId` is given. */
  addComment(input: { videoId: string; text: string; authorName?: string; parentId?: string; publishedAt?: string }): EmuComment;
  /** An access token for `userId` with every YouTube scope, for calling the provider directly. */
  tokenFor(userId: string, scopes?: string[]): { accessToken: string; refreshToken?: string };
  /** The n-th data PUT from now (1 = the next one) hangs after storing its bytes, or answers 503. */
  failPut(n: number, fault: PutFault): void;
  env(): Record<string, string>;
  close(): Promise<void>;
}

export async function startYouTubeEmulator(): Promise<YouTubeEmulator> {
  const emu = await startEmulator();
  const state = newState();
  const clients: Record<string, { secret: string; redirectUris?: string[] }> = {};
  let secret = '';
  const authority = new OAuthAuthority({ clients, pkceRequired: true, accessTtlSeconds: 3599, issueRefreshTokens: true, rotateRefresh: false, codeTtlMs: 60_000 });
  oauthRoutes(emu, state, authority, () => secret);
  uploadRoutes(emu, state, authority);
  dataRoutes(emu, state, authority);
  commentRoutes(emu, state, authority);

  return {
    emu,
    url: emu.url,
    authority,
    state,
    registerClient(clientId, clientSecret, redirectUri) {
      clients[clientId] = { secret: clientSecret, redirectUris: [redirectUri] };
      secret = clientSecret;
    },
    addChannel({ userId, title, customUrl, subscriberCount = 0, hidden = false }) {
      const channel: EmuChannel = { id: newId('UC', 22), ownerUserId: userId, title, customUrl: customUrl ?? `@${title.toLowerCase().replace(/\W+/g, '')}`, subscriberCount, hiddenSubscriberCount: hidden, viewCount: 0 };
      state.channels.push(channel);
      return channel;
    },
    addComment({ videoId, text, authorName = 'A viewer', parentId, publishedAt }) {
      const video = state.videos.find((v) => v.id === videoId);
      if (!video) throw new Error(`emulator: no video ${videoId}`);
      const at = publishedAt ?? new Date().toISOString();
      const id = parentId ? `${parentId}.${newId('', 22)}` : newId('Ug', 24);
      const comment: EmuComment = { id, videoId, channelId: video.channelId, parentId, authorChannelId: newId('UC', 22), authorName, text, publishedAt: at, updatedAt: at, moderationStatus: 'published', likeCount: 0 };
      state.comments.push(comment);
      return comment;
    },
    tokenFor(userId, scopes = [SCOPES.upload, SCOPES.forceSsl, SCOPES.analytics]) {
      const grant = authority.issue(userId, scopes.join(' '), Object.keys(clients)[0]);
      return { accessToken: grant.accessToken, refreshToken: grant.refreshToken };
    },
    failPut(n, fault) {
      state.putFaults.set(state.dataPuts + n, fault);
    },
    env() {
      return { VARDE_YOUTUBE_AUTH_URL: emu.url, VARDE_YOUTUBE_TOKEN_URL: emu.url, VARDE_YOUTUBE_API_URL: emu.url, VARDE_YOUTUBE_ANALYTICS_URL: emu.url };
    },
    close: () => emu.close(),
  };
}
