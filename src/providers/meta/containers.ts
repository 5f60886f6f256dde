/**
 * Media containers, shared by Instagram and Threads: a container is created (Meta downloads the
 * media from Varde's signed URL), processed, then published. Its status moves IN_PROGRESS →
 * FINISHED → PUBLISHED, or ERROR / EXPIRED (after 24 hours unpublished). Varde polls it until it
 * is FINISHED before publishing, and reads it again after an unknown outcome: PUBLISHED means the
 * post went out, whatever the lost answer said.
 */
import type { PublishedPart } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { sleep, type MetaTimeouts } from './settings.js';

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

export interface ContainerState {
  status: ContainerStatus | string;
  /** What Meta says went wrong (Instagram `status`, Threads `error_message`). */
  message?: string;
}

/** Polls until the container can be published (or already was). */
export async function waitForContainer(read: () => Promise<ContainerState>, t: MetaTimeouts, network: string, signal?: AbortSignal): Promise<'FINISHED' | 'PUBLISHED'> {
  const deadline = Date.now() + t.pollMaxMs;
  for (;;) {
    const s = await read();
    if (s.status === 'FINISHED' || s.status === 'PUBLISHED') return s.status;
    if (s.status === 'ERROR') throw new ProviderError('rejected', `${network} could not process the media: ${s.message ?? 'no reason given'}`, { networkMessage: s.message, detail: { containerStatus: s.status } });
    if (s.status === 'EXPIRED') throw new ProviderError('transient', `${network}'s media container expired before it was published`, { detail: { containerStatus: s.status } });
    if (Date.now() + t.pollMs > deadline) throw new ProviderError('transient', `${network} is still processing the media after ${Math.round(t.pollMaxMs / 1000)} s; Varde will check again`, { detail: { containerStatus: s.status } });
    await sleep(t.pollMs, signal);
  }
}

/** A container recorded before its publish call, so a retry reuses it instead of making another. */
export function pendingContainer(containerId: string, extra: Record<string, unknown> = {}): PublishedPart {
  return { externalId: containerId, ref: { stage: 'container', containerId, ...extra } };
}

export function recordedContainer(part: PublishedPart | undefined): string | undefined {
  return part?.ref?.stage === 'container' && typeof part.ref.containerId === 'string' ? part.ref.containerId : undefined;
}

/** A part that is really out (not a container waiting to be published). */
export function isPublishedPart(part: PublishedPart | undefined): part is PublishedPart {
  return Boolean(part?.externalId) && part?.ref?.stage !== 'container';
}
