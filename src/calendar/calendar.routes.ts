/**
 * GET …/calendar: every post scheduled in a time range, lean (an excerpt, the status, each
 * delivery's channel and state), for the calendar views. Up to 20,000 posts in one answer — a
 * month of a busy workspace without paging; `truncated` says when there were more. A month grid
 * asks for the first few posts of each day and every day's count instead (`perDay`, `timeZone`). The answer is
 * the JSON the database built (see the repository), sent as is; the schema documents it.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { workspaceAccess } from '../server/auth.plugin.js';
import { WorkspaceParams } from '../server/schemas.js';
import { IANAZone } from 'luxon';
import { calendarDaysJson, calendarPostsJson } from './calendar.repository.js';
import { DELIVERY_STATES, POST_STATUSES } from '../posts/posts.schemas.js';

export const CALENDAR_MAX_POSTS = 20_000;
const gzip = promisify(zlib.gzip);
const MAX_RANGE_DAYS = 100;

const CalendarQuery = z.object({
  from: z.iso.datetime({ offset: true }).describe('Scheduled at or after'),
  to: z.iso.datetime({ offset: true }).describe('Scheduled before'),
  status: z.enum(POST_STATUSES).optional(),
  channelId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  perDay: z.coerce.number().int().min(1).max(50).optional()
    .describe('Only the first N posts of each day (a month grid), with every day\'s count in `days`; needs `timeZone`'),
  timeZone: z.string().max(64).optional().describe('IANA time zone that days are counted in, e.g. Europe/Oslo'),
});

const CalendarPost = z.object({
  id: z.string(),
  status: z.enum(POST_STATUSES),
  scheduledAt: z.string().describe('ISO-8601, UTC'),
  campaignId: z.string().nullable(),
  text: z.string().describe('The first 140 characters of the base text'),
  mediaCount: z.number().int(),
  deliveries: z.array(z.object({ channelId: z.string(), state: z.enum(DELIVERY_STATES) })),
});

export const CalendarAnswer = z.object({
  posts: z.array(CalendarPost),
  truncated: z.boolean(),
  days: z.array(z.object({ day: z.string().describe('YYYY-MM-DD in `timeZone`'), count: z.number().int() })).optional()
    .describe('With `perDay`: how many posts each day holds (days without posts left out)'),
});

export function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/workspaces/:workspaceId/calendar', {
    schema: { tags: ['posts'], summary: 'Posts scheduled in a time range, lean, for calendars', params: WorkspaceParams, querystring: CalendarQuery, response: { 200: CalendarAnswer } },
  }, async (req, reply) => {
    const access = await workspaceAccess(ctx, req, req.params.workspaceId, 'read');
    const { from, to } = req.query;
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (!(days > 0) || days > MAX_RANGE_DAYS) throw new AppError('bad_request', `"to" must be after "from", at most ${MAX_RANGE_DAYS} days later`);
    const { perDay, timeZone, ...filters } = req.query;
    let body: string;
    if (perDay !== undefined) {
      if (!timeZone || !IANAZone.isValidZone(timeZone)) throw new AppError('bad_request', '"perDay" needs "timeZone", an IANA time zone such as Europe/Oslo');
      const { posts, days: counts } = await calendarDaysJson(ctx.db, access.workspaceId, { ...filters, perDay, timeZone });
      body = `{"posts":${posts},"truncated":false,"days":${counts}}`;
    } else {
      const { json, count } = await calendarPostsJson(ctx.db, access.workspaceId, { ...filters, limit: CALENDAR_MAX_POSTS });
      body = `{"posts":${json},"truncated":${count > CALENDAR_MAX_POSTS}}`;
    }
    // Already JSON in the documented shape (checked by calendar.routes.test.ts): sent without
    // re-serialising, and gzipped (quickly, off the event loop) since a busy month is megabytes.
    reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.send(body as never);
    return reply.header('content-encoding', 'gzip').send((await gzip(body, { level: 1 })) as never);
  });
}
