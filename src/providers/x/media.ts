/**
 * X media upload (API v2), chunked for every kind so one flow serves images, GIFs and videos:
 * `POST /2/media/upload/initialize` → `POST /2/media/upload/{id}/append` (multipart `media` +
 * `segment_index`, ≤ 5 MB each, in order) → `POST /2/media/upload/{id}/finalize` → while
 * `processing_info.state` is pending/in_progress, wait `check_after_secs` and ask
 * `GET /2/media/upload?command=STATUS&media_id=`. Alt text goes on with `POST /2/media/metadata`.
 * An upload is not a post: redoing one after a failure cannot duplicate anything.
 */
import type { MediaItem } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { toProviderError, type XApi } from './client.js';

/** 4 MiB: under X's 5 MB per-APPEND ceiling. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
export const MAX_PROCESSING_MS = 10 * 60_000;
export const ALT_TEXT_LIMIT = 1000;

interface ProcessingInfo {
  state: 'pending' | 'in_progress' | 'succeeded' | 'failed';
  check_after_secs?: number;
  progress_percent?: number;
  error?: { code?: number; name?: string; message?: string };
}

const CATEGORY: Record<MediaItem['kind'], string> = { image: 'tweet_image', gif: 'tweet_gif', video: 'tweet_video' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Uploads one item and returns its media id, ready to attach to a post. */
export async function uploadMedia(api: XApi, item: MediaItem, opts: { maxProcessingMs?: number } = {}): Promise<string> {
  try {
    const data = await item.read();
    const init = await api<{ data: { id: string } }>('POST', '/2/media/upload/initialize', {
      json: { media_type: item.mime, total_bytes: data.length, media_category: CATEGORY[item.kind] },
    });
    const id = init.data.id;
    for (let index = 0, offset = 0; offset < data.length; index++, offset += CHUNK_BYTES) {
      await api('POST', `/2/media/upload/${id}/append`, {
        multipart: { fields: { segment_index: String(index) }, file: { name: 'media', data: data.subarray(offset, offset + CHUNK_BYTES), contentType: 'application/octet-stream' } },
        timeoutMs: 120_000,
      });
    }
    const finalized = await api<{ data: { processing_info?: ProcessingInfo } }>('POST', `/2/media/upload/${id}/finalize`);
    await waitForProcessing(api, id, item, finalized.data?.processing_info, opts.maxProcessingMs ?? MAX_PROCESSING_MS);
    if (item.alt) await api('POST', '/2/media/metadata', { json: { id, metadata: { alt_text: { text: item.alt.slice(0, ALT_TEXT_LIMIT) } } } });
    return id;
  } catch (err) {
    throw toProviderError(err, `upload the ${item.kind}`);
  }
}

async function waitForProcessing(api: XApi, id: string, item: MediaItem, first: ProcessingInfo | undefined, maxMs: number) {
  const deadline = Date.now() + maxMs;
  let info = first;
  while (info && (info.state === 'pending' || info.state === 'in_progress')) {
    if (Date.now() > deadline) throw new ProviderError('transient', `X is still processing the ${item.kind} after ${Math.round(maxMs / 1000)} s`);
    await sleep(Math.min(Math.max(info.check_after_secs ?? 1, 0.2), 60) * 1000);
    const status = await api<{ data: { processing_info?: ProcessingInfo } }>('GET', '/2/media/upload', { query: { command: 'STATUS', media_id: id } });
    info = status.data?.processing_info;
  }
  if (info?.state === 'failed') {
    const why = info.error?.message ?? info.error?.name ?? 'processing failed';
    throw new ProviderError('rejected', `X could not process the ${item.kind}: ${why}`, { networkMessage: why, detail: { mediaId: id } });
  }
}
