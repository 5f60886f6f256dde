/**
 * GET …/events: server-sent events for the web app. `change` events carry the posts and
 * deliveries of the workspace whose state changed (the app refetches what it shows); a comment
 * every 20 s keeps proxies from closing the stream; `retry` tells the browser to come back after
 * 3 s when the connection drops. Open streams are ended when the server closes.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { WorkspaceParams } from '../server/schemas.js';
import { ChangeFeed, type ChangeFeedOptions } from './change-feed.js';

const HEARTBEAT_MS = 20_000;

export function eventsRoutes(app: FastifyInstance, ctx: AppContext, opts: ChangeFeedOptions = {}) {
  const feed = new ChangeFeed(ctx.db, { onError: (err) => ctx.logger.warn({ err }, 'live updates: polling for changes failed'), ...opts });
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
    feed.stop();
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/workspaces/:workspaceId/events', {
    schema: {
      tags: ['posts'], params: WorkspaceParams,
      summary: 'Live status (text/event-stream): `change` events list the posts, deliveries and inbox items that changed',
      // Written straight to the socket (the reply is hijacked); described for the document only.
      response: { 200: { content: { 'text/event-stream': { schema: z.string().describe('`event: ready`, then `event: change` with `data:` a JSON list of what changed; comments keep the connection alive') } } } },
    },
  }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.write(`retry: 3000\nevent: ready\ndata: {}\n\n`);
    const unsubscribe = feed.subscribe(access.workspaceId, (batch) => {
      res.write(`event: change\ndata: ${JSON.stringify(batch)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(`: keep-alive\n\n`), HEARTBEAT_MS);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(end);
      if (!res.writableEnded) res.end();
    };
    streams.add(end);
    req.raw.on('close', end);
  });
}
