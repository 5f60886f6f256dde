/** Workspaces: list the caller's, create another (the creator owns it), rename one. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { newId } from '../app/ids.js';
import { requirePrincipal, workspaceAccess } from '../server/auth.plugin.js';
import { WorkspaceParams } from '../server/schemas.js';
import { Workspace, WorkspaceDetail, WorkspaceList } from './workspaces.schemas.js';
import { insertWorkspace, listWorkspacesForUser, renameWorkspace } from './workspaces.repository.js';

export function workspacesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/workspaces', { schema: { tags: ['workspaces'], summary: "The caller's workspaces", response: { 200: WorkspaceList } } }, async (req) => {
    const p = requirePrincipal(req);
    const all = await listWorkspacesForUser(ctx.db, p.userId);
    return { workspaces: all.filter((w) => !p.tokenWorkspaceId || w.id === p.tokenWorkspaceId).map((w) => ({ id: w.id, name: w.name, role: w.role, createdAt: w.created_at })) };
  });

  r.post('/api/v1/workspaces', { schema: { tags: ['workspaces'], summary: 'Create a workspace', body: z.object({ name: z.string().trim().min(1).max(200) }), response: { 201: Workspace } } }, async (req, reply) => {
    const p = requirePrincipal(req);
    if (p.via === 'token') throw new AppError('forbidden', 'API tokens belong to one workspace and cannot create workspaces; log in instead');
    const workspace = { id: newId(), name: req.body.name };
    await ctx.db.transaction((tx) => insertWorkspace(tx, workspace, p.userId));
    return reply.status(201).send({ id: workspace.id, name: workspace.name, role: 'owner' as const });
  });

  r.get('/api/v1/workspaces/:workspaceId', { schema: { tags: ['workspaces'], summary: 'One workspace', params: WorkspaceParams, response: { 200: WorkspaceDetail } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    const all = await listWorkspacesForUser(ctx.db, access.principal.userId);
    const w = all.find((x) => x.id === access.workspaceId)!;
    return { id: w.id, name: w.name, role: w.role, createdAt: w.created_at };
  });

  r.patch('/api/v1/workspaces/:workspaceId', { schema: { tags: ['workspaces'], summary: 'Rename a workspace', params: WorkspaceParams, body: z.object({ name: z.string().trim().min(1).max(200) }), response: { 200: Workspace } } }, async (req) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    await renameWorkspace(ctx.db, access.workspaceId, req.body.name);
    return { id: access.workspaceId, name: req.body.name, role: access.role };
  });
}
