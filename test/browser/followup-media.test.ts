/**
 * Images on follow-ups in the composer, in a real browser: the second part of a thread gets an
 * image with alt text; its counters, problems and previews follow it (a Bluesky check counts the
 * follow-up's own images); the draft kept in the browser brings it back after a reload; published
 * to a webhook channel, the receiver gets the image on the follow-up; editing the post shows it
 * again, and a channel's own thread takes its own image.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestApp, makePng, uploadPng, waitFor, type TestApp } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, screenshot, startBrowser, type OpenPage } from './support/browser.js';
import { userWithWebhook, type UserWithChannel } from './support/fixtures.js';

const png = (name: string, w: number, h: number) => ({ name, mimeType: 'image/png', buffer: Buffer.from(makePng(w, h)) });

describeBrowser('web app: images and videos on follow-ups', () => {
  let app: TestApp;
  let receiver: Receiver;
  let browser: Browser;
  let tab: OpenPage;
  let who: UserWithChannel;

  beforeAll(async () => {
    [app, receiver, browser] = await Promise.all([createTestApp(), startWebhookReceiver(), startBrowser()]);
    who = await userWithWebhook(app, receiver, { name: 'Hook', path: '/hook' });
    tab = await openPage(browser, app, { user: who.user });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
  });

  it('publishes a thread whose second part has an image, with the image on that follow-up', { timeout: 120_000 }, async () => {
    const { page, errors } = tab;
    const { user } = who;
    await page.goto(`/w/${user.workspaceId}/compose`);
    await page.getByRole('checkbox', { name: 'Hook' }).check();
    await page.getByLabel('Text', { exact: true }).fill('A thread in three parts');
    await page.getByRole('button', { name: 'Add a follow-up', exact: true }).click();
    await page.getByLabel('Follow-up 1', { exact: true }).fill('Part two, with a picture');
    await page.getByRole('button', { name: 'Add a follow-up', exact: true }).click();
    await page.getByLabel('Follow-up 2', { exact: true }).fill('Part three, words only');

    // The first follow-up gets two images (to check Bluesky's rules on it), then keeps one with alt text.
    await page.getByRole('button', { name: 'Add images or videos to follow-up 1' }).click();
    await page.getByLabel('Choose files for follow-up 1').setInputFiles([png('harbour.png', 64, 48), png('boats.png', 40, 30)]);
    await page.getByLabel('Alt text for media 2 of follow-up 1').waitFor();
    await page.getByLabel('Alt text for media 1 of follow-up 1').fill('The harbour at dawn');
    expect(await page.getByRole('group', { name: 'Images and videos', exact: true }).locator('.thumb').count()).toBe(0);

    // Checked live by the shared rules: a Bluesky check asks for the second image's alt text on follow-up 1.
    await page.locator('details.check-networks summary').click();
    await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).check();
    const problems = page.locator('#composer-problems');
    await problems.getByText(/follow-up 1/i).first().waitFor();
    const followup1 = page.locator('.followup').nth(0);
    await followup1.locator('[data-network="bluesky"]').waitFor();
    await followup1.locator('[data-network="webhook"]').waitFor();
    await page.getByRole('button', { name: 'Remove media 2 of follow-up 1' }).click();
    await expect.poll(() => problems.getByText(/follow-up 1/i).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();

    // The preview shows the image under the second part of the thread.
    const preview = page.getByRole('article', { name: /Preview on Hook/ });
    await expect.poll(() => preview.locator('.pv__thread li').count()).toBe(2);
    expect(await preview.locator('.pv__thread li').nth(0).locator('img').getAttribute('alt')).toBe('The harbour at dawn');
    expect(await preview.locator('.pv__thread li').nth(1).locator('img').count()).toBe(0);
    expect(await preview.locator('.pv__grid').count()).toBe(1);

    // Kept in this browser: a reload brings the follow-up's image and alt text back.
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByText(/Your unsaved post from/).waitFor();
    expect(await page.getByLabel('Alt text for media 1 of follow-up 1').inputValue()).toBe('The harbour at dawn');
    expect(await page.getByLabel('Follow-up 2', { exact: true }).inputValue()).toBe('Part three, words only');
    await screenshot(page, 'composer-followup-media');

    // Publish now: the receiver gets the image on the first follow-up.
    await page.getByRole('radio', { name: 'Now' }).check();
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();
    await waitFor(() => receiver.events.some((e) => e.path === '/hook'), 20_000, 'the webhook to receive the post');
    const got = receiver.events.find((e) => e.path === '/hook')!.body.data;
    expect(got.text).toBe('A thread in three parts');
    expect(got.media).toEqual([]);
    expect(got.followups.map((f: any) => f.text)).toEqual(['Part two, with a picture', 'Part three, words only']);
    expect(got.followups[0].media.map((m: any) => [m.width, m.height, m.alt])).toEqual([[64, 48, 'The harbour at dawn']]);
    expect(got.followups[1].media).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('brings a saved post’s follow-up images back, and gives a channel’s own thread its own image', { timeout: 90_000 }, async () => {
    const { page, errors } = tab;
    const { user, channelId } = who;
    const wide = await uploadPng(app, user, { width: 64, height: 48 });
    const created = await app.api('POST', `${user.ws}/posts`, {
      text: 'Edit my thread', followups: [{ text: 'With a wide picture', media: [{ mediaId: wide, alt: 'Wide' }] }],
      targets: [{ channelId }], schedule: { mode: 'at', at: '2031-06-01T08:00:00Z' },
    }, user.token);
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    await page.goto(`/w/${user.workspaceId}/compose/${created.body.id}`);
    await page.getByRole('heading', { name: 'Edit post' }).waitFor();
    expect(await page.getByLabel('Alt text for media 1 of follow-up 1', { exact: true }).inputValue()).toBe('Wide');
    await page.getByLabel('Alt text for media 1 of follow-up 1', { exact: true }).fill('A wide picture');

    // The channel's own thread starts as a copy of the base one and takes another image.
    await page.getByRole('tab', { name: /Hook/ }).click();
    await page.getByRole('checkbox', { name: 'Write another thread for Hook' }).check();
    await page.getByRole('button', { name: 'Remove media 1 of follow-up 1 on Hook' }).click();
    await page.getByLabel('Choose files for follow-up 1 on Hook').setInputFiles(png('square.png', 32, 32));
    await page.getByLabel('Alt text for media 1 of follow-up 1 on Hook').fill('A square picture');
    const preview = page.getByRole('article', { name: /Preview on Hook/ });
    await expect.poll(() => preview.locator('.pv__thread img').getAttribute('alt')).toBe('A square picture');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();

    const saved = (await app.api('GET', `${user.ws}/posts/${created.body.id}`, undefined, user.token)).body;
    expect(saved.content.followups).toEqual([{ text: 'With a wide picture', media: [{ mediaId: wide, alt: 'A wide picture' }] }]);
    const own = saved.deliveries[0].override.followups;
    expect(own).toHaveLength(1);
    expect(own[0].text).toBe('With a wide picture');
    expect(own[0].media).toHaveLength(1);
    expect(own[0].media[0].alt).toBe('A square picture');
    expect(own[0].media[0].mediaId).not.toBe(wide);
    expect(errors).toEqual([]);
  });
});
