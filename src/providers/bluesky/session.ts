/**
 * A Bluesky login session: app-password login, proactive and reactive token renewal, and the
 * credentials Varde stores for a channel. Renewal order: refresh JWT (`refreshSession`), then a
 * fresh login with the stored app password (a refresh JWT lives 90 days and can be revoked), then
 * `auth_expired` so the channel is marked for reconnection. Every renewal is persisted through the
 * caller's `saveCredentials` before the retried call, so a crash never loses the new tokens.
 */
import type { Credentials } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { isAuthError, toProviderError, type Xrpc } from './xrpc.js';

export interface BlueskyCredentials {
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
  /** Kept (encrypted by the caller) so a dead refresh token can be replaced by logging in again. */
  appPassword: string;
}

export interface SessionResponse {
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
  didDoc?: unknown;
}

/** Renew the access token when it has less than this left. */
const RENEW_MARGIN_MS = 5 * 60_000;

/** Reads stored credentials, refusing a shape this provider did not write. */
export function readCredentials(credentials: Credentials): BlueskyCredentials {
  const fields = ['did', 'handle', 'accessJwt', 'refreshJwt', 'appPassword'] as const;
  const missing = fields.filter((f) => typeof credentials[f] !== 'string' || credentials[f] === '');
  if (missing.length > 0) {
    throw new ProviderError('auth_expired', `Bluesky credentials are incomplete (${missing.join(', ')}); reconnect the channel`);
  }
  return Object.fromEntries(fields.map((f) => [f, credentials[f]])) as unknown as BlueskyCredentials;
}

/** `com.atproto.server.createSession` with a handle (or DID) and an app password. */
export function createSession(xrpc: Xrpc, identifier: string, password: string): Promise<SessionResponse> {
  return xrpc<SessionResponse>('com.atproto.server.createSession', { body: { identifier, password } });
}

/** The `exp` of a JWT in epoch ms, read without verifying it (the PDS verifies). */
export function jwtExpiresAt(jwt: string): number | undefined {
  try {
    const payload = JSON.parse(decodeBase64Url(jwt.split('.')[1] ?? '')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** The `scope` claim of a JWT (`com.atproto.appPass` for app passwords), read without verifying. */
export function jwtScope(jwt: string): string | undefined {
  try {
    const payload = JSON.parse(decodeBase64Url(jwt.split('.')[1] ?? '')) as { scope?: unknown };
    return typeof payload.scope === 'string' ? payload.scope : undefined;
  } catch {
    return undefined;
  }
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

export class BlueskySession {
  private creds: BlueskyCredentials;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly xrpc: Xrpc,
    credentials: BlueskyCredentials,
    private readonly save: (next: Credentials) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {
    this.creds = credentials;
  }

  get did(): string {
    return this.creds.did;
  }

  get handle(): string {
    return this.creds.handle;
  }

  /** Renews the session ahead of time when the access token expires within five minutes. */
  async ensureFreshSession(): Promise<void> {
    const exp = jwtExpiresAt(this.creds.accessJwt);
    if (exp === undefined || exp - this.now() < RENEW_MARGIN_MS) await this.renew();
  }

  /**
   * Runs an authenticated call; if the PDS refuses the token, renews the session once and retries.
   * Safe for writes: a refused token means the PDS did nothing.
   */
  async withAuth<T>(call: (accessJwt: string) => Promise<T>): Promise<T> {
    const used = this.creds.accessJwt;
    try {
      return await call(used);
    } catch (err) {
      if (!isAuthError(err)) throw err;
      if (this.creds.accessJwt === used) await this.renew(); // else another call already renewed
      return call(this.creds.accessJwt);
    }
  }

  private renew(): Promise<void> {
    this.renewing ??= this.refreshOrLogin().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  private async refreshOrLogin(): Promise<void> {
    const refreshExp = jwtExpiresAt(this.creds.refreshJwt);
    let next: SessionResponse | null = null;
    if (refreshExp === undefined || refreshExp > this.now()) {
      try {
        next = await this.xrpc<SessionResponse>('com.atproto.server.refreshSession', {
          method: 'POST',
          auth: this.creds.refreshJwt,
        });
      } catch (err) {
        if (!isAuthError(err)) throw toProviderError(err, 'session refresh');
      }
    }
    next ??= await this.login();
    this.creds = { ...this.creds, did: next.did, handle: next.handle, accessJwt: next.accessJwt, refreshJwt: next.refreshJwt };
    await this.save({ ...this.creds });
  }

  private async login(): Promise<SessionResponse> {
    try {
      return await createSession(this.xrpc, this.creds.did, this.creds.appPassword);
    } catch (err) {
      const mapped = toProviderError(err, 'login');
      if (mapped.kind !== 'rejected' && mapped.kind !== 'auth_expired') throw mapped;
      throw new ProviderError(
        'auth_expired',
        `Bluesky no longer accepts this channel's app password (${mapped.networkMessage ?? mapped.message}); reconnect it with a new app password`,
        { networkMessage: mapped.networkMessage, status: mapped.status, cause: err },
      );
    }
  }
}
