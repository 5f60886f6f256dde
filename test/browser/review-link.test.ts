/**
 * A client review link in a real browser: an admin creates it on the Approvals screen (its address
 * shown once), a client without an account opens it on a phone, sees a thread whose follow-up has
 * an image and a video drawn as such, approves one post and rejects another with a reason and
 * comments, and the team sees those decisions in the app; a revoked or expired link says so (the
 * expired one's 403 asserted, not let through as a console error).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { Browser, Locator } from 'playwright-core';
import { createTestApp, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { makeMp4 } from '../support/mp4.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, screenshot, startBrowser } from './support/browser.js';
import { userWithWebhook, type UserWithChannel } from './support/fixtures.js';

describeBrowser('web app: client review links', () => {
  let app: TestApp;
  let receiver: Receiver;
  let browser: Browser;
  let setup: UserWithChannel;
  let owner: TestUser;

  beforeAll(async () => {
    [app, receiver, browser] = await Promise.all([createTestApp(), startWebhookReceiver(), startBrowser()]);
    setup = await userWithWebhook(app, receiver, { path: '/client', name: 'Brand hook' });
    owner = setup.user;
    expect((await app.api('PUT', `${owner.ws}/settings`, { approvals: { required: 'everyone', approvers: 1 } }, owner.token)).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
  });

  const schedule = async (text: string, hours: number) => {
    const at = DateTime.now().plus({ days: 1, hours }).toISO()!;
    const res = await app.api('POST', `${owner.ws}/posts`, { text, targets: [{ channelId: setup.channelId, text: `${text} (hook)` }], schedule: { mode: 'at', at } }, owner.token);
    expect(res.body.approvalStatus).toBe('pending');
    return res.body.id as string;
  };
  const post = async (id: string) => (await app.api('GET', `${owner.ws}/posts/${id}`, undefined, owner.token)).body;
  /** A thread whose follow-up carries an image and a video, waiting for approval. */
  const scheduleThread = async (hours: number) => {
    const photo = await uploadPng(app, owner, { width: 64, height: 48 });
    const clip = await app.api('POST', `${owner.ws}/media?filename=shop.mp4`, Buffer.from(makeMp4()), owner.token, { 'content-type': 'video/mp4' });
    expect(clip.status).toBe(201);
    const res = await app.api('POST', `${owner.ws}/posts`, {
      text: 'A tour of the new shop', targets: [{ channelId: setup.channelId }],
      followups: [{ text: 'Inside, in pictures and on film', media: [{ mediaId: photo, alt: 'The new shop front' }, { mediaId: clip.body.id, alt: 'A walk through the shop' }] }],
      schedule: { mode: 'at', at: DateTime.now().plus({ days: 1, hours }).toISO()! },
    }, owner.token);
    expect(res.body.approvalStatus).toBe('pending');
    return res.body.id as string;
  };
  /** The follow-up's image is an image with its alt text; its video a player with controls and a label. */
  const expectThreadMedia = async (preview: Locator) => {
    const part = preview.locator('.pv__thread > li');
    await part.getByText('Inside, in pictures and on film').waitFor();
    expect(await part.count()).toBe(1);
    expect(await part.getByRole('img').count()).toBe(1);
    await part.getByRole('img', { name: 'The new shop front' }).waitFor();
    const video = part.locator('video');
    expect(await video.count()).toBe(1);
    expect(await video.evaluate((v: HTMLVideoElement) => ({ controls: v.controls, preload: v.getAttribute('preload'), label: v.getAttribute('aria-label'), src: v.currentSrc || v.src })))
      .toMatchObject({ controls: true, preload: 'metadata', label: 'Video: A walk through the shop', src: expect.stringMatching(/\/media\//) });
  };

  it('lets a client approve, reject and comment without an account; the team sees it', { timeout: 180_000 }, async () => {
    const first = await schedule('Winter collection is here', 0);
    const second = await schedule('Half price on everything', 2);
    const third = await scheduleThread(4);

    // The admin creates a link for the coming week and copies its address, shown once.
    const admin = await openPage(browser, app, { user: owner });
    const page = admin.page;
    await page.goto(`/w/${owner.workspaceId}/approvals`);
    await page.locator(`.pending-post[data-post-id="${second}"]`).waitFor();
    await expectThreadMedia(page.locator(`.pending-post[data-post-id="${third}"]`).getByRole('article', { name: /Preview on Brand hook/ }));
    const form = page.getByRole('form', { name: 'Create link' });
    await form.getByLabel('Label').fill('Acme, next week');
    await form.getByLabel('From').fill(DateTime.now().toISODate()!);
    await form.getByLabel('To (inclusive)').fill(DateTime.now().plus({ days: 7 }).toISODate()!);
    await form.getByLabel('Expires after').selectOption({ label: '7 days' });
    await form.getByRole('button', { name: 'Create link' }).click();
    await page.getByText('Link “Acme, next week” created. Copy it now: it will not be shown again.').waitFor();
    const url = await page.getByRole('textbox', { name: 'Review link' }).inputValue();
    expect(url).toMatch(new RegExp(`^${app.config.publicUrl}/review/[0-9a-f-]{36}\\.`));
    const row = page.getByRole('row').filter({ hasText: 'Acme, next week' });
    await row.getByRole('cell', { name: 'Active' }).waitFor();
    await screenshot(page, 'approvals');
    // Shown once: the list does not carry it again.
    const listed = await app.api('GET', `${owner.ws}/review-links`, undefined, owner.token);
    expect(JSON.stringify(listed.body)).not.toContain(url.split('/review/')[1]);

    // The client, on a phone, with no cookies at all.
    const client = await openPage(browser, app, { width: 375, height: 800 });
    expect(await client.context.cookies()).toEqual([]);
    const cp = client.page;
    await cp.goto(url);
    await cp.getByRole('heading', { name: 'Review: Acme, next week' }).waitFor();
    const one = cp.getByRole('article', { name: /^Post for/ }).filter({ has: cp.getByText('Winter collection is here (hook)') });
    const two = cp.getByRole('article', { name: /^Post for/ }).filter({ has: cp.getByText('Half price on everything (hook)') });
    await one.getByRole('article', { name: /Preview on Brand hook/ }).waitFor();
    await one.getByText('Waiting for approval').waitFor();
    // A thread: the follow-up under the first part, with its own image and video.
    const three = cp.getByRole('article', { name: /^Post for/ }).filter({ has: cp.getByText('A tour of the new shop') });
    await expectThreadMedia(three.getByRole('article', { name: /Preview on Brand hook/ }));

    // A name comes first.
    await one.getByRole('button', { name: 'Approve' }).click();
    await one.getByRole('alert').getByText('Enter your name first.').waitFor();
    expect(await cp.evaluate(() => document.activeElement?.id)).toBe('reviewer-name');
    expect((await post(first)).approvalStatus).toBe('pending');
    await cp.getByLabel('Your name').fill('Cora Client');

    await one.getByRole('button', { name: 'Approve' }).click();
    await one.locator('[data-decision="approved"]').getByText('Cora Client approved').waitFor();
    await one.getByText('Approved', { exact: true }).waitFor();

    await two.getByRole('button', { name: 'Reject' }).click();
    await two.getByLabel('Why? (shown to the team)').fill('The price is wrong');
    await two.getByRole('button', { name: 'Reject post' }).click();
    await two.locator('[data-decision="rejected"]').getByText('The price is wrong').waitFor();
    await two.getByText('Rejected', { exact: true }).waitFor();

    await one.getByLabel('Comment', { exact: true }).fill('Love the photos!');
    await one.getByRole('button', { name: 'Send comment' }).click();
    await one.locator('.comment').getByText('Love the photos!').waitFor();
    expect(await cp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    while (await cp.locator('.toast__close').count()) await cp.locator('.toast__close').first().click();
    await screenshot(cp, 'review-link');

    // The server holds the decisions, and the team sees them in the app.
    expect(await post(first)).toMatchObject({ approvalStatus: 'approved', status: 'scheduled' });
    expect(await post(second)).toMatchObject({ approvalStatus: 'rejected', status: 'draft' });
    await page.goto(`/w/${owner.workspaceId}/posts/${first}`);
    const approval = page.getByRole('region', { name: 'Approval' });
    const entry = approval.locator('.review-history__item[data-decision="approved"]');
    await entry.getByText('Cora Client approved').waitFor();
    await entry.getByText('through a review link').waitFor();
    const comment = page.getByRole('region', { name: 'Comments' }).locator('.comment').filter({ hasText: 'Love the photos!' });
    await comment.getByText('Cora Client').waitFor();
    await comment.getByText('client', { exact: true }).waitFor();
    await page.goto(`/w/${owner.workspaceId}/posts/${second}`);
    await page.getByRole('region', { name: 'Approval' }).locator('.review-history__item[data-decision="rejected"]').getByText('The price is wrong').waitFor();
    expect(client.errors).toEqual([]);

    // Revoked from the Approvals screen: the link stops working and says so.
    await page.goto(`/w/${owner.workspaceId}/approvals`);
    await page.getByRole('button', { name: 'Revoke Acme, next week' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('row').filter({ hasText: 'Acme, next week' }).getByRole('cell', { name: 'Revoked' }).waitFor();
    await cp.reload();
    await cp.locator('[data-review-error="invalid"]').getByText('This review link is not valid, or it was revoked. Ask the sender for a new one.').waitFor();
    expect(await cp.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    // Expired: a clear message too.
    const other = await app.api('POST', `${owner.ws}/review-links`, { name: 'Old', from: DateTime.now().toISO(), to: DateTime.now().plus({ days: 3 }).toISO() }, owner.token);
    await app.db.db.query(`UPDATE review_links SET expires_at = now() - interval '1 minute' WHERE id = $1`, [other.body.id]);
    const refused = await client.expectConsoleErrors(/status of 403/, async () => {
      const [answer] = await Promise.all([cp.waitForResponse((r) => r.url().includes('/api/v1/review/')), cp.goto(other.body.url)]);
      expect(answer.status()).toBe(403);
      await cp.locator('[data-review-error="expired"]').getByText('This review link has expired. Ask the sender for a new one.').waitFor();
    });
    expect(refused).toHaveLength(1);
    expect(client.errors).toEqual([]);
    expect(admin.errors).toEqual([]);

    // The Approvals screen on a phone, in Norwegian, fits its width.
    const phone = await openPage(browser, app, { user: owner, width: 375, height: 800, locale: 'nb-NO' });
    await phone.page.goto(`/w/${owner.workspaceId}/approvals`);
    await phone.page.getByRole('heading', { name: 'Gjennomgangslenker for kunder' }).waitFor();
    await phone.page.getByRole('row').filter({ hasText: 'Acme, next week' }).getByRole('cell', { name: 'Trukket tilbake' }).waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(phone.errors).toEqual([]);
  });
});
