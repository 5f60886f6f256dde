/** A connected Threads profile: its credentials and a Graph client (graph.threads.net/v1.0) acting for it. */
import type { ProviderContext } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { createGraph, type Graph } from '../meta/graph.js';
import { metaTimeouts, type MetaTimeouts } from '../meta/settings.js';
import { toProviderError } from '../meta/errors.js';
import type { ContainerState } from '../meta/containers.js';

export const THREADS_API_VERSION = 'v1.0';

export interface ThreadsCredentials {
  userId: string;
  /** The long-lived token (60 days), renewed with `th_refresh_token`. */
  accessToken: string;
  expiresAt?: string | null;
}

export function readCredentials(credentials: Record<string, unknown>): ThreadsCredentials {
  const c = credentials as Partial<ThreadsCredentials>;
  if (typeof c.userId !== 'string' || typeof c.accessToken !== 'string') throw new ProviderError('auth_expired', 'The Threads channel has no token; reconnect it');
  return c as ThreadsCredentials;
}

export interface ThreadsClient {
  graph: Graph;
  userId: string;
  timeouts: MetaTimeouts;
}

export function openProfile(ctx: ProviderContext): ThreadsClient {
  const creds = readCredentials(ctx.credentials);
  const timeouts = metaTimeouts(ctx.app, ctx.settings);
  return {
    graph: createGraph(ctx.http, { baseUrl: `${ctx.app.urls.graph}/${THREADS_API_VERSION}`, token: creds.accessToken, timeoutMs: timeouts.requestMs, signal: ctx.signal }),
    userId: creds.userId,
    timeouts,
  };
}

/** Reads a container's `status` and, when it failed, Threads' `error_message`. */
export function readContainer(t: ThreadsClient, id: string): () => Promise<ContainerState> {
  return () =>
    t.graph
      .get<{ status?: string; error_message?: string }>(id, { fields: 'status,error_message' })
      .then((r) => ({ status: r.status ?? 'IN_PROGRESS', message: r.error_message }))
      .catch((err: unknown) => Promise.reject(toProviderError(err, 'Threads', 'container check')));
}

export const threadsFail = (step: string, write = false) => (err: unknown): Promise<never> => Promise.reject(toProviderError(err, 'Threads', step, { write }));
