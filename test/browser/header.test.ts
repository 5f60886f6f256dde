/**
 * The header in a real browser: at 1280 pixels it is one row — the daily screens as links, the
 * administration screens in the "Workspace" menu, which the keyboard opens, moves through and
 * follows, and which marks the current screen; at 375 pixels everything is in the folding menu.
 * A viewer's menu has no audit log.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp, type TestUser } from '../support/app.js';
import { describeBrowser, openPage, screenshot, startBrowser } from './support/browser.js';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const DAILY = ['Calendar', 'New post', 'Inbox', 'Drafts', 'Approvals', 'Channels'];
const ADMIN = ['Campaigns', 'Team', 'Settings', 'API tokens', 'Audit log'];

describeBrowser('web app: the header and its workspace menu', () => {
  let app: TestApp;
  let browser: Browser;
  let owner: TestUser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([createTestApp({ env: { VARDE_SIGNUP: 'first' } }), startBrowser()]);
    owner = await app.signUp({ name: 'Olivia Owner' });
    await app.api('PATCH', owner.ws, { name: 'Fjord Coffee Roasters' }, owner.token);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('is one row at 1280 pixels, with the administration screens in a keyboard-operable menu', { timeout: 90_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner, width: 1280, height: 800 });
    await page.goto(`/w/${owner.workspaceId}/calendar`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of DAILY) await nav.getByRole('link', { name, exact: true }).waitFor();
    for (const name of ADMIN) expect(await nav.getByRole('link', { name, exact: true }).count()).toBe(0);

    // One row: the brand, the last link, the menu button and log-out share a line.
    const header = (await page.locator('header').boundingBox())!;
    expect(header.height).toBeLessThan(70);
    const button = nav.getByRole('button', { name: 'Workspace', exact: true });
    const centres = await Promise.all([page.getByRole('link', { name: 'Varde, calendar' }), nav.getByRole('link', { name: 'Channels' }), button, page.getByRole('button', { name: 'Log out' })]
      .map(async (l) => { const b = (await l.boundingBox())!; return b.y + b.height / 2; }));
    expect(Math.max(...centres) - Math.min(...centres)).toBeLessThan(12);
    expect(await sideways(page)).toBeLessThanOrEqual(0);

    // Keyboard: Enter opens it on its first item, arrows move, Enter follows the link.
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Workspace' });
    await menu.waitFor();
    expect((await menu.getByRole('menuitem').allTextContents()).map((s) => s.trim())).toEqual(ADMIN);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Campaigns');
    await screenshot(page, 'header-desktop', false);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/w/${owner.workspaceId}/team`);
    await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
    await menu.waitFor({ state: 'detached' });

    // The current screen: the button says so, and its item is marked in the menu.
    const current = nav.getByRole('button', { name: /^Workspace\W+Team$/ });
    expect(await current.getAttribute('aria-current')).toBe('true');
    await current.click();
    expect(await menu.getByRole('menuitem', { name: 'Team' }).getAttribute('aria-current')).toBe('page');
    expect(await menu.getByRole('menuitem', { name: 'Settings' }).getAttribute('aria-current')).toBeNull();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Workspace');

    // A daily screen leaves the button unmarked.
    await nav.getByRole('link', { name: 'Drafts' }).click();
    await page.waitForURL(`**/w/${owner.workspaceId}/drafts`);
    expect(await nav.getByRole('button', { name: 'Workspace', exact: true }).getAttribute('aria-current')).toBeNull();
    expect(errors).toEqual([]);
  });

  it('stays one row in Norwegian at 1280 pixels', { timeout: 60_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner, locale: 'nb-NO', width: 1280, height: 800 });
    await page.goto(`/w/${owner.workspaceId}/calendar`);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('button', { name: 'Arbeidsområde', exact: true }).waitFor();
    await nav.getByRole('link', { name: 'Godkjenning', exact: true }).waitFor();
    expect((await page.locator('header').boundingBox())!.height).toBeLessThan(70);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('folds every link into the menu at 375 pixels', { timeout: 60_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner, width: 375, height: 812 });
    await page.goto(`/w/${owner.workspaceId}/calendar`);
    await page.getByRole('button', { name: 'Menu' }).waitFor();
    expect((await page.locator('header').boundingBox())!.height).toBeLessThan(120);
    expect(await page.getByRole('button', { name: 'Workspace', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Menu' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of DAILY) await nav.getByRole('link', { name, exact: true }).waitFor();
    const group = nav.getByRole('group', { name: 'Workspace' });
    for (const name of ADMIN) await group.getByRole('link', { name, exact: true }).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'header-mobile', false);
    await group.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(`**/w/${owner.workspaceId}/settings`);
    await nav.waitFor({ state: 'hidden' }); // the menu folds after navigating
    expect(errors).toEqual([]);
  });

  it('leaves the audit log out of a viewer\'s menu', { timeout: 60_000 }, async () => {
    const inv = await app.api('POST', `${owner.ws}/invitations`, { role: 'viewer' }, owner.token);
    const token = inv.body.url.split('/invite/')[1];
    const acc = await app.api('POST', `/api/v1/invitations/${token}/accept`, { email: `vera.${Date.now()}@example.com`, password: 'correct horse battery', name: 'Vera Viewer' });
    expect(acc.status).toBe(201);
    const viewer = { ...owner, userId: acc.body.userId, cookie: `cookie:${String(acc.headers['set-cookie']).split(';')[0]}` };
    const { page, errors } = await openPage(browser, app, { user: viewer });
    await page.goto(`/w/${owner.workspaceId}/calendar`);
    await page.getByRole('button', { name: 'Workspace', exact: true }).click();
    const menu = page.getByRole('menu', { name: 'Workspace' });
    expect((await menu.getByRole('menuitem').allTextContents()).map((s) => s.trim())).toEqual(ADMIN.filter((n) => n !== 'Audit log'));
    expect(errors).toEqual([]);
  });
});
