/**
 * Reddit media uploads (undocumented by Reddit, as PRAW implements them): lease an upload slot with
 * `POST /api/media/asset.json { filepath, mimetype }`, which answers an S3 form (`args.action`, a
 * protocol-relative URL, and `args.fields`) and an `asset.asset_id`; POST the fields and the file to
 * that form; S3 answers 201 with XML, or an XML `<Error>` (EntityTooLarge…). Posts then refer to the
 * file by URL (`<action>/<key>`, image and video posts) or by asset id (galleries).
 */
import type { HttpClient } from '../../net/http.types.js';
import { ProviderError } from '../provider-error.js';
import { toProviderError, type RedditApi } from './client.js';

export interface UploadedMedia {
  assetId: string;
  url: string;
}

interface Lease {
  args?: { action?: string; fields?: { name: string; value: string }[] };
  asset?: { asset_id?: string; websocket_url?: string };
}

/** A 16:9 dark PNG used as a video's poster frame: Reddit requires one and Varde has no frame grabber. */
export const DEFAULT_VIDEO_POSTER = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAJCAIAAAC0SDtlAAAAEUlEQVR42mNQIhEwjGoYFBoAb8g5YeiEnWYAAAAASUVORK5CYII=',
  'base64',
);

export async function uploadMedia(api: RedditApi, http: HttpClient, apiUrl: string, file: { bytes: Uint8Array; mime: string; name: string }, signal?: AbortSignal): Promise<UploadedMedia> {
  let lease: Lease;
  try {
    lease = await api<Lease>('POST', '/api/media/asset.json', { form: { filepath: file.name, mimetype: file.mime } });
  } catch (err) {
    throw toProviderError(err, 'leasing a media upload');
  }
  const action = lease.args?.action;
  const fields = lease.args?.fields ?? [];
  const key = fields.find((f) => f.name === 'key')?.value;
  if (!action || !key || !lease.asset?.asset_id) throw new ProviderError('transient', 'Reddit returned an incomplete media upload lease');
  // The action is protocol-relative (//reddit-uploaded-media.s3-accelerate.amazonaws.com).
  const target = new URL(action, apiUrl).toString().replace(/\/$/, '');
  const form = new FormData();
  for (const f of fields) form.append(f.name, f.value);
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.mime }), file.name);
  const encoded = new Response(form);
  let res;
  try {
    res = await http(target, {
      method: 'POST',
      headers: { 'content-type': encoded.headers.get('content-type') ?? 'multipart/form-data' },
      body: new Uint8Array(await encoded.arrayBuffer()),
      timeoutMs: 300_000,
      signal,
    });
  } catch (err) {
    // An upload that may have landed only leaves an unused file: it is safe to upload again.
    const pe = toProviderError(err, 'uploading media');
    throw pe.kind === 'unknown_outcome' ? new ProviderError('transient', pe.message, { cause: err }) : pe;
  }
  if (res.status < 200 || res.status >= 300) {
    const xml = res.text();
    const code = /<Code>([^<]+)<\/Code>/.exec(xml)?.[1] ?? `HTTP ${res.status}`;
    const message = /<Message>([^<]+)<\/Message>/.exec(xml)?.[1] ?? '';
    const kind = res.status >= 500 ? 'transient' : 'rejected';
    throw new ProviderError(kind, `Reddit's media storage refused the file: ${code}${message ? ` — ${message}` : ''}`, { networkMessage: message || code, status: res.status });
  }
  return { assetId: lease.asset.asset_id, url: `${target}/${key}` };
}
