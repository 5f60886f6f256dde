/**
 * Client review links: a signed, expiring, revocable link that lets someone without an account see
 * the posts of a period as previews and approve, reject or comment on each. The token is the
 * link's id and an HMAC of it under Varde's key; expiry and revocation live in the database.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { newId } from '../app/ids.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import { mediaUrl } from '../media/signed-url.js';
import type { PostRow } from '../posts/posts.repository.js';
import { listComments } from './comments.service.js';
import { loadPreviews } from './previews.js';

const PURPOSE = 'review-link';

export interface ReviewLinkRow {
  id: string;
  workspace_id: string;
  name: string;
  period_from: Date;
  period_to: Date;
  expires_at: Date;
  revoked_at: Date | null;
  created_at: Date;
}

const tokenFor = (ctx: AppContext, id: string) => `${id}.${ctx.secrets.mac(PURPOSE, id)}`;

export function publicReviewLink(ctx: AppContext, l: ReviewLinkRow) {
  return { id: l.id, name: l.name, from: l.period_from, to: l.period_to, expiresAt: l.expires_at, revokedAt: l.revoked_at, createdAt: l.created_at };
}

export async function createReviewLink(ctx: AppContext, access: WorkspaceAccess, input: { name: string; from: string; to: string; expiresInDays?: number }) {
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (!(to > from)) throw new AppError('bad_request', 'The period must end after it starts');
  const id = newId();
  const [row] = await ctx.db.query<ReviewLinkRow>(
    `INSERT INTO review_links (id, workspace_id, created_by, name, period_from, period_to, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7)) RETURNING *`,
    [id, access.workspaceId, access.principal.userId, input.name, from, to, input.expiresInDays ?? 14],
  );
  const token = tokenFor(ctx, id);
  return { ...publicReviewLink(ctx, row), token, url: `${ctx.config.publicUrl}/review/${token}` };
}

/** The live link a token names, or a 404 that says nothing more (no oracle for ids). */
export async function resolveReviewToken(ctx: AppContext, token: string): Promise<ReviewLinkRow & { workspace_name: string }> {
  const [id, sig] = token.split('.');
  const expected = id ? Buffer.from(ctx.secrets.mac(PURPOSE, id)) : Buffer.alloc(0);
  if (!id || !sig || expected.length !== Buffer.byteLength(sig) || !crypto.timingSafeEqual(expected, Buffer.from(sig)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('not_found', 'This review link is not valid');
  }
  const [row] = await ctx.db.query<ReviewLinkRow & { workspace_name: string }>(
    `SELECT l.*, w.name AS workspace_name FROM review_links l JOIN workspaces w ON w.id = l.workspace_id WHERE l.id = $1`,
    [id],
  );
  if (!row || row.revoked_at) throw new AppError('not_found', 'This review link is not valid');
  if (new Date(row.expires_at) < new Date()) throw new AppError('forbidden', 'This review link has expired; ask for a new one');
  return row;
}

/** The posts of the link's period, as previews per target, with comments and decisions. */
export async function reviewPage(ctx: AppContext, link: ReviewLinkRow & { workspace_name: string }) {
  const posts = await ctx.db.query<PostRow>(
    `SELECT * FROM posts WHERE workspace_id = $1 AND scheduled_at >= $2 AND scheduled_at < $3 AND status NOT IN ('cancelled', 'deleted')
       AND COALESCE(to_jsonb(posts)->>'kind', 'post') = 'post' ORDER BY scheduled_at`,
    [link.workspace_id, link.period_from, link.period_to],
  );
  const ids = posts.map((p) => p.id);
  const previews = await loadPreviews(ctx.db, link.workspace_id, posts, { urlFor: (mediaId) => mediaUrl(ctx.config.publicUrl, ctx.secrets, mediaId, 3600), outsider: true });
  const reviews = ids.length ? await ctx.db.query<{ post_id: string; reviewer_name: string; decision: 'approved' | 'rejected'; comment: string | null; created_at: Date; revision: number }>(`SELECT post_id, reviewer_name, decision, comment, created_at, revision FROM post_reviews WHERE post_id = ANY($1::uuid[]) ORDER BY created_at`, [ids]) : [];
  const out = [];
  for (const p of posts) {
    out.push({
      id: p.id, status: p.status, approvalStatus: p.approval_status, scheduledAt: p.scheduled_at,
      text: p.content.text, link: p.content.link, media: previews.media(p), targets: previews.targets(p),
      reviews: reviews.filter((r) => r.post_id === p.id && r.revision === p.revision).map((r) => ({ name: r.reviewer_name, decision: r.decision, comment: r.comment, at: r.created_at })),
      comments: (await listComments(ctx.db, link.workspace_id, p.id)).map((c) => ({ name: c.authorName, body: c.body, at: c.createdAt })),
    });
  }
  return { workspace: link.workspace_name, name: link.name, from: link.period_from, to: link.period_to, expiresAt: link.expires_at, posts: out };
}

/** A post the link may act on: in its workspace and its period. */
export async function assertPostInLink(ctx: AppContext, link: ReviewLinkRow, postId: string) {
  const [p] = await ctx.db.query(`SELECT 1 FROM posts WHERE id = $1 AND workspace_id = $2 AND scheduled_at >= $3 AND scheduled_at < $4`, [postId, link.workspace_id, link.period_from, link.period_to]);
  if (!p) throw new AppError('not_found', 'Post not found in this review');
}
