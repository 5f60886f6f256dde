/**
 * The typed API client: openapi-fetch over the generated OpenAPI types (schema.d.ts), with the
 * session cookie, and one error type carrying the server's `{error:{code,message,details}}`.
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema';

export const api = createClient<paths, 'application/json'>({ baseUrl: '', credentials: 'same-origin' });

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Result = { data?: unknown; error?: unknown; response: Response };

function toApiError(result: Result): ApiError {
  const body = result.error as { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  const e = body?.error;
  return new ApiError(result.response.status, e?.code ?? `http_${result.response.status}`, e?.message ?? result.response.statusText, e?.details);
}

/** The answer of a route whose response the OpenAPI document describes; throws ApiError otherwise. */
export async function unwrap<R extends Result>(call: Promise<R>): Promise<NonNullable<R['data']>> {
  let result: R;
  try {
    result = await call;
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (result.error !== undefined || !result.response.ok) throw toApiError(result);
  return result.data as NonNullable<R['data']>;
}
