/**
 * Mastodon, on any server the user names. Varde registers an app on each server the first time
 * someone connects from it, then logs the user in with OAuth (state + PKCE). Exactly-once rests
 * on the server's own deduplication: every status carries an `Idempotency-Key` derived from the
 * delivery's key (remembered for an hour, far longer than Varde's retries of an unknown outcome
 * take), so a retry returns the status already made instead of posting a second one.
 */
import type { Provider } from '../contract.js';
import { deleteThread, fetchAccountMetrics, fetchPostMetrics, likeItem, listInbox, replyTo } from './inbox.js';
import { authorizeUrl, exchangeCode } from './oauth.js';
import { publishThread } from './publish.js';

export const mastodonProvider = {
  network: 'mastodon',
  idempotentPublish: true,
  app: { required: [], optional: ['APP_NAME', 'TIMEOUT_MS'], urls: {} },
  oauth: { pkce: true, authorize: authorizeUrl, exchange: exchangeCode },
  inboxKinds: ['mention', 'reply', 'message', 'quote'],

  /** The post and its follow-ups as a reply chain; options: visibility, spoilerText, sensitive, language. */
  publish: publishThread,
  deletePost: deleteThread,
  listInbox,
  replyTo,
  likeItem,
  fetchPostMetrics,
  fetchAccountMetrics,

  describeSettings(settings) {
    const { instanceUrl, maxCharacters, maxMediaAttachments, defaultVisibility } = settings;
    return { instanceUrl, maxCharacters, maxMediaAttachments, defaultVisibility };
  },
} satisfies Provider;
