/**
 * How each network looks in the app: a brand colour and a short monogram, always shown with the
 * network's name (as text or accessible name), so nothing depends on colour alone.
 */
import { NETWORK_NAMES, isNetworkSlug, type NetworkSlug } from '../../../src/core/networks';

export interface NetworkLook {
  name: string;
  monogram: string;
  color: string;
  /** Text colour on `color`. */
  ink: string;
}

const LOOKS: Record<NetworkSlug, Omit<NetworkLook, 'name'>> = {
  x: { monogram: 'X', color: '#0f1419', ink: '#fff' },
  facebook: { monogram: 'f', color: '#1877f2', ink: '#fff' },
  instagram: { monogram: 'IG', color: '#c13584', ink: '#fff' },
  threads: { monogram: '@', color: '#101010', ink: '#fff' },
  linkedin: { monogram: 'in', color: '#0a66c2', ink: '#fff' },
  youtube: { monogram: 'YT', color: '#d00000', ink: '#fff' },
  pinterest: { monogram: 'P', color: '#e60023', ink: '#fff' },
  tiktok: { monogram: 'TT', color: '#25202b', ink: '#fff' },
  snapchat: { monogram: 'S', color: '#fffc00', ink: '#111' },
  bluesky: { monogram: 'B', color: '#1185fe', ink: '#fff' },
  mastodon: { monogram: 'M', color: '#6364ff', ink: '#fff' },
  telegram: { monogram: 'T', color: '#229ed9', ink: '#fff' },
  discord: { monogram: 'D', color: '#5865f2', ink: '#fff' },
  reddit: { monogram: 'R', color: '#ff4500', ink: '#fff' },
  webhook: { monogram: '{}', color: '#4b5563', ink: '#fff' },
};

export function networkLook(network: string): NetworkLook {
  if (isNetworkSlug(network)) return { name: NETWORK_NAMES[network], ...LOOKS[network] };
  return { name: network, monogram: network.slice(0, 2).toUpperCase(), color: '#6b7280', ink: '#fff' };
}
