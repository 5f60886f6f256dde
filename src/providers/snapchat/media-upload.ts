/**
 * Snap's encrypted media upload (developers.snap.com → Public Profile API → Profile Asset
 * Management): encrypt the file with AES-256-CBC under a random 32-byte key and 16-byte IV (what
 * `openssl enc -aes-256-cbc` does, PKCS#7 padding), create a media container with the key and IV
 * in base64 (`POST /v1/public_profiles/{profile_id}/media {type, name, key, iv}`), send the
 * ciphertext in parts of at most 32 MB, and finalize. A container stays usable for 24 hours.
 *
 * Not confirmed by Snap's documentation (see docs/networks/snapchat.md): the response fields
 * `media_id`, `add_path`, `finalize_path`, and the multipart form of the parts
 * (`action=ADD`, `part_number`, `file`) and of the finalize (`action=FINALIZE`).
 */
import crypto from 'node:crypto';
import type { MediaItem, NetworkApp } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { urlOf, type SnapApi } from './snap-api.js';

export const MAX_PART_BYTES = 32 * 1024 * 1024;
/** Containers expire after 24 h; one older than this is not reused. */
export const CONTAINER_REUSE_MS = 23 * 3600_000;

export interface EncryptedMedia {
  ciphertext: Uint8Array;
  key: string;
  iv: string;
}

/** A container filled and finalized, recorded on the delivery so a retry posts it instead of uploading again. */
export interface SnapMedia {
  mediaId: string;
  type: 'VIDEO' | 'IMAGE';
  sha256: string;
  createdAt: string;
}

export function encryptMedia(bytes: Uint8Array): EncryptedMedia {
  const key = crypto.randomBytes(32);
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv); // PKCS#7 padding by default
  const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return { ciphertext, key: key.toString('base64'), iv: iv.toString('base64') };
}

/** The part size from VARDE_SNAPCHAT_CHUNK_BYTES (tests), at most Snap's 32 MB. */
export function partBytesOf(app: NetworkApp): number {
  const n = Number(app.values.CHUNK_BYTES);
  return Number.isInteger(n) && n > 0 && n <= MAX_PART_BYTES ? n : MAX_PART_BYTES;
}

/** multipart/form-data with text fields and at most one file. */
export function multipart(fields: Record<string, string>, file?: { name: string; filename: string; bytes: Uint8Array }): { bytes: Uint8Array; contentType: string } {
  const boundary = `----varde${crypto.randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(Buffer.from(file.bytes), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { bytes: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

interface CreatedMedia {
  media_id?: string;
  add_path?: string;
  finalize_path?: string;
}

/** Encrypts, creates the container, uploads every part and finalizes. Nothing is visible on Snapchat yet. */
export async function uploadMedia(api: SnapApi, app: NetworkApp, token: string, profileId: string, item: MediaItem, name: string, timeoutMs?: number): Promise<SnapMedia> {
  const type = item.kind === 'video' ? 'VIDEO' : 'IMAGE';
  const { ciphertext, key, iv } = encryptMedia(await item.read());
  const created = await api<CreatedMedia>(urlOf(app, 'api', `/v1/public_profiles/${encodeURIComponent(profileId)}/media`), {
    method: 'POST', token, json: { type, name: name.slice(0, 100) || 'Varde', key, iv }, timeoutMs,
  });
  if (!created.media_id || !created.add_path) throw new ProviderError('transient', 'Snap created a media container without its id or upload path');
  const addUrl = absolute(app, created.add_path);
  const partBytes = partBytesOf(app);
  for (let at = 0, part = 1; at < ciphertext.length; at += partBytes, part++) {
    const body = multipart({ action: 'ADD', part_number: String(part) }, { name: 'file', filename: `media.enc.${part}`, bytes: ciphertext.subarray(at, at + partBytes) });
    await api(addUrl, { method: 'POST', token, body, timeoutMs: timeoutMs ?? 120_000 });
  }
  await api(absolute(app, created.finalize_path ?? created.add_path), { method: 'POST', token, body: multipart({ action: 'FINALIZE' }), timeoutMs });
  return { mediaId: created.media_id, type, sha256: item.sha256, createdAt: new Date().toISOString() };
}

/** Snap's paths are relative to the API host; an absolute one must be on it. */
function absolute(app: NetworkApp, path: string): string {
  const url = new URL(path, app.urls.api);
  if (url.origin !== new URL(app.urls.api).origin) throw new ProviderError('rejected', `Snap's upload path points at an unexpected host (${url.host})`);
  return url.toString();
}
