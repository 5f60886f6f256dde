/**
 * The shape of Varde's outbound HTTP: every server-side request to a user-supplied or network URL
 * goes through one guarded client (src/net/guarded-http.ts) that refuses private, loopback and
 * link-local addresses after DNS resolution (unless allow-listed), caps size and time, and follows
 * redirects only through the same guard.
 */
export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Abort after this many ms in total (connect + response). Default 15,000. */
  timeoutMs?: number;
  /** Refuse responses larger than this. Default 5 MB. */
  maxBytes?: number;
  /** Follow up to this many redirects (each re-checked by the guard). Default 0 for non-GET, 5 for GET. */
  maxRedirects?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** The final URL after redirects. */
  url: string;
  body: Uint8Array;
  text(): string;
  json<T = unknown>(): T;
}

export type HttpClient = (url: string, request?: HttpRequest) => Promise<HttpResponse>;

/** Why an outbound request was refused or failed before a response. */
export type HttpFailureKind =
  | 'blocked_address' // private/loopback/link-local, not allow-listed
  | 'invalid_url'
  | 'timeout' // no complete response in time: the request MAY have been received
  | 'connect_failed' // never reached the server: safe to retry
  | 'too_large'
  | 'too_many_redirects'
  | 'network'; // connection dropped after sending: the request MAY have been received

export class HttpFailure extends Error {
  constructor(
    public readonly kind: HttpFailureKind,
    message: string,
    /** true when the request may have reached the server (timeouts, resets after sending). */
    public readonly maybeDelivered: boolean,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}
