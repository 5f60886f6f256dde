/**
 * Who is calling: a session cookie (browsers) or `Authorization: Bearer vrd_…` (API tokens).
 * State-changing requests authenticated by cookie must come from our own origin (CSRF).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../app/errors.js';
import type { AppContext } from '../app/context.js';
import * as auth from '../auth/auth.service.js';
import type { Principal, WorkspaceAccess } from '../auth/auth.service.js';

export const SESSION_COOKIE = 'varde_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin ?? req.headers.referer;
  if (!origin) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function registerAuth(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new AppError('unauthorized', 'Authorization header must be "Bearer <token>"');
      req.principal = await auth.principalFromApiToken(ctx.db, m[1]);
      if (!req.principal) throw new AppError('unauthorized', 'This API token is unknown or revoked');
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return;
    req.principal = await auth.principalFromSession(ctx.db, cookie);
    if (req.principal && !SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
      throw new AppError('forbidden', 'Cross-site request refused: send it from the Varde web app, or use an API token');
    }
  });
}

export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthorized', 'Log in, or send an API token as "Authorization: Bearer <token>"');
  return req.principal;
}

/** The caller's access to the workspace in the URL, checked for `action`. */
export async function workspaceAccess(ctx: AppContext, req: FastifyRequest, workspaceId: string, action: 'read' | 'write' | 'publish' | 'admin'): Promise<WorkspaceAccess> {
  const access = await auth.accessWorkspace(ctx.db, requirePrincipal(req), workspaceId);
  auth.requireScope(access, action);
  return access;
}
