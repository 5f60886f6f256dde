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
import type { ComposerDraft, DraftMedia } from './draft';

export interface TargetCheck {
  /** The channel id, or `network:<slug>` for a network only checked against. */
  key: string;
  channelId: string | null;
  name: string;
  network: NetworkSlug;
  text: string;
  overridden: boolean;
  count: TextCount;
  problems: Problem[];
}

const facts = (m: DraftMedia): MediaFacts => ({ kind: m.kind, mime: m.mime, size: m.size, width: m.width ?? undefined, height: m.height ?? undefined, alt: m.alt });

export function contentFor(draft: ComposerDraft, text: string): DraftContent {
  return {
    text,
    media: draft.media.map(facts),
    link: draft.link.trim() || null,
    followups: draft.followups.filter((f) => f.trim() !== '').map((f) => ({ text: f, media: [] })),
  };
}

function check(draft: ComposerDraft, key: string, channelId: string | null, name: string, network: NetworkSlug, text: string, overridden: boolean): TargetCheck {
  const content = contentFor(draft, text);
  return { key, channelId, name, network, text, overridden, count: countText(network, text, { media: content.media }), problems: validateForNetwork(network, content) };
}

export function runChecks(draft: ComposerDraft, channels: Channel[]): TargetCheck[] {
  const byId = new Map(channels.map((c) => [c.id, c]));
  const out: TargetCheck[] = [];
  for (const id of draft.channelIds) {
    const channel = byId.get(id);
    if (!channel || !isNetworkSlug(channel.network)) continue;
    const overridden = id in draft.overrides;
    out.push(check(draft, id, id, channel.name, channel.network, overridden ? draft.overrides[id] : draft.text, overridden));
  }
  for (const network of draft.checkNetworks) out.push(check(draft, `network:${network}`, null, NETWORK_NAMES[network], network, draft.text, false));
  return out;
}

export function useChecks(draft: ComposerDraft, channels: Channel[]): TargetCheck[] {
  return useMemo(() => runChecks(draft, channels), [draft, channels]);
}

export const isOver = (count: TextCount) => [count, ...count.also].some((m) => m.count > m.limit);
