/**
 * The operator's app registrations, per network, from the environment: `VARDE_<SLUG>_<NAME>` for
 * the values a provider declares (VARDE_X_CLIENT_ID…), and `VARDE_<SLUG>_<KEY>_URL` to point a
 * base URL elsewhere (an emulator in tests, a proxy in production).
 */
import type { AppRequirements, NetworkApp, Provider } from './contract.js';

export const envPrefix = (network: string) => `VARDE_${network.toUpperCase()}_`;

export function buildNetworkApp(provider: Provider, env: Record<string, string | undefined>, publicUrl: string): NetworkApp {
  const prefix = envPrefix(provider.network);
  const req: AppRequirements = provider.app ?? { required: [], urls: {} };
  const values: Record<string, string | undefined> = {};
  for (const name of [...req.required, ...(req.optional ?? [])]) values[name] = env[`${prefix}${name}`] || undefined;
  const urls: Record<string, string> = {};
  for (const [key, url] of Object.entries(req.urls)) urls[key] = (env[`${prefix}${key.toUpperCase()}_URL`] || url).replace(/\/$/, '');
  return { values, urls, redirectUri: `${publicUrl}/api/v1/oauth/callback/${provider.network}`, publicUrl };
}

/** The environment variables still to set before this network can be connected. */
export function missingAppSettings(provider: Provider, app: NetworkApp): string[] {
  return (provider.app?.required ?? []).filter((name) => !app.values[name]).map((name) => `${envPrefix(provider.network)}${name}`);
}
