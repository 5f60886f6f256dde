/**
 * Telegram, through a bot the user creates with @BotFather and adds to a channel, group or chat.
 * The Bot API cannot deduplicate a send and cannot list a chat's messages, so a send that may have
 * reached Telegram (a timeout after the request went out) cannot be looked up: `reconcile` says
 * `unknown` and the delivery waits for a person, rather than risking a second message. Sends that
 * certainly did not arrive (refused connections, 429, 5xx answers) are retried as usual.
 */
import type { Provider } from '../contract.js';
import { connectBot } from './connect.js';
import { telegramConnectSchema } from './connect.schema.js';
import { DEFAULT_API_URL } from './client.js';
import { deleteItem, fetchAccountMetrics, likeItem, listInbox, replyTo } from './inbox.js';
import { deleteMessages, publishMessages } from './publish.js';
import { telegramWebhooks } from './webhooks.js';

export const telegramProvider = {
  network: 'telegram',
  idempotentPublish: false,
  connectSchema: telegramConnectSchema,
  app: { required: [], optional: ['WEBHOOK_SECRET', 'TIMEOUT_MS'], urls: { api: DEFAULT_API_URL } },
  inboxKinds: ['comment', 'reply', 'mention', 'message'],
  webhooks: telegramWebhooks,

  /** `{ botToken, chatId }`: the bot must be able to post in the chat. */
  connect: connectBot,
  /** Options: silent, protectContent, topicId, linkPreview, spoiler. */
  publish: publishMessages,

  async reconcile() {
    return {
      status: 'unknown' as const,
      evidence: 'the request reached Telegram but no answer came back, and the Bot API can neither deduplicate a message nor list a chat’s messages',
    };
  },

  deletePost: deleteMessages,
  listInbox,
  replyTo,
  deleteItem,
  likeItem,
  fetchAccountMetrics,

  describeSettings(settings) {
    const { chatId, chatType, chatUsername, botUsername, discussionChatId, updates } = settings;
    return { chatId, chatType, chatUsername, botUsername, discussionChatId: discussionChatId ?? null, updates: updates ?? 'poll' };
  },
} satisfies Provider;
