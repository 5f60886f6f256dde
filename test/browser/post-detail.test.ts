/**
 * A delivery the receiver refuses: the post page shows `Failed` with the network's own message as
 * it happens, and Retry sends it again (same idempotency key) until it shows `Published`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, screenshot, startBrowser } from './support/browser.js';
import { userWithWebhook, type UserWithChannel } from './support/fixtures.js';

describeBrowser('web app: a failed delivery and its retry', () => {
  let app: TestApp;
  let receiver: Receiver;
  let browser: Browser;
  let setup: UserWithChannel;

  beforeAll(async () => {
    [app, receiver, browser] = await Promise.all([createTestApp(), startWebhookReceiver(), startBrowser()]);
    setup = await userWithWebhook(app, receiver, { path: '/strict', name: 'Strict receiver' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
  });

  it('shows the network’s refusal live, then publishes on retry', { timeout: 120_000 }, async () => {
    receiver.script([{ path: '/strict', status: 422, body: JSON.stringify({ error: 'Field "text" must not mention competitors' }) }]);
    const { page, errors } = await openPage(browser, app, { user: setup.user });
    const created = await app.api('POST', `${setup.user.ws}/posts`, { text: 'Better than the rest!', targets: [{ channelId: setup.channelId }], schedule: { mode: 'now' } }, setup.user.token);
    expect(created.status).toBe(201);
    await page.goto(`/w/${setup.user.workspaceId}/posts/${created.body.id}`);

    const status = page.locator('.post-head .status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('Failed');
    const delivery = page.getByRole('article', { name: /Strict receiver/ });
    await delivery.getByText('Refused by the network', { exact: true }).waitFor();
    await delivery.locator('.note q', { hasText: /must not mention competitors/ }).waitFor();
    await delivery.getByText('1 attempt').click();
    await delivery.getByRole('cell', { name: 'failed' }).waitFor();
    await screenshot(page, 'post-failed');

    await delivery.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('Published');
    await delivery.getByRole('link', { name: 'View published post' }).waitFor();
    expect(receiver.acceptedCount()).toBe(1);
    expect(receiver.requests.map((r) => r.id)).toEqual([receiver.requests[0].id, receiver.requests[0].id]); // same webhook-id both times
    expect(errors).toEqual([]);
  });
});
