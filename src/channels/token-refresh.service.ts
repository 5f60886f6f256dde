/**
 * Keeping network logins alive: renew an access token before it expires (a periodic task in every
 * worker), and once right after a network says the token expired — each time once per channel,
 * however many callers and workers meet the expiry together. A token that cannot be renewed marks
 * the channel `needs_reconnect` and notifies — it never fails silently at publish time.
 */
import type { AppContext } from '../app/context.js';
import type { Queryable } from '../db/client.js';
import { notify } from '../notifications/notifications.repository.js';
import type { Credentials, ProviderContext } from '../providers/contract.js';
import { ProviderError } from '../providers/provider-error.js';
import { updateChannel, type ChannelRow } from './channels.repository.js';

/** How long before expiry a token is renewed. */
export const REFRESH_AHEAD_MINUTES = 10;

export async function markNeedsReconnect(db: Queryable, channel: ChannelRow, reason: string) {
  channel.status = 'needs_reconnect';
  await updateChannel(db, channel.workspace_id, channel.id, { status: 'needs_reconnect', statusReason: reason });
  await notify(db, { workspaceId: channel.workspace_id, kind: 'channel.needs_reconnect', subjectId: channel.id, message: `Reconnect ${channel.network} channel "${channel.name}": ${reason}` });
}

/** Renewals under way in this process, per channel: callers that meet an expired token together share one. */
interface Renewed {
  credentials: Credentials;
  /** As stored (encrypted): the caller's row takes exactly this, so later comparisons hold. */
  sealed: string;
}

const renewing = new WeakMap<AppContext, Map<string, Promise<Renewed | null>>>();

function once(ctx: AppContext, channelId: string, renew: () => Promise<Renewed | null>): Promise<Renewed | null> {
  let running = renewing.get(ctx);
  if (!running) renewing.set(ctx, (running = new Map()));
  const current = running.get(channelId);
  if (current) return current;
  const flight = renew().finally(() => running.delete(channelId));
  running.set(channelId, flight);
  return flight;
}

/**
 * Renews the channel's credentials through its provider and stores them (encrypted). Returns the new
 * credentials, or null when the provider cannot renew (the channel is then marked needs_reconnect,
 * unless the failure was only transient).
 *
 * Renewed once however many callers meet the expired token at the same moment (a publish, an inbox
 * check, the periodic task, in one process or several): networks that rotate refresh tokens (X,
 * TikTok…) accept each one only once, so a second renewal with the same token would be refused and
 * the channel wrongly marked for reconnecting. Callers in one process share one renewal; across
 * processes the channel's row is locked, and a caller whose row is older than the stored one takes
 * the credentials another worker has just stored instead of renewing again. Never call it inside a
 * transaction: a caller sharing a renewal while holding locks could wait on itself.
 */
export async function refreshChannelCredentials(ctx: AppContext, channel: ChannelRow): Promise<Credentials | null> {
  const fresh = await once(ctx, channel.id, async () => {
    const locked = async (tx: Queryable) => {
      const [stored] = await tx.query<ChannelRow>(`SELECT * FROM channels WHERE id = $1${ctx.db.kind === 'postgres' ? ' FOR UPDATE' : ''}`, [channel.id]);
      if (!stored || stored.status !== 'active') return null;
      if (stored.credentials !== channel.credentials) return { credentials: ctx.secrets.decrypt<Credentials>(stored.credentials), sealed: stored.credentials }; // renewed meanwhile
      return renew(ctx, channel, tx);
    };
    // PGlite is one process (the map above is enough) and its transactions hold the whole engine:
    // no transaction around a network call there.
    return ctx.db.kind === 'postgres' ? ctx.db.transaction(locked) : locked(ctx.db);
  });
  if (!fresh) return null;
  channel.credentials = fresh.sealed;
  return fresh.credentials;
}

/**
 * Calls the network on the channel's behalf; when it says the token expired, renews and calls
 * again (an auth refusal means nothing was done, so the call is safe to repeat). Up to two
 * renewals: the first may only hand over what another caller had stored, which can have expired
 * since; the second then renews from those.
 */
export async function callRenewing<T>(ctx: AppContext, channel: ChannelRow, pctx: Pick<ProviderContext, 'credentials'>, call: () => Promise<T>): Promise<T> {
  for (let renewals = 0; ; renewals += 1) {
    try {
      return await call();
    } catch (err) {
      const expired = err instanceof ProviderError && err.kind === 'auth_expired' && ctx.providers.get(channel.network).refreshCredentials;
      if (!expired || renewals === 2) throw err;
      const fresh = await refreshChannelCredentials(ctx, channel);
      if (!fresh) throw err;
      pctx.credentials = fresh;
    }
  }
}

async function renew(ctx: AppContext, channel: ChannelRow, db: Queryable): Promise<Renewed | null> {
  const provider = ctx.providers.get(channel.network);
  if (!provider.refreshCredentials) return null;
  try {
    const next = await provider.refreshCredentials(ctx.http, ctx.providers.appFor(channel.network), ctx.secrets.decrypt<Credentials>(channel.credentials), channel.settings);
    const sealed = ctx.secrets.encrypt(next.credentials);
    await updateChannel(db, channel.workspace_id, channel.id, { credentials: sealed, tokenExpiresAt: next.expiresAt ?? null });
    return { credentials: next.credentials, sealed };
  } catch (err) {
    const pe = err instanceof ProviderError ? err : null;
    if (pe && (pe.kind === 'transient' || pe.kind === 'rate_limited')) {
      ctx.logger.warn({ channelId: channel.id, kind: pe.kind }, 'token refresh failed for now; will try again');
      return null;
    }
    await markNeedsReconnect(db, channel, pe?.networkMessage ?? pe?.message ?? 'the login could not be renewed');
    return null;
  }
}

/**
 * One round of the periodic task: renew tokens expiring soon. Returns how many were renewed. Workers
 * running it at the same moment renew each channel once (see refreshChannelCredentials); no
 * transaction is held across the network calls.
 */
export async function refreshExpiringTokens(ctx: AppContext, limit = 20): Promise<number> {
  let renewed = 0;
  const due = await ctx.db.query<ChannelRow>(
    `SELECT * FROM channels WHERE status = 'active' AND token_expires_at IS NOT NULL
       AND token_expires_at < now() + make_interval(mins => $1)
     ORDER BY token_expires_at LIMIT $2`,
    [REFRESH_AHEAD_MINUTES, limit],
  );
  for (const channel of due) {
    if (await refreshChannelCredentials(ctx, channel)) renewed += 1;
    else if (channel.token_expires_at) {
      // Back off: try again in a few minutes rather than on every round.
      await ctx.db.query(`UPDATE channels SET token_expires_at = GREATEST(token_expires_at, now() - make_interval(mins => $2) + interval '5 minutes') WHERE id = $1 AND status = 'active'`, [channel.id, REFRESH_AHEAD_MINUTES]);
    }
  }
  return renewed;
}
