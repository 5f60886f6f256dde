/** OAuth connect routes: start, the network's callback, and picking accounts when a login gives several. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { WorkspaceParams } from '../server/schemas.js';
import { ChannelList, OAuthSignIn } from './channels.schemas.js';
import { completeOAuth, pickOAuth, showOAuth, startOAuth } from './oauth.service.js';

/** What networks send back (RFC 6749 §4.1.2); other parameters are kept for the provider. */
const OAuthCallbackQuery = z.looseObject({
  state: z.string().max(500).optional().describe('The state Varde sent'),
  code: z.string().max(4000).optional().describe('The authorisation code'),
  error: z.string().max(200).optional().describe('Why the user or network refused'),
  error_description: z.string().max(2000).optional(),
});

export function oauthRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/channels/oauth';

  r.post(`${base}/:network/start`, {
    schema: {
      tags: ['channels'], summary: 'Start connecting a network by logging in there: returns the URL to send the user to',
      params: WorkspaceParams.extend({ network: z.string().max(40) }),
      body: z.object({
        instance: z.string().max(253).optional().describe('Mastodon: the server, e.g. mastodon.social'),
        returnTo: z.string().max(500).optional().describe('A path in the web app to come back to'),
        reconnectChannelId: z.uuid().optional().describe('Renew the login of this channel instead of adding one'),
      }).default({}),
      response: {
        200: z.object({
          authorizeUrl: z.string().describe('Send the user’s browser here'),
          state: z.string().describe('Names this sign-in in GET …/channels/oauth/:state'),
          redirectUri: z.string().describe('Where the network sends the user back'),
        }),
      },
    },
  }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    return startOAuth(ctx, access, req.params.network, req.body);
  });

  r.get('/api/v1/oauth/callback/:network', {
    schema: { tags: ['channels'], summary: 'Where the network sends the user back (register this redirect URL at the network)', params: z.object({ network: z.string().max(40) }), querystring: OAuthCallbackQuery },
  }, async (req, reply) => {
    // Every string parameter goes on to the provider (some networks send more than these).
    const query = Object.fromEntries(Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const result = await completeOAuth(ctx, req.params.network, query);
    if (result.returnTo) return reply.redirect(`${result.returnTo}${result.returnTo.includes('?') ? '&' : '?'}oauth=${encodeURIComponent(result.state)}`);
    return result;
  });

  r.get(`${base}/:state`, { schema: { tags: ['channels'], summary: 'A sign-in: status, error, and the accounts to pick from', params: WorkspaceParams.extend({ state: z.string().max(100) }), response: { 200: OAuthSignIn } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    return showOAuth(ctx, access, req.params.state);
  });

  r.post(`${base}/:state/pick`, {
    schema: { tags: ['channels'], summary: 'Add the picked accounts (pages, organisations, boards…) as channels', params: WorkspaceParams.extend({ state: z.string().max(100) }), body: z.object({ externalIds: z.array(z.string().max(200)).min(1).max(100) }), response: { 201: ChannelList } },
  }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    return reply.status(201).send(await pickOAuth(ctx, access, req.params.state, req.body.externalIds));
  });
}
