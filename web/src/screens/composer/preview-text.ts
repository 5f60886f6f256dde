/**
 * How a network shows a text: where it folds long text behind "more", and where the limit cuts
 * (found with the network's own counting, so emoji and links split where the network would).
 */
import type { NetworkSlug } from '../../../../src/core/networks';
import { countText } from '../../../../src/core/text-count';
import { findUrls } from '../../../../src/core/text-entities';
import { splitGraphemes } from '../../../../src/core/text-units';

/** Characters shown before "… more" in feeds (approximate, from each network's apps). */
const FOLD_AT: Partial<Record<NetworkSlug, number>> = { linkedin: 210, instagram: 125, facebook: 480, tiktok: 150, youtube: 160, pinterest: 100 };

export interface PreviewText {
  /** Shown before the fold. */
  shown: string;
  /** Hidden behind "more" (still within the limit). */
  folded: string;
  /** Past the network's limit: would be refused. */
  overflow: string;
}

/** The longest prefix (whole graphemes) that fits the network's limit. */
function fittingLength(network: NetworkSlug, text: string, limit: number): number {
  const graphemes = splitGraphemes(text);
  let lo = 0;
  let hi = graphemes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (countText(network, graphemes.slice(0, mid).join('')).count <= limit) lo = mid;
    else hi = mid - 1;
  }
  return graphemes.slice(0, lo).join('').length;
}

export function splitForPreview(network: NetworkSlug, text: string): PreviewText {
  const count = countText(network, text);
  const fits = count.count <= count.limit ? text.length : fittingLength(network, text, count.limit);
  const within = text.slice(0, fits);
  const fold = FOLD_AT[network];
  const foldAt = fold !== undefined && [...within].length > fold ? [...within].slice(0, fold).join('').length : within.length;
  return { shown: within.slice(0, foldAt), folded: within.slice(foldAt), overflow: text.slice(fits) };
}

export interface Segment {
  text: string;
  link: boolean;
}

/** Splits text into plain and link segments, to show links as networks do. */
export function linkSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const u of findUrls(text)) {
    if (u.start > at) out.push({ text: text.slice(at, u.start), link: false });
    out.push({ text: text.slice(u.start, u.end), link: true });
    at = u.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), link: false });
  return out;
}
