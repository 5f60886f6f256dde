/**
 * The contract every network adapter implements. Providers only talk to their network: they
 * receive decrypted credentials and return results; they never touch the database. Optional
 * capabilities are optional methods.
 */
import type { NetworkSlug } from '../core/networks.js';
import type { HttpClient } from '../net/http.types.js';

/** Decrypted credentials, shape owned by each provider. */
export type Credentials = Record<string, unknown>;

export interface AccountInfo {
  externalId: string;
  handle: string;
  name: string;
  profileUrl?: string;
}

export interface ConnectResult {
  credentials: Credentials;
  account: AccountInfo;
  /** Non-secret settings kept on the channel (e.g. the PDS URL, the webhook URL). */
  settings?: Record<string, unknown>;
}

export interface MediaItem {
  id: string;
  mime: string;
  kind: 'image' | 'video' | 'gif';
  size: number;
  width?: number | null;
  height?: number | null;
  alt?: string | null;
  /** A stable content hash (sha256 hex). */
  sha256: string;
  read(): Promise<Uint8Array>;
}

/** One part of what is published: the main post, then each follow-up. */
export interface ContentPart {
  text: string;
  media: MediaItem[];
}

export interface PublishContent {
  parts: ContentPart[]; // parts[0] is the post; the rest are the thread's follow-ups
  link?: string | null;
  /** Free-form data for receivers such as webhooks: post/delivery ids, scheduled time. */
  meta: { postId: string; deliveryId: string; dueAt: string | null };
}

export interface PublishedPart {
  externalId: string;
  url?: string;
  /** Network-specific extra ids (Bluesky: { uri, cid }). */
  ref?: Record<string, unknown>;
}

export interface PublishResult {
  externalId: string;
  url?: string;
  parts: PublishedPart[];
  /** What the network answered, kept for the attempt log (no secrets). */
  detail?: Record<string, unknown>;
}

export interface ProviderContext {
  /** Fixed when the delivery was created (a TID); the same on every retry. */
  idempotencyKey: string;
  credentials: Credentials;
  settings: Record<string, unknown>;
  /** Persist refreshed tokens (e.g. a renewed Bluesky session) — encrypted by the caller. */
  saveCredentials(next: Credentials): Promise<void>;
  http: HttpClient;
  /** Parts already published by an earlier attempt of this delivery (a thread half-posted). */
  previousParts?: PublishedPart[];
  /** Called after each part is accepted, so a crash mid-thread leaves evidence. */
  onPartPublished?(index: number, part: PublishedPart): Promise<void>;
  signal?: AbortSignal;
}

export type ReconcileOutcome =
  | { status: 'published'; result: PublishResult }
  | { status: 'not_found' }
  | { status: 'unknown'; evidence: string };

export interface Provider {
  readonly network: NetworkSlug;
  /**
   * true when the network itself deduplicates a retried publish (Bluesky record keys, webhook
   * idempotency keys, Mastodon Idempotency-Key, Discord nonce): an unknown outcome may simply be
   * retried with the same key.
   */
  readonly idempotentPublish: boolean;
  /** Checks the input, logs in where needed, and returns what to store. Throws ProviderError. */
  connect(input: Record<string, unknown>, http: HttpClient): Promise<ConnectResult>;
  publish(ctx: ProviderContext, content: PublishContent): Promise<PublishResult>;
  /** Looks for a post whose outcome is unknown (timeline, container status…). */
  reconcile?(ctx: ProviderContext, content: PublishContent): Promise<ReconcileOutcome>;
  deletePost?(ctx: ProviderContext, result: PublishResult): Promise<void>;
  /** Public, non-secret view of a stored channel's settings for API responses. */
  describeSettings?(settings: Record<string, unknown>): Record<string, unknown>;
}
