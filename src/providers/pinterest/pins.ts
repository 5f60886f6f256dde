/**
 * Building Pinterest pins: where the media comes from (`image_url` — Varde's signed, expiring URL,
 * which Pinterest downloads —, or `image_base64` when Pinterest cannot reach Varde; 2–5 images as a
 * carousel; a video registered with `POST /v5/media`, sent to the returned upload URL with its
 * form fields, and polled until `succeeded`), the pin's fields, and finding a pin again on its board.
 */
import type { MediaItem, ProviderContext, PublishContent } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { readError, type PinterestApi } from './client.js';

export const MAX_PROCESSING_MS = 10 * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PinTarget { boardId: string; boardSectionId?: string }

/** The board (option `board`, else the channel's) and optional section (option `boardSection`). */
export function pinTarget(ctx: ProviderContext, content: PublishContent): PinTarget {
  const o = content.options ?? {};
  const boardId = o.board !== undefined ? String(o.board).trim() : typeof ctx.settings.boardId === 'string' ? ctx.settings.boardId : '';
  if (!/^\d+$/.test(boardId)) throw new ProviderError('rejected', 'Pinterest needs a board: connect a board, or set the target option board to a board id (digits)');
  const section = o.boardSection !== undefined ? String(o.boardSection).trim() : undefined;
  if (section !== undefined && !/^\d+$/.test(section)) throw new ProviderError('rejected', 'Pinterest option boardSection must be a board section id (digits)');
  return { boardId, boardSectionId: section };
}

const useBase64 = (ctx: ProviderContext) => (ctx.app.values.MEDIA_SOURCE ?? '').toLowerCase() === 'base64';

async function imageSource(ctx: ProviderContext, items: MediaItem[]) {
  if (items.length === 1) {
    const [m] = items;
    return useBase64(ctx) ? { source_type: 'image_base64', content_type: m.mime, data: Buffer.from(await m.read()).toString('base64') } : { source_type: 'image_url', url: ctx.mediaUrl(m) };
  }
  if (useBase64(ctx)) return { source_type: 'multiple_image_base64', items: await Promise.all(items.map(async (m) => ({ content_type: m.mime, data: Buffer.from(await m.read()).toString('base64') }))) };
  return { source_type: 'multiple_image_urls', items: items.map((m) => ({ url: ctx.mediaUrl(m) })) };
}

/** Registers and uploads a video; returns the media id once Pinterest has processed it. */
export async function uploadVideo(ctx: ProviderContext, api: PinterestApi, item: MediaItem, opts: { pollMs?: number } = {}): Promise<string> {
  const reg = await api<{ media_id: string; upload_url: string; upload_parameters: Record<string, string> }>('POST', '/v5/media', { json: { media_type: 'video' } });
  const { body, contentType } = multipart(reg.upload_parameters, await item.read(), item.mime);
  const res = await ctx.http(reg.upload_url, { method: 'POST', headers: { 'content-type': contentType }, body, timeoutMs: 600_000, signal: ctx.signal });
  if (res.status < 200 || res.status >= 300) throw readError(res);
  const deadline = Date.now() + MAX_PROCESSING_MS;
  for (let i = 0; ; i++) {
    const m = await api<{ status: string; error_message?: string }>('GET', `/v5/media/${reg.media_id}`);
    if (m.status === 'succeeded') return reg.media_id;
    if (m.status === 'failed') throw new ProviderError('rejected', `Pinterest could not process the video${m.error_message ? `: ${m.error_message}` : ''}`, { networkMessage: m.error_message });
    if (Date.now() > deadline) throw new ProviderError('transient', 'Pinterest is still processing the video');
    await sleep(opts.pollMs ?? Math.min(500 * 2 ** i, 5_000));
  }
}

function multipart(fields: Record<string, string>, data: Uint8Array, mime: string) {
  const boundary = `varde${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="video"\r\nContent-Type: ${mime}\r\n\r\n`), Buffer.from(data), Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: new Uint8Array(Buffer.concat(parts)), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface PinBody {
  board_id: string;
  board_section_id?: string;
  title?: string;
  description?: string;
  link?: string;
  alt_text?: string;
  media_source: Record<string, unknown>;
}

/** The pin for `POST /v5/pins`; `videoId` when the media is an uploaded video. */
export async function pinBody(ctx: ProviderContext, content: PublishContent, target: PinTarget, videoId?: string): Promise<PinBody> {
  const part = content.parts[0];
  const media = part.media;
  if (media.length === 0) throw new ProviderError('rejected', 'A Pinterest pin needs an image or a video');
  const source = videoId
    ? { source_type: 'video_id', media_id: videoId, cover_image_key_frame_time: Number(content.options?.coverFrameSeconds ?? 0) || 0 }
    : await imageSource(ctx, media);
  const alt = media[0].alt?.trim();
  return {
    board_id: target.boardId, ...(target.boardSectionId ? { board_section_id: target.boardSectionId } : {}),
    ...(content.title?.trim() ? { title: content.title.trim() } : {}), ...(part.text.trim() ? { description: part.text } : {}),
    ...(content.link ? { link: content.link } : {}), ...(alt && media.length === 1 && !videoId ? { alt_text: alt.slice(0, 500) } : {}),
    media_source: source,
  };
}

export interface FoundPin { id: string; title?: string | null; description?: string | null; link?: string | null; created_at?: string }

/** The pin on the board with this title, description and link, created at or after `since`. */
export async function findPin(api: PinterestApi, body: Pick<PinBody, 'board_id' | 'title' | 'description' | 'link'>, since: Date | null): Promise<FoundPin | undefined> {
  const page = await api<{ items?: FoundPin[] }>('GET', `/v5/boards/${body.board_id}/pins`, { query: { page_size: 50 } });
  const same = (a: string | null | undefined, b: string | undefined) => (a ?? '') === (b ?? '');
  return (page.items ?? []).find((p) => same(p.title, body.title) && same(p.description, body.description) && same(p.link, body.link) && (!since || Date.parse(p.created_at ?? '') >= since.getTime()));
}

export function lookupSince(content: PublishContent): Date | null {
  return content.meta.dueAt ? new Date(Date.parse(content.meta.dueAt) - 5 * 60_000) : null;
}
