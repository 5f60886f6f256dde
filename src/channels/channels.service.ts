/**
 * Channels: connect an account (the provider checks the input and logs in), its posting schedule,
 * and the queue of upcoming slots. Credentials are encrypted before they reach the database and
 * never leave the server.
 */
import { AppError } from '../app/errors.js';
import type { AppContext } from '../app/context.js';
import type { Queryable } from '../db/client.js';
import { newId } from '../app/ids.js';
import { isValidTimeZone, nextFreeSlots, validateSchedule, type WeeklySlot } from '../core/schedule.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import { ProviderError } from '../providers/provider-error.js';
import * as repo from './channels.repository.js';
import type { ChannelRow } from './channels.repository.js';

export function publicChannel(ctx: AppContext, c: ChannelRow) {
  const provider = ctx.providers.has(c.network) ? ctx.providers.get(c.network) : undefined;
  return {
    id: c.id, network: c.network, name: c.name, handle: c.handle, externalId: c.external_id, profileUrl: c.profile_url,
    status: c.status, statusReason: c.status_reason,
    settings: provider?.describeSettings ? provider.describeSettings(c.settings) : {},
    schedule: { timezone: c.timezone, slots: c.slots },
    createdAt: c.created_at, updatedAt: c.updated_at,
  };
}

export async function connectChannel(ctx: AppContext, access: WorkspaceAccess, input: { network: string; name?: string; timezone?: string; [k: string]: unknown }) {
  const provider = ctx.providers.get(input.network);
  const timezone = input.timezone ?? 'UTC';
  if (!isValidTimeZone(timezone)) throw new AppError('bad_request', `Unknown time zone "${timezone}"; use an IANA name such as Europe/Oslo`);
  const connected = await connectWithProvider(ctx, input.network, input);
  const row = await repo.insertChannel(ctx.db, {
    id: newId(), workspace_id: access.workspaceId, network: provider.network,
    name: input.name ?? connected.account.name, external_id: connected.account.externalId, handle: connected.account.handle,
    profile_url: connected.account.profileUrl ?? null, credentials: ctx.secrets.encrypt(connected.credentials),
    settings: connected.settings ?? {}, timezone,
  });
  return { ...publicChannel(ctx, row), ...generatedSecret(input, connected.credentials) };
}

/**
 * A webhook signing secret the server generated (none was given) is shown once, in the answer to
 * connect or reconnect, like an API token: the receiver cannot verify signatures without it.
 * Secrets the user typed are never echoed.
 */
export function generatedSecret(input: { network: string; [k: string]: unknown }, credentials: Record<string, unknown>): { secret?: string } {
  const given = typeof input.secret === 'string' && input.secret !== '';
  return input.network === 'webhook' && !given && typeof credentials.secret === 'string' ? { secret: credentials.secret } : {};
}

/** Runs a provider's form connect, turning its failures into clear 4xx/5xx answers. */
export async function connectWithProvider(ctx: AppContext, network: string, input: Record<string, unknown>) {
  const provider = ctx.providers.get(network);
  if (!provider.connect) throw new AppError('bad_request', `${network} is connected by logging in at the network: POST …/channels/oauth/${network}/start`);
  const missing = ctx.providers.missingSettings(network);
  if (missing.length) throw new AppError('unavailable', `${network} is not set up on this server: the operator must set ${missing.join(', ')} (see docs/networks/${network}.md)`, { details: { missingSettings: missing } });
  try {
    return await provider.connect(input, ctx.http, ctx.providers.appFor(network));
  } catch (err) {
    if (err instanceof ProviderError) {
      const status = err.kind === 'rejected' || err.kind === 'auth_expired' ? 'validation_failed' : 'unavailable';
      throw new AppError(status, err.message, { details: { kind: err.kind, networkMessage: err.networkMessage } });
    }
    throw err;
  }
}

export async function getChannel(ctx: AppContext, workspaceId: string, id: string) {
  const c = await repo.findChannel(ctx.db, workspaceId, id);
  if (!c) throw new AppError('not_found', 'Channel not found');
  return c;
}

export async function setSchedule(ctx: AppContext, workspaceId: string, id: string, schedule: { timezone: string; slots: WeeklySlot[] }) {
  const problems = validateSchedule(schedule);
  if (problems.length) throw new AppError('bad_request', `Invalid schedule: ${problems.join('; ')}`, { details: problems });
  const sorted = [...schedule.slots].sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
  const row = await repo.updateChannel(ctx.db, workspaceId, id, { timezone: schedule.timezone, slots: sorted });
  if (!row) throw new AppError('not_found', 'Channel not found');
  return publicChannel(ctx, row);
}

/** Instants already taken in a channel's queue (future deliveries that are not cancelled). */
export async function takenSlots(db: Queryable, channelId: string, after: Date): Promise<Date[]> {
  const rows = await db.query<{ due_at: Date }>(
    `SELECT due_at FROM deliveries WHERE channel_id = $1 AND due_at > $2 AND state IN ('scheduled', 'queued', 'publishing', 'published')`,
    [channelId, after],
  );
  return rows.map((r) => new Date(r.due_at));
}

/** The next `count` free slots of a channel's schedule after `after`. */
export async function nextSlots(db: Queryable, channel: ChannelRow, after: Date, count: number): Promise<Date[]> {
  if (channel.slots.length === 0) {
    throw new AppError('validation_failed', `Channel "${channel.name}" has no posting schedule; add time slots before queueing posts to it`);
  }
  const taken = await takenSlots(db, channel.id, after);
  return nextFreeSlots({ timezone: channel.timezone, slots: channel.slots }, { after, taken, count });
}
