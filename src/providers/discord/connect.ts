/**
 * Connecting a Discord channel, three ways:
 * - a **webhook URL** the user copies from the channel's settings (posting only);
 * - a **bot token + channel id** (posting, reading replies and mentions, reactions, counts);
 * - **OAuth** with the `webhook.incoming` scope when the operator registered an app: the user picks
 *   a server and channel on Discord's consent page and Discord creates the webhook (state + PKCE).
 * The channel's identity is the Discord channel id, so a channel reconnected another way stays one.
 */
import type { HttpClient } from '../../net/http.types.js';
import type { ConnectCandidate, ConnectResult, NetworkApp } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { createDiscordApi, DEFAULT_API_URL, DEFAULT_WEB_URL, DiscordError, timeoutOf, toProviderError } from './client.js';

interface Webhook {
  id: string;
  type: number;
  token?: string;
  guild_id?: string | null;
  channel_id: string;
  name?: string | null;
}

interface Channel {
  id: string;
  type: number;
  guild_id?: string;
  name?: string;
}

/** Text, announcement and thread channels take messages directly. */
const POSTABLE_CHANNEL_TYPES = new Set([0, 5, 10, 11, 12]);

/** `{ id, token }` from https://discord.com/api/webhooks/<id>/<token> (also discordapp.com, ptb., canary.). */
export function parseWebhookUrl(value: string): { id: string; token: string } {
  const m = /^https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d+)?\/webhooks\/(\d{17,20})\/([\w-]{20,})\/?$/.exec(value.trim());
  if (!m) throw new ProviderError('rejected', 'That is not a Discord webhook URL; copy it from Channel settings → Integrations → Webhooks');
  return { id: m[1], token: m[2] };
}

function webhookResult(hook: Webhook, token: string): ConnectResult {
  const name = hook.name?.trim() || 'Discord webhook';
  return {
    credentials: { webhookId: hook.id, webhookToken: token },
    settings: { mode: 'webhook', channelId: hook.channel_id, guildId: hook.guild_id ?? null, webhookName: name },
    account: { externalId: hook.channel_id, handle: `webhook ${name}`, name },
  };
}

/** Form connect: `{ webhookUrl }` or `{ botToken, channelId }`. */
export async function connectDiscord(input: Record<string, unknown>, http: HttpClient, app?: NetworkApp): Promise<ConnectResult> {
  const apiUrl = app?.urls.api ?? DEFAULT_API_URL;
  const timeoutMs = timeoutOf(app?.values ?? {});
  const refused = (err: unknown, what: string): never => {
    if (err instanceof DiscordError && (err.status === 401 || err.status === 403 || err.status === 404)) {
      throw new ProviderError('rejected', `Discord refused ${what}: ${err.message}`, { networkMessage: err.message, status: err.status });
    }
    throw toProviderError(err, 'connecting');
  };
  if (typeof input.webhookUrl === 'string' && input.webhookUrl) {
    if (input.botToken) throw new ProviderError('rejected', 'Give either a webhook URL or a bot token with a channel id, not both');
    const { id, token } = parseWebhookUrl(input.webhookUrl);
    const api = createDiscordApi(http, apiUrl, null, { timeoutMs });
    const hook = await api<Webhook>('GET', `/webhooks/${id}/${token}`).catch((err) => refused(err, 'the webhook URL (was the webhook deleted?)'));
    if (hook.type !== 1) throw new ProviderError('rejected', 'This webhook cannot post messages; create an incoming webhook in the channel settings');
    return webhookResult(hook, token);
  }
  const botToken = typeof input.botToken === 'string' ? input.botToken.trim() : '';
  const channelId = typeof input.channelId === 'string' ? input.channelId.trim() : '';
  if (!botToken || !/^\d{17,20}$/.test(channelId)) throw new ProviderError('rejected', 'Give a webhook URL, or a bot token and the id of the channel to post in');
  const api = createDiscordApi(http, apiUrl, botToken, { timeoutMs });
  const me = await api<{ id: string; username: string; bot?: boolean }>('GET', '/users/@me').catch((err) => refused(err, 'the bot token'));
  if (!me.bot) throw new ProviderError('rejected', 'That token is not a bot token; never use a user account token');
  const channel = await api<Channel>('GET', `/channels/${channelId}`).catch((err) => refused(err, `channel ${channelId} (add the bot to the server and let it view the channel)`));
  if (!POSTABLE_CHANNEL_TYPES.has(channel.type)) throw new ProviderError('rejected', `#${channel.name ?? channelId} is not a text, announcement or thread channel`);
  const name = `#${channel.name ?? channelId}`;
  return {
    credentials: { botToken },
    settings: { mode: 'bot', channelId: channel.id, guildId: channel.guild_id ?? null, channelName: channel.name ?? null, botId: me.id, botUsername: me.username },
    account: { externalId: channel.id, handle: name, name, profileUrl: channel.guild_id ? `${DEFAULT_WEB_URL}/channels/${channel.guild_id}/${channel.id}` : undefined },
  };
}

function appCredentials(app: NetworkApp): { clientId: string; clientSecret: string } {
  const clientId = app.values.CLIENT_ID;
  const clientSecret = app.values.CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new ProviderError('rejected', 'Connecting Discord by logging in needs VARDE_DISCORD_CLIENT_ID and VARDE_DISCORD_CLIENT_SECRET (see docs/networks/discord.md); or connect with a webhook URL');
  }
  return { clientId, clientSecret };
}

/** Discord's consent page, where the user picks the server and channel for a new webhook. */
export async function authorizeWebhook(_http: HttpClient, app: NetworkApp, input: { state: string; codeChallenge?: string }) {
  const { clientId } = appCredentials(app);
  const url = new URL(`${app.urls.web ?? DEFAULT_WEB_URL}/oauth2/authorize`);
  const params: Record<string, string> = { response_type: 'code', client_id: clientId, scope: 'webhook.incoming', redirect_uri: app.redirectUri, state: input.state, prompt: 'consent' };
  if (input.codeChallenge) Object.assign(params, { code_challenge: input.codeChallenge, code_challenge_method: 'S256' });
  url.search = new URLSearchParams(params).toString();
  return { url: url.toString() };
}

/** Exchanges the code; the token response carries the webhook Discord created. */
export async function exchangeWebhook(http: HttpClient, app: NetworkApp, input: { code: string; codeVerifier?: string }): Promise<ConnectCandidate[]> {
  const { clientId, clientSecret } = appCredentials(app);
  const form: Record<string, string> = { grant_type: 'authorization_code', code: input.code, redirect_uri: app.redirectUri };
  if (input.codeVerifier) form.code_verifier = input.codeVerifier;
  let res;
  try {
    res = await http(`${app.urls.api ?? DEFAULT_API_URL}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`, accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      timeoutMs: timeoutOf(app.values),
    });
  } catch (err) {
    throw toProviderError(err, 'sign-in');
  }
  let data: { webhook?: Webhook; error?: string; error_description?: string };
  try {
    data = res.json();
  } catch {
    throw new ProviderError('transient', `Discord answered the sign-in with HTTP ${res.status}`);
  }
  if (res.status !== 200) throw new ProviderError(res.status >= 500 ? 'transient' : 'rejected', `Discord refused the sign-in: ${data.error_description ?? data.error ?? res.status}`, { networkMessage: data.error_description ?? data.error, status: res.status });
  if (!data.webhook?.id || !data.webhook.token) throw new ProviderError('rejected', 'Discord returned no webhook; pick a channel on the consent page');
  // The OAuth access token is not kept: the webhook posts with its own token and it does not expire.
  return [{ ...webhookResult(data.webhook, data.webhook.token), tokenExpiresAt: null }];
}
