/**
 * The YouTube calls of one channel, bound to its token and the configured base URLs: channels,
 * the uploads playlist, videos and comment threads. Each returns Google's own resource shapes.
 */
import type { HttpClient } from '../../net/http.types.js';
import type { NetworkApp, ProviderContext } from '../contract.js';
import { createGoogleApi, timeoutOf, urlOf, type GoogleApi } from './google-api.js';
import { readCredentials } from './google-oauth.js';
import type { YouTubeVideo } from './resumable-upload.js';

export interface YouTubeChannel {
  id: string;
  snippet?: { title?: string; customUrl?: string; thumbnails?: { default?: { url?: string } } };
  contentDetails?: { relatedPlaylists?: { uploads?: string } };
  statistics?: { subscriberCount?: string; hiddenSubscriberCount?: boolean; viewCount?: string; videoCount?: string };
}

export interface ChannelApi {
  api: GoogleApi;
  app: NetworkApp;
  token: string;
  /** The channel's id (UC…). */
  channelId: string;
  timeoutMs?: number;
}

/** Binds the calls to the delivery's channel. */
export function channelApi(ctx: ProviderContext): ChannelApi {
  const timeoutMs = typeof ctx.settings.timeoutMs === 'number' ? ctx.settings.timeoutMs : timeoutOf(ctx.app);
  return {
    api: createGoogleApi(ctx.http, timeoutMs, ctx.signal),
    app: ctx.app,
    token: readCredentials(ctx.credentials).accessToken,
    channelId: ctx.account.externalId ?? '',
    timeoutMs,
  };
}

/** The channels the token's user owns (`mine=true`): usually one, the one picked at Google's consent screen. */
export async function listMyChannels(http: HttpClient, app: NetworkApp, token: string): Promise<YouTubeChannel[]> {
  const api = createGoogleApi(http, timeoutOf(app));
  const res = await api(urlOf(app, 'api', '/youtube/v3/channels'), { token, query: { part: 'snippet,contentDetails,statistics', mine: true, maxResults: 50 } });
  return res.json<{ items?: YouTubeChannel[] }>().items ?? [];
}

export async function getChannel(c: ChannelApi, part: string): Promise<YouTubeChannel | null> {
  const res = await c.api(urlOf(c.app, 'api', '/youtube/v3/channels'), { token: c.token, query: { part, id: c.channelId } });
  return res.json<{ items?: YouTubeChannel[] }>().items?.[0] ?? null;
}

/** Every channel's uploads playlist is its id with `UC` turned into `UU`. */
export function uploadsPlaylistOf(channelId: string, settings: Record<string, unknown>): string {
  if (typeof settings.uploadsPlaylistId === 'string' && settings.uploadsPlaylistId) return settings.uploadsPlaylistId;
  return channelId.startsWith('UC') ? `UU${channelId.slice(2)}` : channelId;
}

export interface PlaylistItem {
  snippet?: { title?: string; description?: string; publishedAt?: string; resourceId?: { videoId?: string } };
  contentDetails?: { videoId?: string; videoPublishedAt?: string };
}

/** The newest uploads of the channel (one page of 50; private and processing videos included for the owner). */
export async function recentUploads(c: ChannelApi, playlistId: string): Promise<PlaylistItem[]> {
  const res = await c.api(urlOf(c.app, 'api', '/youtube/v3/playlistItems'), { token: c.token, query: { part: 'snippet,contentDetails', playlistId, maxResults: 50 } });
  return res.json<{ items?: PlaylistItem[] }>().items ?? [];
}

export async function getVideos(c: ChannelApi, ids: string[], part: string): Promise<(YouTubeVideo & { statistics?: Record<string, string> })[]> {
  if (ids.length === 0) return [];
  const res = await c.api(urlOf(c.app, 'api', '/youtube/v3/videos'), { token: c.token, query: { part, id: ids.join(','), maxResults: 50 } });
  return res.json<{ items?: (YouTubeVideo & { statistics?: Record<string, string> })[] }>().items ?? [];
}

export async function deleteVideo(c: ChannelApi, id: string): Promise<void> {
  await c.api(urlOf(c.app, 'api', '/youtube/v3/videos'), { method: 'DELETE', token: c.token, query: { id } });
}

export interface YouTubeComment {
  id: string;
  snippet?: {
    videoId?: string;
    channelId?: string;
    parentId?: string;
    textOriginal?: string;
    textDisplay?: string;
    authorDisplayName?: string;
    authorProfileImageUrl?: string;
    authorChannelUrl?: string;
    authorChannelId?: { value?: string };
    likeCount?: number;
    publishedAt?: string;
    updatedAt?: string;
  };
}

export interface CommentThread {
  id: string;
  snippet?: { videoId?: string; channelId?: string; topLevelComment?: YouTubeComment; totalReplyCount?: number; canReply?: boolean; isPublic?: boolean };
  replies?: { comments?: YouTubeComment[] };
}

export async function listThreads(c: ChannelApi, filter: { videoId: string } | { allThreadsRelatedToChannelId: string }, pageToken?: string): Promise<{ items: CommentThread[]; nextPageToken?: string }> {
  const res = await c.api(urlOf(c.app, 'api', '/youtube/v3/commentThreads'), {
    token: c.token,
    query: { part: 'snippet,replies', ...filter, maxResults: 100, order: 'time', textFormat: 'plainText', pageToken },
  });
  const data = res.json<{ items?: CommentThread[]; nextPageToken?: string }>();
  return { items: data.items ?? [], nextPageToken: data.nextPageToken };
}

/** All replies under a top-level comment (commentThreads carries only some of them). */
export async function listReplies(c: ChannelApi, parentId: string): Promise<YouTubeComment[]> {
  const res = await c.api(urlOf(c.app, 'api', '/youtube/v3/comments'), { token: c.token, query: { part: 'snippet', parentId, maxResults: 100, textFormat: 'plainText' } });
  return res.json<{ items?: YouTubeComment[] }>().items ?? [];
}

/** A new top-level comment on a video (the "first comment"). */
export async function insertThread(c: ChannelApi, videoId: string, text: string): Promise<CommentThread> {
  const res = await c.api(urlOf(c.app, 'api', '/youtube/v3/commentThreads'), {
    method: 'POST',
    token: c.token,
    query: { part: 'snippet' },
    json: { snippet: { channelId: c.channelId, videoId, topLevelComment: { snippet: { textOriginal: text } } } },
  });
  return res.json<CommentThread>();
}

export function videoUrl(videoId: string): string {
  return `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`;
}

export function commentUrl(videoId: string, commentId: string): string {
  return `${videoUrl(videoId)}&lc=${encodeURIComponent(commentId)}`;
}
