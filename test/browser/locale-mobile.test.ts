/**
 * Norwegian Bokmål on a 375-pixel phone: the app follows the browser's language, weeks start on
 * Monday, the shared rules' problems and the server's refusals read in Norwegian from their codes,
 * and no screen scrolls sideways.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, screenshot, startBrowser } from './support/browser.js';
import { userWithWebhook, type UserWithChannel } from './support/fixtures.js';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describeBrowser('web app: Norwegian on a phone', () => {
  let app: TestApp;
  let receiver: Receiver;
  let browser: Browser;
  let setup: UserWithChannel;

  beforeAll(async () => {
    [app, receiver, browser] = await Promise.all([createTestApp(), startWebhookReceiver(), startBrowser()]);
    setup = await userWithWebhook(app, receiver, { name: 'Nyhetskanal' });
    const at = DateTime.now().setZone('Europe/Oslo').plus({ days: 2 }).set({ hour: 10, minute: 0 });
    for (const text of ['Første innlegg', 'Andre innlegg']) {
      const res = await app.api('POST', `${setup.user.ws}/posts`, { text, targets: [{ channelId: setup.channelId }], schedule: { mode: 'at', at: at.toISO() } }, setup.user.token);
      if (res.status !== 201) throw new Error(`post: ${res.status} ${JSON.stringify(res.body)}`);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
  });

  it('speaks Norwegian, starts weeks on Monday and fits 375 pixels', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: setup.user, locale: 'nb-NO', width: 375, height: 812 });
    const ws = `/w/${setup.user.workspaceId}`;

    await page.goto(`${ws}/calendar`);
    await page.getByRole('button', { name: 'Meny' }).waitFor();
    await page.getByText('Første innlegg').waitFor(); // a phone starts in the list view
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'mobile-calendar');

    await page.getByRole('button', { name: 'Måned', exact: true }).click();
    const firstHeader = page.locator('.month-grid__weekday').first();
    await firstHeader.waitFor();
    expect((await firstHeader.textContent())?.toLowerCase()).toMatch(/^man/);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'mobile-calendar-month');

    await page.getByRole('button', { name: 'Meny' }).click();
    await page.getByRole('link', { name: 'Nytt innlegg' }).click();
    await page.getByRole('checkbox', { name: /Nyhetskanal/ }).check();
    await page.locator('summary', { hasText: 'Sjekk også mot andre nettverk' }).click();
    await page.getByRole('checkbox', { name: 'X', exact: true }).check();
    const text = page.getByLabel('Tekst', { exact: true });
    await text.fill('ø'.repeat(300));
    await page.getByText('X: 300 av 280 tegn').first().waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'mobile-composer');

    // A time in the past: the server refuses it, and says so in Norwegian (from its problem code).
    await text.fill('Kort og godt.');
    await page.getByLabel('Dato').fill(DateTime.now().setZone('Europe/Oslo').minus({ days: 1 }).toISODate()!);
    await page.getByRole('button', { name: 'Planlegg' }).click();
    await page.getByText('Det tidspunktet har vært: velg et senere tidspunkt, eller publiser nå.').waitFor();

    await page.goto(`${ws}/channels`);
    await page.getByRole('heading', { name: 'Dine kanaler' }).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
