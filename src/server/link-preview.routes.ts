/**
 * GET …/link-preview?url=: the card a link would get (title, description, image), read through the
 * guarded HTTP client like the networks' own link cards, for the composer's preview. A page that
 * cannot be read answers 422 with the reason, so the composer can say why there is no card.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { HttpFailure } from '../net/http.types.js';
import { fetchLinkPreview, LinkPreviewError } from '../providers/bluesky/link-preview.js';
import { workspaceAccess } from './auth.plugin.js';
import { WorkspaceParams } from './schemas.js';

const LinkPreview = z.object({ url: z.string(), title: z.string().nullable(), description: z.string().nullable(), imageUrl: z.string().nullable() });

export function linkPreviewRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/workspaces/:workspaceId/link-preview', {
    schema: {
      tags: ['posts'], summary: 'The link card a URL would get: title, description and image from its Open Graph tags',
      params: WorkspaceParams, querystring: z.object({ url: z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL' }).max(2000) }),
      response: { 200: LinkPreview },
    },
  }, async (req) => {
    await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    try {
      return await fetchLinkPreview(ctx.http, req.query.url);
    } catch (err) {
      if (err instanceof HttpFailure) throw new AppError('validation_failed', `No preview: ${err.message}`, { details: { reason: err.kind } });
      if (err instanceof LinkPreviewError) throw new AppError('validation_failed', `No preview: ${err.message}`, { details: { reason: err.reason } });
      throw err;
    }
  });
}
