/**
 * A Mastodon server's own limits (`GET /api/v2/instance`, Mastodon 4.0+; `/api/v1/instance` on
 * older servers and forks): kept in the channel's settings so Varde checks text against the
 * server's `max_characters` (src/posts/posts.check.ts reads `maxCharacters`), and the provider
 * refuses media beyond the server's attachment count and file sizes before uploading.
 */
import type { MastodonApi } from './client.js';

export interface InstanceLimits {
  maxCharacters?: number;
  maxMediaAttachments?: number;
  charactersReservedPerUrl?: number;
  imageSizeLimit?: number;
  videoSizeLimit?: number;
  descriptionLimit?: number;
}

interface InstanceConfig {
  statuses?: { max_characters?: unknown; max_media_attachments?: unknown; characters_reserved_per_url?: unknown };
  media_attachments?: { image_size_limit?: unknown; video_size_limit?: unknown; description_limit?: unknown };
}

const positive = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);

/** The limits the server publishes; empty when it publishes none (the defaults then apply). */
export async function readInstanceConfig(api: MastodonApi): Promise<InstanceLimits> {
  let config: InstanceConfig | undefined;
  let legacyMax: unknown;
  try {
    config = (await api<{ configuration?: InstanceConfig }>('GET', '/api/v2/instance', { anonymous: true })).data.configuration;
  } catch {
    try {
      const v1 = (await api<{ configuration?: InstanceConfig; max_toot_chars?: unknown }>('GET', '/api/v1/instance', { anonymous: true })).data;
      config = v1.configuration;
      legacyMax = v1.max_toot_chars; // Pleroma, Akkoma and some forks
    } catch {
      return {};
    }
  }
  const limits: InstanceLimits = {
    maxCharacters: positive(config?.statuses?.max_characters) ?? positive(legacyMax),
    maxMediaAttachments: positive(config?.statuses?.max_media_attachments),
    charactersReservedPerUrl: positive(config?.statuses?.characters_reserved_per_url),
    imageSizeLimit: positive(config?.media_attachments?.image_size_limit),
    videoSizeLimit: positive(config?.media_attachments?.video_size_limit),
    descriptionLimit: positive(config?.media_attachments?.description_limit),
  };
  return Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) as InstanceLimits;
}
