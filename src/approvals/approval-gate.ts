/**
 * The gate between writing a post and publishing it: whether this author's post must be approved
 * first (the workspace's policy), and who is asked. A post awaiting approval has its deliveries in
 * `awaiting_approval`, which the worker never claims.
 */
import { AppError } from '../app/errors.js';
import { requireScope, type WorkspaceAccess } from '../auth/auth.service.js';
import type { Queryable } from '../db/client.js';
import { notify } from '../notifications/notifications.repository.js';
import { getWorkspaceSettings, needsApproval } from '../workspaces/workspace-settings.js';

/**
 * For a post about to be scheduled or published: true when it must wait for approval. Throws 403
 * when the author may neither publish nor submit for approval.
 */
export async function mustBeApproved(db: Queryable, access: WorkspaceAccess, mode: 'draft' | 'at' | 'queue' | 'now'): Promise<boolean> {
  if (mode === 'draft') return false;
  const settings = await getWorkspaceSettings(db, access.workspaceId);
  if (needsApproval(settings, access.role)) return true;
  try {
    requireScope(access, 'publish');
  } catch (err) {
    if (access.role === 'contributor') throw new AppError('forbidden', 'Contributors cannot publish: save a draft, or ask an admin to turn on approvals for contributors');
    throw err;
  }
  return false;
}

/** Members who may approve a post: they can publish, and they did not write it. */
export async function approverIds(db: Queryable, workspaceId: string, authorId: string | null): Promise<string[]> {
  const rows = await db.query<{ user_id: string }>(
    `SELECT user_id FROM memberships WHERE workspace_id = $1 AND role IN ('owner', 'admin', 'editor') AND ($2::uuid IS NULL OR user_id <> $2)`,
    [workspaceId, authorId],
  );
  return rows.map((r) => r.user_id);
}

/** Marks the post pending (a new revision resets earlier approvals) and asks the approvers. */
export async function requestApproval(db: Queryable, workspaceId: string, postId: string, authorId: string | null, preview: string) {
  await db.query(`UPDATE posts SET approval_status = 'pending' WHERE id = $1`, [postId]);
  await notify(db, {
    workspaceId, kind: 'approval.requested', subjectId: postId, userIds: await approverIds(db, workspaceId, authorId),
    message: `A post waits for your approval: “${preview.length > 80 ? `${preview.slice(0, 79)}…` : preview}”`, detail: { postId },
  });
}
