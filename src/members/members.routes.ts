/** Members, invitations, ownership and the workspace's settings (approval policy). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { startSession } from '../auth/auth.service.js';
import { SESSION_COOKIE, workspaceAccess } from '../server/auth.plugin.js';
import { WorkspaceParams } from '../server/schemas.js';
import { getWorkspaceSettings, saveWorkspaceSettings, WorkspaceSettings } from '../workspaces/workspace-settings.js';
import * as repo from './members.repository.js';
import { InvitationInfo, InvitationList, Joined, Member, MemberList, NewInvitation, OwnershipAnswer } from './members.schemas.js';
import * as service from './members.service.js';

const AssignableRole = z.enum(['admin', 'editor', 'contributor', 'viewer']);
const UserParams = WorkspaceParams.extend({ userId: z.uuid() });

export function membersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ws = '/api/v1/workspaces/:workspaceId';

  r.get(`${ws}/members`, { schema: { tags: ['members'], summary: 'Members and their roles', params: WorkspaceParams, response: { 200: MemberList } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return { members: (await repo.listMembers(ctx.db, access.workspaceId)).map(service.publicMember) };
  });

  r.patch(`${ws}/members/:userId`, { schema: { tags: ['members'], summary: 'Change a member’s role', params: UserParams, body: z.object({ role: AssignableRole }), response: { 200: Member } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    return service.changeRole(ctx, access, req.params.userId, req.body.role);
  });

  r.delete(`${ws}/members/:userId`, { schema: { tags: ['members'], summary: 'Remove a member (or leave, with your own id)', params: UserParams } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    await service.removeMember(ctx, access, req.params.userId);
    return reply.status(204).send();
  });

  r.post(`${ws}/transfer-ownership`, { schema: { tags: ['members'], summary: 'Make another member the owner (you become an admin)', params: WorkspaceParams, body: z.object({ userId: z.uuid() }), response: { 200: OwnershipAnswer } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    return service.transferOwnership(ctx, access, req.body.userId);
  });

  r.get(`${ws}/invitations`, { schema: { tags: ['members'], summary: 'Pending invitations', params: WorkspaceParams, response: { 200: InvitationList } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    return { invitations: (await repo.listInvitations(ctx.db, access.workspaceId)).map(service.publicInvitation) };
  });

  r.post(`${ws}/invitations`, {
    schema: { tags: ['members'], summary: 'Invite by link (and by e-mail when an address is given); the link is shown once', params: WorkspaceParams, body: z.object({ email: z.string().trim().email().max(320).optional(), role: AssignableRole, expiresInDays: z.number().int().min(1).max(30).optional() }), response: { 201: NewInvitation } },
  }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    return reply.status(201).send(await service.invite(ctx, access, req.body));
  });

  r.delete(`${ws}/invitations/:id`, { schema: { tags: ['members'], summary: 'Revoke an invitation', params: WorkspaceParams.extend({ id: z.uuid() }) } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    if (!(await repo.revokeInvitation(ctx.db, access.workspaceId, req.params.id))) throw new AppError('not_found', 'Invitation not found');
    return reply.status(204).send();
  });

  r.get('/api/v1/invitations/:token', { schema: { tags: ['members'], summary: 'What an invitation is for (no log-in needed)', params: z.object({ token: z.string().max(200) }), response: { 200: InvitationInfo } } }, async (req) => service.showInvitation(ctx, req.params.token));

  r.post('/api/v1/invitations/:token/accept', {
    schema: {
      tags: ['members'], summary: 'Accept an invitation: logged in, or creating your account with it',
      params: z.object({ token: z.string().max(200) }),
      body: z.object({ email: z.string().trim().email().max(320), password: z.string().min(10, 'must be at least 10 characters').max(1000), name: z.string().trim().min(1).max(200) }).partial().default({}),
      response: { 201: Joined },
    },
  }, async (req, reply) => {
    const b = req.body;
    const signup = b.email && b.password && b.name ? { email: b.email, password: b.password, name: b.name } : undefined;
    const joined = await service.acceptInvitation(ctx, req.params.token, req.principal, signup);
    if (!req.principal) {
      const session = await startSession(ctx.db, joined.userId, { userAgent: req.headers['user-agent'], ip: req.ip });
      reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, expires: session.expiresAt });
    }
    return reply.status(201).send(joined);
  });

  r.get(`${ws}/settings`, { schema: { tags: ['workspaces'], summary: 'Workspace settings (approval policy)', params: WorkspaceParams, response: { 200: WorkspaceSettings } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    return getWorkspaceSettings(ctx.db, access.workspaceId);
  });

  r.put(`${ws}/settings`, { schema: { tags: ['workspaces'], summary: 'Change workspace settings', params: WorkspaceParams, body: WorkspaceSettings, response: { 200: WorkspaceSettings } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    return saveWorkspaceSettings(ctx.db, access.workspaceId, req.body);
  });
}
