/**
 * Connecting a network by logging in there, in a real browser: Channels → Connect LinkedIn → the
 * browser goes to the (emulated) LinkedIn consent page → Allow → back through Varde's callback to
 * the channels page → the account picker (the member and their page) → both channels Working.
 * And Cancel at LinkedIn comes back to a message saying so, adding nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { linkedinProvider } from '../../src/providers/linkedin/linkedin.provider.js';
import { createTestApp, freePort, type TestApp, type TestUser } from '../support/app.js';
import { startLinkedInEmulator, type LinkedInEmulator } from '../emulators/linkedin/linkedin.emulator.js';
import { describeBrowser, openPage, startBrowser, type OpenPage } from './support/browser.js';

const SECRET = 'li-browser-secret';

describeBrowser('web app: connecting a channel through OAuth', () => {
  let li: LinkedInEmulator;
  let app: TestApp;
  let browser: Browser;
  let user: TestUser;
  let tab: OpenPage;

  beforeAll(async () => {
    const port = await freePort();
    [li, browser] = await Promise.all([
      startLinkedInEmulator({ clientId: 'li-browser', clientSecret: SECRET, redirectUri: `http://127.0.0.1:${port}/api/v1/oauth/callback/linkedin`, consentPage: true }),
      startBrowser(),
    ]);
    app = await createTestApp({
      providers: [linkedinProvider],
      config: { port },
      env: { VARDE_LINKEDIN_CLIENT_ID: 'li-browser', VARDE_LINKEDIN_CLIENT_SECRET: SECRET, VARDE_LINKEDIN_ORGANIZATIONS: 'true', VARDE_LINKEDIN_API_URL: li.url, VARDE_LINKEDIN_AUTH_URL: li.url },
    });
    user = await app.signUp();
    tab = await openPage(browser, app, { user });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await li?.close();
  });

  const channelsOnServer = async () => (await app.api('GET', `${user.ws}/channels`, undefined, user.token)).body.channels as any[];

  it('logs in at the network, picks the accounts, and shows them as Working', { timeout: 90_000 }, async () => {
    const { page, errors } = tab;
    await page.goto(`/w/${user.workspaceId}/channels`);
    await page.getByRole('button', { name: 'Connect LinkedIn' }).click();

    // At the network: its consent page, with the scopes Varde asked for.
    await page.waitForURL((url) => url.origin === li.url && url.pathname === '/oauth/v2/authorization');
    await page.getByRole('heading', { name: 'Varde would like to access your LinkedIn account' }).waitFor();
    await page.getByText('w_organization_social').waitFor();
    await page.getByRole('button', { name: 'Allow' }).click();

    // Back in Varde: the login gave a member and a page; pick both.
    await page.waitForURL((url) => url.pathname === `/w/${user.workspaceId}/channels` && url.searchParams.has('oauth'));
    const dialog = page.getByRole('dialog', { name: 'Connecting LinkedIn' });
    await dialog.getByText('Which accounts should Varde publish to?').waitFor();
    expect(await channelsOnServer()).toEqual([]);
    await dialog.getByRole('checkbox', { name: /Ada Lovelace/ }).check();
    await dialog.getByRole('checkbox', { name: /Varde Inc/ }).check();
    await dialog.getByRole('button', { name: 'Add the chosen accounts' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).searchParams.has('oauth')).toBe(false);

    for (const name of ['Ada Lovelace', 'Varde Inc']) await page.getByRole('article', { name }).getByText('Working').waitFor();
    const channels = await channelsOnServer();
    expect(channels.map((c) => [c.network, c.name, c.status]).sort()).toEqual([['linkedin', 'Ada Lovelace', 'active'], ['linkedin', 'Varde Inc', 'active']]);
    expect(li.authority.tokenRequests.map((r) => r.grantType)).toEqual(['authorization_code']);
    expect(errors).toEqual([]);
  });

  it('says so when the login is cancelled at the network, and adds nothing', { timeout: 60_000 }, async () => {
    const { page } = tab;
    const before = await channelsOnServer();
    await page.goto(`/w/${user.workspaceId}/channels`);
    await page.getByRole('button', { name: 'Connect LinkedIn' }).click();
    await page.waitForURL((url) => url.origin === li.url);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL((url) => url.pathname === `/w/${user.workspaceId}/channels` && url.searchParams.has('oauth'));
    const dialog = page.getByRole('dialog', { name: 'Connecting LinkedIn' });
    await dialog.getByRole('alert').getByText(/did not grant access: The user cancelled the authorization/).waitFor();
    expect(await channelsOnServer()).toEqual(before);
  });
});
