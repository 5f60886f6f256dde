/**
 * The YouTube Data API reads and deletes Varde makes besides uploads and comments: channels
 * (`mine=true` or by id), the uploads playlist, videos (snippet, status, statistics) and their
 * deletion; and YouTube Analytics `reports` (views, likes, comments, shares per video).
 */
import type { Emulator } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';
import { authorize, googleError, isCaller, MANAGE, READ, SCOPES, type EmuChannel, type YouTubeState } from './state.js';
import { videoResource } from './upload-routes.js';

function channelResource(c: EmuChannel, parts: string[]) {
  const out: Record<string, unknown> = { kind: 'youtube#channel', id: c.id };
  if (parts.includes('snippet')) out.snippet = { title: c.title, description: '', customUrl: c.customUrl, thumbnails: { default: { url: `https://yt3.example/${c.id}.jpg` } } };
  if (parts.includes('contentDetails')) out.contentDetails = { relatedPlaylists: { likes: '', uploads: `UU${c.id.slice(2)}` } };
  if (parts.includes('statistics')) {
    out.statistics = { viewCount: String(c.viewCount), hiddenSubscriberCount: c.hiddenSubscriberCount, videoCount: '0', ...(c.hiddenSubscriberCount ? {} : { subscriberCount: String(c.subscriberCount) }) };
  }
  return out;
}

export function dataRoutes(emu: Emulator, state: YouTubeState, authority: OAuthAuthority) {
  emu.route('GET', '/youtube/v3/channels', (req) => {
    const caller = authorize(state, authority, req, [...READ, SCOPES.upload], 1);
    if (!isCaller(caller)) return caller;
    if (!req.query.part) return googleError(400, 'required', 'Required parameter: part', 'global');
    const parts = req.query.part.split(',');
    const filters = ['mine', 'id', 'forHandle', 'managedByMe'].filter((f) => req.query[f] !== undefined);
    if (filters.length !== 1) return googleError(400, filters.length ? 'incompatibleParameters' : 'missingRequiredParameter', 'Specify exactly one of mine, id, forHandle, managedByMe.');
    const items = req.query.mine === 'true'
      ? state.channels.filter((c) => c.ownerUserId === caller.userId)
      : state.channels.filter((c) => (req.query.id ?? '').split(',').includes(c.id));
    return { json: { kind: 'youtube#channelListResponse', pageInfo: { totalResults: items.length, resultsPerPage: 50 }, items: items.map((c) => channelResource(c, parts)) } };
  });

  emu.route('GET', '/youtube/v3/playlistItems', (req) => {
    const caller = authorize(state, authority, req, READ, 1);
    if (!isCaller(caller)) return caller;
    const channel = state.channels.find((c) => `UU${c.id.slice(2)}` === req.query.playlistId);
    if (!channel) return googleError(404, 'playlistNotFound', 'The playlist identified with the request\'s playlistId parameter cannot be found.');
    const own = channel.ownerUserId === caller.userId;
    const videos = state.videos.filter((v) => v.channelId === channel.id && (own || v.privacyStatus === 'public')).reverse().slice(0, Math.min(50, Number(req.query.maxResults ?? 5)));
    return {
      json: {
        kind: 'youtube#playlistItemListResponse',
        pageInfo: { totalResults: videos.length, resultsPerPage: 50 },
        items: videos.map((v, position) => ({
          kind: 'youtube#playlistItem', id: `PI${v.id}`,
          snippet: { publishedAt: v.publishedAt, channelId: v.channelId, title: v.title, description: v.description, playlistId: req.query.playlistId, position, resourceId: { kind: 'youtube#video', videoId: v.id } },
          contentDetails: { videoId: v.id, videoPublishedAt: v.publishedAt },
        })),
      },
    };
  });

  emu.route('GET', '/youtube/v3/videos', (req) => {
    const caller = authorize(state, authority, req, [...READ, SCOPES.upload], 1);
    if (!isCaller(caller)) return caller;
    if (!req.query.part) return googleError(400, 'required', 'Required parameter: part', 'global');
    const ids = (req.query.id ?? '').split(',').filter(Boolean);
    if (ids.length > 50) return googleError(400, 'invalidValue', 'Too many ids: at most 50.');
    const items = state.videos.filter((v) => ids.includes(v.id)).map((v) => videoResource(v, req.query.part.split(',')));
    return { json: { kind: 'youtube#videoListResponse', pageInfo: { totalResults: items.length, resultsPerPage: items.length }, items } };
  });

  emu.route('DELETE', '/youtube/v3/videos', (req) => {
    const caller = authorize(state, authority, req, MANAGE, 50);
    if (!isCaller(caller)) return caller;
    const video = state.videos.find((v) => v.id === req.query.id);
    if (!video) return googleError(404, 'videoNotFound', 'The video that you are trying to delete cannot be found.');
    if (video.channelId !== caller.channel?.id) return googleError(403, 'forbidden', 'The video that you are trying to delete cannot be deleted.');
    state.videos.splice(state.videos.indexOf(video), 1);
    state.comments = state.comments.filter((c) => c.videoId !== video.id);
    return { status: 204, text: '' };
  });

  emu.route('GET', '/v2/reports', (req) => {
    const caller = authorize(state, authority, req, [SCOPES.analytics], 0);
    if (!isCaller(caller)) return caller;
    for (const p of ['ids', 'startDate', 'endDate', 'metrics']) {
      if (!req.query[p]) return googleError(400, 'required', `Required parameter: ${p}`, 'global');
    }
    if (req.query.ids !== 'channel==MINE' || !caller.channel) return googleError(403, 'forbidden', 'Forbidden', 'global');
    const metrics = req.query.metrics.split(',');
    const unknown = metrics.filter((m) => !['views', 'likes', 'comments', 'shares'].includes(m));
    if (unknown.length) return googleError(400, 'badRequest', `Unknown identifier (${unknown[0]}) given in field parameters.metrics.`, 'global');
    if (req.query.dimensions !== 'video' || !req.query.sort || !req.query.maxResults) {
      return googleError(400, 'badRequest', 'The query is not supported. Per-video reports need dimensions=video, sort and maxResults.', 'global');
    }
    const wanted = (req.query.filters ?? '').replace(/^video==/, '').split(',').filter(Boolean);
    const rows = state.videos
      .filter((v) => v.channelId === caller.channel!.id && (!wanted.length || wanted.includes(v.id)) && v.stats.viewCount > 0)
      .map((v) => [v.id, ...metrics.map((m) => (m === 'views' ? v.stats.viewCount : m === 'likes' ? v.stats.likeCount : m === 'comments' ? v.stats.commentCount : v.stats.shares))]);
    return {
      json: {
        kind: 'youtubeAnalytics#resultTable',
        columnHeaders: [{ name: 'video', columnType: 'DIMENSION', dataType: 'STRING' }, ...metrics.map((name) => ({ name, columnType: 'METRIC', dataType: 'INTEGER' }))],
        rows,
      },
    };
  });
}
