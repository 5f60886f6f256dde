/**
 * Members and invitations: invite by link or e-mail (expiring, single use), accept (also creating
 * the account), change a role, remove a member, transfer ownership, and the workspace's approval
 * policy.
 */
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { hashToken, newId, newToken } from '../app/ids.js';
import type { Principal, WorkspaceAccess } from '../auth/auth.service.js';
import { createUserOnly } from '../auth/auth.service.js';
import { queueEmail } from '../email/email.service.js';
import type { Role } from '../workspaces/workspaces.repository.js';
import * as repo from './members.repository.js';

export const INVITE_DAYS_DEFAULT = 7;

export function publicMember(m: repo.MemberRow) {
  return { userId: m.user_id, email: m.email, name: m.name, role: m.role, joinedAt: m.created_at };
}

export function publicInvitation(i: repo.InvitationRow) {
  return { id: i.id, email: i.email, role: i.role, createdAt: i.created_at, expiresAt: i.expires_at };
}

export async function invite(ctx: AppContext, access: WorkspaceAccess, input: { email?: string; role: Exclude<Role, 'owner'>; expiresInDays?: number }) {
  if (input.role === 'admin' && access.role !== 'owner') throw new AppError('forbidden', 'Only the owner can invite admins');
  const token = newToken('vi_');
  const id = newId();
  const expiresAt = new Date(Date.now() + (input.expiresInDays ?? INVITE_DAYS_DEFAULT) * 86400_000);
  const url = `${ctx.config.publicUrl}/invite/${token}`;
  await ctx.db.transaction(async (tx) => {
    await repo.insertInvitation(tx, { id, workspaceId: access.workspaceId, email: input.email?.toLowerCase() ?? null, role: input.role, tokenHash: hashToken(token), invitedBy: access.principal.userId, expiresAt });
    if (input.email) {
      const [w] = await tx.query<{ name: string; inviter: string }>(`SELECT w.name, u.name AS inviter FROM workspaces w, users u WHERE w.id = $1 AND u.id = $2`, [access.workspaceId, access.principal.userId]);
      await queueEmail(tx, {
        to: input.email, kind: 'invitation',
        subject: `${w.inviter} invited you to ${w.name} on Varde`,
        body: `${w.inviter} invited you to join the workspace "${w.name}" on Varde as ${input.role}.\n\nAccept the invitation (valid until ${expiresAt.toUTCString()}):\n${url}`,
      });
    }
  });
  return { id, email: input.email ?? null, role: input.role, expiresAt, url, token };
}

async function findLiveInvitation(ctx: AppContext, token: string) {
  const inv = await repo.findInvitationByHash(ctx.db, hashToken(token));
  if (!inv || inv.revoked_at) throw new AppError('not_found', 'This invitation is not valid; ask for a new one');
  if (inv.accepted_at) throw new AppError('conflict', 'This invitation has already been used');
  if (new Date(inv.expires_at) < new Date()) throw new AppError('bad_request', 'This invitation has expired; ask for a new one');
  return inv;
}

export async function showInvitation(ctx: AppContext, token: string) {
  const inv = await findLiveInvitation(ctx, token);
  return { workspaceName: inv.workspace_name, invitedBy: inv.inviter_name, role: inv.role, email: inv.email, expiresAt: inv.expires_at };
}

/** Joins the workspace as the logged-in user, or creates the account first (the invitation allows it even when sign-up is closed). */
export async function acceptInvitation(ctx: AppContext, token: string, principal: Principal | null, signup?: { email: string; password: string; name: string }) {
  const inv = await findLiveInvitation(ctx, token);
  let userId = principal?.via === 'session' ? principal.userId : null;
  if (!userId) {
    if (!signup) throw new AppError('unauthorized', 'Log in to accept, or send email, password and name to create your account');
    if (inv.email && inv.email !== signup.email.toLowerCase()) throw new AppError('forbidden', `This invitation is for ${inv.email}`);
    userId = (await createUserOnly(ctx.db, signup)).id;
  } else if (inv.email) {
    const [u] = await ctx.db.query<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [userId]);
    if (u.email !== inv.email) throw new AppError('forbidden', `This invitation is for ${inv.email}; log in with that account`);
  }
  const uid = userId;
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.claimInvitation(tx, inv.id, uid))) throw new AppError('conflict', 'This invitation has already been used');
    if (await repo.findMember(tx, inv.workspace_id, uid)) throw new AppError('conflict', 'You are already a member of this workspace');
    await repo.addMember(tx, inv.workspace_id, uid, inv.role);
  });
  return { workspaceId: inv.workspace_id, role: inv.role, userId: uid };
}

export async function changeRole(ctx: AppContext, access: WorkspaceAccess, userId: string, role: Exclude<Role, 'owner'>) {
  const m = await repo.findMember(ctx.db, access.workspaceId, userId);
  if (!m) throw new AppError('not_found', 'Member not found');
  if (m.role === 'owner') throw new AppError('conflict', 'The owner’s role changes only by transferring ownership');
  if ((role === 'admin' || m.role === 'admin') && access.role !== 'owner') throw new AppError('forbidden', 'Only the owner can make or unmake admins');
  await repo.setRole(ctx.db, access.workspaceId, userId, role);
  return publicMember({ ...m, role });
}

export async function removeMember(ctx: AppContext, access: WorkspaceAccess, userId: string) {
  const m = await repo.findMember(ctx.db, access.workspaceId, userId);
  if (!m) throw new AppError('not_found', 'Member not found');
  const self = userId === access.principal.userId;
  if (m.role === 'owner') throw new AppError('conflict', 'The owner cannot be removed; transfer ownership first');
  if (!self && !['owner', 'admin'].includes(access.role)) throw new AppError('forbidden', 'Only owners and admins can remove members');
  if (!self && m.role === 'admin' && access.role !== 'owner') throw new AppError('forbidden', 'Only the owner can remove an admin');
  await ctx.db.transaction((tx) => repo.removeMember(tx, access.workspaceId, userId));
}

export async function transferOwnership(ctx: AppContext, access: WorkspaceAccess, userId: string) {
  if (access.role !== 'owner') throw new AppError('forbidden', 'Only the owner can transfer ownership');
  if (userId === access.principal.userId) throw new AppError('bad_request', 'You already own this workspace');
  const m = await repo.findMember(ctx.db, access.workspaceId, userId);
  if (!m) throw new AppError('not_found', 'Member not found');
  await ctx.db.transaction(async (tx) => {
    await repo.setRole(tx, access.workspaceId, userId, 'owner');
    await repo.setRole(tx, access.workspaceId, access.principal.userId, 'admin');
  });
  return { owner: userId };
}
