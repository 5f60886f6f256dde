/**
 * Keeping network logins alive: renew an access token before it expires (a periodic task in every
 * worker; rows claimed with SKIP LOCKED so each channel is renewed by one worker), and once right
 * after a network says the token expired. A token that cannot be renewed marks the channel
 * `needs_reconnect` and notifies — it never fails silently at publish time.
 */
import type { AppContext } from '../app/context.js';
import type { Queryable } from '../db/client.js';
import { notify } from '../notifications/notifications.repository.js';
import type { Credentials } from '../providers/contract.js';
import { ProviderError } from '../providers/provider-error.js';
import { updateChannel, type ChannelRow } from './channels.repository.js';

/** How long before expiry a token is renewed. */
export const REFRESH_AHEAD_MINUTES = 10;

export async function markNeedsReconnect(db: Queryable, channel: ChannelRow, reason: string) {
  channel.status = 'needs_reconnect';
  await updateChannel(db, channel.workspace_id, channel.id, { status: 'needs_reconnect', statusReason: reason });
  await notify(db, { workspaceId: channel.workspace_id, kind: 'channel.needs_reconnect', subjectId: channel.id, message: `Reconnect ${channel.network} channel "${channel.name}": ${reason}` });
}

/**
 * Renews the channel's credentials through its provider and stores them (encrypted). Returns the new
 * credentials, or null when the provider cannot renew (the channel is then marked needs_reconnect,
 * unless the failure was only transient).
 */
export async function refreshChannelCredentials(ctx: AppContext, channel: ChannelRow, db: Queryable = ctx.db): Promise<Credentials | null> {
  const provider = ctx.providers.get(channel.network);
  if (!provider.refreshCredentials) return null;
  try {
    const next = await provider.refreshCredentials(ctx.http, ctx.providers.appFor(channel.network), ctx.secrets.decrypt<Credentials>(channel.credentials), channel.settings);
    const sealed = ctx.secrets.encrypt(next.credentials);
    channel.credentials = sealed;
    await updateChannel(db, channel.workspace_id, channel.id, { credentials: sealed, tokenExpiresAt: next.expiresAt ?? null });
    return next.credentials;
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

/** One round of the periodic task: renew tokens expiring soon. Returns how many were renewed. */
export async function refreshExpiringTokens(ctx: AppContext, limit = 20): Promise<number> {
  let renewed = 0;
  await ctx.db.transaction(async (tx) => {
    const due = await tx.query<ChannelRow>(
      `SELECT * FROM channels WHERE status = 'active' AND token_expires_at IS NOT NULL
         AND token_expires_at < now() + make_interval(mins => $1)
       ORDER BY token_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [REFRESH_AHEAD_MINUTES, limit],
    );
    for (const channel of due) {
      if (await refreshChannelCredentials(ctx, channel, tx)) renewed += 1;
      else if (channel.token_expires_at) {
        // Back off: try again in a few minutes rather than on every round.
        await tx.query(`UPDATE channels SET token_expires_at = GREATEST(token_expires_at, now() - make_interval(mins => $2) + interval '5 minutes') WHERE id = $1 AND status = 'active'`, [channel.id, REFRESH_AHEAD_MINUTES]);
      }
    }
  });
  return renewed;
}
