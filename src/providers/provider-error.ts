/**
 * A provider's failure, classified once by the provider so the publishing pipeline decides
 * retries in one place (src/publishing/retry-policy.ts).
 */
export type ProviderErrorKind = 'auth_expired' | 'rate_limited' | 'rejected' | 'transient' | 'unknown_outcome';

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  /** For rate_limited: when the network says calls may resume. */
  readonly retryAt?: Date;
  /** The network's own message, shown to the user. */
  readonly networkMessage?: string;
  readonly status?: number;
  readonly detail?: Record<string, unknown>;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    options: { retryAt?: Date; networkMessage?: string; status?: number; detail?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ProviderError';
    this.kind = kind;
    this.retryAt = options.retryAt;
    this.networkMessage = options.networkMessage;
    this.status = options.status;
    this.detail = options.detail;
  }
}

/** Parses Retry-After (seconds or HTTP date) relative to now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): Date | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return new Date(now + Math.max(0, secs) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}
