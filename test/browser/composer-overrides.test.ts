/**
 * Per-channel media and threads in the composer, in a real browser: one post to two webhook
 * channels where the second channel's tab uses other images (another set, order and alt text) and
 * its own thread. The previews and counters follow each tab, and each receiver gets its own media.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestApp, makePng, uploadPng, waitFor, type TestApp } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, startBrowser, type OpenPage } from './support/browser.js';
import { userWithWebhook, type UserWithChannel } from './support/fixtures.js';

describeBrowser('web app: per-channel media and threads in the composer', () => {
  let app: TestApp;
  let receiver: Receiver;
  let browser: Browser;
  let tab: OpenPage;
  let who: UserWithChannel;
  let betaId: string;

  beforeAll(async () => {
    [app, receiver, browser] = await Promise.all([createTestApp(), startWebhookReceiver(), startBrowser()]);
    who = await userWithWebhook(app, receiver, { name: 'Alpha', path: '/alpha' });
    receiver.setSecret('/beta', receiver.secret);
    const beta = await app.api('POST', `${who.user.ws}/channels`, { network: 'webhook', url: receiver.url('/beta'), secret: receiver.secret, name: 'Beta' }, who.user.token);
    expect(beta.status).toBe(201);
    betaId = beta.body.id;
    tab = await openPage(browser, app, { user: who.user });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
  });

  it('publishes different media and threads to two channels', { timeout: 120_000 }, async () => {
    const { page, errors } = tab;
    const { user } = who;
    await page.goto(`/w/${user.workspaceId}/compose`);
    await page.getByRole('checkbox', { name: 'Alpha' }).check();
    await page.getByRole('checkbox', { name: 'Beta' }).check();
    await page.getByLabel('Text', { exact: true }).fill('Same words, different pictures');

    // The base: one image, with its alt text, and one follow-up.
    await page.getByLabel('Choose files', { exact: true }).setInputFiles({ name: 'wide.png', mimeType: 'image/png', buffer: Buffer.from(makePng(64, 48)) });
    await page.getByLabel('Alt text for media 1', { exact: true }).fill('A wide picture');
    await page.getByRole('button', { name: 'Add a follow-up', exact: true }).click();
    await page.getByLabel('Follow-up 1', { exact: true }).fill('The base thread continues');

    // Beta's tab: its own images (a second one, put first, and other alt text) and its own thread.
    await page.getByRole('tab', { name: /Beta/ }).click();
    await page.getByText('Uses the 1 image or video chosen for all channels.').waitFor();
    await page.getByRole('checkbox', { name: 'Use other images or videos for Beta' }).check();
    await page.getByLabel('Choose files for Beta').setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: Buffer.from(makePng(32, 32)) });
    await page.getByLabel('Alt text for media 2 on Beta').waitFor();
    await page.getByLabel('Alt text for media 2 on Beta').fill('A square picture');
    await page.getByLabel('Alt text for media 1 on Beta').fill('The wide picture, described for Beta');
    await page.getByRole('button', { name: 'Move media 2 on Beta earlier' }).click();
    await page.getByRole('checkbox', { name: 'Write another thread for Beta' }).check();
    await page.getByLabel('Follow-up 1 on Beta', { exact: true }).fill('Only Beta reads this');
    await page.getByRole('button', { name: 'Add a follow-up on Beta' }).click();
    await page.getByLabel('Follow-up 2 on Beta', { exact: true }).fill('And this');

    // The previews follow each channel's own content; the base field is unchanged.
    const alpha = page.getByRole('article', { name: /Preview on Alpha/ });
    const beta = page.getByRole('article', { name: /Preview on Beta/ });
    await expect.poll(() => alpha.locator('.pv__cell img').count()).toBe(1);
    await expect.poll(() => beta.locator('.pv__cell img').count()).toBe(2);
    expect(await beta.locator('.pv__cell img').first().getAttribute('alt')).toBe('A square picture');
    expect(await alpha.locator('.pv__thread li').allTextContents()).toEqual(['The base thread continues']);
    expect(await beta.locator('.pv__thread li').allTextContents()).toEqual(['Only Beta reads this', 'And this']);
    expect(await page.getByRole('group', { name: 'Images and videos', exact: true }).locator('.thumb').count()).toBe(1);

    // Publish now: each receiver gets its channel's media, in its order, with its alt text.
    await page.getByRole('radio', { name: 'Now' }).check();
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();
    await waitFor(() => receiver.events.length >= 2, 20_000, 'both channels to receive the post');
    const got = (path: string) => receiver.events.find((e) => e.path === path)!.body.data;
    const [a, b] = [got('/alpha'), got('/beta')];
    expect(a.text).toBe('Same words, different pictures');
    expect(b.text).toBe('Same words, different pictures');
    expect(a.media.map((m: any) => [m.width, m.height, m.alt])).toEqual([[64, 48, 'A wide picture']]);
    expect(b.media.map((m: any) => [m.width, m.height, m.alt])).toEqual([[32, 32, 'A square picture'], [64, 48, 'The wide picture, described for Beta']]);
    expect(a.followups.map((f: any) => f.text)).toEqual(['The base thread continues']);
    expect(b.followups.map((f: any) => f.text)).toEqual(['Only Beta reads this', 'And this']);

    // Editing the post brings the channel's own media and thread back into its tab.
    const postId = page.url().split('/posts/')[1];
    const post = (await app.api('GET', `${user.ws}/posts/${postId}`, undefined, user.token)).body;
    const betaDelivery = post.deliveries.find((d: any) => d.override.media);
    expect(betaDelivery.override.media).toHaveLength(2);
    expect(post.deliveries.find((d: any) => !d.override.media)).toBeTruthy();
    expect(errors).toEqual([]);
  });

  it('brings a saved post’s per-channel media and thread back into its tab, and saves changes to them', { timeout: 90_000 }, async () => {
    const { page, errors } = tab;
    const { user, channelId } = who;
    const [wide, square] = [await uploadPng(app, user, { width: 64, height: 48 }), await uploadPng(app, user, { width: 32, height: 32 })];
    const created = await app.api('POST', `${user.ws}/posts`, {
      text: 'Edit me', media: [{ mediaId: wide, alt: 'Wide' }], followups: [{ text: 'Base follow-up' }],
      targets: [{ channelId }, { channelId: betaId, media: [{ mediaId: square, alt: 'Square' }, { mediaId: wide, alt: 'Wide on Beta' }], followups: [{ text: 'Beta follow-up' }] }],
      schedule: { mode: 'at', at: '2031-06-01T08:00:00Z' },
    }, user.token);
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    await page.goto(`/w/${user.workspaceId}/compose/${created.body.id}`);
    await page.getByRole('heading', { name: 'Edit post' }).waitFor();
    await page.getByRole('tab', { name: /Beta/ }).click();
    expect(await page.getByRole('checkbox', { name: 'Use other images or videos for Beta' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Alt text for media 1 on Beta').inputValue()).toBe('Square');
    expect(await page.getByLabel('Alt text for media 2 on Beta').inputValue()).toBe('Wide on Beta');
    expect(await page.getByLabel('Follow-up 1 on Beta', { exact: true }).inputValue()).toBe('Beta follow-up');
    await page.getByRole('button', { name: 'Remove media 2 on Beta' }).click();
    await page.getByRole('checkbox', { name: 'Write another thread for Beta' }).uncheck();
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();

    const saved = (await app.api('GET', `${user.ws}/posts/${created.body.id}`, undefined, user.token)).body;
    const overrideOf = (id: string) => saved.deliveries.find((d: any) => d.channelId === id).override;
    expect(overrideOf(betaId).media).toEqual([{ mediaId: square, alt: 'Square' }]);
    expect(overrideOf(betaId).followups).toBeUndefined();
    expect(overrideOf(channelId)).toEqual({});
    expect(saved.content.media).toEqual([{ mediaId: wide, alt: 'Wide' }]);
    expect(errors).toEqual([]);
  });
});
