/**
 * Signed webhook events per network, each signed by the network's documented scheme (read from
 * the provider's `webhooks.verify` and its own tests), with a secret the test server is given:
 * - Meta (Facebook, Instagram, Threads): `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>`;
 *   staleness from the body's `entry[].time` / `time`; handshake `hub.challenge` with the verify token.
 * - X: `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret, body)>`; CRC handshake.
 * - LinkedIn: `X-LI-Signature: hmacsha256=<hex HMAC-SHA256(client secret, body)>`; `challengeCode` handshake.
 * - TikTok: `TikTok-Signature: t=<unix s>,s=<hex HMAC-SHA256(client secret, "<t>.<body>")>`, 5 minutes.
 * - Telegram: `X-Telegram-Bot-Api-Secret-Token: <the secret given to setWebhook>`.
 * Networks that sign no time cannot refuse a late replay: for them `stale` is null, and a replay is
 * stored once (the inbox's unique key) instead.
 */
import crypto from 'node:crypto';

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export interface HandshakeCase {
  query: Record<string, string>;
  /** What a correct answer is. */
  expectBody(body: string): boolean;
  /** The same handshake with a wrong verify token (null when the network sends none). */
  wrongQuery: Record<string, string> | null;
}

export interface WebhookFixture {
  network: string;
  /** The VARDE_* settings the server verifies with. */
  env: Record<string, string>;
  /** The channel's account on the network (channels.external_id): events name it. */
  accountId: string;
  /** Inbox items one event carries (TikTok's events are about posts: none). */
  itemsPerEvent: number;
  /** A correctly signed event whose item is new for every `n`. */
  event(n: number, now?: Date): SignedRequest;
  wrongSecret(n: number): SignedRequest;
  unsigned(n: number): SignedRequest;
  /** Signed correctly, but too old to be a fresh delivery; null when the network signs no time. */
  stale(n: number): SignedRequest | null;
  handshake: HandshakeCase | null;
}

const hmac = (secret: string, data: string, enc: 'hex' | 'base64') => crypto.createHmac('sha256', secret).update(data).digest(enc);
const json = { 'content-type': 'application/json' };
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
/** The body built once, then signed: a body rebuilt for the signature could differ by a clock tick. */
const signed = (body: string, sign: (body: string) => Record<string, string>): SignedRequest => ({ body, headers: sign(body) });

const APP_SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'meta-verify-token';

function meta(network: 'facebook' | 'instagram' | 'threads', accountId: string, bodyOf: (n: number, time: number) => unknown): WebhookFixture {
  const upper = network.toUpperCase();
  const sign = (body: string, secret = APP_SECRET) => ({ ...json, 'x-hub-signature-256': `sha256=${hmac(secret, body, 'hex')}` });
  const body = (n: number, at: Date) => JSON.stringify(bodyOf(n, seconds(at)));
  return {
    network, accountId, itemsPerEvent: 1,
    env: { [`VARDE_${upper}_APP_ID`]: 'meta-app', [`VARDE_${upper}_APP_SECRET`]: APP_SECRET, [`VARDE_${upper}_WEBHOOK_VERIFY_TOKEN`]: VERIFY_TOKEN },
    event: (n, now = new Date()) => signed(body(n, now), (b) => sign(b)),
    wrongSecret: (n) => signed(body(n, new Date()), (b) => sign(b, 'not-the-app-secret')),
    unsigned: (n) => ({ body: body(n, new Date()), headers: json }),
    stale: (n) => {
      const old = body(n, new Date(Date.now() - 3 * 86_400_000));
      return { body: old, headers: sign(old) };
    },
    handshake: {
      query: { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' },
      expectBody: (b) => b === '1158201444',
      wrongQuery: { 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong-token', 'hub.challenge': '1158201444' },
    },
  };
}

const PAGE = '104000000000001';
const IG_USER = '17841400000000001';
const THREADS_USER = '25000000000000001';

const facebook = meta('facebook', PAGE, (n, time) => ({
  object: 'page',
  entry: [{ id: PAGE, time, changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', comment_id: `${PAGE}_9_${n}`, post_id: `${PAGE}_9`, parent_id: `${PAGE}_9`, message: `Do you ship to Bergen? (${n})`, from: { id: `42${n}`, name: 'Ada' }, created_time: time } }] }],
}));

const instagram = meta('instagram', IG_USER, (n, time) => ({
  object: 'instagram',
  entry: [{ id: IG_USER, time, changes: [{ field: 'comments', value: { id: `1790000000000${n}`, text: `Love this! (${n})`, from: { id: `55${n}`, username: 'liv' }, media: { id: '17900000000000009' } } }] }],
}));

const threads = meta('threads', THREADS_USER, (n, time) => ({
  app_id: 'meta-app', topic: 'moderate', target_id: THREADS_USER, time,
  values: { field: 'replies', value: { id: `1800000000000${n}`, text: `Nice thread (${n})`, username: 'per', timestamp: new Date(time * 1000).toISOString(), root_post: { id: '18000000000000009' } } },
}));

const X_SECRET = 'x-consumer-secret-for-tests';
const X_USER = '2244994945';
const xBody = (n: number) =>
  JSON.stringify({
    for_user_id: X_USER,
    tweet_create_events: [{ id_str: `18500000000000${n}`, text: `@varde when is the launch? (${n})`, created_at: new Date().toUTCString(), user: { id_str: `77${n}`, screen_name: 'ada', name: 'Ada' }, in_reply_to_status_id_str: null, in_reply_to_user_id_str: null }],
  });
const xSign = (body: string, secret = X_SECRET) => ({ ...json, 'x-twitter-webhooks-signature': `sha256=${hmac(secret, body, 'base64')}` });

const x: WebhookFixture = {
  network: 'x', accountId: X_USER, itemsPerEvent: 1,
  env: { VARDE_X_CLIENT_ID: 'x-client', VARDE_X_CLIENT_SECRET: 'x-client-secret', VARDE_X_CONSUMER_SECRET: X_SECRET },
  event: (n) => signed(xBody(n), (b) => xSign(b)),
  wrongSecret: (n) => signed(xBody(n), (b) => xSign(b, 'wrong')),
  unsigned: (n) => ({ body: xBody(n), headers: json }),
  stale: () => null,
  handshake: { query: { crc_token: 'challenge-123' }, expectBody: (b) => JSON.parse(b).response_token === `sha256=${hmac(X_SECRET, 'challenge-123', 'base64')}`, wrongQuery: null },
};

const LI_SECRET = 'li-client-secret-for-tests';
const LI_ORG = 'urn:li:organization:2414183';
const liBody = (n: number) =>
  JSON.stringify({
    type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
    notifications: [{ action: 'COMMENT', organizationalEntity: LI_ORG, sourcePost: 'urn:li:share:7000000000000000009', generatedActivity: `urn:li:comment:(urn:li:activity:1,${n})`, actor: 'urn:li:person:abc', lastModifiedAt: Date.now(), decoratedGeneratedActivity: { comment: { text: `Congratulations! (${n})`, owner: 'urn:li:person:abc' } } }],
  });
const liSign = (body: string, secret = LI_SECRET) => ({ ...json, 'x-li-signature': `hmacsha256=${hmac(secret, body, 'hex')}` });

const linkedin: WebhookFixture = {
  network: 'linkedin', accountId: LI_ORG, itemsPerEvent: 1,
  env: { VARDE_LINKEDIN_CLIENT_ID: 'li-client', VARDE_LINKEDIN_CLIENT_SECRET: LI_SECRET },
  event: (n) => signed(liBody(n), (b) => liSign(b)),
  wrongSecret: (n) => signed(liBody(n), (b) => liSign(b, 'wrong')),
  unsigned: (n) => ({ body: liBody(n), headers: json }),
  stale: () => null,
  handshake: { query: { challengeCode: 'f0e1d2c3' }, expectBody: (b) => JSON.parse(b).challengeResponse === hmac(LI_SECRET, 'f0e1d2c3', 'hex'), wrongQuery: null },
};

const TT_SECRET = 'tiktok-client-secret-for-tests';
const ttBody = (n: number) => JSON.stringify({ client_key: 'tt-client', event: 'post.publish.complete', create_time: seconds(new Date()), user_openid: 'open-1', content: JSON.stringify({ publish_id: `v_pub_${n}` }) });
const ttSign = (body: string, at: Date, secret = TT_SECRET) => {
  const t = String(seconds(at));
  return { ...json, 'tiktok-signature': `t=${t},s=${hmac(secret, `${t}.${body}`, 'hex')}` };
};

const tiktok: WebhookFixture = {
  network: 'tiktok', accountId: 'open-1', itemsPerEvent: 0,
  env: { VARDE_TIKTOK_CLIENT_KEY: 'tt-client', VARDE_TIKTOK_CLIENT_SECRET: TT_SECRET },
  event: (n, now = new Date()) => signed(ttBody(n), (b) => ttSign(b, now)),
  wrongSecret: (n) => signed(ttBody(n), (b) => ttSign(b, new Date(), 'wrong')),
  unsigned: (n) => ({ body: ttBody(n), headers: json }),
  stale: (n) => signed(ttBody(n), (b) => ttSign(b, new Date(Date.now() - 3_600_000))),
  handshake: null,
};

const TG_SECRET = 'varde_tg_secret-for-tests';
const TG_CHAT = '-1001234567890';
const tgBody = (n: number) =>
  JSON.stringify({
    update_id: 900_000 + n,
    message: { message_id: 5000 + n, date: seconds(new Date()), chat: { id: Number(TG_CHAT), type: 'supergroup', title: 'Varde' }, from: { id: 3000 + n, first_name: 'Ola', username: 'ola' }, text: `Is the shop open today? (${n})`, reply_to_message: { message_id: 77, date: seconds(new Date()) - 60, chat: { id: Number(TG_CHAT), type: 'supergroup' }, from: { id: 999, is_bot: true, first_name: 'VardeBot' }, text: 'We are live!' } },
  });

const telegram: WebhookFixture = {
  network: 'telegram', accountId: TG_CHAT, itemsPerEvent: 1,
  env: { VARDE_TELEGRAM_WEBHOOK_SECRET: TG_SECRET },
  event: (n) => ({ body: tgBody(n), headers: { ...json, 'x-telegram-bot-api-secret-token': TG_SECRET } }),
  wrongSecret: (n) => ({ body: tgBody(n), headers: { ...json, 'x-telegram-bot-api-secret-token': 'not_the_secret' } }),
  unsigned: (n) => ({ body: tgBody(n), headers: json }),
  stale: () => null,
  handshake: null,
};

export const WEBHOOK_FIXTURES: WebhookFixture[] = [facebook, instagram, threads, x, linkedin, tiktok, telegram];

/** Every fixture's settings, for one test server that verifies them all. */
export const fixtureEnv = (fixtures = WEBHOOK_FIXTURES) => Object.assign({}, ...fixtures.map((f) => f.env)) as Record<string, string>;
