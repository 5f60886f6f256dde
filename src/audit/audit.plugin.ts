/**
 * Records every change made through the API — every successful POST, PUT, PATCH and DELETE, on
 * every route, present and future — with who made it (user, session or API token), from which
 * address, what (the route and its summary) and on what (the ids in the URL or the created
 * object's id). Nothing secret is stored: no bodies, only ids.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.js';
import { insertAudit } from './audit.repository.js';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Requests that change nothing although they are POSTs. */
const NOT_CHANGES = [/\/posts\/check$/, /\/link-preview$/, /^\/api\/v1\/webhooks\//, /\/inbox\/rules\/dry-run$/, /\/saved-replies\/:id\/render$/];

declare module 'fastify' {
  interface FastifyReply {
    auditCreatedId?: string;
    /** Set by routes outside /workspaces/:id that act on a workspace (client review links). */
    auditWorkspaceId?: string;
  }
}

function subjectOf(req: FastifyRequest, reply: FastifyReply): { type: string | null; id: string | null } {
  const params = (req.params ?? {}) as Record<string, string>;
  const route = req.routeOptions.url ?? '';
  const segments = route.split('/').filter(Boolean);
  const named = Object.entries(params).filter(([k]) => k !== 'workspaceId');
  const last = named[named.length - 1];
  if (last) {
    const i = segments.indexOf(`:${last[0]}`);
    return { type: i > 0 ? segments[i - 1] : last[0], id: last[1] };
  }
  return { type: segments[segments.length - 1] ?? null, id: reply.auditCreatedId ?? null };
}

export function registerAudit(app: FastifyInstance, ctx: AppContext) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (!CHANGES.has(req.method) || reply.statusCode >= 300 || typeof payload !== 'string' || payload.length > 200_000) return payload;
    try {
      const body = JSON.parse(payload);
      const id = body?.id ?? body?.user?.id ?? body?.channels?.[0]?.id;
      if (typeof id === 'string') reply.auditCreatedId = id;
    } catch {
      /* not JSON */
    }
    return payload;
  });

  app.addHook('onResponse', async (req, reply) => {
    if (!CHANGES.has(req.method) || reply.statusCode >= 300 || !req.url.startsWith('/api/')) return;
    if (NOT_CHANGES.some((re) => re.test(req.routeOptions.url ?? ''))) return;
    const p = req.principal;
    const params = (req.params ?? {}) as Record<string, string>;
    const subject = subjectOf(req, reply);
    const route = req.routeOptions.url ?? req.url.split('?')[0];
    const summary = (req.routeOptions.schema as { summary?: string } | undefined)?.summary ?? `${req.method} ${route}`;
    try {
      await insertAudit(ctx.db, {
        workspaceId: params.workspaceId ?? p?.tokenWorkspaceId ?? reply.auditWorkspaceId ?? null,
        actorUserId: p?.userId ?? (route.startsWith('/api/v1/auth/') ? (reply.auditCreatedId ?? null) : null),
        actorKind: p ? p.via : route.startsWith('/api/v1/review/') ? 'review_link' : 'anonymous',
        actorTokenId: p?.tokenId ?? null,
        actorSessionId: p?.sessionId ?? null,
        action: `${req.method} ${route}`,
        summary,
        subjectType: subject.type,
        subjectId: subject.id,
        status: reply.statusCode,
        ip: req.ip,
      });
    } catch (err) {
      req.log.error({ err }, 'could not write the audit log');
    }
  });
}
