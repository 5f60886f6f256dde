/**
 * OAuth 2.0 connect: start (state, PKCE), the network's callback (state checked, code exchanged
 * once), and — when one login gives several accounts (Facebook pages, LinkedIn organisations,
 * Pinterest boards, YouTube channels) — the user's pick. Tokens are encrypted before storage.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../app/context.js';
import { AppError } from '../app/errors.js';
import { newId } from '../app/ids.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import type { ConnectCandidate, NetworkAppStore } from '../providers/contract.js';
import { ProviderError } from '../providers/provider-error.js';
import * as repo from './channels.repository.js';
import { publicChannel } from './channels.service.js';

const STATE_TTL_MINUTES = 15;

interface PendingSecret {
  codeVerifier?: string;
  instance?: string;
  reconnectChannelId?: string;
  candidates?: ConnectCandidate[];
}

interface StateRow {
  state: string;
  workspace_id: string;
  user_id: string;
  network: string;
  secret: string;
  status: 'pending' | 'awaiting_pick' | 'done' | 'failed';
  return_to: string | null;
  error: string | null;
}

/** Per-instance app registrations (Mastodon), encrypted in the database. */
export function networkAppStore(ctx: AppContext, network: string): NetworkAppStore {
  return {
    async get(instance) {
      const rows = await ctx.db.query<{ credentials: string }>(`SELECT credentials FROM network_apps WHERE network = $1 AND instance = $2`, [network, instance]);
      return rows[0] ? ctx.secrets.decrypt<Record<string, string>>(rows[0].credentials) : null;
    },
    async put(instance, credentials) {
      await ctx.db.query(
        `INSERT INTO network_apps (network, instance, credentials) VALUES ($1, $2, $3) ON CONFLICT (network, instance) DO UPDATE SET credentials = EXCLUDED.credentials`,
        [network, instance, ctx.secrets.encrypt(credentials)],
      );
    },
  };
}

function providerFailure(err: unknown, network: string): never {
  if (err instanceof ProviderError) {
    throw new AppError(err.kind === 'rejected' || err.kind === 'auth_expired' ? 'validation_failed' : 'unavailable', `${network}: ${err.networkMessage ?? err.message}`, { details: { kind: err.kind } });
  }
  throw err;
}

/** A path inside this app only: no open redirects. */
function safeReturnTo(value: string | undefined): string | null {
  if (!value) return null;
  return /^\/(?!\/)[\w\-./?=&%]*$/.test(value) ? value : null;
}

export async function startOAuth(ctx: AppContext, access: WorkspaceAccess, network: string, input: { instance?: string; returnTo?: string; reconnectChannelId?: string }) {
  const provider = ctx.providers.get(network);
  if (!provider.oauth) throw new AppError('bad_request', `${network} is not connected through OAuth; use POST …/channels with its fields`);
  const missing = ctx.providers.missingSettings(network);
  if (missing.length) throw new AppError('unavailable', `${network} is not set up on this server: the operator must set ${missing.join(', ')} (see docs/networks/${network}.md)`, { details: { missingSettings: missing } });
  if (input.reconnectChannelId && !(await repo.findChannel(ctx.db, access.workspaceId, input.reconnectChannelId))) throw new AppError('not_found', 'Channel not found');
  const state = crypto.randomBytes(24).toString('base64url');
  const codeVerifier = provider.oauth.pkce ? crypto.randomBytes(48).toString('base64url') : undefined;
  const codeChallenge = codeVerifier ? crypto.createHash('sha256').update(codeVerifier).digest('base64url') : undefined;
  const app = ctx.providers.appFor(network);
  let url: string;
  try {
    ({ url } = await provider.oauth.authorize(ctx.http, app, { state, codeChallenge, instance: input.instance }, networkAppStore(ctx, network)));
  } catch (err) {
    providerFailure(err, network);
  }
  const secret: PendingSecret = { codeVerifier, instance: input.instance, reconnectChannelId: input.reconnectChannelId };
  await ctx.db.query(
    `INSERT INTO oauth_states (state, workspace_id, user_id, network, secret, redirect_uri, return_to, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(mins => $8))`,
    [state, access.workspaceId, access.principal.userId, network, ctx.secrets.encrypt(secret), app.redirectUri, safeReturnTo(input.returnTo), STATE_TTL_MINUTES],
  );
  return { authorizeUrl: url, state, redirectUri: app.redirectUri };
}

async function createFromCandidate(ctx: AppContext, row: StateRow, c: ConnectCandidate) {
  const channel = await repo.insertChannel(ctx.db, {
    id: newId(), workspace_id: row.workspace_id, network: row.network, name: c.account.name, external_id: c.account.externalId,
    handle: c.account.handle, profile_url: c.account.profileUrl ?? null, credentials: ctx.secrets.encrypt(c.credentials),
    settings: c.settings ?? {}, timezone: 'UTC', token_expires_at: c.tokenExpiresAt ?? null,
  });
  return publicChannel(ctx, channel);
}

/** The network redirected back: check the state (once), exchange the code, add or offer the accounts. */
export async function completeOAuth(ctx: AppContext, network: string, query: Record<string, string>) {
  if (!query.state) throw new AppError('bad_request', 'The callback has no state parameter');
  // Claim the state atomically: a replayed callback finds nothing pending.
  const [row] = await ctx.db.query<StateRow>(
    `UPDATE oauth_states SET status = 'failed' WHERE state = $1 AND network = $2 AND status = 'pending' AND expires_at > now() RETURNING *`,
    [query.state, network],
  );
  if (!row) throw new AppError('bad_request', 'This sign-in link is unknown, expired or already used; start connecting again');
  const fail = async (message: string) => {
    await ctx.db.query(`UPDATE oauth_states SET error = $2 WHERE state = $1`, [row.state, message]);
    return { state: row.state, status: 'failed' as const, error: message, returnTo: row.return_to };
  };
  if (query.error) return fail(`${network} did not grant access: ${query.error_description ?? query.error}`);
  if (!query.code) return fail('The callback has no code parameter');
  const pending = ctx.secrets.decrypt<PendingSecret>(row.secret);
  const provider = ctx.providers.get(network);
  let candidates: ConnectCandidate[];
  try {
    candidates = await provider.oauth!.exchange(ctx.http, ctx.providers.appFor(network), { code: query.code, codeVerifier: pending.codeVerifier, instance: pending.instance, query }, networkAppStore(ctx, network));
  } catch (err) {
    return fail(err instanceof ProviderError ? `${network}: ${err.networkMessage ?? err.message}` : 'The network did not accept the sign-in');
  }
  if (candidates.length === 0) return fail(`${network} returned no account this login can publish to`);
  if (pending.reconnectChannelId) {
    const channel = await repo.findChannel(ctx.db, row.workspace_id, pending.reconnectChannelId);
    const match = channel && candidates.find((c) => c.account.externalId === channel.external_id);
    if (!channel || !match) return fail(`This login does not give access to ${channel?.handle ?? 'that channel'}`);
    const updated = await repo.updateChannel(ctx.db, row.workspace_id, channel.id, { credentials: ctx.secrets.encrypt(match.credentials), settings: { ...channel.settings, ...(match.settings ?? {}) }, status: 'active', statusReason: null, tokenExpiresAt: match.tokenExpiresAt ?? null });
    await ctx.db.query(`UPDATE oauth_states SET status = 'done' WHERE state = $1`, [row.state]);
    return { state: row.state, status: 'done' as const, channels: [publicChannel(ctx, updated!)], returnTo: row.return_to };
  }
  if (candidates.length === 1) {
    const channel = await createFromCandidate(ctx, row, candidates[0]);
    await ctx.db.query(`UPDATE oauth_states SET status = 'done' WHERE state = $1`, [row.state]);
    return { state: row.state, status: 'done' as const, channels: [channel], returnTo: row.return_to };
  }
  await ctx.db.query(`UPDATE oauth_states SET status = 'awaiting_pick', secret = $2, expires_at = now() + interval '1 hour' WHERE state = $1`, [row.state, ctx.secrets.encrypt({ candidates })]);
  return { state: row.state, status: 'awaiting_pick' as const, candidates: candidates.map((c) => c.account), returnTo: row.return_to };
}

async function loadState(ctx: AppContext, access: WorkspaceAccess, state: string) {
  const [row] = await ctx.db.query<StateRow & { expires_at: Date }>(`SELECT * FROM oauth_states WHERE state = $1 AND workspace_id = $2`, [state, access.workspaceId]);
  if (!row) throw new AppError('not_found', 'Sign-in not found');
  return row;
}

export async function showOAuth(ctx: AppContext, access: WorkspaceAccess, state: string) {
  const row = await loadState(ctx, access, state);
  const candidates = row.status === 'awaiting_pick' ? (ctx.secrets.decrypt<PendingSecret>(row.secret).candidates ?? []).map((c) => c.account) : [];
  return { state: row.state, network: row.network, status: row.status, error: row.error, candidates };
}

export async function pickOAuth(ctx: AppContext, access: WorkspaceAccess, state: string, externalIds: string[]) {
  const row = await loadState(ctx, access, state);
  if (row.status !== 'awaiting_pick' || row.expires_at < new Date()) throw new AppError('conflict', 'There is nothing to pick for this sign-in any more; start connecting again');
  const candidates = ctx.secrets.decrypt<PendingSecret>(row.secret).candidates ?? [];
  const picked = candidates.filter((c) => externalIds.includes(c.account.externalId));
  const unknown = externalIds.filter((id) => !candidates.some((c) => c.account.externalId === id));
  if (unknown.length || picked.length === 0) throw new AppError('bad_request', `Pick among the accounts this login gave: ${candidates.map((c) => c.account.externalId).join(', ')}`);
  const [claimed] = await ctx.db.query(`UPDATE oauth_states SET status = 'done' WHERE state = $1 AND status = 'awaiting_pick' RETURNING state`, [state]);
  if (!claimed) throw new AppError('conflict', 'These accounts were already added');
  const channels = [];
  for (const c of picked) channels.push(await createFromCandidate(ctx, row, c));
  return { channels };
}
