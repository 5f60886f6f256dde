/**
 * What ingesting needs to know, read once and kept for a few seconds: the channels a network's
 * account id belongs to (a webhook names the Page, the bot's chat, the user id — possibly
 * connected in several workspaces), and each workspace's rules and priority keywords. A change
 * reaches this process at once when it was made here (invalidate), others within `ttlMs`.
 */
import type { Queryable } from '../db/client.js';
import type { ChannelRef, WorkspaceInboxConfig } from './ingest.js';
import { listRules, toRule } from './rules.repository.js';
import { getPriorityKeywords } from './settings.repository.js';

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

const MAX_ENTRIES = 50_000;

export class InboxDirectory {
  private channels = new Map<string, Entry<ChannelRef[]>>();
  private configs = new Map<string, Entry<WorkspaceInboxConfig>>();

  constructor(private readonly db: Queryable, private readonly ttlMs = 5_000) {}

  /** The channels (not disabled) whose account on `network` is `accountId`. */
  channelsFor(network: string, accountId: string): Promise<ChannelRef[]> {
    return this.cached(this.channels, `${network}\u0000${accountId}`, async () => {
      const rows = await this.db.query<{ id: string; workspace_id: string; network: string; name: string; external_id: string | null }>(
        `SELECT id, workspace_id, network, name, external_id FROM channels WHERE network = $1 AND external_id = $2 AND status <> 'disabled'`,
        [network, accountId],
      );
      return rows.map((r) => ({ id: r.id, workspaceId: r.workspace_id, network: r.network, name: r.name, externalId: r.external_id }));
    });
  }

  configFor(workspaceId: string): Promise<WorkspaceInboxConfig> {
    return this.cached(this.configs, workspaceId, async () => ({
      rules: (await listRules(this.db, workspaceId)).filter((r) => r.enabled).map(toRule),
      priorityKeywords: await getPriorityKeywords(this.db, workspaceId),
    }));
  }

  invalidate(workspaceId: string) {
    this.configs.delete(workspaceId);
  }

  private cached<T>(map: Map<string, Entry<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, { at: Date.now(), value });
    value.catch(() => map.delete(key)); // a failed read is not remembered
    return value;
  }
}
