/**
 * One error class for the whole application. `code` maps to an HTTP status in one table,
 * handled once at the edge (src/server/errors.plugin.ts). `message` is for the client;
 * `cause` and `internal` are logged, never sent.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly internal?: string;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; cause?: unknown; internal?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.internal = options.internal;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const badRequest = (message: string, details?: unknown) => new AppError('bad_request', message, { details });

/** Returns the row or throws not_found; the one place "missing or not yours" becomes a 404. */
export function findOrFail<T>(row: T | null | undefined, what: string): T {
  if (row === null || row === undefined) throw notFound(what);
  return row;
}
