/**
 * Live checks while writing, with the very rules the server applies (src/core, shared code):
 * each target's effective text counted the network's way, and every problem of its content.
 */
import { useMemo } from 'react';
import { countText, type TextCount } from '../../../../src/core/text-count';
import { validateForNetwork } from '../../../../src/core/validate-content';
import { isNetworkSlug, NETWORK_NAMES, type NetworkSlug } from '../../../../src/core/networks';
import type { DraftContent, MediaFacts } from '../../../../src/core/content';
import type { Problem } from '../../../../src/core/problems';
import type { Channel } from '../../api/types';
import { isBlankFollowup, type ComposerDraft, type DraftFollowup, type DraftMedia } from './draft';

export interface TargetCheck {
  /** The channel id, or `network:<slug>` for a network only checked against. */
  key: string;
  channelId: string | null;
  name: string;
  network: NetworkSlug;
  text: string;
  /** The text is the channel's own. */
  overridden: boolean;
  /** The images and videos, and the follow-ups, this target gets (its own or the base ones). */
  media: DraftMedia[];
  followups: DraftFollowup[];
  count: TextCount;
  problems: Problem[];
}

export const facts = (m: DraftMedia): MediaFacts => ({ kind: m.kind, mime: m.mime, size: m.size, width: m.width ?? undefined, height: m.height ?? undefined, alt: m.alt });

/** What a target gets: its channel's overrides where its tab has them, the base content elsewhere. */
export function effectiveDraft(draft: ComposerDraft, channelId: string | null) {
  const own = <T,>(map: Record<string, T> | undefined) => (channelId !== null && map && channelId in map ? map[channelId] : undefined);
  const text = own(draft.overrides);
  return {
    text: text ?? draft.text, overridden: text !== undefined,
    media: own(draft.mediaOverrides) ?? draft.media,
    followups: (own(draft.followupOverrides) ?? draft.followups).filter((f) => !isBlankFollowup(f)),
  };
}

function check(draft: ComposerDraft, key: string, channelId: string | null, name: string, network: NetworkSlug): TargetCheck {
  const { text, overridden, media, followups } = effectiveDraft(draft, channelId);
  const content: DraftContent = { text, media: media.map(facts), link: draft.link.trim() || null, followups: followups.map((f) => ({ text: f.text, media: f.media.map(facts) })) };
  return { key, channelId, name, network, text, overridden, media, followups, count: countText(network, text, { media: content.media }), problems: validateForNetwork(network, content) };
}

export function runChecks(draft: ComposerDraft, channels: Channel[]): TargetCheck[] {
  const byId = new Map(channels.map((c) => [c.id, c]));
  const out: TargetCheck[] = [];
  for (const id of draft.channelIds) {
    const channel = byId.get(id);
    if (!channel || !isNetworkSlug(channel.network)) continue;
    out.push(check(draft, id, id, channel.name, channel.network));
  }
  for (const network of draft.checkNetworks) out.push(check(draft, `network:${network}`, null, NETWORK_NAMES[network], network));
  return out;
}

export function useChecks(draft: ComposerDraft, channels: Channel[]): TargetCheck[] {
  return useMemo(() => runChecks(draft, channels), [draft, channels]);
}

export const isOver = (count: TextCount) => [count, ...count.also].some((m) => m.count > m.limit);
