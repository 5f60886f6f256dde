/**
 * `GET|POST /api/v1/webhooks/:network`: where networks push comments, mentions and messages. The
 * body is kept as raw bytes (signatures cover those, not a re-serialised parse): a verification
 * handshake (Meta hub.challenge, X CRC, LinkedIn challengeCode) is answered by the provider;
 * anything else is verified with the provider's scheme BEFORE it is parsed or stored, and refused
 * with 401 and nothing stored when it fails. The answer is sent once the items are committed, so a
 * network that gets no 200 delivers again (and a repeat is stored once).
 */
import os from 'node:os';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import type { IncomingWebhook } from '../providers/contract.js';
import { ingestWebhook } from './ingest.service.js';
import { inboxRuntime } from './runtime.js';
import { createThreadedScorer, inProcessScorer } from './scoring.js';

const Params = z.object({ network: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a network slug such as facebook') });

function flat(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(',') : String(v);
  return out;
}

function incoming(req: FastifyRequest): IncomingWebhook {
  const body = req.body;
  return { method: req.method, query: flat((req.query ?? {}) as Record<string, unknown>), headers: flat(req.headers), rawBody: Buffer.isBuffer(body) ? body : Buffer.alloc(0) };
}

export function webhooksRoutes(app: FastifyInstance, ctx: AppContext) {
  // Scoring thousands of events a second on a thread of its own keeps this one answering requests.
  const rt = inboxRuntime(ctx);
  if (os.availableParallelism() > 1 && rt.scorer === inProcessScorer) {
    const scorer = createThreadedScorer((err) => ctx.logger.warn({ err }, 'the inbox scoring thread failed; scoring in-process'));
    rt.scorer = scorer;
    app.addHook('onClose', async () => {
      if (rt.scorer === scorer) rt.scorer = inProcessScorer;
      await scorer.close();
    });
  }
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    scope.route({
      method: ['GET', 'POST'],
      url: '/api/v1/webhooks/:network',
      schema: {
        tags: ['inbox'], params: Params,
        summary: 'Incoming webhooks from a network (comments, mentions, messages): verified over the raw body, then stored once',
        security: [],
      },
      handler: async (req, reply) => {
        const { network } = req.params as z.infer<typeof Params>;
        const provider = ctx.providers.has(network) ? ctx.providers.get(network) : null;
        if (!provider?.webhooks) throw new AppError('not_found', `Varde takes no webhooks from "${network}"`);
        const hook = incoming(req);
        const networkApp = ctx.providers.appFor(network);
        const handshake = provider.webhooks.handshake?.(hook, networkApp);
        if (handshake) return reply.status(handshake.status).type(handshake.contentType ?? 'text/plain').send(handshake.body);
        if (req.method !== 'POST') throw new AppError('bad_request', `This is not a verification request ${network} sends; events come as POST`);
        const verdict = provider.webhooks.verify(hook, networkApp);
        if (!verdict.ok) {
          req.log.warn({ network, reason: verdict.reason }, 'refused an incoming webhook');
          throw new AppError('unauthorized', `Webhook refused: ${verdict.reason}`);
        }
        let groups: ReturnType<typeof provider.webhooks.parse>;
        try {
          groups = provider.webhooks.parse(hook, networkApp);
        } catch (err) {
          throw new AppError('bad_request', 'The webhook body could not be read', { cause: err });
        }
        return reply.status(200).send(await ingestWebhook(ctx, network, groups));
      },
    });
  });
}
