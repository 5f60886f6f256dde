/**
 * Channel rows kept by a worker across batches, each with its credentials decrypted once. Every
 * claim returns the channel's version (its `updated_at`); a row whose version changed (status, credentials,
 * settings: every change goes through updateChannel, which bumps it) is read again, so a worker
 * never publishes with a channel state older than its claim. Bounded: the oldest entries go first.
 */
import type { Secrets } from '../app/secrets.js';
import type { ChannelRow } from '../channels/channels.repository.js';
import type { Queryable } from '../db/client.js';
import type { Credentials } from '../providers/contract.js';
import { findChannelVersions, type ClaimedDelivery } from './publishing.repository.js';

interface Entry {
  row: ChannelRow;
  version: number;
  /** The decrypted form of `sealed`, which may lag row.credentials after a token refresh. */
  sealed?: string;
  credentials?: Credentials;
}

export class ChannelCache {
  private entries = new Map<string, Entry>();

  constructor(private readonly secrets: Secrets, private readonly maxEntries = 10_000) {}

  /** The batch's channels: from the cache where its version is current, else read in one query. */
  async forBatch(db: Queryable, claimed: ClaimedDelivery[]): Promise<Map<string, ChannelRow>> {
    const out = new Map<string, ChannelRow>();
    const stale = new Set<string>();
    for (const d of claimed) {
      const e = this.entries.get(d.channel_id);
      if (e && e.version === d.channel_version) out.set(d.channel_id, e.row);
      else stale.add(d.channel_id);
    }
    for (const { row, version } of await findChannelVersions(db, [...stale])) {
      this.remember(row, version);
      out.set(row.id, row);
    }
    return out;
  }

  /** The channel's credentials, decrypted once per sealed value; a copy the provider may change. */
  credentials(channel: ChannelRow): Credentials {
    let e = this.entries.get(channel.id);
    if (!e || e.row !== channel) e = { row: channel, version: NaN };
    if (e.sealed !== channel.credentials || !e.credentials) {
      e.credentials = this.secrets.decrypt<Credentials>(channel.credentials);
      e.sealed = channel.credentials;
    }
    return { ...e.credentials };
  }

  private remember(row: ChannelRow, version: number) {
    this.entries.delete(row.id);
    this.entries.set(row.id, { row, version });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
