/**
 * Posts as the people deciding on them see them (the approvals screen, client review pages): per
 * target, the channel's own text, files and thread; every file with its kind, read from the stored
 * media's type so that a video is shown as a player; every follow-up with its own files.
 */
import type { Queryable } from '../db/client.js';
import { findMediaByIds } from '../media/media.repository.js';
import type { PostRow } from '../posts/posts.repository.js';
import { effectiveContent, type DeliveryOverride, type MediaRef, type PostContent } from '../posts/posts.schemas.js';
import type { PreviewMedia, PreviewTarget } from './approvals.schemas.js';

/** A video by its MIME type; anything else (GIFs included) is drawn as an image. */
export const mediaKind = (mime: string | undefined): PreviewMedia['kind'] => (mime?.startsWith('video/') ? 'video' : 'image');

interface TargetRow {
  post_id: string;
  due_at: Date | null;
  override: DeliveryOverride;
  network: string;
  channel_name: string;
  handle: string | null;
}

// A post's deliveries share one creation time: then by channel name, so that the order holds between answers.
const listTargets = (db: Queryable, workspaceId: string, postIds: string[]) =>
  postIds.length === 0
    ? Promise.resolve([] as TargetRow[])
    : db.query<TargetRow>(
      `SELECT d.post_id, d.due_at, d.override, c.network, c.name AS channel_name, c.handle
       FROM deliveries d JOIN channels c ON c.id = d.channel_id
       WHERE d.workspace_id = $1 AND d.post_id = ANY($2::uuid[]) ORDER BY d.created_at, c.name, d.id`,
      [workspaceId, postIds],
    );

/** Every file a content names: its own, and its follow-ups'. */
const refsOf = (c: Partial<Pick<PostContent, 'media' | 'followups'>>): MediaRef[] => [...(c.media ?? []), ...(c.followups ?? []).flatMap((f) => f.media ?? [])];

export interface PreviewAudience {
  /** A file's address for this audience: signed for a client, the workspace's own route for a member. */
  urlFor(mediaId: string): string;
  /** Someone outside the workspace: a webhook channel's handle (its receiver's host) is not shown. */
  outsider?: boolean;
}

/**
 * Loads what previews of these posts need (their targets and their files' types) in two queries,
 * and returns how to draw each post's base files and targets for the audience.
 */
export async function loadPreviews(db: Queryable, workspaceId: string, posts: PostRow[], { urlFor, outsider = false }: PreviewAudience) {
  const targets = await listTargets(db, workspaceId, posts.map((p) => p.id));
  const ids = new Set([...posts.flatMap((p) => refsOf(p.content)), ...targets.flatMap((t) => refsOf(t.override))].map((m) => m.mediaId));
  const mimes = new Map((await findMediaByIds(db, workspaceId, [...ids])).map((m) => [m.id, m.mime]));
  const file = (m: MediaRef): PreviewMedia => ({ url: urlFor(m.mediaId), alt: m.alt ?? null, kind: mediaKind(mimes.get(m.mediaId)) });
  return {
    media: (p: PostRow) => p.content.media.map(file),
    targets: (p: PostRow): PreviewTarget[] => targets.filter((t) => t.post_id === p.id).map((t) => {
      const c = effectiveContent(p.content, t.override);
      return {
        network: t.network, channel: t.channel_name, handle: outsider && t.network === 'webhook' ? null : t.handle, dueAt: t.due_at, text: c.text, media: c.media.map(file),
        followups: c.followups.map((f) => ({ text: f.text, media: (f.media ?? []).map(file) })),
      };
    }),
  };
}
