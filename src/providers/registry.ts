/**
 * The providers this server offers. Adding a network is one folder plus one line here.
 */
import type { NetworkSlug } from '../core/networks.js';
import { AppError } from '../app/errors.js';
import type { NetworkApp, Provider } from './contract.js';
import { buildNetworkApp, missingAppSettings } from './network-apps.js';
import { blueskyProvider } from './bluesky/bluesky.provider.js';
import { webhookProvider } from './webhook/webhook.provider.js';
import { mastodonProvider } from './mastodon/mastodon.provider.js';
import { telegramProvider } from './telegram/telegram.provider.js';
import { discordProvider } from './discord/discord.provider.js';
import { redditProvider } from './reddit/reddit.provider.js';
import { facebookProvider } from './facebook/facebook.provider.js';
import { instagramProvider } from './instagram/instagram.provider.js';
import { threadsProvider } from './threads/threads.provider.js';
import { xProvider } from './x/x.provider.js';
import { youtubeProvider } from './youtube/youtube.provider.js';
import { linkedinProvider } from './linkedin/linkedin.provider.js';
import { snapchatProvider } from './snapchat/snapchat.provider.js';
import { pinterestProvider } from './pinterest/pinterest.provider.js';
import { tiktokProvider } from './tiktok/tiktok.provider.js';

export const BUILT_IN_PROVIDERS: Provider[] = [blueskyProvider, webhookProvider, mastodonProvider, facebookProvider, xProvider, youtubeProvider, telegramProvider, instagramProvider, discordProvider, linkedinProvider, snapchatProvider, pinterestProvider, threadsProvider, tiktokProvider, redditProvider];

export interface ProviderRegistry {
  get(network: string): Provider;
  has(network: string): boolean;
  list(): Provider[];
  /** The operator's app registration and base URLs for a network. */
  appFor(network: string): NetworkApp;
  /** Environment variables still to set before the network can be connected (empty when ready). */
  missingSettings(network: string): string[];
}

export function createRegistry(providers: Provider[] = BUILT_IN_PROVIDERS, env: Record<string, string | undefined> = {}, publicUrl = 'http://localhost:8080'): ProviderRegistry {
  const byNetwork = new Map<string, Provider>(providers.map((p) => [p.network, p]));
  const apps = new Map<string, NetworkApp>(providers.map((p) => [p.network, buildNetworkApp(p, env, publicUrl)]));
  return {
    appFor(network) {
      const app = apps.get(network);
      if (!app) throw new AppError('bad_request', `Unknown network "${network}"`);
      return app;
    },
    missingSettings(network) {
      return missingAppSettings(this.get(network), this.appFor(network));
    },
    get(network) {
      const p = byNetwork.get(network);
      if (!p) throw new AppError('bad_request', `Varde cannot publish to "${network}" yet; available: ${[...byNetwork.keys()].join(', ')}`);
      return p;
    },
    has: (network) => byNetwork.has(network),
    list: () => [...byNetwork.values()],
  };
}

export type { NetworkSlug };
