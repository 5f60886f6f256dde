/**
 * The composer's link card in a real browser: the page's title and description, and its image even
 * from an `http:` site (the page's policy allows only https images), fetched by Varde's server and
 * passed on, so the browser never contacts the linked site itself.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestApp, makePng, type TestApp } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, startBrowser, type OpenPage } from './support/browser.js';
import { userWithWebhook, type UserWithChannel } from './support/fixtures.js';

describeBrowser('web app: the link card', () => {
  let app: TestApp;
  let receiver: Receiver;
  let browser: Browser;
  let tab: OpenPage;
  let who: UserWithChannel;
  let site: http.Server;
  let siteUrl: string;
  const siteRequests: string[] = [];

  beforeAll(async () => {
    const png = Buffer.from(makePng(120, 63));
    site = http.createServer((req, res) => {
      siteRequests.push(`${req.url} ${req.headers['user-agent'] ?? ''}`);
      if (req.url === '/card.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><title>x</title><meta property="og:title" content="Autumn launch"><meta property="og:description" content="Everything new this autumn"><meta property="og:image" content="/card.png"></head></html>');
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', () => r()));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    [app, receiver, browser] = await Promise.all([createTestApp(), startWebhookReceiver(), startBrowser()]);
    who = await userWithWebhook(app, receiver);
    tab = await openPage(browser, app, { user: who.user });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
    await new Promise((r) => site?.close(r));
  });

  it('shows the card with an http: site’s image, fetched by the server', { timeout: 60_000 }, async () => {
    const { page, errors } = tab;
    await page.goto(`/w/${who.user.workspaceId}/compose`);
    await page.getByRole('checkbox', { name: 'Hook' }).check();
    await page.getByLabel('Text', { exact: true }).fill('Read all about it');
    await page.getByLabel('Link', { exact: true }).fill(`${siteUrl}/autumn`);
    const card = page.locator('.link-card').first();
    await card.getByText('Autumn launch').waitFor();
    await card.getByText('Everything new this autumn').waitFor();
    const img = card.locator('img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(120);
    expect(await img.getAttribute('src')).toMatch(/^\/api\/v1\/workspaces\/[\w-]+\/link-preview\/image\?url=http%3A%2F%2F127\.0\.0\.1/);
    // Every request the site saw came from Varde's server, none from the browser.
    expect(siteRequests.length).toBeGreaterThanOrEqual(2);
    for (const r of siteRequests) expect(r).toContain('Varde');
    expect(errors).toEqual([]);
  });
});
