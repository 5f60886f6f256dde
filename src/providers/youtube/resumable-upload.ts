/**
 * YouTube's resumable upload (developers.google.com/youtube/v3/guides/using_resumable_upload_protocol):
 * POST the video resource to `/upload/youtube/v3/videos?uploadType=resumable` → the session URI
 * in `Location` → PUT the bytes, in chunks that are multiples of 256 KiB, each with
 * `Content-Range: bytes first-last/total`; `308 Resume Incomplete` with `Range: bytes=0-N` says
 * what arrived; `200`/`201` with the video resource says it is done. A status query is an empty
 * PUT with `Content-Range: bytes *\/total`. A `404` means the session expired (after about a week).
 *
 * Starting a session creates no video: only the last byte does. So a session is the one thing to
 * keep across attempts — a second POST would make a second video.
 */
import type { HttpResponse } from '../../net/http.types.js';
import type { MediaItem, NetworkApp } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { DEFAULT_UPLOAD_TIMEOUT_MS, GoogleApiError, urlOf, type GoogleApi } from './google-api.js';
import type { VideoResource } from './video-plan.js';

export const CHUNK_GRANULE = 256 * 1024;
export const DEFAULT_CHUNK_BYTES = 32 * CHUNK_GRANULE; // 8 MiB

/** A started upload session, recorded on the delivery so every retry resumes it. */
export interface UploadSession {
  uploadUrl: string;
  size: number;
  sha256: string;
  mime: string;
  startedAt: string;
}

/** The part of a `videos` resource Varde reads back. */
export interface YouTubeVideo {
  id: string;
  snippet?: { title?: string; description?: string; channelId?: string; publishedAt?: string };
  status?: { uploadStatus?: string; privacyStatus?: string; rejectionReason?: string; failureReason?: string };
}

export type SessionState = { state: 'complete'; video: YouTubeVideo } | { state: 'incomplete'; received: number } | { state: 'gone' };

/** The chunk size from VARDE_YOUTUBE_CHUNK_BYTES (a multiple of 256 KiB), else 8 MiB. */
export function chunkBytesOf(app: NetworkApp): number {
  const n = Number(app.values.CHUNK_BYTES);
  return Number.isInteger(n) && n > 0 && n % CHUNK_GRANULE === 0 ? n : DEFAULT_CHUNK_BYTES;
}

/** Starts a session; nothing is created on YouTube until the last byte arrives. */
export async function startSession(api: GoogleApi, app: NetworkApp, token: string, resource: VideoResource, video: MediaItem, notifySubscribers: boolean): Promise<UploadSession> {
  const res = await api(urlOf(app, 'api', '/upload/youtube/v3/videos'), {
    method: 'POST',
    token,
    query: { uploadType: 'resumable', part: 'snippet,status', ...(notifySubscribers ? {} : { notifySubscribers: false }) },
    json: resource,
    headers: { 'x-upload-content-length': String(video.size), 'x-upload-content-type': video.mime },
  });
  const location = res.headers.location;
  if (!location) throw new ProviderError('transient', 'YouTube started an upload session without giving its address (no Location header)');
  return { uploadUrl: checkUploadUrl(location, app), size: video.size, sha256: video.sha256, mime: video.mime, startedAt: new Date().toISOString() };
}

/** The session URI must point back at Google (or the configured API host), never elsewhere. */
function checkUploadUrl(location: string, app: NetworkApp): string {
  let url: URL;
  try {
    url = new URL(location, app.urls.api);
  } catch {
    throw new ProviderError('transient', 'YouTube gave an upload session address that is not a URL');
  }
  const apiOrigin = new URL(app.urls.api).origin;
  const google = url.protocol === 'https:' && (url.hostname === 'googleapis.com' || url.hostname.endsWith('.googleapis.com'));
  if (url.origin !== apiOrigin && !google) throw new ProviderError('rejected', `YouTube's upload session points at an unexpected host (${url.host})`);
  return url.toString();
}

/** Asks a session how far it got. */
export async function querySession(api: GoogleApi, token: string, session: UploadSession, timeoutMs?: number): Promise<SessionState> {
  let res: HttpResponse;
  try {
    res = await api(session.uploadUrl, {
      method: 'PUT',
      token,
      bytes: new Uint8Array(0),
      headers: { 'content-range': `bytes */${session.size}` },
      accept: [308],
      timeoutMs,
    });
  } catch (err) {
    if (err instanceof GoogleApiError && (err.status === 404 || err.status === 410)) return { state: 'gone' };
    throw err;
  }
  if (res.status === 308) return { state: 'incomplete', received: receivedBytes(res) };
  return { state: 'complete', video: res.json<YouTubeVideo>() };
}

/** Sends the bytes from `offset` on, chunk by chunk, trusting each 308's `Range` over what was sent. */
export async function uploadFrom(api: GoogleApi, token: string, session: UploadSession, bytes: Uint8Array, offset: number, chunkBytes: number, timeoutMs?: number): Promise<YouTubeVideo> {
  if (bytes.length !== session.size) throw new ProviderError('rejected', `The video is ${bytes.length} bytes but the upload session expects ${session.size}`);
  let at = offset;
  for (let guard = 0; guard < Math.ceil(session.size / CHUNK_GRANULE) + 8; guard++) {
    const end = Math.min(at + chunkBytes, session.size);
    const res = await api(session.uploadUrl, {
      method: 'PUT',
      token,
      bytes: bytes.subarray(at, end),
      headers: { 'content-type': session.mime, 'content-range': `bytes ${at}-${end - 1}/${session.size}` },
      accept: [308],
      timeoutMs: timeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS,
    });
    if (res.status !== 308) return res.json<YouTubeVideo>();
    at = receivedBytes(res);
    if (at >= session.size) throw new ProviderError('transient', 'YouTube has every byte but has not finished the upload; asking again later');
  }
  throw new ProviderError('transient', 'YouTube kept asking for the same bytes; the upload will resume later');
}

/** `Range: bytes=0-N` → N + 1; no header → nothing arrived. */
function receivedBytes(res: HttpResponse): number {
  const m = /bytes=0-(\d+)/.exec(res.headers.range ?? '');
  return m ? Number(m[1]) + 1 : 0;
}
