/**
 * The composer by keyboard alone: from the calendar, reach "New post" with Tab, choose a channel,
 * write, pick "next free slot", and submit — no mouse; focus lands on each screen's content after
 * navigation. And an unfinished post survives closing the tab.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestApp, waitFor, type TestApp } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, startBrowser, tabTo } from './support/browser.js';
import { everyDayAt, userWithWebhook, type UserWithChannel } from './support/fixtures.js';

describeBrowser('web app: the composer by keyboard, and its autosave', () => {
  let app: TestApp;
  let receiver: Receiver;
  let browser: Browser;
  let setup: UserWithChannel;

  beforeAll(async () => {
    [app, receiver, browser] = await Promise.all([createTestApp(), startWebhookReceiver(), startBrowser()]);
    setup = await userWithWebhook(app, receiver, { name: 'Newsroom hook', slots: everyDayAt('09:00') });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
  });

  it('writes and queues a post using only Tab, Space, arrows, typing and Enter', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: setup.user });
    await page.goto(`/w/${setup.user.workspaceId}/calendar`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();

    await tabTo(page, (el) => el.tag === 'a' && el.name === 'New post');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New post', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    await tabTo(page, (el) => el.type === 'checkbox' && el.name.includes('Newsroom hook'));
    await page.keyboard.press('Space');
    await tabTo(page, (el) => el.tag === 'textarea' && el.name === 'Text');
    await page.keyboard.type('Typed without a mouse: the morning briefing is live.');
    await tabTo(page, (el) => el.type === 'radio');
    await page.keyboard.press('ArrowRight'); // "At a time" → "Next free slot in each channel's queue"
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('queue');
    await tabTo(page, (el) => el.tag === 'button' && el.name === 'Add to queue');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();
    const postId = page.url().split('/posts/')[1];
    const post = await waitFor(async () => (await app.api('GET', `${setup.user.ws}/posts/${postId}`, undefined, setup.user.token)).body);
    expect(post.content.text).toBe('Typed without a mouse: the morning briefing is live.');
    expect(post.deliveries).toHaveLength(1);
    expect(post.deliveries[0].state).toBe('scheduled');
    expect(new Date(post.deliveries[0].dueAt).toLocaleTimeString('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' })).toBe('09:00');
    expect(errors).toEqual([]);
  });

  it('keeps an unfinished post when the tab is closed, and restores it', { timeout: 120_000 }, async () => {
    const first = await openPage(browser, app, { user: setup.user });
    await first.page.goto(`/w/${setup.user.workspaceId}/compose`);
    await first.page.getByRole('checkbox', { name: /Newsroom hook/ }).check();
    await first.page.getByLabel('Text', { exact: true }).fill('Half-written thought about');
    await first.page.getByRole('button', { name: 'Add a follow-up' }).click();
    await first.page.getByLabel('Follow-up 1', { exact: true }).fill('and its sequel');
    await first.page.close({ runBeforeUnload: true }); // the tab closes mid-edit

    const second = await first.context.newPage();
    await second.goto(`/w/${setup.user.workspaceId}/compose`);
    await second.getByText(/Your unsaved post from .* was restored/).waitFor();
    expect(await second.getByLabel('Text', { exact: true }).inputValue()).toBe('Half-written thought about');
    expect(await second.getByLabel('Follow-up 1', { exact: true }).inputValue()).toBe('and its sequel');
    expect(await second.getByRole('checkbox', { name: /Newsroom hook/ }).isChecked()).toBe(true);

    await second.getByRole('button', { name: 'Start over' }).click();
    expect(await second.getByLabel('Text', { exact: true }).inputValue()).toBe('');
    expect(first.errors).toEqual([]);
  });
});
