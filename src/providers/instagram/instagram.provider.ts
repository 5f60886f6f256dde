/**
 * Instagram professional accounts over the Graph API, through Facebook Login: the login lists the
 * Pages the person manages, and each Page's linked Instagram business or creator account is a
 * candidate, acting with that Page's token. Publish: images, Reels, Stories and carousels through
 * containers that Meta fills by downloading Varde's signed media URLs (publish.ts). Exactly once:
 * the container's `status_code` is read before anything is published again (lookup.ts).
 */
import type { ConnectCandidate, Provider } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { toProviderError } from '../meta/errors.js';
import { exchangeLoginCode, listManagedPages, loginDialogUrl, renewPageToken } from '../meta/facebook-login.js';
import { META_OPTIONAL_VALUES } from '../meta/settings.js';
import { metaHandshake, verifyMetaSignature } from '../meta/webhooks.js';
import { openAccount, readCredentials, type InstagramCredentials } from './account.js';
import { listInstagramInbox, moderateInstagramComment, parseInstagramWebhook, replyOnInstagram } from './inbox.js';
import { reconcileInstagram } from './lookup.js';
import { fetchInstagramFollowers, fetchInstagramMetrics } from './metrics.js';
import { publishToInstagram } from './publish.js';

export const GRAPH_VERSION = 'v24.0';

/** Facebook Login permissions for Instagram professional accounts. */
export const INSTAGRAM_SCOPES = [
  'instagram_basic', 'instagram_content_publish', 'instagram_manage_comments', 'instagram_manage_insights',
  'pages_show_list', 'pages_read_engagement', 'business_management',
];

export const instagramProvider = {
  network: 'instagram',
  idempotentPublish: false,
  inboxKinds: ['comment', 'reply', 'mention'],
  app: {
    required: ['APP_ID', 'APP_SECRET'],
    optional: ['CONFIG_ID', 'PKCE', ...META_OPTIONAL_VALUES],
    urls: { graph: `https://graph.facebook.com/${GRAPH_VERSION}`, dialog: `https://www.facebook.com/${GRAPH_VERSION}` },
  },

  oauth: {
    pkce: true,
    async authorize(_http, app, input) {
      return { url: loginDialogUrl(app, input, INSTAGRAM_SCOPES) };
    },
    /** One candidate per Page with a linked Instagram professional account. */
    async exchange(http, app, input): Promise<ConnectCandidate[]> {
      const user = await exchangeLoginCode(http, app, input.code, input.codeVerifier, 'Instagram');
      const pages = await listManagedPages(http, app, user.accessToken, 'id,name,access_token,instagram_business_account{id,username,name,profile_picture_url}', 'Instagram');
      return pages
        .filter((p) => p.instagram_business_account?.id)
        .map((p) => {
          const ig = p.instagram_business_account!;
          return {
            credentials: { igUserId: ig.id, pageId: p.id, pageToken: p.access_token, userToken: user.accessToken, userTokenExpiresAt: user.expiresAt?.toISOString() ?? null } satisfies InstagramCredentials,
            account: { externalId: ig.id, handle: ig.username ?? ig.id, name: ig.name ?? ig.username ?? p.name, profileUrl: ig.username ? `https://www.instagram.com/${ig.username}` : undefined },
            settings: { pageId: p.id, pageName: p.name },
            tokenExpiresAt: null,
          };
        });
    },
  },

  /** A refused Page token is replaced using the stored long-lived user token. */
  async refreshCredentials(http, app, credentials) {
    const creds = readCredentials(credentials);
    if (!creds.userToken) throw new ProviderError('auth_expired', 'Instagram refused the token and Varde holds no user token to renew it; reconnect the channel');
    const pageToken = await renewPageToken(http, app, creds.userToken, creds.pageId, 'Instagram');
    return { credentials: { ...creds, pageToken }, expiresAt: null };
  },

  publish: publishToInstagram,
  reconcile: reconcileInstagram,

  /** Deletes the media where Meta's API allows it; Meta's refusal is shown as is. */
  async deletePost(ctx, result) {
    if (result.parts[0]?.ref?.mediaIdUnknown) throw new ProviderError('rejected', 'Varde does not know which Instagram post this became; delete it in the app');
    try {
      await openAccount(ctx).graph.delete(result.externalId);
    } catch (err) {
      throw toProviderError(err, 'Instagram', 'delete');
    }
  },

  describeSettings(settings) {
    return { pageId: settings.pageId ?? null, pageName: settings.pageName ?? null };
  },

  listInbox: listInstagramInbox,
  replyTo: replyOnInstagram,
  hideItem: (ctx, item, hidden) => moderateInstagramComment(ctx, item, hidden ? 'hide' : 'unhide'),
  deleteItem: (ctx, item) => moderateInstagramComment(ctx, item, 'delete'),

  webhooks: {
    handshake: (req, app) => metaHandshake(req, app.values.WEBHOOK_VERIFY_TOKEN),
    verify: (req, app, now?: Date) => verifyMetaSignature(req, app.values.APP_SECRET, now),
    parse: (req, _app) => parseInstagramWebhook(req),
  },

  fetchPostMetrics: fetchInstagramMetrics,
  fetchAccountMetrics: fetchInstagramFollowers,
} satisfies Provider;
