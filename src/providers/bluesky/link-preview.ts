/**
 * Fetches a linked page (and its preview image) through the guarded HTTP client, for Bluesky link
 * cards and for the server's dry-run preview. The guard refuses private addresses, caps size and
 * time, and re-checks redirects; this module only adds the limits a preview deserves.
 */
import type { HttpClient } from '../../net/http.types.js';
import { parseOpenGraph } from './open-graph.js';

export interface LinkPreview {
  /** The link as given (not the redirect target), which is what the card points to. */
  url: string;
  title: string | null;
  description: string | null;
  imageUrl: string | null;
}

export interface PreviewImage {
  bytes: Uint8Array;
  mime: string;
}

/** Why a page gave no preview although it was reached. */
export class LinkPreviewError extends Error {
  constructor(
    readonly reason: 'http_status' | 'not_html' | 'not_image',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LinkPreviewError';
  }
}

const PAGE_MAX_BYTES = 1_048_576;
const THUMB_MAX_BYTES = 1_000_000;
const TIMEOUT_MS = 5_000;

/**
 * Reads a page's title, description and preview image URL. Throws the guard's HttpFailure
 * (`blocked_address`, `timeout`, `too_large`…) or a LinkPreviewError (404, not a web page) so
 * a caller can report the problem; the Bluesky provider catches both and posts a plainer card.
 */
export async function fetchLinkPreview(http: HttpClient, url: string, signal?: AbortSignal): Promise<LinkPreview> {
  const res = await http(url, {
    method: 'GET',
    headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'Varde link preview' },
    maxBytes: PAGE_MAX_BYTES,
    timeoutMs: TIMEOUT_MS,
    signal,
  });
  if (res.status < 200 || res.status >= 300) {
    throw new LinkPreviewError('http_status', `${url} answered HTTP ${res.status}`, res.status);
  }
  const type = header(res.headers, 'content-type');
  if (type && !/html|xml/i.test(type)) {
    throw new LinkPreviewError('not_html', `${url} is not a web page (${type.split(';')[0]})`);
  }
  const html = decodeHtml(res.body, type);
  return { url, ...parseOpenGraph(html, res.url || url) };
}

/** Downloads a preview image: an image mime type, at most 1,000,000 bytes (Bluesky's thumb limit). */
export async function fetchPreviewImage(http: HttpClient, imageUrl: string, signal?: AbortSignal): Promise<PreviewImage> {
  const res = await http(imageUrl, {
    method: 'GET',
    headers: { accept: 'image/*', 'user-agent': 'Varde link preview' },
    maxBytes: THUMB_MAX_BYTES,
    timeoutMs: TIMEOUT_MS,
    signal,
  });
  if (res.status < 200 || res.status >= 300) {
    throw new LinkPreviewError('http_status', `${imageUrl} answered HTTP ${res.status}`, res.status);
  }
  const mime = (header(res.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!mime.startsWith('image/') || res.body.length === 0 || res.body.length > THUMB_MAX_BYTES) {
    throw new LinkPreviewError('not_image', `${imageUrl} is not an image of at most ${THUMB_MAX_BYTES} bytes`);
  }
  return { bytes: res.body, mime };
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** Decodes with the charset from Content-Type or an early `<meta charset>`, UTF-8 otherwise. */
function decodeHtml(body: Uint8Array, contentType: string | undefined): string {
  const sniffed = new TextDecoder('latin1').decode(body.subarray(0, 2048));
  const charset =
    /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(sniffed)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
