/**
 * GET …/link-preview?url=: the card a link would get (title, description, image), read through the
 * guarded HTTP client like the networks' own link cards, for the composer's preview. A page that
 * cannot be read answers 422 with the reason, so the composer can say why there is no card.
 *
 * GET …/link-preview/image?url=: the card's image, fetched by the server through the same guard
 * (no private addresses, at most 1,000,000 bytes) and passed on, so the page can show images of
 * `http:` sites (its policy allows only its own and `https:` images) and the third-party site never
 * sees the user's address. Raster images only: an SVG served from this origin could run script
 * when opened on its own.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { HttpFailure } from '../net/http.types.js';
import { fetchLinkPreview, fetchPreviewImage, LinkPreviewError } from '../providers/bluesky/link-preview.js';
import { workspaceAccess } from './auth.plugin.js';
import { WorkspaceParams } from './schemas.js';

/** Image types passed on; the others (SVG above all) are refused. */
const RASTER = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);
const UrlQuery = z.object({ url: z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL' }).max(2000) });

function noPreview(err: unknown): never {
  if (err instanceof HttpFailure) throw new AppError('validation_failed', `No preview: ${err.message}`, { details: { reason: err.kind } });
  if (err instanceof LinkPreviewError) throw new AppError('validation_failed', `No preview: ${err.message}`, { details: { reason: err.reason } });
  throw err;
}

const LinkPreview = z.object({ url: z.string(), title: z.string().nullable(), description: z.string().nullable(), imageUrl: z.string().nullable() });

export function linkPreviewRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/workspaces/:workspaceId/link-preview', {
    schema: {
      tags: ['posts'], summary: 'The link card a URL would get: title, description and image from its Open Graph tags',
      params: WorkspaceParams, querystring: UrlQuery,
      response: { 200: LinkPreview },
    },
  }, async (req) => {
    await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    try {
      return await fetchLinkPreview(ctx.http, req.query.url);
    } catch (err) {
      return noPreview(err);
    }
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/workspaces/:workspaceId/link-preview/image', {
    schema: {
      tags: ['posts'], summary: 'A link card\'s image (PNG, JPEG, GIF, WebP or AVIF of at most 1,000,000 bytes), fetched by the server',
      params: WorkspaceParams, querystring: UrlQuery,
    },
  }, async (req, reply) => {
    await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    let image;
    try {
      image = await fetchPreviewImage(ctx.http, req.query.url);
    } catch (err) {
      return noPreview(err);
    }
    if (!RASTER.has(image.mime)) throw new AppError('validation_failed', `No preview: ${image.mime} is not a PNG, JPEG, GIF, WebP or AVIF image`, { details: { reason: 'not_image' } });
    return reply
      .header('content-type', image.mime)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(Buffer.from(image.bytes));
  });
}
