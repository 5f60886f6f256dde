/**
 * Reordering a channel's queue in a real browser: drag the last post onto the first with a mouse,
 * and the posts keep the channel's times in the new order on the server; the move buttons (the
 * keyboard's way) swap neighbours the same way; on a touch screen a finger drags a post by its
 * handle (real touch events, so the handle's touch-action matters), with a mark where it will
 * land; Escape cancels a drag.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createTestApp, waitFor, type TestApp } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, screenshot, startBrowser, type OpenPage } from './support/browser.js';
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

  /** The centre of an element, in the viewport's CSS pixels. */
  const centre = async (el: Locator) => {
    const box = (await el.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };

  it('drags a post with a finger by its handle on a phone, showing where it will land', { timeout: 90_000 }, async () => {
    const phone = await openPage(browser, app, { user: who.user, width: 375, height: 700, hasTouch: true });
    const { page, context, errors } = phone;
    const times = (await onServer()).map(([, at]) => at);
    await page.goto(`/w/${who.user.workspaceId}/channels/${who.channelId}/queue`);
    const rows = page.locator('.queue__row:not(.queue__row--free)');
    const texts = () => rows.locator('.queue__text').allTextContents();
    await expect.poll(texts).toEqual(['Charlie post', 'Bravo post', 'Alpha post']);

    // Only the handle keeps the browser from scrolling: a finger anywhere else still scrolls the page.
    expect(await rows.nth(2).locator('.queue__handle').evaluate((el) => getComputedStyle(el).touchAction)).toBe('none');
    expect(await rows.nth(2).evaluate((el) => getComputedStyle(el).touchAction)).toBe('auto');
    expect(await rows.nth(2).locator('.queue__text').evaluate((el) => getComputedStyle(el).touchAction)).toBe('auto');

    // Real touch events (Chromium turns them into pointer events, and pans where touch-action lets it).
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: { x: number; y: number }) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y }] : [] });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { pointerTypes: string[] }).pointerTypes = seen;
      window.addEventListener('pointerdown', (e) => seen.push(e.pointerType), true);
    });
    const from = await centre(rows.nth(2).locator('.queue__handle'));
    const to = await centre(rows.nth(0));
    await touch('touchStart', from);
    for (let i = 1; i <= 8; i++) await touch('touchMove', { x: from.x, y: from.y + ((to.y - from.y) * i) / 8 });

    // While the finger is down: Alpha follows it, and a mark on Charlie says it lands before it.
    const landing = rows.nth(0).locator('.queue__landing');
    await landing.getByText('Moves here').waitFor();
    expect(await landing.getAttribute('data-side')).toBe('before');
    expect(await rows.nth(2).getAttribute('class')).toContain('queue__row--dragged');
    expect(await rows.nth(2).evaluate((el) => getComputedStyle(el).transform)).not.toBe('none');
    await screenshot(page, 'queue-touch-drag', false);

    await touch('touchEnd');
    expect(await page.evaluate(() => (window as unknown as { pointerTypes: string[] }).pointerTypes)).toEqual(['touch']);
    await page.getByRole('status').getByText('Order changed').waitFor();
    await waitFor(async () => JSON.stringify((await onServer()).map(([t]) => t)) === JSON.stringify(['Alpha post', 'Charlie post', 'Bravo post']), 10_000, 'the new order on the server');
    expect(await onServer()).toEqual([['Alpha post', times[0]], ['Charlie post', times[1]], ['Bravo post', times[2]]]);
    await expect.poll(texts).toEqual(['Alpha post', 'Charlie post', 'Bravo post']);
    expect(await page.locator('.queue__landing').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('puts a dragged post back when Escape is pressed', { timeout: 60_000 }, async () => {
    const { page, errors } = tab;
    const before = await onServer();
    await page.goto(`/w/${who.user.workspaceId}/channels/${who.channelId}/queue`);
    const rows = page.locator('.queue__row:not(.queue__row--free)');
    const texts = () => rows.locator('.queue__text').allTextContents();
    await expect.poll(texts).toEqual(before.map(([t]) => t));

    await dragHalfway(page, rows.nth(0).locator('.queue__time'), rows.nth(2));
    await rows.nth(2).locator('.queue__landing[data-side="after"]').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.queue__landing').count()).toBe(0);
    expect(await rows.nth(0).getAttribute('class')).not.toContain('queue__row--dragged');
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await texts()).toEqual(before.map(([t]) => t));
    expect(await onServer()).toEqual(before);
    expect(await page.getByText('Order changed').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  /** Presses the mouse on `from` and moves it over `over` in steps, without letting go. */
  async function dragHalfway(page: Page, from: Locator, over: Locator) {
    const a = await centre(from);
    const b = await centre(over);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 8 });
  }
});
