/** A connected Page: its stored credentials and a Graph client acting as the Page. */
import type { ProviderContext, PublishedPart } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { createGraph, type Graph } from '../meta/graph.js';
import { metaTimeouts, type MetaTimeouts } from '../meta/settings.js';

export interface FacebookCredentials {
  pageId: string;
  /** Does not expire when it came from a long-lived user token. */
  pageToken: string;
  /** The long-lived user token (~60 days), used to fetch a new Page token. */
  userToken?: string;
  userTokenExpiresAt?: string | null;
}

export function readCredentials(credentials: Record<string, unknown>): FacebookCredentials {
  const { pageId, pageToken } = credentials as Partial<FacebookCredentials>;
  if (typeof pageId !== 'string' || typeof pageToken !== 'string') throw new ProviderError('auth_expired', 'The Facebook channel has no Page token; reconnect it');
  return credentials as unknown as FacebookCredentials;
}

export interface PageClient {
  graph: Graph;
  pageId: string;
  timeouts: MetaTimeouts;
  videoBaseUrl: string;
}

export function openPage(ctx: ProviderContext): PageClient {
  const creds = readCredentials(ctx.credentials);
  const timeouts = metaTimeouts(ctx.app, ctx.settings);
  return {
    graph: createGraph(ctx.http, { baseUrl: ctx.app.urls.graph, token: creds.pageToken, appSecret: ctx.app.values.APP_SECRET, timeoutMs: timeouts.requestMs, signal: ctx.signal }),
    pageId: creds.pageId,
    timeouts,
    videoBaseUrl: ctx.app.urls.video,
  };
}

/** facebook.com addresses of a Page post (`<page>_<post>`) or video. */
export function postUrl(pageId: string, postId: string): string {
  const [page, post] = postId.includes('_') ? postId.split('_') : [pageId, postId];
  return `https://www.facebook.com/${page}/posts/${post}`;
}

export const videoUrl = (pageId: string, videoId: string) => `https://www.facebook.com/${pageId}/videos/${videoId}`;

/** A part recorded before the network confirmed it (a video upload in progress). */
export function isPending(part: PublishedPart | undefined): boolean {
  return part?.ref?.stage === 'uploading';
}

export function finalPart(part: PublishedPart | undefined): PublishedPart | undefined {
  return part && part.externalId && !isPending(part) ? part : undefined;
}
