/** Uploading media: checked by content (not by name), size-limited, stored once per content. */
import { AppError } from '../app/errors.js';
import type { AppContext } from '../app/context.js';
import { newId } from '../app/ids.js';
import { sniffMedia } from '../core/media-sniff.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import { findMediaByIds, upsertMedia, type MediaRow } from './media.repository.js';

export function publicMedia(m: MediaRow) {
  return {
    id: m.id, mime: m.mime, kind: m.kind, size: m.size, width: m.width, height: m.height,
    durationSec: m.duration_sec, filename: m.filename, sha256: m.sha256, createdAt: m.created_at,
  };
}

export async function uploadMedia(ctx: AppContext, access: WorkspaceAccess, bytes: Uint8Array, filename?: string) {
  if (bytes.length === 0) throw new AppError('bad_request', 'The upload is empty');
  if (bytes.length > ctx.config.mediaLimitBytes) {
    throw new AppError('payload_too_large', `The file is ${(bytes.length / 1e6).toFixed(1)} MB; the server accepts at most ${(ctx.config.mediaLimitBytes / 1e6).toFixed(0)} MB`);
  }
  const facts = sniffMedia(bytes);
  if (!facts) throw new AppError('unsupported_media_type', 'Only images (JPEG, PNG, GIF, WebP) and videos (MP4, MOV, WebM) can be uploaded; this file is neither');
  const sha256 = await ctx.mediaStore.put(bytes);
  const row = await upsertMedia(ctx.db, {
    id: newId(), workspace_id: access.workspaceId, sha256, mime: facts.mime, kind: facts.kind, size: bytes.length,
    width: facts.width ?? null, height: facts.height ?? null, duration_sec: facts.durationSec ?? null, filename: filename?.slice(0, 255) ?? null,
  });
  return publicMedia(row);
}

/** Loads the media rows a post refers to, in order; unknown or foreign ids are a 4xx naming them. */
export async function resolveMedia(ctx: AppContext, workspaceId: string, ids: string[]): Promise<Map<string, MediaRow>> {
  const rows = await findMediaByIds(ctx.db, workspaceId, [...new Set(ids)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = [...new Set(ids)].filter((id) => !byId.has(id));
  if (missing.length) throw new AppError('validation_failed', `Unknown media: ${missing.join(', ')}. Upload it first (POST /media).`, { details: { missing } });
  return byId;
}
