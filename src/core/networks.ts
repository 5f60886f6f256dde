/**
 * The networks Varde knows, by slug. The slug is the folder name under src/providers/
 * and the value stored in channels.network.
 */
export const NETWORKS = [
  'x', 'facebook', 'instagram', 'threads', 'linkedin', 'youtube', 'pinterest', 'tiktok',
  'snapchat', 'bluesky', 'mastodon', 'telegram', 'discord', 'reddit', 'webhook',
] as const;

export type NetworkSlug = (typeof NETWORKS)[number];

export const NETWORK_NAMES: Record<NetworkSlug, string> = {
  x: 'X', facebook: 'Facebook', instagram: 'Instagram', threads: 'Threads', linkedin: 'LinkedIn',
  youtube: 'YouTube', pinterest: 'Pinterest', tiktok: 'TikTok', snapchat: 'Snapchat',
  bluesky: 'Bluesky', mastodon: 'Mastodon', telegram: 'Telegram', discord: 'Discord',
  reddit: 'Reddit', webhook: 'Webhook',
};

export function isNetworkSlug(value: string): value is NetworkSlug {
  return (NETWORKS as readonly string[]).includes(value);
}
