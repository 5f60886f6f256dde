/**
 * YouTube (Data API v3): connect with Google OAuth 2.0 (offline access, PKCE) and pick the
 * channel; publish one video per post through the resumable upload, with title, description,
 * tags and privacy, and an optional first comment; exactly once by keeping the upload session on
 * the delivery (see publish-video.ts); read and answer comments; measure views, likes, comments,
 * shares and subscribers. YouTube pushes nothing Varde can use (no comment webhooks), so the inbox
 * is polled.
 */
import type { ConnectCandidate, Provider, ProviderContext, PublishResult } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { channelApi, deleteVideo, listMyChannels, type YouTubeChannel } from './channel-api.js';
import { listComments, removeComment, replyToComment, setCommentHidden } from './comments.js';
import { GoogleApiError, toProviderError } from './google-api.js';
import { authorizeUrl, exchangeCode, readCredentials, refreshAccessToken, type YouTubeCredentials } from './google-oauth.js';
import { channelMetrics, videoMetrics } from './metrics.js';
import { publishVideo, reconcileVideo } from './publish-video.js';
import { DEFAULT_CATEGORY_ID } from './video-plan.js';

function candidate(channel: YouTubeChannel, credentials: YouTubeCredentials): ConnectCandidate {
  const handle = channel.snippet?.customUrl || channel.snippet?.title || channel.id;
  return {
    credentials: { ...credentials },
    account: {
      externalId: channel.id,
      handle,
      name: channel.snippet?.title || handle,
      profileUrl: handle.startsWith('@') ? `https://www.youtube.com/${handle}` : `https://www.youtube.com/channel/${channel.id}`,
    },
    settings: { privacyStatus: 'public', categoryId: DEFAULT_CATEGORY_ID, uploadsPlaylistId: channel.contentDetails?.relatedPlaylists?.uploads ?? null },
    tokenExpiresAt: new Date(credentials.expiresAt),
  };
}

export const youtubeProvider = {
  network: 'youtube',
  idempotentPublish: false,
  app: {
    required: ['CLIENT_ID', 'CLIENT_SECRET'],
    optional: ['TIMEOUT_MS', 'CHUNK_BYTES'],
    urls: {
      auth: 'https://accounts.google.com',
      token: 'https://oauth2.googleapis.com',
      api: 'https://www.googleapis.com',
      analytics: 'https://youtubeanalytics.googleapis.com',
    },
  },
  inboxKinds: ['comment', 'reply'],

  oauth: {
    pkce: true,
    async authorize(_http, app, input) {
      return { url: authorizeUrl(app, input) };
    },
    /** One candidate per channel the login gives (`channels.list?mine=true`). */
    async exchange(http, app, input) {
      const credentials = await exchangeCode(http, app, input.code, input.codeVerifier);
      let channels: YouTubeChannel[];
      try {
        channels = await listMyChannels(http, app, credentials.accessToken);
      } catch (err) {
        throw toProviderError(err, 'reading your channel');
      }
      if (channels.length === 0) throw new ProviderError('rejected', 'This Google account has no YouTube channel; create one at youtube.com, then connect again');
      return channels.map((ch) => candidate(ch, credentials));
    },
  },

  async refreshCredentials(http, app, credentials) {
    const next = await refreshAccessToken(http, app, readCredentials(credentials));
    return { credentials: { ...next }, expiresAt: new Date(next.expiresAt) };
  },

  publish: publishVideo,
  reconcile: reconcileVideo,

  /** Deletes the video (its comments go with it); a video already gone counts as deleted. */
  async deletePost(ctx: ProviderContext, result: PublishResult) {
    try {
      await deleteVideo(channelApi(ctx), result.externalId);
    } catch (err) {
      if (err instanceof GoogleApiError && err.status === 404) return;
      throw toProviderError(err, 'delete');
    }
  },

  describeSettings(settings) {
    return { privacyStatus: settings.privacyStatus ?? 'public', categoryId: settings.categoryId ?? DEFAULT_CATEGORY_ID };
  },

  listInbox: listComments,
  replyTo: replyToComment,
  hideItem: setCommentHidden,
  deleteItem: removeComment,
  fetchPostMetrics: videoMetrics,
  fetchAccountMetrics: channelMetrics,
} satisfies Provider;
