/**
 * Campaigns in a real browser: create one on the campaigns screen, give it a landing page and
 * dates (the server's refusals shown under their fields, in the user's language), pick it in the
 * composer, schedule, and filter the calendar by it (kept in the address) so that other posts are
 * hidden.
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

    // Its landing page and dates: what the server refuses is said under the field, and nothing is saved.
    await item.getByRole('button', { name: 'Edit Spring launch 2031' }).click();
    const landing = dialog.getByLabel('Landing page');
    await landing.fill('ftp://shop.example.com/spring');
    await dialog.getByLabel('Starts').fill('2031-05-10');
    await dialog.getByLabel('Ends').fill('2031-05-01');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Enter the landing page’s full address, starting with https:// or http://.').waitFor();
    expect(await landing.getAttribute('aria-invalid')).toBe('true');
    await landing.fill('https://shop.example.com/spring');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('The campaign cannot end before it starts: pick an end date on or after the start date.').waitFor();
    expect(await dialog.getByLabel('Ends').getAttribute('aria-invalid')).toBe('true');
    expect((await app.api('GET', `${user.ws}/campaigns`, undefined, user.token)).body.campaigns[0]).toMatchObject({ landingUrl: null, startsOn: null, endsOn: null });
    await dialog.getByLabel('Ends').fill('2031-05-31');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await item.getByText('10 May 2031 – 31 May 2031').waitFor();
    expect(await item.getByRole('link', { name: 'https://shop.example.com/spring' }).getAttribute('href')).toBe('https://shop.example.com/spring');
    expect((await app.api('GET', `${user.ws}/campaigns`, undefined, user.token)).body.campaigns[0])
      .toMatchObject({ name: 'Spring launch 2031', landingUrl: 'https://shop.example.com/spring', startsOn: '2031-05-10', endsOn: '2031-05-31' });
    // The dialog opens again on what was saved.
    await item.getByRole('button', { name: 'Edit Spring launch 2031' }).click();
    expect([await landing.inputValue(), await dialog.getByLabel('Starts').inputValue(), await dialog.getByLabel('Ends').inputValue()])
      .toEqual(['https://shop.example.com/spring', '2031-05-10', '2031-05-31']);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

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

  it('fits a 375-pixel phone in Norwegian: the campaigns screen, its dates and refusals, the picker and the calendar filter', { timeout: 60_000 }, async () => {
    const { page, errors, context } = await openPage(browser, app, { user: who.user, locale: 'nb-NO', width: 375, height: 812 });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.goto(`/w/${who.user.workspaceId}/campaigns`);
    await page.getByRole('heading', { name: 'Kampanjer', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Spring launch 2031' }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Spring launch 2031' });
    await item.getByText(/^10\. mai 2031\s*–\s*31\. mai 2031$/).waitFor();
    expect(await sideways()).toBeLessThanOrEqual(0);
    await item.getByRole('button', { name: 'Rediger Spring launch 2031' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Slutter').fill('2031-05-09');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.getByText('Kampanjen kan ikke slutte før den starter: velg en sluttdato på eller etter startdatoen.').waitFor();
    await dialog.getByLabel('Landingsside').fill('shop.example.com');
    await dialog.getByLabel('Slutter').fill('2031-05-31');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.getByText('Skriv hele adressen til landingssiden, med https:// eller http:// først.').waitFor();
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
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
