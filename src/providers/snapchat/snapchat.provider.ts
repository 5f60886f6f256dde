/**
 * Snapchat through the Public Profile API (beta): connect with Snap's Business OAuth and pick the
 * Public Profile; post one image or video per post as a Story, a Saved Story or a Spotlight,
 * uploaded encrypted (media-upload.ts); read lifetime stats and subscribers. The API is open only
 * to apps on Snap's allow list, and much of it is not documented publicly — everything Varde could
 * not confirm is named in docs/networks/snapchat.md, and the emulator follows this code exactly.
 * Snap's API offers no comments, messages or webhooks, and no documented way to delete a post.
 */
import type { Provider } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { accountMetrics, candidate, listProfiles, postMetrics } from './profiles.js';
import { publishPost, reconcilePost } from './snap-post.js';
import { authorizeUrl, exchangeCode, readCredentials, refreshAccessToken } from './snap-oauth.js';

export const snapchatProvider = {
  network: 'snapchat',
  beta: true,
  idempotentPublish: false,
  app: {
    required: ['CLIENT_ID', 'CLIENT_SECRET'],
    optional: ['TIMEOUT_MS', 'CHUNK_BYTES'],
    urls: { auth: 'https://accounts.snapchat.com', api: 'https://businessapi.snapchat.com', ads: 'https://adsapi.snapchat.com' },
  },
  inboxKinds: [],

  oauth: {
    pkce: false,
    async authorize(_http, app, input) {
      return { url: authorizeUrl(app, input.state) };
    },
    /** One candidate per Public Profile the login may post to. */
    async exchange(http, app, input) {
      const credentials = await exchangeCode(http, app, input.code);
      const profiles = await listProfiles(http, app, credentials.accessToken);
      if (profiles.length === 0) throw new ProviderError('rejected', 'This Snapchat login has no Public Profile to post to; create one in Snapchat (Profile → Public Profile) first');
      return profiles.map((p) => candidate(p, credentials));
    },
  },

  async refreshCredentials(http, app, credentials) {
    const next = await refreshAccessToken(http, app, readCredentials(credentials));
    return { credentials: { ...next }, expiresAt: new Date(next.expiresAt) };
  },

  publish: publishPost,
  reconcile: (ctx) => reconcilePost(ctx),

  describeSettings(settings) {
    return { placement: settings.placement ?? 'story' };
  },

  fetchPostMetrics: postMetrics,
  fetchAccountMetrics: accountMetrics,
} satisfies Provider;
