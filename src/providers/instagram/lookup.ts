/**
 * Finding a post on Instagram after an unknown outcome. A container whose `status_code` is
 * `PUBLISHED` went out for certain, but Graph does not say which media it became: Varde finds it
 * among the account's recent media by its caption and time, and when it cannot (a Story, a post
 * without caption) keeps the container id as the post's id — published, with the media id unknown.
 * With no container recorded, the recent media are searched by exact caption since the post was due.
 */
import type { ProviderContext, PublishContent, PublishedPart, ReconcileOutcome } from '../contract.js';
import { toProviderError } from '../meta/errors.js';
import { isPublishedPart, recordedContainer } from '../meta/containers.js';
import { openAccount, readContainer, type IgClient } from './account.js';
import { captionOf, readInstagramOptions, type InstagramOptions } from './options.js';

const WINDOW_SLACK_MS = 10 * 60_000;

interface IgMedia {
  id: string;
  caption?: string;
  timestamp?: string;
  permalink?: string;
}

async function recentMedia(ig: IgClient, since: number): Promise<IgMedia[]> {
  const res = await ig.graph.get<{ data?: IgMedia[] }>(`${ig.igUserId}/media`, { fields: 'id,caption,timestamp,permalink', limit: 25 });
  return (res.data ?? []).filter((m) => !m.timestamp || Date.parse(m.timestamp) >= since - WINDOW_SLACK_MS);
}

function sinceOf(content: PublishContent): number {
  return Date.parse(content.meta.dueAt ?? '') || Date.now() - 24 * 3600_000;
}

export async function findPublishedMedia(ig: IgClient, containerId: string, content: PublishContent, options: InstagramOptions): Promise<PublishedPart> {
  const caption = options.story ? '' : captionOf(content).trim();
  const hit = caption ? (await recentMedia(ig, sinceOf(content))).find((m) => (m.caption ?? '').trim() === caption) : undefined;
  return hit ? { externalId: hit.id, url: hit.permalink, ref: { containerId } } : { externalId: containerId, ref: { containerId, mediaIdUnknown: true } };
}

export async function reconcileInstagram(ctx: ProviderContext, content: PublishContent): Promise<ReconcileOutcome> {
  const options = readInstagramOptions(content);
  const ig = openAccount(ctx);
  const prev = ctx.previousParts?.[0];
  try {
    let main = isPublishedPart(prev) ? prev : undefined;
    const containerId = recordedContainer(prev);
    if (!main && containerId) {
      const state = await readContainer(ig, containerId)();
      if (state.status !== 'PUBLISHED') return { status: 'not_found' }; // publishing again reuses or replaces this container
      main = await findPublishedMedia(ig, containerId, content, options);
    }
    if (!main) {
      const caption = options.story ? '' : captionOf(content).trim();
      const recent = await recentMedia(ig, sinceOf(content));
      if (!caption) return recent.length === 0 ? { status: 'not_found' } : { status: 'unknown', evidence: `the account published ${recent.length} post(s) since this one was due, and one without a caption cannot be told apart` };
      const hit = recent.find((m) => (m.caption ?? '').trim() === caption);
      if (!hit) return { status: 'not_found' };
      main = { externalId: hit.id, url: hit.permalink, ref: { reconciled: true } };
    }
    await record(ctx, 0, main);
    const parts = [main];
    if (options.firstComment) {
      const comment = ctx.previousParts?.[1] ?? (await findComment(ig, main.externalId, options.firstComment));
      if (!comment) return { status: 'not_found' };
      await record(ctx, 1, comment);
      parts.push(comment);
    }
    return { status: 'published', result: { externalId: main.externalId, url: main.url, parts, detail: { reconciled: true } } };
  } catch (err) {
    return { status: 'unknown', evidence: `Instagram could not be asked: ${toProviderError(err, 'Instagram', 'look-up').message}` };
  }
}

async function record(ctx: ProviderContext, index: number, part: PublishedPart) {
  if (ctx.previousParts?.[index] === part) return;
  ctx.previousParts ??= [];
  ctx.previousParts[index] = part;
  await ctx.onPartPublished?.(index, part);
}

async function findComment(ig: IgClient, mediaId: string, text: string): Promise<PublishedPart | undefined> {
  const res = await ig.graph.get<{ data?: { id: string; text?: string; from?: { id?: string } }[] }>(`${mediaId}/comments`, { fields: 'id,text,from{id}', limit: 50 });
  const hit = (res.data ?? []).find((c) => c.from?.id === ig.igUserId && (c.text ?? '').trim() === text.trim());
  return hit ? { externalId: hit.id, ref: { kind: 'firstComment', on: mediaId } } : undefined;
}
