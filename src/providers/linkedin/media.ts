/**
 * LinkedIn media: images (and GIFs) through `POST /rest/images?action=initializeUpload` → PUT the
 * bytes to `uploadUrl` → wait for `AVAILABLE`; videos through `POST /rest/videos?action=
 * initializeUpload {fileSizeBytes}` → PUT each byte range of `uploadInstructions` (collecting the
 * ETag of each part) → `finalizeUpload {uploadedPartIds}` → wait for `AVAILABLE`. An upload is not
 * a post, so redoing it after a failure duplicates nothing.
 */
import type { MediaItem } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { enc, toProviderError, type LinkedInApi } from './client.js';

export const MAX_PROCESSING_MS = 10 * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface UploadOptions { pollMs?: number; maxProcessingMs?: number }

/** Uploads one item for `owner` (a person or organization URN); returns its image or video URN. */
export async function uploadMedia(api: LinkedInApi, owner: string, item: MediaItem, opts: UploadOptions = {}): Promise<string> {
  try {
    return item.kind === 'video' ? await uploadVideo(api, owner, item, opts) : await uploadImage(api, owner, item, opts);
  } catch (err) {
    throw toProviderError(err, `upload the ${item.kind}`);
  }
}

async function uploadImage(api: LinkedInApi, owner: string, item: MediaItem, opts: UploadOptions) {
  const init = await api<{ value: { uploadUrl: string; image: string } }>('POST', '/rest/images', { query: 'action=initializeUpload', json: { initializeUploadRequest: { owner } } });
  await api('PUT', init.body.value.uploadUrl, { bytes: await item.read(), timeoutMs: 120_000 });
  await waitAvailable(api, `/rest/images/${enc(init.body.value.image)}`, item, opts);
  return init.body.value.image;
}

async function uploadVideo(api: LinkedInApi, owner: string, item: MediaItem, opts: UploadOptions) {
  const data = await item.read();
  const init = await api<{ value: { video: string; uploadToken?: string; uploadInstructions: { uploadUrl: string; firstByte: number; lastByte: number }[] } }>('POST', '/rest/videos', {
    query: 'action=initializeUpload',
    json: { initializeUploadRequest: { owner, fileSizeBytes: data.length, uploadCaptions: false, uploadThumbnail: false } },
  });
  const { video, uploadToken = '', uploadInstructions } = init.body.value;
  const etags: string[] = [];
  for (const part of uploadInstructions) {
    const res = await api('PUT', part.uploadUrl, { bytes: data.subarray(part.firstByte, part.lastByte + 1), timeoutMs: 300_000 });
    const etag = res.headers.etag;
    if (!etag) throw new ProviderError('transient', 'LinkedIn did not return an ETag for an uploaded video part');
    etags.push(etag);
  }
  await api('POST', '/rest/videos', { query: 'action=finalizeUpload', json: { finalizeUploadRequest: { video, uploadToken, uploadedPartIds: etags } } });
  await waitAvailable(api, `/rest/videos/${enc(video)}`, item, opts);
  return video;
}

async function waitAvailable(api: LinkedInApi, path: string, item: MediaItem, opts: UploadOptions) {
  const deadline = Date.now() + (opts.maxProcessingMs ?? MAX_PROCESSING_MS);
  for (let attempt = 0; ; attempt++) {
    const { body } = await api<{ status?: string; processingFailureReason?: string }>('GET', path);
    if (body.status === 'AVAILABLE') return;
    if (body.status === 'PROCESSING_FAILED') {
      const why = body.processingFailureReason ?? 'processing failed';
      throw new ProviderError('rejected', `LinkedIn could not process the ${item.kind}: ${why}`, { networkMessage: why });
    }
    if (Date.now() > deadline) throw new ProviderError('transient', `LinkedIn is still processing the ${item.kind}`);
    await sleep(opts.pollMs ?? Math.min(500 * 2 ** attempt, 5_000));
  }
}
