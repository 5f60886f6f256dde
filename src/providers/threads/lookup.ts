/**
 * Finding Threads posts after an unknown outcome, part by part. A recorded container whose
 * `status` is `PUBLISHED` went out for certain; Graph does not say which post it became, so Varde
 * finds it among the profile's recent posts (`/{user}/threads`) or replies (`/{user}/replies`,
 * matched on `replied_to`) by its exact text, and keeps the container id when it cannot. With
 * nothing recorded for a part, the same search decides; a part without text cannot be told apart,
 * so then Varde says `unknown` when anything was published since.
 */
import type { ProviderContext, PublishContent, PublishedPart, ReconcileOutcome } from '../contract.js';
import { toProviderError } from '../meta/errors.js';
import { isPublishedPart, recordedContainer } from '../meta/containers.js';
import { openProfile, readContainer, type ThreadsClient } from './account.js';
import { partText } from './options.js';

const WINDOW_SLACK_MS = 10 * 60_000;

interface ThreadsPost {
  id: string;
  text?: string;
  timestamp?: string;
  permalink?: string;
  replied_to?: { id?: string };
}

async function recent(t: ThreadsClient, replyTo: string | undefined, since = 0): Promise<ThreadsPost[]> {
  const edge = replyTo ? 'replies' : 'threads';
  const res = await t.graph.get<{ data?: ThreadsPost[] }>(`${t.userId}/${edge}`, { fields: 'id,text,timestamp,permalink,replied_to', limit: 50 });
  return (res.data ?? []).filter((p) => (!replyTo || p.replied_to?.id === replyTo) && (!p.timestamp || Date.parse(p.timestamp) >= since - WINDOW_SLACK_MS));
}

export async function findPublishedPart(t: ThreadsClient, containerId: string, text: string, replyTo: string | undefined): Promise<PublishedPart> {
  const hit = text.trim() ? (await recent(t, replyTo)).find((p) => (p.text ?? '').trim() === text.trim()) : undefined;
  return hit ? { externalId: hit.id, url: hit.permalink, ref: { containerId } } : { externalId: containerId, ref: { containerId, mediaIdUnknown: true } };
}

export async function reconcileThreads(ctx: ProviderContext, content: PublishContent): Promise<ReconcileOutcome> {
  const t = openProfile(ctx);
  const since = Date.parse(content.meta.dueAt ?? '') || Date.now() - 24 * 3600_000;
  const parts: PublishedPart[] = [];
  try {
    for (let i = 0; i < content.parts.length; i++) {
      const known = ctx.previousParts?.[i];
      const replyTo = i > 0 ? parts[i - 1].externalId : undefined;
      const text = partText(content, i).trim();
      let found: PublishedPart | undefined = isPublishedPart(known) ? known : undefined;
      const containerId = recordedContainer(known);
      if (!found && containerId) {
        if ((await readContainer(t, containerId)()).status !== 'PUBLISHED') return { status: 'not_found' };
        found = await findPublishedPart(t, containerId, text, replyTo);
      }
      if (!found) {
        const candidates = await recent(t, replyTo, since);
        if (!text) return candidates.length === 0 ? { status: 'not_found' } : { status: 'unknown', evidence: `part ${i + 1} has no text and ${candidates.length} post(s) were published since it was due` };
        const hit = candidates.find((p) => (p.text ?? '').trim() === text);
        if (!hit) return { status: 'not_found' };
        found = { externalId: hit.id, url: hit.permalink, ref: { reconciled: true } };
      }
      if (known !== found) {
        ctx.previousParts ??= [];
        ctx.previousParts[i] = found;
        await ctx.onPartPublished?.(i, found);
      }
      parts.push(found);
    }
    return { status: 'published', result: { externalId: parts[0].externalId, url: parts[0].url, parts, detail: { reconciled: true } } };
  } catch (err) {
    return { status: 'unknown', evidence: `Threads could not be asked: ${toProviderError(err, 'Threads', 'look-up').message}` };
  }
}
