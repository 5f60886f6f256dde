/**
 * LinkedIn emulator: image uploads (initializeUpload → PUT uploadUrl → AVAILABLE) and video
 * uploads (initializeUpload with fileSizeBytes → PUT each 4 MiB part, answered with an ETag →
 * finalizeUpload with every ETag in order → PROCESSING → AVAILABLE, or PROCESSING_FAILED).
 */
import crypto from 'node:crypto';
import type { Emulator } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';
import { authenticate, liError, mayActAs, VIDEO_PART_BYTES, type LiState } from './linkedin.emulator.js';

const VIDEO_MAX = 500 * 1024 * 1024;

export function mediaRoutes(emu: Emulator, authority: OAuthAuthority, state: LiState) {
  const init = (kind: 'image' | 'video') => (req: Parameters<Parameters<Emulator['route']>[2]>[0]) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    if (req.query.action === 'finalizeUpload' && kind === 'video') return finalize(req.body?.finalizeUploadRequest);
    if (req.query.action !== 'initializeUpload') return liError(400, 'action must be initializeUpload');
    const r = req.body?.initializeUploadRequest;
    if (!r?.owner) return liError(422, 'ERROR :: /initializeUploadRequest/owner :: field is required');
    const denied = mayActAs(state, a.member, r.owner, a.scopes, true);
    if (denied) return liError(403, `Not enough permissions to upload for ${r.owner}`, 'ACCESS_DENIED');
    const id = `C5${crypto.randomBytes(6).toString('hex')}`;
    if (kind === 'image') {
      const urn = `urn:li:image:${id}`;
      state.assets.set(urn, { urn, owner: r.owner, kind, status: 'WAITING_UPLOAD', bytes: new Map(), checks: 0 });
      return { json: { value: { uploadUrlExpiresAt: Date.now() + 3600_000, uploadUrl: `${state.emuUrl}/dms-uploads/image/${id}`, image: urn } } };
    }
    const size = r.fileSizeBytes;
    if (!Number.isInteger(size) || size <= 0 || size > VIDEO_MAX) return liError(422, 'ERROR :: /initializeUploadRequest/fileSizeBytes :: invalid');
    const urn = `urn:li:video:${id}`;
    const parts = [];
    for (let first = 0; first < size; first += VIDEO_PART_BYTES) parts.push({ firstByte: first, lastByte: Math.min(size, first + VIDEO_PART_BYTES) - 1 });
    state.assets.set(urn, { urn, owner: r.owner, kind, status: 'WAITING_UPLOAD', bytes: new Map(), size, parts, checks: 0 });
    return { json: { value: { uploadUrlsExpireAt: Date.now() + 3600_000, video: urn, uploadToken: '', uploadInstructions: parts.map((p, i) => ({ uploadUrl: `${state.emuUrl}/dms-uploads/video/${id}/${i}`, ...p })) } } };
  };

  const finalize = (r: any) => {
    const asset = state.assets.get(r?.video ?? '');
    if (!asset || asset.kind !== 'video' || asset.status !== 'WAITING_UPLOAD') return liError(422, 'ERROR :: /finalizeUploadRequest/video :: unknown or already finalized');
    const etags: string[] = r.uploadedPartIds ?? [];
    if (etags.length !== asset.parts!.length || asset.parts!.some((p, i) => p.etag !== etags[i])) return liError(422, 'ERROR :: /finalizeUploadRequest/uploadedPartIds :: the part ids do not match the uploaded parts');
    asset.status = 'PROCESSING';
    return { status: 200, json: {} };
  };

  emu.route('POST', '/rest/images', init('image'));
  emu.route('POST', '/rest/videos', init('video'));

  emu.route('PUT', '/dms-uploads/image/:id', (req) => {
    const asset = state.assets.get(`urn:li:image:${req.params.id}`);
    if (!asset || !/^Bearer /.test(req.headers.authorization ?? '')) return { status: 401, text: '' };
    if (!req.rawBody.length) return { status: 400, text: 'empty body' };
    asset.bytes.set(0, req.rawBody);
    asset.status = 'PROCESSING';
    return { status: 201, text: '' };
  });

  emu.route('PUT', '/dms-uploads/video/:id/:part', (req) => {
    const asset = state.assets.get(`urn:li:video:${req.params.id}`);
    const part = asset?.parts?.[Number(req.params.part)];
    if (!asset || !part) return { status: 404, text: '' };
    if (req.rawBody.length !== part.lastByte - part.firstByte + 1) return { status: 400, text: `part ${req.params.part} must be ${part.lastByte - part.firstByte + 1} bytes` };
    asset.bytes.set(Number(req.params.part), req.rawBody);
    part.etag = `/ambry-video/signedId/${crypto.createHash('md5').update(req.rawBody).digest('hex')}`;
    return { status: 200, headers: { etag: part.etag }, text: '' };
  });

  const status = (kind: 'image' | 'video') => (req: Parameters<Parameters<Emulator['route']>[2]>[0]) => {
    const a = authenticate(authority, state, req);
    if ('error' in a) return a.error;
    const asset = state.assets.get(req.params.urn);
    if (!asset || asset.kind !== kind) return liError(404, 'Not found');
    if (asset.status === 'PROCESSING' && ++asset.checks > state.processingChecks) {
      if (kind === 'video' && state.failNextVideo) {
        asset.status = 'PROCESSING_FAILED';
        (asset as any).failure = state.failNextVideo;
        state.failNextVideo = undefined;
      } else asset.status = 'AVAILABLE';
    }
    return { json: { id: asset.urn, owner: asset.owner, status: asset.status, ...((asset as any).failure ? { processingFailureReason: (asset as any).failure } : {}) } };
  };
  emu.route('GET', '/rest/images/:urn', status('image'));
  emu.route('GET', '/rest/videos/:urn', status('video'));
}
