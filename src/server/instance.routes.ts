/**
 * GET /api/v1/instance: what the sign-in screens need before anyone is logged in — whether this
 * Varde still waits for its first account (first-run setup) and whether anyone may sign up.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { countUsers } from '../auth/auth.repository.js';

export function instanceRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/instance', {
    schema: {
      tags: ['auth'], summary: 'First-run state: no account yet, and whether sign-up is open',
      response: { 200: z.object({ needsFirstAccount: z.boolean(), signupOpen: z.boolean() }) },
    },
  }, async () => {
    const users = await countUsers(ctx.db);
    return { needsFirstAccount: users === 0, signupOpen: users === 0 || ctx.config.signupOpen };
  });
}
