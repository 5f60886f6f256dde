/**
 * What a Bluesky post carries besides text: up to four images (`app.bsky.embed.images`) or a link
 * card (`app.bsky.embed.external`), and the checks that make a thread fail before its first part
 * is published rather than halfway through.
 */
import type { MediaItem, PublishContent } from '../contract.js';
import type { HttpClient } from '../../net/http.types.js';
import { ProviderError } from '../provider-error.js';
import { graphemeCount, utf8Length } from './facets.js';
import { fetchLinkPreview, fetchPreviewImage } from './link-preview.js';

export const MAX_IMAGES = 4;
export const MAX_IMAGE_BYTES = 2_000_000;
export const MAX_GRAPHEMES = 300;
export const MAX_TEXT_BYTES = 3_000;

/** A blob reference as `com.atproto.repo.uploadBlob` returns it, stored verbatim in the record. */
export type BlobRef = Record<string, unknown>;
export type UploadBlob = (bytes: Uint8Array, mime: string) => Promise<BlobRef>;

export interface ImagesEmbed {
  $type: 'app.bsky.embed.images';
  images: { image: BlobRef; alt: string; aspectRatio?: { width: number; height: number } }[];
}

export interface ExternalEmbed {
  $type: 'app.bsky.embed.external';
  external: { uri: string; title: string; description: string; thumb?: BlobRef };
}

/**
 * Refuses, before any call, what Bluesky would refuse: text over 300 graphemes or 3,000 bytes,
 * more than four images, an image over 2,000,000 bytes, video or non-image media, a link that is
 * not a web address. Checking every part first means a thread never stops half-published.
 */
export function checkContent({ parts, link }: PublishContent): void {
  if (parts.length === 0) throw new ProviderError('rejected', 'Nothing to publish: the post has no parts');
  if (link && !isWebAddress(link)) {
    throw new ProviderError('rejected', `The link ${link} is not a web address (http:// or https://)`);
  }
  parts.forEach((part, i) => {
    const where = i === 0 ? 'The post' : `Follow-up ${i}`;
    if (graphemeCount(part.text) > MAX_GRAPHEMES || utf8Length(part.text) > MAX_TEXT_BYTES) {
      throw new ProviderError('rejected', `${where} is longer than Bluesky's ${MAX_GRAPHEMES} characters`);
    }
    if (part.media.length > MAX_IMAGES) {
      throw new ProviderError('rejected', `${where} has ${part.media.length} images; Bluesky takes at most ${MAX_IMAGES}`);
    }
    for (const item of part.media) {
      if (item.kind === 'video' || !item.mime.startsWith('image/')) {
        throw new ProviderError('rejected', `${where}: Bluesky posts from Varde take images only (got ${item.mime})`);
      }
      if (item.size > MAX_IMAGE_BYTES) {
        throw new ProviderError('rejected', `${where}: an image is ${item.size} bytes; Bluesky takes at most ${MAX_IMAGE_BYTES}`);
      }
    }
  });
}

function isWebAddress(link: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(link).protocol);
  } catch {
    return false;
  }
}

/** Uploads a part's images, in order, and returns the embed that shows them. */
export async function buildImagesEmbed(media: MediaItem[], upload: UploadBlob): Promise<ImagesEmbed> {
  const images: ImagesEmbed['images'] = [];
  for (const item of media) {
    const bytes = await item.read();
    if (bytes.length > MAX_IMAGE_BYTES) {
      throw new ProviderError('rejected', `An image is ${bytes.length} bytes; Bluesky takes at most ${MAX_IMAGE_BYTES}`);
    }
    const image = await upload(bytes, item.mime);
    const ratio = aspectRatio(item);
    images.push({ image, alt: item.alt ?? '', ...(ratio ? { aspectRatio: ratio } : {}) });
  }
  return { $type: 'app.bsky.embed.images', images };
}

function aspectRatio(item: MediaItem): { width: number; height: number } | undefined {
  const { width, height } = item;
  const ok = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;
  return ok(width) && ok(height) ? { width, height } : undefined;
}

/**
 * A link card from the page's Open Graph tags, with its image uploaded as the thumb. Never fails
 * the post: an unreachable, blocked or odd page gives a card titled with the URL, and a missing or
 * unusable image gives a card without a thumb.
 */
export async function buildExternalEmbed(
  http: HttpClient,
  link: string,
  upload: UploadBlob,
  signal?: AbortSignal,
): Promise<ExternalEmbed> {
  const preview = await fetchLinkPreview(http, link, signal).catch(() => null);
  const external: ExternalEmbed['external'] = {
    uri: link,
    title: preview?.title ?? link,
    description: preview?.description ?? '',
  };
  if (preview?.imageUrl) {
    const thumb = await fetchPreviewImage(http, preview.imageUrl, signal)
      .then((img) => upload(img.bytes, img.mime))
      .catch(() => undefined);
    if (thumb) external.thumb = thumb;
  }
  return { $type: 'app.bsky.embed.external', external };
}
