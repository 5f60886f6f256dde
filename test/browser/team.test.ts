/**
 * The team screens in a real browser: an owner invites by link, a logged-out person opens the link
 * in another browser, creates an account and joins; the owner changes their role and removes
 * them; the audit log lists those changes and its CSV export downloads with them. A viewer sees
 * the team read-only (also on a phone, without sideways scrolling).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp, type TestUser } from '../support/app.js';
import { baseUrl, describeBrowser, openPage, screenshot, startBrowser } from './support/browser.js';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describeBrowser('web app: team, invitations and the audit log', () => {
  let app: TestApp;
  let browser: Browser;
  let owner: TestUser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([createTestApp({ env: { VARDE_SIGNUP: 'first' } }), startBrowser()]);
    owner = await app.signUp({ name: 'Olivia Owner' });
    await app.api('PATCH', owner.ws, { name: 'Fjord Coffee' }, owner.token);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const members = async () => (await app.api('GET', `${owner.ws}/members`, undefined, owner.token)).body.members as { name: string; role: string; userId: string }[];

  it('invites by link, the invitee signs up and joins, then the owner changes their role and removes them', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner });
    await page.goto(`/w/${owner.workspaceId}/team`);
    await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
    await page.getByRole('listitem', { name: 'Olivia Owner' }).getByText('owner', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Your account' }).count()).toBe(1); // the header's icon; the menu's copy is for phones

    // Invite by link, as contributor, valid 14 days.
    await page.getByLabel('Role', { exact: true }).selectOption('contributor');
    await page.getByLabel('Valid for').selectOption('14');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await page.getByText(/Invitation as contributor created/).waitFor();
    const link = await page.getByTestId('copy-value').inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl(app)}/invite/vi_`));
    const pending = page.getByRole('row', { name: /anyone with the link/ });
    await pending.getByRole('cell', { name: 'contributor' }).waitFor();

    // A second browser, with no cookies, opens the link, signs up and lands in the workspace.
    const guest = await openPage(browser, app);
    await guest.page.goto(link);
    await guest.page.getByRole('heading', { name: 'Join Fjord Coffee' }).waitFor();
    await guest.page.getByText(/Olivia Owner invited you to join Fjord Coffee on Varde as contributor/).waitFor();
    await guest.page.getByLabel('Your name').fill('Carl Contributor');
    await guest.page.getByLabel('E-mail').fill(`carl.${Date.now()}@example.com`);
    await guest.page.getByLabel('Password').fill('correct horse battery');
    await guest.page.getByRole('button', { name: 'Create account and join' }).click();
    await guest.page.waitForURL(`**/w/${owner.workspaceId}/calendar`);
    await guest.page.getByRole('button', { name: /Workspace: Fjord Coffee/ }).waitFor();
    expect(guest.errors).toEqual([]);
    await guest.context.close();

    // The owner sees the new member with the role, and the invitation is no longer pending.
    await page.reload();
    const carl = page.getByRole('listitem', { name: 'Carl Contributor' });
    await expect.poll(() => carl.getByLabel('Role of Carl Contributor').inputValue()).toBe('contributor');
    expect(await page.getByRole('row', { name: /anyone with the link/ }).count()).toBe(0);

    // Change the role.
    await carl.getByLabel('Role of Carl Contributor').selectOption('editor');
    await page.getByText('Carl Contributor is now editor').waitFor();
    await expect.poll(async () => (await members()).find((m) => m.name === 'Carl Contributor')?.role).toBe('editor');

    // A pending e-mail invitation, for the screenshot, then revoked.
    await page.getByLabel('E-mail (optional)').fill('dana@example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await page.getByRole('row', { name: /dana@example.com/ }).waitFor();
    await screenshot(page, 'team');
    await page.getByRole('button', { name: 'Revoke the invitation for dana@example.com' }).click();
    await expect.poll(() => page.getByRole('row', { name: /dana@example.com/ }).count()).toBe(0);

    // Remove, after confirming.
    await carl.getByRole('button', { name: 'Remove Carl Contributor' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Carl Contributor' });
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('Carl Contributor was removed').waitFor();
    await expect.poll(() => page.getByRole('listitem', { name: 'Carl Contributor' }).count()).toBe(0);
    expect((await members()).map((m) => m.name)).toEqual(['Olivia Owner']);
    expect(errors).toEqual([]);
  });

  it('lists those changes in the audit log, filters them, and exports them as CSV', { timeout: 90_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner });
    await page.goto(`/w/${owner.workspaceId}/audit`);
    const table = page.getByRole('table', { name: 'Audit log' });
    await table.getByRole('row', { name: /Change a member’s role/ }).waitFor();
    await table.getByRole('row', { name: /Remove a member/ }).first().waitFor();
    await table.getByRole('row', { name: /Invite by link/ }).first().waitFor();
    await table.getByRole('row', { name: /Rename a workspace/ }).getByText('API token', { exact: false }).waitFor();

    await page.getByLabel('Action contains').fill('members');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(() => table.getByRole('row', { name: /Invite by link/ }).count()).toBe(0);
    expect(await table.getByRole('row', { name: /Change a member’s role/ }).count()).toBe(1);
    await screenshot(page, 'audit');

    // A subject's id filters by it: the role change and the removal were both about Carl.
    const carlId = await table.getByRole('row', { name: /Change a member’s role/ }).getByRole('button', { name: /^Show only changes to/ }).getAttribute('title');
    await table.getByRole('row', { name: /Change a member’s role/ }).getByRole('button', { name: /^Show only changes to/ }).click();
    await expect.poll(() => page.getByLabel('Subject').inputValue()).toBe(carlId);
    await expect.poll(() => table.getByRole('row').count()).toBe(3); // header, the role change, the removal

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^at,actorKind,actorEmail/);
    expect(csv).toContain('PATCH /api/v1/workspaces/:workspaceId/members/:userId');
    expect(csv).toContain('DELETE /api/v1/workspaces/:workspaceId/members/:userId');
    expect(csv).not.toContain('/invitations'); // the filter applies to the export too

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export JSON' }).click()]);
    const entries = JSON.parse(fs.readFileSync((await json.path())!, 'utf8')).entries as { action: string }[];
    expect(entries.map((e) => e.action)).toContain('PATCH /api/v1/workspaces/:workspaceId/members/:userId');
    expect(errors).toEqual([]);
  });

  it('shows a viewer the team read-only, without the audit log, on a phone', { timeout: 90_000 }, async () => {
    const inv = await app.api('POST', `${owner.ws}/invitations`, { role: 'viewer' }, owner.token);
    const token = inv.body.url.split('/invite/')[1];
    const acc = await app.api('POST', `/api/v1/invitations/${token}/accept`, { email: `vera.${Date.now()}@example.com`, password: 'correct horse battery', name: 'Vera Viewer' });
    expect(acc.status).toBe(201);
    const viewer = { ...owner, userId: acc.body.userId, cookie: `cookie:${String(acc.headers['set-cookie']).split(';')[0]}` };
    const { page, errors } = await openPage(browser, app, { user: viewer, width: 375, height: 800 });
    await page.goto(`/w/${owner.workspaceId}/team`);
    await page.getByText('Only owners and admins can invite people and change members.').waitFor();
    await page.getByRole('listitem', { name: 'Olivia Owner' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create invitation' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Remove|Make owner/ }).count()).toBe(0);
    expect(await page.getByRole('combobox').count()).toBe(1); // the language, no role selects
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    // The header stays two rows high on a phone (the account link moves into the menu).
    expect((await page.locator('header').boundingBox())!.height).toBeLessThan(120);

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Your account' }).waitFor();
    await page.getByRole('link', { name: 'Team' }).waitFor();
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByText('Only owners and admins can change these settings.').waitFor();
    expect(await page.getByLabel('Workspace name').isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: /Nobody/ }).isDisabled()).toBe(true);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('lets the owner rename the workspace and require approval for contributors', { timeout: 60_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner });
    await page.goto(`/w/${owner.workspaceId}/settings`);
    await page.getByLabel('Workspace name').fill('Fjord Coffee Roasters');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('button', { name: /Workspace: Fjord Coffee Roasters/ }).waitFor();
    await page.getByRole('radio', { name: /Contributors/ }).check();
    await page.getByLabel('Approvals needed').fill('2');
    await page.getByRole('button', { name: 'Save approval policy' }).click();
    await page.getByText('Approval policy saved').waitFor();
    expect((await app.api('GET', `${owner.ws}/settings`, undefined, owner.token)).body).toEqual({ approvals: { required: 'contributors', approvers: 2 } });
    await page.reload();
    expect(await page.getByRole('radio', { name: /Contributors/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Approvals needed').inputValue()).toBe('2');
    expect(errors).toEqual([]);
  });

  it('lets someone with an account log in from the invitation page and join', { timeout: 60_000 }, async () => {
    // An account that exists already (it joined once by API and was removed again).
    const email = `lars.${Date.now()}@example.com`;
    const first = await app.api('POST', `${owner.ws}/invitations`, { role: 'viewer' }, owner.token);
    const joined = await app.api('POST', `/api/v1/invitations/${first.body.url.split('/invite/')[1]}/accept`, { email, password: 'correct horse battery', name: 'Lars Login' });
    expect((await app.api('DELETE', `${owner.ws}/members/${joined.body.userId}`, undefined, owner.token)).status).toBe(204);

    const inv = await app.api('POST', `${owner.ws}/invitations`, { role: 'contributor', email }, owner.token);
    const { page, errors } = await openPage(browser, app);
    await page.goto(inv.body.url);
    await page.getByText(`It is for ${email}.`).waitFor();
    await page.getByRole('link', { name: 'Log in to join' }).click();
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText(/You are logged in as Lars Login/).waitFor();
    await page.getByRole('button', { name: 'Join the workspace' }).click();
    await page.waitForURL(`**/w/${owner.workspaceId}/calendar`);
    expect((await members()).find((m) => m.name === 'Lars Login')?.role).toBe('contributor');

    // The link is single use: opened again, it says so.
    await page.goto(inv.body.url);
    await page.getByRole('heading', { name: 'This invitation cannot be used' }).waitFor();
    await page.getByText(/already been used/).waitFor();
    expect(errors).toEqual([]);
  });

  it('transfers ownership after a confirmation; the former owner becomes an admin', { timeout: 60_000 }, async () => {
    const inv = await app.api('POST', `${owner.ws}/invitations`, { role: 'editor' }, owner.token);
    const acc = await app.api('POST', `/api/v1/invitations/${inv.body.url.split('/invite/')[1]}/accept`, { email: `nora.${Date.now()}@example.com`, password: 'correct horse battery', name: 'Nora Next' });
    expect(acc.status).toBe(201);
    const { page, errors } = await openPage(browser, app, { user: owner });
    await page.goto(`/w/${owner.workspaceId}/team`);
    const nora = page.getByRole('listitem', { name: 'Nora Next' });
    await nora.getByRole('button', { name: 'Make Nora Next the owner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make Nora Next the owner' });
    await dialog.getByText('Nora Next becomes the owner and you become an admin.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await members()).find((m) => m.name === 'Nora Next')?.role).toBe('editor');

    await nora.getByRole('button', { name: 'Make Nora Next the owner' }).click();
    await dialog.getByRole('button', { name: 'Make owner' }).click();
    await page.getByText('Nora Next is now the owner').waitFor();
    await nora.getByText('owner', { exact: true }).waitFor();
    const roles = Object.fromEntries((await members()).map((m) => [m.name, m.role]));
    expect(roles).toMatchObject({ 'Nora Next': 'owner', 'Olivia Owner': 'admin' });
    // Now an admin: no more ownership buttons, and the owner's row cannot be changed.
    expect(await page.getByRole('button', { name: /the owner$/ }).count()).toBe(0);
    expect(await nora.getByRole('button').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
