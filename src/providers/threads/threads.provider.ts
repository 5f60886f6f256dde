/**
 * Threads over its Graph API (graph.threads.net). Connect: the Threads authorization window →
 * short-lived token (1 hour) → long-lived token (`th_exchange_token`, 60 days), renewed with
 * `th_refresh_token` before it expires. Publish: text with a link attachment, images, videos and
 * carousels through containers, follow-ups as a reply chain (publish.ts). Exactly once: containers
 * recorded and their `status` read before anything is published again (lookup.ts).
 */
import type { ConnectCandidate, NetworkApp, Provider } from '../contract.js';
import type { HttpClient } from '../../net/http.types.js';
import { ProviderError } from '../provider-error.js';
import { createGraph } from '../meta/graph.js';
import { toProviderError } from '../meta/errors.js';
import { META_OPTIONAL_VALUES, metaTimeouts } from '../meta/settings.js';
import { metaHandshake, verifyMetaSignature } from '../meta/webhooks.js';
import { openProfile, readCredentials, THREADS_API_VERSION, type ThreadsCredentials } from './account.js';
import { hideThreadsReply, listThreadsInbox, parseThreadsWebhook, replyOnThreads } from './inbox.js';
import { reconcileThreads } from './lookup.js';
import { fetchThreadsFollowers, fetchThreadsMetrics } from './metrics.js';
import { publishToThreads } from './publish.js';

export const THREADS_SCOPES = ['threads_basic', 'threads_content_publish', 'threads_read_replies', 'threads_manage_replies', 'threads_manage_insights', 'threads_manage_mentions', 'threads_delete'];

const graphFor = (http: HttpClient, app: NetworkApp, token?: string) => createGraph(http, { baseUrl: app.urls.graph, token, timeoutMs: metaTimeouts(app).requestMs });

type TokenAnswer = { access_token?: string; expires_in?: number; user_id?: string | number };

function longLived(res: TokenAnswer, network = 'Threads'): { accessToken: string; expiresAt: Date | null } {
  if (!res.access_token) throw new ProviderError('rejected', `${network} returned no access token`);
  return { accessToken: res.access_token, expiresAt: res.expires_in ? new Date(Date.now() + res.expires_in * 1000) : null };
}

export const threadsProvider = {
  network: 'threads',
  idempotentPublish: false,
  inboxKinds: ['reply', 'mention'],
  app: {
    required: ['APP_ID', 'APP_SECRET'],
    optional: [...META_OPTIONAL_VALUES],
    urls: { graph: 'https://graph.threads.net', auth: 'https://threads.com' },
  },

  oauth: {
    // The Threads authorization window documents no PKCE.
    pkce: false,
    async authorize(_http, app, input) {
      const url = new URL(`${app.urls.auth}/oauth/authorize`);
      url.search = new URLSearchParams({ client_id: app.values.APP_ID ?? '', redirect_uri: app.redirectUri, scope: THREADS_SCOPES.join(','), response_type: 'code', state: input.state }).toString();
      return { url: url.toString() };
    },
    async exchange(http, app, input): Promise<ConnectCandidate[]> {
      const graph = graphFor(http, app);
      try {
        const short = await graph.post<TokenAnswer>('oauth/access_token', { client_id: app.values.APP_ID, client_secret: app.values.APP_SECRET, grant_type: 'authorization_code', redirect_uri: app.redirectUri, code: input.code.replace(/#_$/, '') });
        const token = longLived(await graph.get<TokenAnswer>('access_token', { grant_type: 'th_exchange_token', client_secret: app.values.APP_SECRET, access_token: short.access_token }));
        const me = await graphFor(http, app, token.accessToken).get<{ id: string; username?: string; name?: string }>(`${THREADS_API_VERSION}/me`, { fields: 'id,username,name,threads_profile_picture_url' });
        return [{
          credentials: { userId: me.id, accessToken: token.accessToken, expiresAt: token.expiresAt?.toISOString() ?? null } satisfies ThreadsCredentials,
          account: { externalId: me.id, handle: me.username ?? me.id, name: me.name || me.username || me.id, profileUrl: me.username ? `https://www.threads.com/@${me.username}` : undefined },
          tokenExpiresAt: token.expiresAt,
        }];
      } catch (err) {
        throw toProviderError(err, 'Threads', 'sign-in');
      }
    },
  },

  /** `th_refresh_token`: an unexpired long-lived token at least a day old gets 60 more days. */
  async refreshCredentials(http, app, credentials) {
    const creds = readCredentials(credentials);
    try {
      const next = longLived(await graphFor(http, app).get<TokenAnswer>('refresh_access_token', { grant_type: 'th_refresh_token', access_token: creds.accessToken }));
      return { credentials: { ...creds, accessToken: next.accessToken, expiresAt: next.expiresAt?.toISOString() ?? null }, expiresAt: next.expiresAt };
    } catch (err) {
      const pe = toProviderError(err, 'Threads', 'token renewal');
      // An expired or revoked token cannot be renewed: only a new sign-in helps.
      throw pe.kind === 'rejected' ? new ProviderError('auth_expired', pe.message, { networkMessage: pe.networkMessage, status: pe.status, detail: pe.detail }) : pe;
    }
  },

  publish: publishToThreads,
  reconcile: reconcileThreads,

  /** Deletes every part, last first (needs `threads_delete`); a part already gone counts as deleted. */
  async deletePost(ctx, result) {
    const t = openProfile(ctx);
    for (const part of [...(result.parts.length ? result.parts : [{ externalId: result.externalId }])].reverse()) {
      try {
        await t.graph.delete(part.externalId);
      } catch (err) {
        const pe = toProviderError(err, 'Threads', 'delete');
        if (pe.status !== 404 && !(pe.detail?.code === 100 && pe.detail?.subcode === 33)) throw pe;
      }
    }
  },

  listInbox: listThreadsInbox,
  replyTo: replyOnThreads,
  hideItem: hideThreadsReply,

  webhooks: {
    handshake: (req, app) => metaHandshake(req, app.values.WEBHOOK_VERIFY_TOKEN),
    verify: (req, app, now?: Date) => verifyMetaSignature(req, app.values.APP_SECRET, now),
    parse: (req, _app) => parseThreadsWebhook(req),
  },

  fetchPostMetrics: fetchThreadsMetrics,
  fetchAccountMetrics: fetchThreadsFollowers,
} satisfies Provider;
