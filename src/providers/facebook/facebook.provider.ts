/**
 * Facebook Pages over the Graph API. Connect: Facebook Login → long-lived user token → one
 * candidate per Page the person manages with the CREATE_CONTENT task, each stored with its own
 * Page token. Publish: text, links, one or several photos, a video (resumable upload), organic
 * targeting and a first comment (publish.ts). Exactly once: parts recorded as they go out, and a
 * look-up of the Page's posts after an unknown outcome (reconcile.ts). Read back, webhooks and
 * metrics: inbox.ts, metrics.ts and the shared Meta helpers in ../meta/.
 */
import type { ConnectCandidate, Provider } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { exchangeLoginCode, listManagedPages, loginDialogUrl, renewPageToken } from '../meta/facebook-login.js';
import { META_OPTIONAL_VALUES } from '../meta/settings.js';
import { metaHandshake, verifyMetaSignature } from '../meta/webhooks.js';
import { listPageInbox, moderateComment, parsePageWebhook, replyOnPage } from './inbox.js';
import { fetchPageFollowers, fetchPageMetrics } from './metrics.js';
import { openPage, readCredentials, type FacebookCredentials } from './page.js';
import { publishToPage } from './publish.js';
import { reconcilePagePost } from './reconcile.js';
import { toProviderError } from '../meta/errors.js';

export const GRAPH_VERSION = 'v24.0';

/** Facebook Login permissions for publishing to, reading and measuring Pages. */
export const FACEBOOK_SCOPES = [
  'pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'pages_read_user_content',
  'pages_manage_engagement', 'read_insights', 'publish_video', 'business_management',
];

export const facebookProvider = {
  network: 'facebook',
  idempotentPublish: false,
  inboxKinds: ['comment', 'reply', 'mention'],
  app: {
    required: ['APP_ID', 'APP_SECRET'],
    optional: ['CONFIG_ID', 'PKCE', ...META_OPTIONAL_VALUES],
    urls: {
      graph: `https://graph.facebook.com/${GRAPH_VERSION}`,
      video: `https://graph-video.facebook.com/${GRAPH_VERSION}`,
      dialog: `https://www.facebook.com/${GRAPH_VERSION}`,
    },
  },

  oauth: {
    pkce: true,
    async authorize(_http, app, input) {
      return { url: loginDialogUrl(app, input, FACEBOOK_SCOPES) };
    },
    /** One candidate per Page on which the person may create content. */
    async exchange(http, app, input): Promise<ConnectCandidate[]> {
      const user = await exchangeLoginCode(http, app, input.code, input.codeVerifier, 'Facebook');
      const pages = await listManagedPages(http, app, user.accessToken, 'id,name,access_token,category,tasks,link,username', 'Facebook');
      return pages
        .filter((p) => !p.tasks || p.tasks.includes('CREATE_CONTENT'))
        .map((p) => ({
          credentials: { pageId: p.id, pageToken: p.access_token, userToken: user.accessToken, userTokenExpiresAt: user.expiresAt?.toISOString() ?? null } satisfies FacebookCredentials,
          account: { externalId: p.id, handle: p.username ?? p.id, name: p.name, profileUrl: p.link ?? `https://www.facebook.com/${p.id}` },
          settings: { category: p.category ?? null },
          // A Page token obtained with a long-lived user token does not expire.
          tokenExpiresAt: null,
        }));
    },
  },

  /** A refused Page token is replaced with a fresh one fetched with the stored long-lived user token. */
  async refreshCredentials(http, app, credentials) {
    const creds = readCredentials(credentials);
    if (!creds.userToken) throw new ProviderError('auth_expired', 'Facebook refused the Page token and Varde holds no user token to renew it; reconnect the channel');
    const pageToken = await renewPageToken(http, app, creds.userToken, creds.pageId, 'Facebook');
    return { credentials: { ...creds, pageToken }, expiresAt: null };
  },

  publish: publishToPage,
  reconcile: reconcilePagePost,

  async deletePost(ctx, result) {
    const page = openPage(ctx);
    try {
      await page.graph.delete(result.externalId);
    } catch (err) {
      const pe = toProviderError(err, 'Facebook', 'delete');
      if (pe.status === 404 || (pe.detail?.code === 100 && pe.detail?.subcode === 33)) return; // already gone
      throw pe;
    }
  },

  describeSettings(settings) {
    return { category: settings.category ?? null };
  },

  listInbox: listPageInbox,
  replyTo: replyOnPage,
  hideItem: (ctx, item, hidden) => moderateComment(ctx, item, hidden ? 'hide' : 'unhide'),
  deleteItem: (ctx, item) => moderateComment(ctx, item, 'delete'),
  likeItem: (ctx, item) => moderateComment(ctx, item, 'like'),

  webhooks: {
    handshake: (req, app) => metaHandshake(req, app.values.WEBHOOK_VERIFY_TOKEN),
    verify: (req, app, now?: Date) => verifyMetaSignature(req, app.values.APP_SECRET, now),
    parse: (req, _app) => parsePageWebhook(req),
  },

  fetchPostMetrics: fetchPageMetrics,
  fetchAccountMetrics: fetchPageFollowers,
} satisfies Provider;
