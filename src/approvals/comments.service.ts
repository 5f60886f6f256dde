/**
 * Internal comments on posts, with @mentions of members (by name or by the part of their e-mail
 * before the @): the mentioned members are notified.
 */
import { AppError } from '../app/errors.js';
import { newId } from '../app/ids.js';
import type { Queryable } from '../db/client.js';
import { notify } from '../notifications/notifications.repository.js';

/** The members a comment mentions: `@Ann`, `@ann.smith` (e-mail local part), `@"Ann Smith"`. */
export function findMentions(body: string, members: { user_id: string; name: string; email: string }[]): string[] {
  const tokens = [...body.matchAll(/@"([^"]{1,100})"|@([\p{L}\p{N}._-]{1,64})/gu)].map((m) => (m[1] ?? m[2]).toLowerCase());
  const ids = new Set<string>();
  for (const t of tokens) {
    for (const m of members) {
      if (m.name.toLowerCase() === t || m.email.toLowerCase().split('@')[0] === t || m.name.toLowerCase().split(/\s+/)[0] === t) ids.add(m.user_id);
    }
  }
  return [...ids];
}

export async function addComment(db: Queryable, workspaceId: string, postId: string, author: { userId: string | null; name: string; via: 'member' | 'review_link' }, body: string) {
  const [post] = await db.query<{ id: string; created_by: string | null }>(`SELECT id, created_by FROM posts WHERE workspace_id = $1 AND id = $2`, [workspaceId, postId]);
  if (!post) throw new AppError('not_found', 'Post not found');
  const members = await db.query<{ user_id: string; name: string; email: string }>(`SELECT m.user_id, u.name, u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1`, [workspaceId]);
  const mentions = findMentions(body, members).filter((id) => id !== author.userId);
  const id = newId();
  await db.query(
    `INSERT INTO post_comments (id, workspace_id, post_id, author_user_id, author_name, via, body, mentions) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[])`,
    [id, workspaceId, postId, author.userId, author.name, author.via, body, mentions],
  );
  const excerpt = body.length > 80 ? `${body.slice(0, 79)}…` : body;
  if (mentions.length) await notify(db, { workspaceId, kind: 'comment.mention', subjectId: postId, userIds: mentions, message: `${author.name} mentioned you: “${excerpt}”`, detail: { postId, commentId: id } });
  // A client's comment is news to the author even without a mention.
  if (author.via === 'review_link' && post.created_by && !mentions.includes(post.created_by)) {
    await notify(db, { workspaceId, kind: 'comment.mention', subjectId: postId, userIds: [post.created_by], message: `${author.name} commented on your post: “${excerpt}”`, detail: { postId, commentId: id } });
  }
  return { id, mentions };
}

/** One internal comment; `authorUserId` is null for a client's comment through a review link. */
export interface CommentEntry {
  id: string;
  authorUserId: string | null;
  authorName: string;
  via: 'member' | 'review_link';
  body: string;
  mentions: string[];
  createdAt: Date;
}

export const listComments = (db: Queryable, workspaceId: string, postId: string) =>
  db.query<CommentEntry>(
    `SELECT id, author_user_id AS "authorUserId", author_name AS "authorName", via, body, mentions, created_at AS "createdAt"
     FROM post_comments WHERE workspace_id = $1 AND post_id = $2 ORDER BY created_at`,
    [workspaceId, postId],
  );
