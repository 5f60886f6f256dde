/**
 * Performance in the web app, against the Mastodon emulator: a published post's figures per
 * channel (what Mastodon does not count says "not offered", a webhook says it offers none),
 * "Measure now" reading the network again and showing the new figures, and a channel's
 * performance screen — the follower chart, the period in the address, and the posts sorted by a
 * metric; then the same screen on a phone in Norwegian.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startMastodonEmulator, type MastodonEmulator } from '../emulators/mastodon/index.js';
import { createTestApp, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { connectOneChannel } from '../support/oauth-dance.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, screenshot, startBrowser } from './support/browser.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describeBrowser('web app: performance of posts and channels', () => {
  let app: TestApp;
  let emu: MastodonEmulator;
  let receiver: Receiver;
  let browser: Browser;
  let user: TestUser;
  let mastodonId: string;
  let webhookId: string;
  const posts: Record<string, any> = {};

  async function publish(text: string, channelIds: string[]) {
    const res = await app.api('POST', `${user.ws}/posts`, { text, targets: channelIds.map((channelId) => ({ channelId })), schedule: { mode: 'now' } }, user.token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return waitFor(async () => {
      const p = await app.api('GET', `${user.ws}/posts/${res.body.id}`, undefined, user.token);
      return p.body.deliveries.every((d: any) => d.state === 'published') && p.body;
    }, 20_000, 'the deliveries to be published');
  }

  /** A reading taken two hours ago (so "Measure now" asks the network again), and none due before the test asks. */
  async function measuredEarlier(delivery: any, metrics: Record<string, number | null>) {
    await app.db.db.query(`INSERT INTO delivery_metrics (id, workspace_id, delivery_id, collected_at, metrics, raw) VALUES (gen_random_uuid(), $1, $2, $3, $4::jsonb, '{}'::jsonb)`,
      [user.workspaceId, delivery.id, new Date(Date.now() - 2 * HOUR), JSON.stringify({ impressions: null, saves: null, clicks: null, ...metrics })]);
    await app.db.db.query(`UPDATE deliveries SET metrics_next_at = $2 WHERE id = $1`, [delivery.id, new Date(Date.now() + HOUR)]);
  }

  beforeAll(async () => {
    [emu, receiver, browser] = await Promise.all([startMastodonEmulator(), startWebhookReceiver(), startBrowser()]);
    app = await createTestApp();
    // Let the worker's first periodic round pass with nothing to measure: every reading below is the test's own.
    await sleep(1200);
    user = await app.signUp();
    mastodonId = (await connectOneChannel(app, user, 'mastodon', { instance: emu.url })).channel.id;
    receiver.setSecret('/hook', receiver.secret);
    const hook = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: receiver.url('/hook'), secret: receiver.secret, name: 'Hook', timezone: 'Europe/Oslo' }, user.token);
    expect(hook.status).toBe(201);
    webhookId = hook.body.id;

    posts.launch = await publish('Our spring launch is here', [mastodonId, webhookId]);
    posts.quiet = await publish('A quiet Tuesday update', [mastodonId]);
    posts.popular = await publish('Behind the scenes at the workshop', [mastodonId]);
    const on = (post: any, channelId: string) => post.deliveries.find((d: any) => d.channelId === channelId);
    await measuredEarlier(on(posts.launch, mastodonId), { likes: 2, comments: 1, shares: 3 });
    await measuredEarlier(on(posts.quiet, mastodonId), { likes: 1, comments: 0, shares: 0 });
    await measuredEarlier(on(posts.popular, mastodonId), { likes: 1234, comments: 8, shares: 12 });
    // A follower reading a day for the last 20 days, growing.
    for (let i = 20; i >= 1; i--) {
      await app.db.db.query(`INSERT INTO channel_metrics (id, workspace_id, channel_id, collected_at, followers, raw) VALUES (gen_random_uuid(), $1, $2, $3, $4, '{}'::jsonb)`,
        [user.workspaceId, mastodonId, new Date(Date.now() - i * DAY), 1000 + (20 - i) * 25]);
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await emu?.close();
    await receiver?.close();
  });

  it('shows a post’s figures, measures it again on demand, and ranks the channel’s posts', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user, height: 1100 });
    await page.goto(`/w/${user.workspaceId}/posts/${posts.launch.id}`);
    const panel = page.getByRole('region', { name: 'Performance' });
    const together = panel.getByRole('definition').first();
    await together.waitFor();
    const figure = (scope: ReturnType<Page['locator']>, metric: string) => scope.locator(`.figure[data-metric="${metric}"] dd`).first();
    const totals = panel.locator('dl.figures').first();
    await expect.poll(() => figure(totals, 'likes').textContent()).toBe('2');
    expect(await figure(totals, 'shares').textContent()).toBe('3');
    expect(await figure(totals, 'impressions').textContent()).toBe('not offered'); // Mastodon counts no views: never shown as 0
    const mastodon = panel.getByRole('article', { name: /Varde Test|varde_test/ });
    await mastodon.getByText('Next measurement').waitFor();
    await panel.getByRole('article', { name: 'Hook' }).getByText('Webhook offers no metrics to Varde.').waitFor();

    // People liked and boosted it since: Measure now reads Mastodon again.
    const status = emu.statuses.find((s) => s.id === posts.launch.deliveries.find((d: any) => d.channelId === mastodonId).externalId)!;
    ['7', '8', '9'].forEach((id) => status.favouritedBy.add(id));
    status.reblogs = 5;
    const asked = emu.callsTo('GET', '/api/v1/statuses/:id').length;
    await panel.getByRole('button', { name: 'Measure now' }).click();
    await panel.getByText('Measured 1 of 1 channel.').waitFor();
    await expect.poll(() => figure(totals, 'likes').textContent()).toBe('3');
    expect(await figure(totals, 'shares').textContent()).toBe('5');
    expect(emu.callsTo('GET', '/api/v1/statuses/:id').length).toBeGreaterThan(asked);
    await screenshot(page, 'post-performance');

    // The channel's screen, from the channels list.
    await page.goto(`/w/${user.workspaceId}/channels`);
    await page.getByRole('article', { name: /Varde Test|varde_test/ }).getByRole('link', { name: 'Performance' }).click();
    await page.getByRole('heading', { level: 1, name: /^Performance of / }).waitFor();
    const chart = page.getByRole('img', { name: /Followers of .* over the last 30 days/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('1,000');
    expect(await chart.getAttribute('aria-label')).toContain('1,475');
    expect(await page.locator('.chart__point').count()).toBe(20);
    await page.getByText('Show the readings as a table').click();
    await page.getByRole('cell', { name: '1,475' }).waitFor();

    const table = page.locator('table.perf-table');
    const firstPost = () => table.locator('tbody tr').first().locator('th').textContent();
    expect(await firstPost()).toBe('Behind the scenes at the workshop'); // newest first
    await table.getByRole('button', { name: /^Likes/ }).click();
    await expect.poll(() => page.url()).toContain('sort=likes');
    expect(await table.getByRole('columnheader', { name: /^Likes/ }).getAttribute('aria-sort')).toBe('descending');
    expect(await table.locator('tbody tr th').allTextContents()).toEqual(['Behind the scenes at the workshop', 'Our spring launch is here', 'A quiet Tuesday update']);
    expect(await table.locator('tbody tr').first().locator('td.num').nth(0).textContent()).toBe('1,234');
    await table.getByRole('button', { name: /^Likes/ }).click();
    await expect.poll(() => table.getByRole('columnheader', { name: /^Likes/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(await firstPost()).toBe('A quiet Tuesday update');
    await table.getByRole('button', { name: /^Likes/ }).click();
    await screenshot(page, 'channel-performance');

    // The period is in the address; each post links to its page.
    await page.getByRole('button', { name: '7 days' }).click();
    await expect.poll(() => page.url()).toContain('days=7');
    await page.getByRole('img', { name: /over the last 7 days/ }).waitFor();
    expect(await page.locator('.chart__point').count()).toBe(6);
    await table.getByRole('link', { name: 'A quiet Tuesday update' }).click();
    await page.getByRole('region', { name: 'Performance' }).waitFor();
    expect(page.url()).toContain(`/posts/${posts.quiet.id}`);
    expect(errors).toEqual([]);
  });

  it('fits a phone in Norwegian', { timeout: 60_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user, locale: 'nb-NO', width: 375, height: 812 });
    await page.goto(`/w/${user.workspaceId}/channels/${mastodonId}/performance?days=30&sort=likes`);
    await page.getByRole('heading', { level: 1, name: /^Resultater for / }).waitFor();
    const chart = page.getByRole('img', { name: /Følgere av .* de siste 30 dagene/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/1\s000/); // Norwegian digit grouping
    await page.getByRole('columnheader', { name: /^Likerklikk/ }).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'mobile-channel-performance');

    await page.goto(`/w/${user.workspaceId}/posts/${posts.launch.id}`);
    const panel = page.getByRole('region', { name: 'Resultater' });
    await panel.getByRole('button', { name: 'Mål nå' }).waitFor();
    await panel.getByText('ikke tilgjengelig').first().waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
