/**
 * Discord, through a channel webhook (pasted, or created by Discord when the user logs in with the
 * operator's app) or through the user's own bot. Exactly-once: a send that may have reached Discord
 * is looked up before anything is sent again — as a bot, among the channel's recent messages (and
 * the retry carries the same `nonce` with `enforce_nonce`, so Discord itself answers a repeat within
 * minutes with the message it made); through a webhook, which cannot list a channel, the delivery
 * waits for a person.
 */
import type { Provider } from '../contract.js';
import { DEFAULT_API_URL, DEFAULT_WEB_URL } from './client.js';
import { authorizeWebhook, connectDiscord, exchangeWebhook } from './connect.js';
import { discordConnectSchema } from './connect.schema.js';
import { deleteItem, fetchAccountMetrics, fetchPostMetrics, likeItem, listInbox, reconcileMessages, replyTo } from './inbox.js';
import { deleteMessages, publishMessages } from './publish.js';

export const discordProvider = {
  network: 'discord',
  idempotentPublish: false,
  connectSchema: discordConnectSchema,
  app: { required: [], optional: ['CLIENT_ID', 'CLIENT_SECRET', 'TIMEOUT_MS'], urls: { api: DEFAULT_API_URL, web: DEFAULT_WEB_URL } },
  oauth: { pkce: true, authorize: authorizeWebhook, exchange: exchangeWebhook },
  inboxKinds: ['reply', 'mention'],

  /** `{ webhookUrl }` or `{ botToken, channelId }`. */
  connect: connectDiscord,
  /** Options: silent, suppressEmbeds, threadId; webhook only: username, avatarUrl, threadName. */
  publish: publishMessages,
  reconcile: reconcileMessages,
  deletePost: deleteMessages,
  listInbox,
  replyTo,
  deleteItem,
  likeItem,
  fetchPostMetrics,
  fetchAccountMetrics,

  describeSettings(settings) {
    const { mode, channelId, guildId, channelName, webhookName, botUsername } = settings;
    return { mode, channelId, guildId, channelName: channelName ?? null, webhookName: webhookName ?? null, botUsername: botUsername ?? null };
  },
} satisfies Provider;
