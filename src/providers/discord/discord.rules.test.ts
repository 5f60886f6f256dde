import { describe, expect, it } from 'vitest';
import { DiscordError, toProviderError } from './client.js';
import { parseWebhookUrl } from './connect.js';
import { snowflakeAt } from './inbox.js';
import { nonceOf, readOptions } from './publish.js';

describe('Discord rules', () => {
  it('classifies API errors', () => {
    const limited = toProviderError(new DiscordError(429, 0, 'You are being rate limited.', {}, 2.5), 'x');
    expect(limited.kind).toBe('rate_limited');
    expect(limited.retryAt!.getTime() - Date.now()).toBeGreaterThan(2000);
    expect(toProviderError(new DiscordError(404, 10015, 'Unknown Webhook', {}), 'x').kind).toBe('auth_expired');
    expect(toProviderError(new DiscordError(403, 50001, 'Missing Access', {}), 'x').kind).toBe('auth_expired');
    expect(toProviderError(new DiscordError(403, 50013, 'Missing Permissions', {}), 'x').kind).toBe('rejected');
    expect(toProviderError(new DiscordError(502, 0, 'Bad Gateway', {}), 'x').kind).toBe('transient');
  });

  it('reads webhook URLs from every Discord host', () => {
    const id = '123456789012345678';
    const token = 'abcdefghijklmnopqrstuvwxyz_-0123456789';
    for (const host of ['discord.com', 'discordapp.com', 'canary.discord.com', 'ptb.discord.com']) {
      expect(parseWebhookUrl(`https://${host}/api/webhooks/${id}/${token}`)).toEqual({ id, token });
    }
    expect(() => parseWebhookUrl(`http://discord.com/api/webhooks/${id}/${token}`)).toThrow(/not a Discord webhook URL/);
  });

  it('keeps nonces within 25 characters and snowflakes in time order', () => {
    expect(nonceOf('3lcabcdefghij', 3)).toBe('3lcabcdefghij-3');
    expect(nonceOf('x'.repeat(40), 1)).toHaveLength(25);
    expect(BigInt(snowflakeAt(Date.UTC(2026, 0, 1)))).toBeGreaterThan(BigInt(snowflakeAt(Date.UTC(2025, 0, 1))));
  });

  it('refuses webhook-only options on a bot channel and unknown ones anywhere', () => {
    expect(readOptions({ username: 'Varde News' }, 'webhook')).toEqual({ username: 'Varde News' });
    expect(() => readOptions({ username: 'Varde' }, 'bot')).toThrow(/only work on a channel connected with a webhook/);
    expect(() => readOptions({ username: 'Discord bot' }, 'webhook')).toThrow(/"discord"/);
    expect(() => readOptions({ pin: true }, 'bot')).toThrow(/does not know the option pin/);
  });
});
