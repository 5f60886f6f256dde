/**
 * What Facebook, Instagram and Threads emulators share, on test/emulators/kit.ts: Graph's error
 * body (`{ error: { message, type, code, error_subcode, fbtrace_id } }`), tokens read from
 * `Authorization: Bearer` or `access_token` with `appsecret_proof` checked when sent, expiring
 * user tokens and non-expiring Page tokens, the login dialog's code (state, redirect URI and PKCE
 * S256 checked by OAuthAuthority), throttling faults with `X-Business-Use-Case-Usage`, signed
 * webhook deliveries, and a real download of media from the URL a container names.
 */
import crypto from 'node:crypto';
import { startEmulator, type EmuRequest, type EmuResponse, type Emulator, type Fault } from '../kit.js';
import { OAuthAuthority } from '../oauth.js';

export type TokenKind = 'user' | 'long_user' | 'page' | 'threads_short' | 'threads_long';

export interface TokenRecord {
  token: string;
  kind: TokenKind;
  userId: string;
  /** The Page a Page token acts as. */
  pageId?: string;
  appId: string;
  issuedAt: number;
  expiresAt: number | null;
}

export interface GraphEmulatorOptions {
  appId: string;
  appSecret: string;
  redirectUri: string;
  /** Path prefix of the Graph API, e.g. `/v24.0`. */
  prefix: string;
  pkceRequired?: boolean;
}

export class GraphEmulator {
  readonly tokens = new Map<string, TokenRecord>();
  readonly authority: OAuthAuthority;
  /** Refuse calls without `appsecret_proof` ("Require App Secret" turned on). */
  requireProof = false;
  private seq = 17_840_000_000_000_000n;

  private constructor(readonly emu: Emulator, readonly opts: GraphEmulatorOptions) {
    this.authority = new OAuthAuthority({ clients: { [opts.appId]: { secret: opts.appSecret, redirectUris: [opts.redirectUri] } }, pkceRequired: opts.pkceRequired ?? false, issueRefreshTokens: false });
  }

  static async start(opts: GraphEmulatorOptions): Promise<GraphEmulator> {
    return new GraphEmulator(await startEmulator(), opts);
  }

  get url() {
    return this.emu.url;
  }

  /** The base URL a provider should use, prefix included. */
  get base() {
    return `${this.emu.url}${this.opts.prefix}`;
  }

  route(method: string, path: string, handler: (req: EmuRequest) => EmuResponse | Promise<EmuResponse>) {
    this.emu.route(method, `${this.opts.prefix}${path}`, handler);
  }

  /** A Graph-style numeric id. */
  nextId(): string {
    this.seq += BigInt(1 + Math.floor(Math.random() * 1000));
    return this.seq.toString();
  }

  mint(kind: TokenKind, userId: string, ttlSeconds: number | null, extra: Partial<TokenRecord> = {}): string {
    const token = `${kind === 'page' ? 'EAAP' : kind.startsWith('threads') ? 'THAA' : 'EAAU'}${crypto.randomBytes(18).toString('hex')}`;
    this.tokens.set(token, { token, kind, userId, appId: this.opts.appId, issuedAt: Date.now(), expiresAt: ttlSeconds === null ? null : Date.now() + ttlSeconds * 1000, ...extra });
    return token;
  }

  /** Makes every token (or those matching) expire now, as Meta does after a password change. */
  expire(match: (t: TokenRecord) => boolean = () => true) {
    for (const t of this.tokens.values()) if (match(t)) t.expiresAt = Date.now() - 1000;
  }

  /** The caller's token, or Graph's error answer. */
  auth(req: EmuRequest, kinds?: TokenKind[]): TokenRecord | EmuResponse {
    const header = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = header ?? req.query.access_token ?? req.body?.access_token ?? req.fields?.access_token;
    if (!token) return graphError(400, 2500, 'An active access token must be used to query information about the current user.');
    const rec = this.tokens.get(token);
    if (!rec) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (rec.expiresAt !== null && rec.expiresAt <= Date.now()) {
      return graphError(400, 190, `Error validating access token: Session has expired on ${new Date(rec.expiresAt).toUTCString()}.`, { subcode: 463 });
    }
    const proof = req.query.appsecret_proof;
    if (proof !== undefined && proof !== crypto.createHmac('sha256', this.opts.appSecret).update(token).digest('hex')) return graphError(400, 100, 'Invalid appsecret_proof provided in the API argument', { type: 'GraphMethodException' });
    if (proof === undefined && this.requireProof) return graphError(400, 100, 'API calls from the server require an appsecret_proof argument', { type: 'GraphMethodException' });
    if (kinds && !kinds.includes(rec.kind)) return graphError(400, 190, `This endpoint does not accept a ${rec.kind} token`);
    return rec;
  }

  /** Serves the login dialog: approves at once and redirects back with a code (or the error). */
  loginDialog(req: EmuRequest): EmuResponse {
    if (req.query.client_id !== this.opts.appId) return { status: 400, text: 'Invalid App ID' };
    const r = this.authority.authorize(req.query);
    return 'redirect' in r ? { status: 302, headers: { location: r.redirect } } : { status: 400, json: r };
  }

  /** The code step of `/oauth/access_token`: the user id, or Graph's error answer. */
  redeemCode(params: Record<string, string>): { userId: string } | EmuResponse {
    if (params.client_id !== this.opts.appId) return graphError(400, 101, 'Error validating application. Invalid application ID.');
    if (params.client_secret !== this.opts.appSecret) return graphError(400, 1, 'Error validating client secret.');
    const grant = this.authority.exchangeCode(params.client_id, params);
    if ('error' in grant) return graphError(400, 100, `Invalid verification code: ${grant.description}`, { subcode: 36007 });
    return { userId: grant.userId };
  }

  /** Signed delivery headers for a webhook body, as Meta sends them. */
  signWebhook(body: string, secret = this.opts.appSecret): Record<string, string> {
    return { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}` };
  }

  /** Downloads media the way Meta does: a real GET of the URL the container names. */
  async download(url: string): Promise<{ ok: true; bytes: Buffer; contentType: string } | { ok: false; reason: string }> {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (res.status !== 200) return { ok: false, reason: `HTTP ${res.status}` };
      return { ok: true, bytes: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? '' };
    } catch (err) {
      return { ok: false, reason: (err as Error).message };
    }
  }

  fault(match: { method?: string; path?: string | RegExp }, fault: Fault) {
    this.emu.fault(typeof match.path === 'string' ? { ...match, path: `${this.opts.prefix}${match.path}` } : match, fault);
  }

  callsTo(method: string, path: string | RegExp) {
    return this.emu.callsTo(method, typeof path === 'string' ? `${this.opts.prefix}${path}` : path);
  }

  close() {
    return this.emu.close();
  }
}

/** Graph's error answer. */
export function graphError(status: number, code: number, message: string, opts: { subcode?: number; type?: string; headers?: Record<string, string>; userMessage?: string; transient?: boolean } = {}): EmuResponse {
  return {
    status,
    headers: opts.headers,
    json: {
      error: {
        message: code > 0 && code < 1000 && !message.startsWith('(#') && ![1, 2, 190, 2500, 101].includes(code) ? `(#${code}) ${message}` : message,
        type: opts.type ?? 'OAuthException',
        code,
        ...(opts.subcode ? { error_subcode: opts.subcode } : {}),
        ...(opts.userMessage ? { error_user_title: 'Error', error_user_msg: opts.userMessage } : {}),
        ...(opts.transient ? { is_transient: true } : {}),
        fbtrace_id: `A${crypto.randomBytes(10).toString('base64url')}`,
      },
    },
  };
}

/** `X-Business-Use-Case-Usage` for an object id. */
export function businessUsage(objectId: string, type: string, percent: number, regainMinutes = 0): Record<string, string> {
  return { 'x-business-use-case-usage': JSON.stringify({ [objectId]: [{ type, call_count: percent, total_cputime: Math.round(percent / 2), total_time: Math.round(percent / 2), estimated_time_to_regain_access: regainMinutes }] }) };
}

/** A throttling fault as Graph sends it: code 32 (Page), 4 (app), 17 (user), 80001/80002 (BUC). */
export function throttleFault(objectId: string, opts: { code?: number; type?: string; regainMinutes: number }): Fault {
  const code = opts.code ?? 32;
  const err = graphError(400, code, code === 4 ? 'Application request limit reached' : code === 17 ? 'User request limit reached' : 'There have been too many calls for this Page. Wait a bit and try again.', { headers: businessUsage(objectId, opts.type ?? 'pages', 100, opts.regainMinutes) });
  return { status: 400, json: err.json, headers: err.headers };
}

/** The parameters of a Graph call: query, form body or multipart fields together. */
export function params(req: EmuRequest): Record<string, string> {
  return { ...req.query, ...(typeof req.body === 'object' ? req.body : {}), ...req.fields };
}
