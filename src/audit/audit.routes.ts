/** The audit log of a workspace: filter, and export as JSON or CSV. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { Instant, WorkspaceParams } from '../server/schemas.js';
import { listAudit } from './audit.repository.js';

const Query = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actorUserId: z.uuid().optional(),
  action: z.string().max(200).optional().describe('Part of the action, e.g. "posts" or "DELETE"'),
  subjectId: z.string().max(200).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

const AuditEntry = z.object({
  id: z.string(),
  at: Instant,
  actorKind: z.enum(['session', 'token', 'review_link', 'system', 'anonymous']),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  tokenId: z.string().nullable().describe('The API token used, if any'),
  sessionId: z.string().nullable().describe('The log-in session used, if any'),
  action: z.string(),
  summary: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  status: z.number().int().nullable().describe('The HTTP status of the request'),
  ip: z.string().nullable(),
});
/** JSON (the default), or the same rows as CSV with `format=csv` (a download; the columns below). */
const AuditAnswer = {
  content: {
    'application/json': { schema: z.object({ entries: z.array(AuditEntry) }) },
    'text/csv': { schema: z.string().describe('One header line, then one line per entry') },
  },
};

const COLUMNS = ['at', 'actorKind', 'actorEmail', 'actorUserId', 'tokenId', 'sessionId', 'action', 'summary', 'subjectType', 'subjectId', 'status', 'ip'] as const;

export function toCsv(rows: Record<string, unknown>[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
    // Quote, and neutralise spreadsheet formulas.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/workspaces/:workspaceId/audit', { schema: { tags: ['audit'], summary: 'Who changed what, when, through which session or token (JSON or CSV)', params: WorkspaceParams, querystring: Query, response: { 200: AuditAnswer } } }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'admin');
    const rows = await listAudit(ctx.db, access.workspaceId, req.query);
    if (req.query.format === 'csv') {
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="varde-audit-${access.workspaceId}.csv"`).send(toCsv(rows));
    }
    return reply.type('application/json').send({ entries: rows });
  });
}
