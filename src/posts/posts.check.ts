/**
 * Checking a post before anything is saved: every target's effective content against its
 * network's rules (src/core), the link a link card would fetch, and the schedule. The dry-run
 * endpoint returns this as is; creating or editing a post refuses when it holds an error.
 */
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { countText } from '../core/text-count.js';
import { validateForNetwork } from '../core/validate-content.js';
import type { DraftContent, MediaFacts } from '../core/content.js';
import { isNetworkSlug } from '../core/networks.js';
import type { Problem } from '../core/problems.js';
import { checkUrlAllowed } from '../net/url-check.js';
import { findChannelsByIds, type ChannelRow } from '../channels/channels.repository.js';
import { resolveMedia } from '../media/media.service.js';
import type { MediaRow } from '../media/media.repository.js';
import { effectiveContent, type MediaRef, type PostContent, type PostInput } from './posts.schemas.js';

export interface TargetReport {
  channelId: string;
  channelName: string;
  network: string;
  ok: boolean;
  counts: { count: number; limit: number; unit: string };
  problems: Problem[];
}

export interface CheckReport {
  ok: boolean;
  problems: Problem[];
  targets: TargetReport[];
}

export interface CheckedPost {
  report: CheckReport;
  base: PostContent;
  channels: Map<string, ChannelRow>;
}

const problem = (code: string, field: string, message: string, params: Problem['params'] = {}): Problem => ({ code, severity: 'error', field, params, message });

function toFacts(refs: MediaRef[], media: Map<string, MediaRow>): MediaFacts[] {
  return refs.map((r) => {
    const m = media.get(r.mediaId)!;
    return { kind: m.kind, mime: m.mime, size: m.size, width: m.width ?? undefined, height: m.height ?? undefined, durationSec: m.duration_sec ?? undefined, alt: r.alt ?? null };
  });
}

function allMediaIds(input: PostInput): string[] {
  const ids = [...input.media, ...input.followups.flatMap((f) => f.media)].map((m) => m.mediaId);
  for (const t of input.targets) ids.push(...(t.media ?? []).map((m) => m.mediaId), ...(t.followups ?? []).flatMap((f) => f.media.map((m) => m.mediaId)));
  return ids;
}

/** Loads the target channels; unknown ids (or another workspace's) are a 422 naming them. */
export async function loadTargetChannels(ctx: AppContext, workspaceId: string, channelIds: string[]) {
  const unique = [...new Set(channelIds)];
  if (unique.length !== channelIds.length) throw new AppError('bad_request', 'A channel is targeted twice; target each channel once and use per-target overrides');
  const rows = await findChannelsByIds(ctx.db, workspaceId, unique);
  const byId = new Map(rows.map((c) => [c.id, c]));
  const missing = unique.filter((id) => !byId.has(id));
  if (missing.length) throw new AppError('validation_failed', `Unknown channel${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, { details: { missingChannels: missing } });
  return byId;
}

export async function checkPost(ctx: AppContext, workspaceId: string, input: PostInput): Promise<CheckedPost> {
  const channels = await loadTargetChannels(ctx, workspaceId, input.targets.map((t) => t.channelId));
  const media = await resolveMedia(ctx, workspaceId, allMediaIds(input));
  const base: PostContent = { text: input.text, media: input.media, link: input.link ?? null, followups: input.followups, title: input.title ?? null };
  const postProblems: Problem[] = [];
  if (input.schedule.mode !== 'draft' && input.targets.length === 0) {
    postProblems.push(problem('targets.required', 'targets', 'Choose at least one channel to publish to'));
  }
  // Only where Varde itself fetches the page (to build a card) does the link meet the outbound guard.
  const needsCard = input.targets.some((t) => {
    const network = channels.get(t.channelId)!.network;
    return ctx.providers.has(network) && ctx.providers.get(network).fetchesLinks === true;
  });
  if (base.link && needsCard) {
    const verdict = await checkUrlAllowed(base.link, ctx.config.allowHosts);
    if (!verdict.ok) postProblems.push(problem('link.not_allowed', 'link', `The link cannot be used for a link card: ${verdict.reason}`, { reason: verdict.reason }));
  }
  const targets: TargetReport[] = input.targets.map((t) => {
    const channel = channels.get(t.channelId)!;
    const content = effectiveContent(base, { text: t.text, media: t.media, followups: t.followups, title: t.title });
    return reportTarget(channel, content, media);
  });
  const ok = postProblems.every((p) => p.severity !== 'error') && targets.every((t) => t.ok);
  return { report: { ok, problems: postProblems, targets }, base, channels };
}

function reportTarget(channel: ChannelRow, content: PostContent, media: Map<string, MediaRow>): TargetReport {
  const network = channel.network;
  const draft: DraftContent = {
    text: content.text,
    media: toFacts(content.media, media),
    link: content.link,
    title: content.title ?? null,
    followups: content.followups.map((f) => ({ text: f.text, media: toFacts(f.media, media) })),
  };
  const opts = typeof channel.settings.maxCharacters === 'number' ? { maxCharacters: channel.settings.maxCharacters } : undefined;
  const problems = isNetworkSlug(network) ? validateForNetwork(network, draft, opts) : [];
  const c = isNetworkSlug(network) ? countText(network, content.text, opts) : { count: content.text.length, limit: 0, unit: 'characters' };
  return {
    channelId: channel.id, channelName: channel.name, network,
    ok: problems.every((p) => p.severity !== 'error'),
    counts: { count: c.count, limit: c.limit, unit: c.unit },
    problems,
  };
}
