/**
 * Publishing to Mastodon: media up first (`POST /api/v2/media`, polled until processed when the
 * server answers 202), then each status with an `Idempotency-Key` derived from the delivery's key
 * — the server remembers it for an hour and answers a retry with the status it already made — and
 * follow-ups as replies to the part before, so a thread reads in order.
 */
import { countText } from '../../core/text-count.js';
import type { MediaItem, PublishContent, PublishedPart, PublishResult, ProviderContext } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { withLink } from '../shared/link-text.js';
import { createMastodonApi, MastodonError, timeoutOf, toProviderError, type MastodonApi } from './client.js';
import type { InstanceLimits } from './instance.js';

export const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Per-target options Varde reads for Mastodon (docs/networks/mastodon.md). */
export interface StatusOptions {
  visibility?: Visibility;
  spoilerText?: string;
  sensitive?: boolean;
  language?: string;
}

const OPTION_KEYS = ['visibility', 'spoilerText', 'sensitive', 'language'];
const MEDIA_POLL_DEADLINE_MS = 10 * 60_000;

export interface MastodonChannel {
  api: MastodonApi;
  instanceUrl: string;
  accountId: string;
  settings: Record<string, unknown> & InstanceLimits;
}

/** The channel's server, account and an API bound to its token. */
export function openChannel(ctx: ProviderContext): MastodonChannel {
  const instanceUrl = ctx.settings.instanceUrl;
  const accountId = ctx.settings.accountId;
  const token = ctx.credentials.accessToken;
  if (typeof instanceUrl !== 'string' || typeof accountId !== 'string' || typeof token !== 'string' || !token) {
    throw new ProviderError('auth_expired', 'This Mastodon channel has no server or token; reconnect it');
  }
  const api = createMastodonApi(ctx.http, instanceUrl, token, { timeoutMs: timeoutOf(ctx.app.values, ctx.settings), signal: ctx.signal });
  return { api, instanceUrl, accountId, settings: ctx.settings as MastodonChannel['settings'] };
}

/** Reads and checks the target's options; unknown keys and values are refused with what is accepted. */
export function readOptions(options: PublishContent['options'], settings: Record<string, unknown>): StatusOptions {
  const given = options ?? {};
  const unknown = Object.keys(given).filter((k) => !OPTION_KEYS.includes(k));
  if (unknown.length) throw new ProviderError('rejected', `Mastodon does not know the option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; use ${OPTION_KEYS.join(', ')}`);
  const out: StatusOptions = {};
  const visibility = given.visibility ?? settings.defaultVisibility;
  if (visibility !== undefined) {
    if (!VISIBILITIES.includes(visibility as Visibility)) throw new ProviderError('rejected', `Mastodon visibility must be one of ${VISIBILITIES.join(', ')}, not "${String(visibility)}"`);
    out.visibility = visibility as Visibility;
  }
  if (given.spoilerText !== undefined) {
    if (typeof given.spoilerText !== 'string') throw new ProviderError('rejected', 'Mastodon spoilerText (the content warning) must be text');
    out.spoilerText = given.spoilerText;
  }
  if (given.sensitive !== undefined) {
    if (typeof given.sensitive !== 'boolean') throw new ProviderError('rejected', 'Mastodon sensitive must be true or false');
    out.sensitive = given.sensitive;
  }
  if (given.language !== undefined) {
    if (typeof given.language !== 'string' || !/^[a-z]{2,3}$/.test(given.language)) throw new ProviderError('rejected', 'Mastodon language must be an ISO 639 code such as "en" or "nb"');
    out.language = given.language;
  }
  return out;
}

/** The text of part `index`: the first part carries the link when its text does not already. */
export function statusText(content: PublishContent, index: number): string {
  const text = content.parts[index].text;
  return index === 0 ? withLink(text, content.link) : text;
}

/** Refuses what the server would refuse, before any upload: counts, sizes, alt text, length. */
export function checkAgainstServer(content: PublishContent, limits: InstanceLimits): void {
  content.parts.forEach((part, i) => {
    const where = i === 0 ? 'The post' : `Follow-up ${i}`;
    const max = limits.maxMediaAttachments ?? 4;
    if (part.media.length > max) throw new ProviderError('rejected', `${where} has ${part.media.length} attachments; this server allows ${max}`);
    for (const m of part.media) {
      const ceiling = m.kind === 'video' ? limits.videoSizeLimit : limits.imageSizeLimit;
      if (ceiling && m.size > ceiling) throw new ProviderError('rejected', `${where}: a ${m.kind} of ${m.size} bytes is over this server's ${ceiling}-byte limit`);
      if (limits.descriptionLimit && m.alt && [...m.alt].length > limits.descriptionLimit) throw new ProviderError('rejected', `${where}: alt text is over this server's ${limits.descriptionLimit} characters`);
    }
    const text = statusText(content, i);
    const counted = countText('mastodon', text, { maxCharacters: limits.maxCharacters });
    if (counted.count > counted.limit) {
      const why = i === 0 && text !== part.text ? ' once the link is added; put the link in the text or shorten it' : '';
      throw new ProviderError('rejected', `${where} is ${counted.count} of ${counted.limit} characters${why}`);
    }
  });
}

/** Idempotency key of part `index`: the delivery's own key for the post, suffixed for follow-ups. */
export function partKey(key: string, index: number): string {
  return index === 0 ? key : `${key}-${index}`;
}

interface Status {
  id: string;
  url?: string | null;
  uri?: string;
}

export function toPart(status: Status): PublishedPart {
  return { externalId: status.id, url: status.url ?? undefined, ref: { uri: status.uri ?? null } };
}

/** Publishes the post and its follow-ups, reusing parts an earlier attempt already made. */
export async function publishThread(ctx: ProviderContext, content: PublishContent): Promise<PublishResult> {
  const channel = openChannel(ctx);
  const options = readOptions(content.options, ctx.settings);
  checkAgainstServer(content, channel.settings);
  const parts: PublishedPart[] = [];
  for (let i = 0; i < content.parts.length; i++) {
    const known = ctx.previousParts?.[i];
    if (known) {
      parts.push(known);
      continue;
    }
    const mediaIds = [];
    for (const item of content.parts[i].media) mediaIds.push(await uploadMedia(channel.api, item));
    const status = await postStatus(channel.api, partKey(ctx.idempotencyKey, i), {
      status: statusText(content, i),
      media_ids: mediaIds,
      in_reply_to_id: i > 0 ? parts[i - 1].externalId : undefined,
      visibility: options.visibility,
      spoiler_text: options.spoilerText,
      sensitive: options.sensitive,
      language: options.language,
    });
    const part = toPart(status);
    parts.push(part);
    await ctx.onPartPublished?.(i, part);
  }
  return { externalId: parts[0].externalId, url: parts[0].url, parts, detail: { instance: channel.instanceUrl } };
}

/** `POST /api/v1/statuses` with the key; a server that remembers the key answers the first status. */
export async function postStatus(api: MastodonApi, key: string, body: Record<string, unknown>): Promise<Status> {
  const json = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
  try {
    const { data } = await api<Status>('POST', '/api/v1/statuses', { json, idempotencyKey: key });
    if (!data.id) throw new ProviderError('unknown_outcome', 'Mastodon accepted the status but returned no id');
    return data;
  } catch (err) {
    throw toProviderError(err, 'posting the status');
  }
}

/** Uploads one attachment with its alt text and waits until the server has processed it. */
export async function uploadMedia(api: MastodonApi, item: MediaItem): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await item.read())], { type: item.mime }), `upload.${extensionOf(item.mime)}`);
  if (item.alt) form.append('description', item.alt);
  let id: string;
  let ready: boolean;
  try {
    const res = await api<{ id: string; url?: string | null }>('POST', '/api/v2/media', { multipart: form, timeoutMs: 120_000 });
    id = res.data.id;
    ready = res.status === 200 && Boolean(res.data.url);
  } catch (err) {
    // An upload that may have landed is only an orphan attachment the server cleans up: retry freely.
    const pe = toProviderError(err, 'uploading media');
    throw pe.kind === 'unknown_outcome' ? new ProviderError('transient', pe.message, { detail: pe.detail, cause: err }) : pe;
  }
  const deadline = Date.now() + MEDIA_POLL_DEADLINE_MS;
  let wait = 500;
  while (!ready) {
    if (Date.now() > deadline) throw new ProviderError('transient', `Mastodon is still processing media ${id}; trying again later`);
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(wait * 2, 5_000);
    try {
      const res = await api<{ url?: string | null }>('GET', `/api/v1/media/${encodeURIComponent(id)}`);
      ready = res.status === 200 && Boolean(res.data.url);
    } catch (err) {
      if (err instanceof MastodonError && err.status === 422) {
        throw new ProviderError('rejected', `Mastodon could not process the ${item.kind}: ${err.message}`, { networkMessage: err.message, status: 422 });
      }
      throw toProviderError(err, 'processing media');
    }
  }
  return id;
}

function extensionOf(mime: string): string {
  const sub = mime.split('/')[1] ?? 'bin';
  return ({ jpeg: 'jpg', quicktime: 'mov', 'svg+xml': 'svg' } as Record<string, string>)[sub] ?? sub;
}
