/** Where each channel's inbox comes from (webhooks, polling, both, or nothing) and how polling goes. */
import type { AppContext } from '../app/context.js';
import type { WorkspaceAccess } from '../auth/auth.service.js';
import { ensureCursors, listSources, requestPoll } from './poll.repository.js';

type Ingest = 'webhook+poll' | 'webhook' | 'poll' | 'none';
const ingestOf = (push: boolean, poll: boolean): Ingest => (push && poll ? 'webhook+poll' : push ? 'webhook' : poll ? 'poll' : 'none');

export async function listInboxSources(ctx: AppContext, access: WorkspaceAccess) {
  const rows = await listSources(ctx.db, access.workspaceId);
  return {
    sources: rows.map((r) => {
      const provider = ctx.providers.has(r.network) ? ctx.providers.get(r.network) : null;
      const push = Boolean(provider?.webhooks);
      const poll = Boolean(provider?.listInbox);
      return {
        channelId: r.channel_id, name: r.name, network: r.network, channelStatus: r.status,
        kinds: provider?.inboxKinds ?? [],
        ingest: ingestOf(push, poll),
        webhookUrl: push ? `${ctx.config.publicUrl}/api/v1/webhooks/${r.network}` : null,
        poll: poll ? { nextAt: r.next_poll_at, lastAt: r.last_polled_at, failures: r.failures ?? 0, lastError: r.last_error, rateLimitedUntil: r.limited_until } : null,
      };
    }),
  };
}

/** Polls the workspace's channels at the next tick. */
export async function syncNow(ctx: AppContext, access: WorkspaceAccess) {
  await ensureCursors(ctx.db, ctx.providers.list().filter((p) => p.listInbox).map((p) => p.network));
  return { channels: await requestPoll(ctx.db, access.workspaceId) };
}
