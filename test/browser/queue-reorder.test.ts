/**
 * Reordering a channel's queue in a real browser: drag the last post onto the first, and the
 * posts keep the channel's times in the new order on the server; the move buttons (the keyboard's
 * way) swap neighbours the same way.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestApp, waitFor, type TestApp } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, startBrowser, type OpenPage } from './support/browser.js';
import { everyDayAt, userWithWebhook, type UserWithChannel } from './support/fixtures.js';

describeBrowser('web app: reordering a queue', () => {
  let app: TestApp;
  let receiver: Receiver;
  let browser: Browser;
  let tab: OpenPage;
  let who: UserWithChannel;

  beforeAll(async () => {
    [app, receiver, browser] = await Promise.all([createTestApp(), startWebhookReceiver(), startBrowser()]);
    who = await userWithWebhook(app, receiver, { name: 'Queued', slots: everyDayAt('09:00') });
    for (const text of ['Alpha post', 'Bravo post', 'Charlie post']) {
      const res = await app.api('POST', `${who.user.ws}/posts`, { text, targets: [{ channelId: who.channelId }], schedule: { mode: 'queue' } }, who.user.token);
      expect(res.status).toBe(201);
    }
    tab = await openPage(browser, app, { user: who.user });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
  });

  const onServer = async () => {
    const res = await app.api('GET', `${who.user.ws}/channels/${who.channelId}/queue?free=0`, undefined, who.user.token);
    return (res.body.upcoming as { text: string; dueAt: string }[]).map((e) => [e.text, e.dueAt]);
  };

  it('drags a post to another place, and moves one with the buttons', { timeout: 90_000 }, async () => {
    const { page, errors } = tab;
    const before = await onServer();
    const times = before.map(([, at]) => at);
    expect(before.map(([text]) => text)).toEqual(['Alpha post', 'Bravo post', 'Charlie post']);

    await page.goto(`/w/${who.user.workspaceId}/channels/${who.channelId}/queue`);
    const rows = page.locator('.queue__row:not(.queue__row--free)');
    const texts = () => rows.locator('.queue__text').allTextContents();
    await expect.poll(texts).toEqual(['Alpha post', 'Bravo post', 'Charlie post']);
    const shownTimes = await rows.locator('.queue__time').allTextContents();

    // Drag Charlie onto Alpha: Charlie takes the first time, the others move down one.
    await rows.nth(2).locator('.queue__time').dragTo(rows.nth(0).locator('.queue__time'));
    await page.getByText('Order changed').waitFor();
    await waitFor(async () => JSON.stringify((await onServer()).map(([t]) => t)) === JSON.stringify(['Charlie post', 'Alpha post', 'Bravo post']), 10_000, 'the new order on the server');
    expect(await onServer()).toEqual([['Charlie post', times[0]], ['Alpha post', times[1]], ['Bravo post', times[2]]]);
    await expect.poll(texts).toEqual(['Charlie post', 'Alpha post', 'Bravo post']);
    expect(await rows.locator('.queue__time').allTextContents()).toEqual(shownTimes);

    // The keyboard's way: focus Alpha's "Move later" and press Enter.
    await rows.nth(1).getByRole('button', { name: 'Move later' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(texts).toEqual(['Charlie post', 'Bravo post', 'Alpha post']);
    expect(await onServer()).toEqual([['Charlie post', times[0]], ['Bravo post', times[1]], ['Alpha post', times[2]]]);
    expect(errors).toEqual([]);
  });
});
