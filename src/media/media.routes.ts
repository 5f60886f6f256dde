/** Media upload (raw bytes in the body, any image/video Content-Type), metadata and content. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { IdParams, WorkspaceParams } from '../server/schemas.js';
import { findMediaByIds, listMedia, type MediaRow } from './media.repository.js';
import { verifyMediaToken } from './signed-url.js';
import { Media, MediaList } from './media.schemas.js';
import { publicMedia, uploadMedia } from './media.service.js';

export function mediaRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const uploadLimit = ctx.config.mediaLimitBytes + 1; // let the service word the refusal

  for (const type of ['application/octet-stream', /^image\/.+/, /^video\/.+/]) {
    app.addContentTypeParser(type as string, { parseAs: 'buffer', bodyLimit: uploadLimit }, (_req, body, done) => done(null, body));
  }

  r.post('/api/v1/workspaces/:workspaceId/media', {
    bodyLimit: uploadLimit,
    schema: {
      tags: ['media'],
      summary: 'Upload an image or video: send the file as the raw body; its type is read from its content',
      params: WorkspaceParams,
      querystring: z.object({ filename: z.string().max(255).optional() }),
      response: { 201: Media },
    },
  }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'write');
    if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_media_type', 'Send the file itself as the body, with Content-Type image/… , video/… or application/octet-stream');
    return reply.status(201).send(await uploadMedia(ctx, access, new Uint8Array(req.body), req.query.filename));
  });

  r.get('/media/s/:token', { schema: { tags: ['media'], summary: 'A media file at a signed, expiring URL (for networks that download media)', params: z.object({ token: z.string().max(300) }) } }, async (req, reply) => {
    const mediaId = verifyMediaToken(ctx.secrets, req.params.token);
    if (!mediaId) throw new AppError('not_found', 'This media link is unknown or has expired');
    const [m] = await ctx.db.query<MediaRow>(`SELECT * FROM media WHERE id = $1`, [mediaId]);
    if (!m) throw new AppError('not_found', 'This media link is unknown or has expired');
    reply.header('content-type', m.mime).header('cache-control', 'public, max-age=3600').header('x-content-type-options', 'nosniff');
    return reply.send(Buffer.from(await ctx.mediaStore.read(m.sha256)));
  });

  r.get('/api/v1/workspaces/:workspaceId/media', { schema: { tags: ['media'], summary: 'Recent media', params: WorkspaceParams, response: { 200: MediaList } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return { media: (await listMedia(ctx.db, access.workspaceId, 200)).map(publicMedia) };
  });

  r.get('/api/v1/workspaces/:workspaceId/media/:id', { schema: { tags: ['media'], summary: 'One media item', params: IdParams, response: { 200: Media } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    const [m] = await findMediaByIds(ctx.db, access.workspaceId, [req.params.id]);
    if (!m) throw new AppError('not_found', 'Media not found');
    return publicMedia(m);
  });

  r.get('/api/v1/workspaces/:workspaceId/media/:id/content', { schema: { tags: ['media'], summary: 'The file itself', params: IdParams } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    const [m] = await findMediaByIds(ctx.db, access.workspaceId, [req.params.id]);
    if (!m) throw new AppError('not_found', 'Media not found');
    reply.header('content-type', m.mime).header('cache-control', 'private, max-age=31536000, immutable').header('x-content-type-options', 'nosniff');
    return reply.send(Buffer.from(await ctx.mediaStore.read(m.sha256)));
  });
}
