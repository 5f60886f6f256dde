/**
 * The marketer's journey in a real browser: sign up on a fresh Varde, connect a webhook channel,
 * compose with a per-channel override and an image, watch a live counter turn red past X's limit,
 * schedule, find the post in the calendar, drag it to another day, let the worker publish it, and
 * see `published` with the receiver's confirmation appear without reloading.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { createTestApp, makePng, waitFor, type TestApp } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, screenshot, startBrowser, type OpenPage } from './support/browser.js';

const SECRET = 'whsec_' + Buffer.from('varde-browser-test-secret-012345').toString('base64');
const ZONE = 'Europe/Oslo';

describeBrowser('web app: from sign-up to a published post', () => {
  let app: TestApp;
  let receiver: Receiver;
  let browser: Browser;
  let tab: OpenPage;

  beforeAll(async () => {
    [app, receiver, browser] = await Promise.all([createTestApp(), startWebhookReceiver({ secret: SECRET }), startBrowser()]);
    tab = await openPage(browser, app);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
  });

  it('signs up, connects a webhook, composes, schedules, reschedules by drag and shows the published post', { timeout: 180_000 }, async () => {
    const { page } = tab;

    // First run: a fresh Varde sends the visitor to set up the owner account.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Set up Varde' }).waitFor();
    await screenshot(page, 'signup');
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('E-mail').fill('ada@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByLabel('Workspace name').fill('Analytical Engines');
    await page.getByRole('button', { name: 'Create account and workspace' }).click();
    await page.getByRole('heading', { name: 'Welcome to Varde' }).waitFor();
    await screenshot(page, 'welcome');

    // Connect a webhook channel, with the secret the receiver verifies signatures with.
    await page.getByRole('link', { name: 'Connect a channel' }).first().click();
    await page.getByRole('button', { name: 'Connect Webhook' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Webhook URL').fill(receiver.url('/hook'));
    await dialog.getByLabel('Signing secret').fill(SECRET);
    await dialog.getByLabel('Name in Varde').fill('Receiver');
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = page.getByRole('article', { name: 'Receiver' });
    await card.getByText('Working').waitFor();
    await screenshot(page, 'channels');

    // Compose: the X check turns red past 280 characters, and back when shortened.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New post' }).click();
    await page.getByRole('checkbox', { name: 'Receiver' }).check();
    await page.locator('summary', { hasText: 'Also check for other networks' }).click();
    await page.getByRole('checkbox', { name: 'X', exact: true }).check();
    const text = page.getByLabel('Text', { exact: true });
    const xCounter = page.locator('#base-counters .counter[data-network="x"]');
    await text.fill(`Launch day! ${'Engines everywhere. '.repeat(16)}`);
    await expect.poll(() => xCounter.getAttribute('data-over')).toBe('true');
    expect(await xCounter.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(180, 35, 24)');
    await page.getByText(/X: \d+ of 280 characters/).waitFor();
    await text.fill('Launch day! The new engine is out.');
    await expect.poll(() => xCounter.getAttribute('data-over')).toBe('false');

    // An override for the webhook channel, in its own tab.
    await page.getByRole('tab', { name: /Receiver/ }).click();
    await page.getByLabel('Write a different text for Receiver').check();
    await page.getByRole('textbox', { name: 'Text for Receiver' }).fill('Launch day (webhook edition): the new engine is out.');

    // An image, with alt text.
    await page.getByLabel('Choose files').setInputFiles({ name: 'engine.png', mimeType: 'image/png', buffer: Buffer.from(makePng(64, 48)) });
    const thumb = page.locator('.thumb img').first();
    await thumb.waitFor();
    await waitFor(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 64), 10_000, 'the thumbnail');
    await page.getByLabel('Alt text for media 1').fill('A brass difference engine');

    // Schedule three days ahead at 10:00 in Oslo.
    const day = DateTime.now().setZone(ZONE).plus({ days: 3 }).startOf('day');
    await page.getByLabel('Date').fill(day.toISODate()!);
    await page.getByLabel('Time', { exact: true }).fill('10:00');
    await page.getByLabel('Time zone').selectOption(ZONE);
    await page.getByRole('article', { name: /Preview on Receiver/ }).getByText(/webhook edition/).waitFor();
    await screenshot(page, 'composer');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();
    await expect.poll(() => page.locator('.post-head .status').textContent()).toBe('Scheduled');
    const postId = page.url().split('/posts/')[1];

    // The calendar shows it on that day; drag it to the neighbouring day.
    await page.goto(`${new URL(page.url()).pathname.split('/posts/')[0]}/calendar?view=month&date=${day.toISODate()}`);
    const event = page.locator(`.cal-entry[data-post-id="${postId}"]`);
    await page.locator(`td[data-date="${day.toISODate()}"] .cal-entry[data-post-id="${postId}"]`).waitFor();
    const next = day.plus({ days: 1 }).toISODate()!;
    const target = (await page.locator(`td[data-date="${next}"]`).count()) ? next : day.minus({ days: 1 }).toISODate()!;
    const from = (await event.boundingBox())!;
    const to = (await page.locator(`td[data-date="${target}"]`).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.waitForTimeout(100);
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
    await page.waitForTimeout(100);
    await page.mouse.up();
    await page.getByText(/^Moved to/).waitFor();
    await page.locator(`td[data-date="${target}"] .cal-entry[data-post-id="${postId}"]`).waitFor();
    await screenshot(page, 'calendar');
    const moved = await waitFor(async () => {
      const res = await app.api('GET', `/api/v1/workspaces/${await workspaceOf(app)}/posts/${postId}`, undefined, await tokenOf(app));
      const due = DateTime.fromISO(res.body.deliveries[0].dueAt).setZone(ZONE);
      return due.toISODate() === target && due;
    }, 10_000, 'the reschedule to reach the server');
    expect(moved.toFormat('HH:mm')).toBe('10:00');

    // Time passes: the post falls due, and the worker publishes it while the page is open.
    await page.goto(`${new URL(page.url()).pathname.replace(/\/calendar.*$/, '')}/posts/${postId}`);
    await page.evaluate(() => { (window as unknown as { sameDocument: boolean }).sameDocument = true; });
    await app.db.db.query(`UPDATE deliveries SET due_at = now(), available_at = now() WHERE post_id = $1`, [postId]);
    await app.db.db.query(`UPDATE posts SET scheduled_at = now() WHERE id = $1`, [postId]);
    app.varde.ctx.wakeWorker();
    await expect.poll(() => page.locator('.post-head .status').textContent(), { timeout: 20_000 }).toBe('Published');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    const published = page.locator('[data-delivery-state="published"]');
    expect(await published.getByRole('link', { name: 'View published post' }).getAttribute('href')).toBe('https://receiver.example/p/1');
    await published.getByText('evt_1').waitFor();
    await screenshot(page, 'post-published');

    // Exactly one signed event, carrying the override and the image with its alt text.
    expect(receiver.uniqueIds()).toHaveLength(1);
    expect(receiver.duplicateIds()).toEqual([]);
    const data = receiver.events[0].body.data;
    expect(data.text).toBe('Launch day (webhook edition): the new engine is out.');
    expect(data.media).toHaveLength(1);
    expect(data.media[0]).toMatchObject({ mime: 'image/png', width: 64, height: 48, alt: 'A brass difference engine' });
    expect(tab.errors).toEqual([]);
  });
});

let token: string | undefined;
/** A read-only API token of the user who signed up in the browser, to check what the server holds. */
async function tokenOf(app: TestApp): Promise<string> {
  if (token) return token;
  const login = await app.api('POST', '/api/v1/auth/login', { email: 'ada@example.com', password: 'correct horse battery' });
  const cookie = `cookie:${String(login.headers['set-cookie']).split(';')[0]}`;
  const res = await app.api('POST', `/api/v1/workspaces/${await workspaceOf(app)}/tokens`, { name: 'test checks', scopes: ['read'] }, cookie);
  if (res.status !== 201) throw new Error(`could not make a token: ${res.status} ${JSON.stringify(res.body)}`);
  return (token = res.body.token as string);
}

async function workspaceOf(app: TestApp): Promise<string> {
  const [w] = await app.db.db.query<{ id: string }>(`SELECT id FROM workspaces LIMIT 1`);
  return w.id;
}
