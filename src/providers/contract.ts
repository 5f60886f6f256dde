/**
 * The contract every network adapter implements. Providers only talk to their network: they
 * receive decrypted credentials and return results; they never touch the database. Optional
 * capabilities are optional methods.
 */
import type { NetworkSlug } from '../core/networks.js';
import type { HttpClient } from '../net/http.types.js';
import type { z } from 'zod';

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
  /** YouTube, Pinterest and Reddit titles. */
  title?: string | null;
  /** Network-specific fields chosen for this target (subreddit, privacy, board, firstComment…). */
  options?: Record<string, string | number | boolean>;
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

/**
 * The operator's app registration for a network, read from the environment
 * (`VARDE_<SLUG>_<NAME>`, e.g. VARDE_X_CLIENT_ID), and the network's base URLs (defaults declared by
 * the provider, each overridable with `VARDE_<SLUG>_<KEY>_URL`, which is how tests reach emulators).
 */
export interface NetworkApp {
  values: Record<string, string | undefined>;
  urls: Record<string, string>;
  /** `${VARDE_PUBLIC_URL}/api/v1/oauth/callback/<slug>`: register this at the network. */
  redirectUri: string;
  /** Where Varde is reachable from outside (networks download media from here). */
  publicUrl: string;
}

export interface AppRequirements {
  /** Names of required values, without the prefix: ['CLIENT_ID', 'CLIENT_SECRET']. */
  required: string[];
  optional?: string[];
  /** Default base URLs by key, e.g. { api: 'https://api.x.com', auth: 'https://x.com' }. */
  urls: Record<string, string>;
}

/** One account, page, board or organisation an OAuth login can add as a channel. */
export interface ConnectCandidate extends ConnectResult {
  /** When the access token expires, so Varde refreshes it before. */
  tokenExpiresAt?: Date | null;
}

/** Apps Varde registers itself per instance (Mastodon), kept encrypted in the database. */
export interface NetworkAppStore {
  get(instance: string): Promise<Record<string, string> | null>;
  put(instance: string, credentials: Record<string, string>): Promise<void>;
}

export interface OAuthSupport {
  /** The network checks PKCE (S256); Varde then sends a code challenge and keeps the verifier. */
  pkce: boolean;
  /** The URL to send the user to. `instance` is the Mastodon server the user named. */
  authorize(http: HttpClient, app: NetworkApp, input: { state: string; codeChallenge?: string; instance?: string }, store: NetworkAppStore): Promise<{ url: string }>;
  /** Exchanges the code; returns every account/page/board/organisation the user may add. */
  exchange(http: HttpClient, app: NetworkApp, input: { code: string; codeVerifier?: string; instance?: string; query: Record<string, string> }, store: NetworkAppStore): Promise<ConnectCandidate[]>;
}

export type InboxKind = 'comment' | 'reply' | 'mention' | 'quote' | 'message';

/** A comment, reply, mention, quote or direct message, normalised. */
export interface InboxItem {
  externalId: string;
  kind: InboxKind;
  /** Items of one conversation share this (a post's comment thread, a DM conversation). */
  conversationId: string;
  parentExternalId?: string | null;
  /** The network id of the published post this answers, when known. */
  postExternalId?: string | null;
  /** `followers`: the author's reach, when the network tells it (raises the item's priority). */
  author: { id: string; handle?: string | null; name?: string | null; avatarUrl?: string | null; url?: string | null; followers?: number | null };
  text: string;
  createdAt: string;
  url?: string | null;
  /** Network-specific fields kept for the record (no secrets). */
  raw?: Record<string, unknown>;
}

export interface InboxPage {
  items: InboxItem[];
  /** Opaque cursor for the next poll (stored per channel). */
  cursor?: string | null;
}

/** Normalised per-post metrics (null = the network does not offer it), with the network's own names kept. */
export interface PostMetrics {
  externalId: string;
  metrics: { impressions: number | null; likes: number | null; comments: number | null; shares: number | null; saves: number | null; clicks: number | null };
  raw: Record<string, number | string | null>;
}

export interface AccountMetrics {
  followers: number | null;
  raw: Record<string, number | string | null>;
}

/** An incoming webhook request as the network sent it: the raw body is what signatures cover. */
export interface IncomingWebhook {
  method: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  rawBody: Buffer;
}

export interface WebhookSupport {
  /** Answers the network's verification handshake (Meta hub.challenge, X CRC, LinkedIn challenge); null when the request is not one. */
  handshake?(req: IncomingWebhook, app: NetworkApp): { status: number; contentType?: string; body: string } | null;
  /** Verifies the signature over the raw body with a constant-time comparison, and the timestamp where the network sends one. */
  verify(req: IncomingWebhook, app: NetworkApp, now?: Date): { ok: true } | { ok: false; reason: string };
  /** The items in a verified request, grouped by the account (channel external id) they belong to. */
  parse(req: IncomingWebhook, app: NetworkApp): { accountId: string; items: InboxItem[] }[];
}

export interface ProviderContext {
  /** Fixed when the delivery was created (a TID); the same on every retry. */
  idempotencyKey: string;
  credentials: Credentials;
  settings: Record<string, unknown>;
  /** The operator's app registration and base URLs for this network. */
  app: NetworkApp;
  /** The channel's account on the network. */
  account: { externalId: string | null; handle: string | null };
  /** A signed, expiring public URL of a media item, for networks that download media (Instagram, Threads). */
  mediaUrl(item: MediaItem): string;
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
  /** Shown as beta in the API and UI (e.g. Snapchat, until its API is confirmed). */
  readonly beta?: boolean;
  /** Varde itself fetches the post's link to build a card (Bluesky): the link must pass the outbound guard. */
  readonly fetchesLinks?: boolean;
  /** What the operator must configure; absent when nothing is (Bluesky, webhooks, Telegram bot tokens…). */
  readonly app?: AppRequirements;
  /** OAuth 2.0 connect; networks without it use `connect` with a form (tokens, URLs). */
  readonly oauth?: OAuthSupport;
  /** Kinds of inbox items this network lets Varde read; the rest are "not offered by this network". */
  readonly inboxKinds?: InboxKind[];
  readonly webhooks?: WebhookSupport;
  /**
   * true when the network itself deduplicates a retried publish (Bluesky record keys, webhook
   * idempotency keys, Mastodon Idempotency-Key, Discord nonce): an unknown outcome may simply be
   * retried with the same key.
   */
  readonly idempotentPublish: boolean;
  /**
   * The fields of form connect, as a zod object whose `network` is `z.literal(<slug>)`, plus
   * optional `name` and `timezone`; it becomes part of the API's validation and OpenAPI document.
   */
  readonly connectSchema?: z.ZodObject<any>;
  /** Form connect: checks the input, logs in where needed, and returns what to store. Throws ProviderError. */
  connect?(input: Record<string, unknown>, http: HttpClient, app?: NetworkApp): Promise<ConnectResult>;
  /** Renews an access token (before expiry, and once after an auth error). */
  refreshCredentials?(http: HttpClient, app: NetworkApp, credentials: Credentials, settings: Record<string, unknown>): Promise<{ credentials: Credentials; expiresAt?: Date | null }>;
  publish(ctx: ProviderContext, content: PublishContent): Promise<PublishResult>;
  /** Looks for a post whose outcome is unknown (timeline, container status…). */
  reconcile?(ctx: ProviderContext, content: PublishContent): Promise<ReconcileOutcome>;
  deletePost?(ctx: ProviderContext, result: PublishResult): Promise<void>;
  /** Public, non-secret view of a stored channel's settings for API responses. */
  describeSettings?(settings: Record<string, unknown>): Record<string, unknown>;

  /** Reads comments, replies, mentions, quotes and messages since the cursor. */
  listInbox?(ctx: ProviderContext, opts: { cursor?: string | null; kinds?: InboxKind[]; recentPosts?: PublishResult[] }): Promise<InboxPage>;
  /** Replies to an item (a comment, a mention, a message); `ctx.idempotencyKey` is the reply's own key. */
  replyTo?(ctx: ProviderContext, item: InboxItem, content: ContentPart): Promise<PublishedPart>;
  hideItem?(ctx: ProviderContext, item: InboxItem, hidden: boolean): Promise<void>;
  deleteItem?(ctx: ProviderContext, item: InboxItem): Promise<void>;
  likeItem?(ctx: ProviderContext, item: InboxItem): Promise<void>;

  fetchPostMetrics?(ctx: ProviderContext, posts: PublishResult[]): Promise<PostMetrics[]>;
  fetchAccountMetrics?(ctx: ProviderContext): Promise<AccountMetrics>;
}
