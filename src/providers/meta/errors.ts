/**
 * The one place where what Meta answers becomes a ProviderError, for Facebook, Instagram and
 * Threads alike. Signals, from Meta's "Handle errors" and "Rate limiting" pages:
 * - throttling: codes 4 (app), 17 (user), 32 (Page), 613 (calls per hour), 80001–80014
 *   (business-use-case limits: 80001 Pages, 80002 Instagram…), and Instagram's code 9 with
 *   subcode 2207042 (the 24-hour publishing limit). When to come back is in the
 *   `X-Business-Use-Case-Usage` header: `estimated_time_to_regain_access`, in minutes;
 * - the login: 190 (token invalid or expired, subcodes 460/463/467…) and 102 (session);
 * - permissions and policy: 10, 200–299 (a permission the login lacks), 368 (blocked for policy);
 * - transient: `is_transient: true`, codes 1 and 2, HTTP 5xx.
 * A write that may have reached Meta (a timeout, a reset after sending, a 5xx) is
 * `unknown_outcome`: nothing on Graph deduplicates a retried post, so the pipeline looks it up first.
 */
import { ProviderError } from '../provider-error.js';
import { classifyTransportFailure } from '../shared/transport-failure.js';
import { GraphError } from './graph.js';

export const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
export const AUTH_CODES = new Set([190, 102]);
/** Instagram's "You reached maximum number of posts" (content_publishing_limit). */
export const IG_PUBLISH_LIMIT_SUBCODE = 2207042;
/** Without a usable header, wait this long after a throttle: Meta's windows roll over an hour. */
export const DEFAULT_THROTTLE_WAIT_MS = 15 * 60_000;

export function isRateLimit(err: GraphError): boolean {
  const c = err.code ?? -1;
  return RATE_LIMIT_CODES.has(c) || (c >= 80000 && c <= 80014) || (c === 9 && err.subcode === IG_PUBLISH_LIMIT_SUBCODE) || err.status === 429;
}

export function isAuthError(err: unknown): boolean {
  return err instanceof GraphError && (AUTH_CODES.has(err.code ?? -1) || (err.status === 401 && err.code === null));
}

export interface UsageEntry {
  type?: string;
  call_count?: number;
  total_cputime?: number;
  total_time?: number;
  estimated_time_to_regain_access?: number;
}

/** `X-Business-Use-Case-Usage`: `{ "<business or page id>": [{ type, call_count, …, estimated_time_to_regain_access }] }`. */
export function readBusinessUsage(headers: Record<string, string>): UsageEntry[] {
  const raw = headers['x-business-use-case-usage'];
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as Record<string, UsageEntry[]>;
    return Object.values(parsed).flatMap((v) => (Array.isArray(v) ? v : []));
  } catch {
    return [];
  }
}

/** When calls may resume: the longest `estimated_time_to_regain_access` (minutes), else a default wait. */
export function regainAccessAt(headers: Record<string, string>, now = Date.now()): Date {
  const minutes = Math.max(0, ...readBusinessUsage(headers).map((u) => Number(u.estimated_time_to_regain_access) || 0));
  return new Date(now + (minutes > 0 ? minutes * 60_000 : DEFAULT_THROTTLE_WAIT_MS));
}

/** The highest usage percentage Meta reported (X-App-Usage, X-Business-Use-Case-Usage), for the attempt log. */
export function usagePercent(headers: Record<string, string>): number | null {
  const values: number[] = [];
  for (const u of readBusinessUsage(headers)) values.push(u.call_count ?? 0, u.total_cputime ?? 0, u.total_time ?? 0);
  try {
    const app = headers['x-app-usage'] ? (JSON.parse(headers['x-app-usage']) as UsageEntry) : null;
    if (app) values.push(app.call_count ?? 0, app.total_cputime ?? 0, app.total_time ?? 0);
  } catch {
    /* ignore */
  }
  return values.length ? Math.max(...values) : null;
}

export interface ClassifyOptions {
  /** A write whose effect may have happened when no answer came (a post, a publish). */
  write?: boolean;
}

/**
 * Classifies any failure of a Meta call. `network` names it for people ("Instagram"), `doing`
 * completes "… failed" ("publish", "token exchange").
 */
export function toProviderError(err: unknown, network: string, doing: string, opts: ClassifyOptions = {}): ProviderError {
  if (!(err instanceof GraphError)) {
    return classifyTransportFailure(err, `${network} ${doing}`, {
      write: opts.write ?? false,
      unknownOutcomeMessage: `${network} did not answer the ${doing} in time; it may have gone through`,
    });
  }
  const networkMessage = err.extra.userMessage ? `${err.message} (${err.extra.userMessage})` : err.message;
  const usage = usagePercent(err.headers);
  const options = {
    networkMessage,
    status: err.status,
    detail: { code: err.code, subcode: err.subcode, fbtraceId: err.extra.fbtraceId ?? null, ...(usage !== null ? { usagePercent: usage } : {}) },
    cause: err,
  };
  if (isRateLimit(err)) return new ProviderError('rate_limited', `${network} is throttling calls (code ${err.code}); waiting for its reset`, { ...options, retryAt: regainAccessAt(err.headers) });
  if (isAuthError(err)) return new ProviderError('auth_expired', `${network} no longer accepts this login (code ${err.code}${err.subcode ? `/${err.subcode}` : ''})`, options);
  const code = err.code ?? -1;
  if (code === 10 || (code >= 200 && code <= 299)) {
    return new ProviderError('rejected', `${network} refused the ${doing}: the login lacks a permission Varde needs — reconnect the channel and grant every permission asked`, options);
  }
  if (err.extra.isTransient || code === 1 || code === 2 || err.status >= 500) {
    return new ProviderError(opts.write ? 'unknown_outcome' : 'transient', `${network} ${doing} failed on ${network}'s side (code ${err.code ?? err.status})`, options);
  }
  return new ProviderError('rejected', `${network} refused the ${doing}: ${networkMessage}`, options);
}
