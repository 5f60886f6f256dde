/**
 * The providers this server offers. Adding a network is one folder plus one line here.
 */
import type { NetworkSlug } from '../core/networks.js';
import { AppError } from '../app/errors.js';
import type { Provider } from './contract.js';
import { blueskyProvider } from './bluesky/bluesky.provider.js';
import { webhookProvider } from './webhook/webhook.provider.js';

export const BUILT_IN_PROVIDERS: Provider[] = [blueskyProvider, webhookProvider];

export interface ProviderRegistry {
  get(network: string): Provider;
  has(network: string): boolean;
  list(): Provider[];
}

export function createRegistry(providers: Provider[] = BUILT_IN_PROVIDERS): ProviderRegistry {
  const byNetwork = new Map<string, Provider>(providers.map((p) => [p.network, p]));
  return {
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
