/** A connected Instagram professional account: its credentials and a Graph client acting for it. */
import type { ProviderContext } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { createGraph, type Graph } from '../meta/graph.js';
import { metaTimeouts, type MetaTimeouts } from '../meta/settings.js';
import { toProviderError } from '../meta/errors.js';
import type { ContainerState } from '../meta/containers.js';

export interface InstagramCredentials {
  igUserId: string;
  /** The linked Page; its token acts for the Instagram account. */
  pageId: string;
  pageToken: string;
  userToken?: string;
  userTokenExpiresAt?: string | null;
}

export function readCredentials(credentials: Record<string, unknown>): InstagramCredentials {
  const c = credentials as Partial<InstagramCredentials>;
  if (typeof c.igUserId !== 'string' || typeof c.pageToken !== 'string' || typeof c.pageId !== 'string') throw new ProviderError('auth_expired', 'The Instagram channel has no token; reconnect it');
  return c as InstagramCredentials;
}

export interface IgClient {
  graph: Graph;
  igUserId: string;
  timeouts: MetaTimeouts;
}

export function openAccount(ctx: ProviderContext): IgClient {
  const creds = readCredentials(ctx.credentials);
  const timeouts = metaTimeouts(ctx.app, ctx.settings);
  return {
    graph: createGraph(ctx.http, { baseUrl: ctx.app.urls.graph, token: creds.pageToken, appSecret: ctx.app.values.APP_SECRET, timeoutMs: timeouts.requestMs, signal: ctx.signal }),
    igUserId: creds.igUserId,
    timeouts,
  };
}

/** Reads a container's `status_code` (and Meta's `status` text, which says why an ERROR happened). */
export function readContainer(ig: IgClient, id: string): () => Promise<ContainerState> {
  return () =>
    ig.graph
      .get<{ status_code?: string; status?: string }>(id, { fields: 'status_code,status' })
      .then((r) => ({ status: r.status_code ?? 'IN_PROGRESS', message: r.status }))
      .catch((err: unknown) => Promise.reject(toProviderError(err, 'Instagram', 'container check')));
}
