/** A ProviderContext for calling a provider directly in tests: neutral defaults, or a connected channel's. */
import type { NetworkApp, ProviderContext } from '../../src/providers/contract.js';
import type { TestApp } from './app.js';

export function testNetworkApp(overrides: Partial<NetworkApp> = {}): NetworkApp {
  return { values: {}, urls: {}, redirectUri: 'http://localhost:8080/api/v1/oauth/callback/test', publicUrl: 'http://localhost:8080', ...overrides };
}

/** Fields every ProviderContext needs beyond what a test cares about. */
export function contextDefaults(): Pick<ProviderContext, 'app' | 'account' | 'mediaUrl' | 'saveCredentials'> {
  return {
    app: testNetworkApp(),
    account: { externalId: null, handle: null },
    mediaUrl: (item) => `http://localhost:8080/media/s/test-${item.id}`,
    saveCredentials: async () => {},
  };
}

/**
 * The ProviderContext Varde would build for a connected channel — its decrypted credentials and
 * settings, the network's app — for calling the provider directly (read-back, inbox, metrics). No
 * delivery, so a fixed idempotency key; `overrides` replace any field.
 */
export async function connectedChannelContext(app: TestApp, channelId: string, overrides: Partial<ProviderContext> = {}): Promise<ProviderContext> {
  const ctx = app.varde.ctx;
  const [row] = await ctx.db.query<any>(`SELECT * FROM channels WHERE id = $1`, [channelId]);
  if (!row) throw new Error(`no channel ${channelId}`);
  return {
    ...contextDefaults(),
    idempotencyKey: '3kabcdefghij2',
    credentials: ctx.secrets.decrypt(row.credentials),
    settings: row.settings,
    app: ctx.providers.appFor(row.network),
    account: { externalId: row.external_id, handle: row.handle },
    http: ctx.http,
    ...overrides,
  };
}
