/**
 * GET /api/v1/networks: every network Varde knows, whether this server offers it (a provider is
 * registered), and whether the operator has configured its app — so the web app shows a connect
 * button, what to configure, or "coming", and picks up new providers without a change.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { NETWORK_NAMES, NETWORKS } from '../core/networks.js';
import { requirePrincipal } from './auth.plugin.js';

export const NetworkInfo = z.object({
  network: z.enum(NETWORKS),
  name: z.string(),
  offered: z.boolean().describe('This server has a provider for the network'),
  configured: z.boolean().describe('Offered, and every setting its app needs is set'),
  missingSettings: z.array(z.string()).describe('Environment variables the operator still has to set'),
  connect: z.enum(['form', 'oauth']).nullable().describe('How a channel is connected: a form (handle, URL…) or a login at the network'),
  beta: z.boolean(),
});

export function listNetworks(ctx: AppContext): z.infer<typeof NetworkInfo>[] {
  return NETWORKS.map((network) => {
    if (!ctx.providers.has(network)) {
      return { network, name: NETWORK_NAMES[network], offered: false, configured: false, missingSettings: [], connect: null, beta: false };
    }
    const provider = ctx.providers.get(network);
    const missingSettings = ctx.providers.missingSettings(network);
    return {
      network, name: NETWORK_NAMES[network], offered: true, configured: missingSettings.length === 0, missingSettings,
      connect: provider.oauth ? 'oauth' : provider.connect ? 'form' : null, beta: provider.beta ?? false,
    };
  });
}

export function networksRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/networks', {
    schema: { tags: ['channels'], summary: 'Networks this server offers, and what the operator must configure', response: { 200: z.object({ networks: z.array(NetworkInfo) }) } },
  }, async (req) => {
    requirePrincipal(req);
    return { networks: listNetworks(ctx) };
  });
}
