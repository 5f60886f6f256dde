import { describe, expect, it } from 'vitest';
import { HttpFailure } from '../../net/http.types.js';
import { TelegramError, toProviderError } from './client.js';
import { messageUrl } from './connect.js';
import { classifyUpdate } from './inbox.js';
import { readOptions } from './publish.js';

describe('Telegram rules', () => {
  it('classifies Bot API errors', () => {
    const now = 1_000_000;
    expect(toProviderError(new TelegramError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }), 'x', now)).toMatchObject({ kind: 'rate_limited', retryAt: new Date(now + 7000) });
    expect(toProviderError(new TelegramError(401, 'Unauthorized'), 'x').kind).toBe('auth_expired');
    expect(toProviderError(new TelegramError(403, 'Forbidden: bot was kicked from the channel chat'), 'x').kind).toBe('auth_expired');
    expect(toProviderError(new TelegramError(400, 'Bad Request: chat not found'), 'x').kind).toBe('auth_expired');
    expect(toProviderError(new TelegramError(400, 'Bad Request: group chat was upgraded', { migrate_to_chat_id: -100123 }), 'x').message).toContain('-100123');
    expect(toProviderError(new TelegramError(400, 'Bad Request: message is too long'), 'x')).toMatchObject({ kind: 'rejected', networkMessage: 'Bad Request: message is too long' });
    expect(toProviderError(new HttpFailure('timeout', 't', true), 'x').kind).toBe('unknown_outcome');
  });

  it('links messages of public and private chats', () => {
    expect(messageUrl({ id: '-1001', username: 'news' }, 5)).toBe('https://t.me/news/5');
    expect(messageUrl({ id: '-1001234' }, 5)).toBe('https://t.me/c/1234/5');
    expect(messageUrl({ id: '42' }, 5)).toBeUndefined();
  });

  it('tells comments, replies and mentions apart', () => {
    const base = { date: 1, chat: { id: -2, type: 'supergroup' }, from: { id: 9, first_name: 'A' } };
    const reply = classifyUpdate({ update_id: 1, message: { ...base, message_id: 2, text: 'yo', reply_to_message: { ...base, message_id: 1, from: { id: 77, is_bot: true } } } }, { botId: 77 });
    expect(reply).toMatchObject({ accountId: '-2', item: { kind: 'reply', externalId: '-2:2' } });
    const mention = classifyUpdate({ update_id: 2, message: { ...base, message_id: 3, text: 'hi @MyBot', entities: [{ type: 'mention', offset: 3, length: 6 }] } }, { botUsername: 'mybot' });
    expect(mention?.item.kind).toBe('mention');
    expect(classifyUpdate({ update_id: 3, message: { ...base, message_id: 4, text: 'chatter' } }, { botId: 77 })).toBeNull();
  });

  it('refuses unknown or mistyped options', () => {
    expect(readOptions({ silent: true, topicId: 3 })).toEqual({ silent: true, topicId: 3 });
    expect(() => readOptions({ silent: 'yes' })).toThrow(/true or false/);
    expect(() => readOptions({ pin: true })).toThrow(/does not know the option pin/);
  });
});
