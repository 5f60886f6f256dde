/**
 * Everything a provider needs for one delivery: decrypted credentials (re-encrypted when the
 * provider refreshes them), the channel's settings, the guarded HTTP client, and the content with
 * media readable from the store.
 */
import type { AppContext } from '../app/context.js';
import type { ChannelRow } from '../channels/channels.repository.js';
import { updateChannel } from '../channels/channels.repository.js';
import { findMediaByIds, type MediaRow } from '../media/media.repository.js';
import type { ContentPart, Credentials, MediaItem, ProviderContext, PublishContent, PublishedPart } from '../providers/contract.js';
import type { DeliveryRow, PostRow } from '../posts/posts.repository.js';
import { effectiveContent, type MediaRef } from '../posts/posts.schemas.js';
import { recordPart } from './publishing.repository.js';
import { mediaUrl } from '../media/signed-url.js';

/** `credentials`: already decrypted (the worker decrypts once per channel and batch). */
export function buildProviderContext(ctx: AppContext, channel: ChannelRow, delivery: Pick<DeliveryRow, 'id' | 'idempotency_key' | 'result'>, credentials?: Credentials): ProviderContext {
  const previous = (delivery.result?.parts ?? null) as Record<string, PublishedPart> | PublishedPart[] | null;
  const previousParts: PublishedPart[] = [];
  if (previous) for (const [k, v] of Object.entries(previous)) previousParts[Number(k)] = v;
  return {
    idempotencyKey: delivery.idempotency_key,
    credentials: credentials ?? ctx.secrets.decrypt<Credentials>(channel.credentials),
    settings: channel.settings,
    http: ctx.http,
    app: ctx.providers.appFor(channel.network),
    account: { externalId: channel.external_id, handle: channel.handle },
    mediaUrl: (item) => mediaUrl(ctx.config.publicUrl, ctx.secrets, item.id),
    previousParts,
    async saveCredentials(next) {
      const sealed = ctx.secrets.encrypt(next);
      channel.credentials = sealed;
      await updateChannel(ctx.db, channel.workspace_id, channel.id, { credentials: sealed });
    },
    async onPartPublished(index, part) {
      await recordPart(ctx.db, delivery.id, index, part);
    },
  };
}

function toItem(ctx: AppContext, ref: MediaRef, rows: Map<string, MediaRow>): MediaItem {
  const m = rows.get(ref.mediaId);
  if (!m) throw new Error(`media ${ref.mediaId} is gone`);
  return {
    id: m.id, mime: m.mime, kind: m.kind, size: m.size, width: m.width, height: m.height, alt: ref.alt ?? null, sha256: m.sha256,
    read: () => ctx.mediaStore.read(m.sha256),
  };
}

/** What publishing reads of a post (the claim returns it with each delivery). */
export type PostContentRow = Pick<PostRow, 'id' | 'workspace_id' | 'content'>;

/** The delivery's effective content (post + per-target override) with media ready to read. */
export async function buildContent(ctx: AppContext, post: PostContentRow, delivery: Pick<DeliveryRow, 'id' | 'override' | 'due_at'>): Promise<PublishContent> {
  const content = effectiveContent(post.content, delivery.override);
  const refs = [...content.media, ...content.followups.flatMap((f) => f.media)];
  const rows = new Map((await findMediaByIds(ctx.db, post.workspace_id, refs.map((r) => r.mediaId))).map((m) => [m.id, m]));
  const parts: ContentPart[] = [
    { text: content.text, media: content.media.map((r) => toItem(ctx, r, rows)) },
    ...content.followups.map((f) => ({ text: f.text, media: f.media.map((r) => toItem(ctx, r, rows)) })),
  ];
  return { parts, link: content.link, title: content.title ?? null, options: delivery.override.options ?? {}, meta: { postId: post.id, deliveryId: delivery.id, dueAt: delivery.due_at ? new Date(delivery.due_at).toISOString() : null } };
}
