/** A ProviderContext for calling a provider directly in tests, with neutral defaults. */
import type { NetworkApp, ProviderContext } from '../../src/providers/contract.js';

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
