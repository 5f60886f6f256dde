/**
 * Campaigns in a real browser: create one on the campaigns screen, pick it in the composer,
 * schedule, and filter the calendar by it (kept in the address) so that other posts are hidden.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, startBrowser, type OpenPage } from './support/browser.js';
import { userWithWebhook, type UserWithChannel } from './support/fixtures.js';

const ZONE = 'Europe/Oslo';

describeBrowser('web app: campaigns', () => {
  let app: TestApp;
  let receiver: Receiver;
  let browser: Browser;
  let tab: OpenPage;
  let who: UserWithChannel;

  beforeAll(async () => {
    [app, receiver, browser] = await Promise.all([createTestApp(), startWebhookReceiver(), startBrowser()]);
    who = await userWithWebhook(app, receiver, { name: 'Launch hook' });
    tab = await openPage(browser, app, { user: who.user });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
  });

  it('creates a campaign, picks it in the composer, and filters the calendar by it', { timeout: 120_000 }, async () => {
    const { page, errors } = tab;
    const { user, channelId } = who;
    const day = DateTime.now().setZone(ZONE).plus({ days: 4 }).startOf('day');
    const other = await app.api('POST', `${user.ws}/posts`, { text: 'Not part of any campaign', targets: [{ channelId }], schedule: { mode: 'at', at: day.set({ hour: 8 }).toISO() } }, user.token);
    expect(other.status).toBe(201);

    // The campaigns screen, from the main navigation.
    await page.goto(`/w/${user.workspaceId}/calendar`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workspace', exact: true }).click();
    await page.getByRole('menu', { name: 'Workspace' }).getByRole('menuitem', { name: 'Campaigns' }).click();
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    await page.getByText('No campaigns yet.').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Spring launch');
    await page.getByLabel('UTM campaign name').fill('spring-2031');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    const item = page.getByRole('list', { name: 'Your campaigns' }).getByRole('listitem').filter({ hasText: 'Spring launch' });
    await item.getByText('0 posts').waitFor();
    const [campaign] = (await app.api('GET', `${user.ws}/campaigns`, undefined, user.token)).body.campaigns;
    expect(campaign).toMatchObject({ name: 'Spring launch', utmCampaign: 'spring-2031', colour: '#2563eb' });

    // Rename it in its dialog.
    await item.getByRole('button', { name: 'Edit Spring launch' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Spring launch 2031');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Spring launch 2031' }).waitFor();

    // Compose a post in the campaign.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New post' }).click();
    await page.getByRole('checkbox', { name: 'Launch hook' }).check();
    await page.getByLabel('Text', { exact: true }).fill('Spring is here: the launch post');
    await page.getByLabel('Campaign').selectOption({ label: 'Spring launch 2031' });
    await page.getByLabel('Date').fill(day.toISODate()!);
    await page.getByLabel('Time', { exact: true }).fill('10:00');
    await page.getByLabel('Time zone').selectOption(ZONE);
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();
    const postId = page.url().split('/posts/')[1];
    const saved = await app.api('GET', `${user.ws}/posts/${postId}`, undefined, user.token);
    expect(saved.body).toMatchObject({ status: 'scheduled', campaignId: campaign.id });

    // The calendar's list of that day shows both posts; filtered by the campaign, only its own.
    await page.goto(`/w/${user.workspaceId}/calendar?view=list&date=${day.toISODate()}`);
    const rows = page.locator('.list-view .post-row');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByLabel('Campaign').selectOption({ label: 'Spring launch 2031' });
    await expect.poll(() => new URL(page.url()).searchParams.get('campaign')).toBe(campaign.id);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-post-id')).toBe(postId);
    await page.getByText('Not part of any campaign').waitFor({ state: 'detached' });

    // The address keeps the filter: reloading shows the same.
    await page.reload();
    await page.locator(`.list-view .post-row[data-post-id="${postId}"]`).waitFor();
    expect(await rows.count()).toBe(1);
    expect(await page.getByLabel('Campaign').inputValue()).toBe(campaign.id);
    await page.getByLabel('Campaign').selectOption({ label: 'All campaigns' });
    await expect.poll(() => rows.count()).toBe(2);
    expect(new URL(page.url()).searchParams.has('campaign')).toBe(false);

    // The campaigns screen counts the post.
    await page.goto(`/w/${user.workspaceId}/campaigns`);
    await page.getByRole('listitem').filter({ hasText: 'Spring launch 2031' }).getByText('1 post').waitFor();
    expect(errors).toEqual([]);
  });

  it('fits a 375-pixel phone in Norwegian: the campaigns screen, the picker and the calendar filter', { timeout: 60_000 }, async () => {
    const { page, errors, context } = await openPage(browser, app, { user: who.user, locale: 'nb-NO', width: 375, height: 812 });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.goto(`/w/${who.user.workspaceId}/campaigns`);
    await page.getByRole('heading', { name: 'Kampanjer', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Spring launch 2031' }).waitFor();
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.goto(`/w/${who.user.workspaceId}/compose`);
    await page.getByLabel('Kampanje').selectOption({ label: 'Spring launch 2031' });
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.goto(`/w/${who.user.workspaceId}/calendar?view=list`);
    await page.getByLabel('Kampanje').waitFor();
    expect(await page.getByLabel('Kampanje').locator('option').allTextContents()).toEqual(['Alle kampanjer', 'Spring launch 2031']);
    expect(await sideways()).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
