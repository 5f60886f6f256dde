/**
 * Reddit: one channel per Reddit account, posting to the subreddit each target names (or the
 * user's profile). Reddit cannot deduplicate a submit, so a submit that may have gone through is
 * looked up among the user's own recent submissions before anything is sent again (reconcile);
 * a link already in the subreddit answers ALREADY_SUB, which doubles as a guard.
 */
import type { Provider } from '../contract.js';
import { DEFAULT_API_URL, DEFAULT_WWW_URL } from './client.js';
import { fetchAccountMetrics, fetchPostMetrics, hideItem, likeItem, listInbox, replyTo } from './inbox.js';
import { reconcilePost } from './lookup.js';
import { authorizeUrl, exchangeCode, refreshToken } from './oauth.js';
import { deletePost, publishPost } from './publish.js';

export const redditProvider = {
  network: 'reddit',
  idempotentPublish: false,
  app: { required: ['CLIENT_ID', 'CLIENT_SECRET'], optional: ['USER_AGENT', 'USERNAME', 'TIMEOUT_MS'], urls: { api: DEFAULT_API_URL, www: DEFAULT_WWW_URL } },
  oauth: { pkce: false, authorize: authorizeUrl, exchange: exchangeCode },
  inboxKinds: ['comment', 'reply', 'mention', 'message'],

  refreshCredentials: (http, app, credentials) => refreshToken(http, app, credentials),
  /** Options: subreddit, flairId, flairText, nsfw, spoiler, sendReplies, resubmit, firstComment. */
  publish: publishPost,
  reconcile: reconcilePost,
  deletePost,
  listInbox,
  replyTo,
  hideItem,
  likeItem,
  fetchPostMetrics,
  fetchAccountMetrics,

  describeSettings(settings) {
    return { username: settings.username, defaultSubreddit: settings.defaultSubreddit };
  },
} satisfies Provider;
