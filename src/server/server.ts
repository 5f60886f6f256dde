/**
 * The Fastify app: cookies, zod validation and serialisation, the OpenAPI document generated from
 * the route schemas (served at /api/openapi.json, browsable at /api/docs), security headers, the
 * health check, and every domain's routes.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.js';
import { registerAuth } from './auth.plugin.js';
import { registerErrorHandler } from './errors.plugin.js';
import { authRoutes } from '../auth/auth.routes.js';
import { securityRoutes } from '../auth/security.routes.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { membersRoutes } from '../members/members.routes.js';
import { approvalsRoutes } from '../approvals/approvals.routes.js';
import { registerAudit } from '../audit/audit.plugin.js';
import { workspacesRoutes } from '../workspaces/workspaces.routes.js';
import { channelsRoutes } from '../channels/channels.routes.js';
import { oauthRoutes } from '../channels/oauth.routes.js';
import { mediaRoutes } from '../media/media.routes.js';
import { campaignsRoutes } from '../campaigns/campaigns.routes.js';
import { postsRoutes } from '../posts/posts.routes.js';
import { notificationsRoutes } from '../notifications/notifications.routes.js';
import { eventsRoutes } from '../events/events.routes.js';
import { inboxRoutes } from '../inbox/inbox.routes.js';
import { metricsRoutes } from '../analytics/metrics.routes.js';
import { registerWebApp } from './web.plugin.js';

export interface ServerOptions {
  /** Answers whether the queue is up (the worker's first claim went through), for /healthz. */
  queueReady: () => boolean;
  version: string;
}

export async function buildServer(ctx: AppContext, opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as any,
    bodyLimit: ctx.config.bodyLimitBytes,
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace' }),
    trustProxy: ctx.config.trustProxy,
    // Signed media URLs and review-link tokens are longer than the default 100 characters.
    routerOptions: { maxParamLength: 500 },
  });
  // The API speaks JSON (and raw bytes for uploads): a text/plain body is a 415, not a string for
  // the schemas to puzzle over; it is also the one body type a cross-site form can send unasked.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(cookie);

  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Varde API', version: opts.version, description: 'Plan once, publish to every network exactly once. Authenticate with a session cookie or `Authorization: Bearer <API token>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'varde_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, ctx);
  registerAudit(app, ctx);

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await ctx.db.query('SELECT 1');
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: 'down' });
    }
    if (!opts.queueReady()) return reply.status(503).send({ status: 'starting', queue: 'starting' });
    return { status: 'ok' };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const routes of [authRoutes, securityRoutes, auditRoutes, membersRoutes, approvalsRoutes, workspacesRoutes, channelsRoutes, oauthRoutes, mediaRoutes, postsRoutes, campaignsRoutes, notificationsRoutes, inboxRoutes, metricsRoutes]) routes(app, ctx);
  eventsRoutes(app, ctx);
  await registerWebApp(app, ctx);
  return app;
}
