/**
 * Browser tests: Debian's Chromium driven by playwright-core against a real Varde (createTestApp)
 * serving the built web app. Suites skip when Chromium is missing (the global setup prints how to
 * enable them, and fails instead under VARDE_REQUIRE_ALL_SUITES=1).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuild } from '../../../web/scripts/ensure-build.mjs';
import type { TestApp, TestUser } from '../../support/app.js';

export const CHROMIUM = process.env.VARDE_CHROMIUM ?? '/usr/lib/chromium/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

/** `describe`, or `describe.skip` without Chromium. */
export const describeBrowser = hasChromium || process.env.VARDE_REQUIRE_ALL_SUITES === '1' ? describe : describe.skip;

export const SCREENSHOTS = path.resolve('docs/screenshots');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-GB'];

/** Builds web/dist if it is stale (once across parallel test files), then starts Chromium. */
export async function startBrowser(): Promise<Browser> {
  await ensureBuild({ quiet: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** The app's base URL on 127.0.0.1 (what the server listens on). */
export const baseUrl = (app: TestApp) => app.url.replace('localhost', '127.0.0.1');

export interface PageOptions {
  locale?: string;
  timezoneId?: string;
  width?: number;
  height?: number;
  /** Logged in as this user (its session cookie). */
  user?: TestUser;
  /** A touch screen (for touch drags through CDP's Input.dispatchTouchEvent). */
  hasTouch?: boolean;
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors seen, besides expected 401s of the logged-out check. */
  errors: string[];
  /**
   * Runs `act`, during which console errors matching `pattern` are expected rather than counted in
   * `errors`; waits until at least one has come (fails if none does) and returns them, so a test
   * asserts the error it provokes — and only that one, only there.
   */
  expectConsoleErrors(pattern: RegExp, act: () => Promise<unknown>, timeoutMs?: number): Promise<string[]>;
}

export async function openPage(browser: Browser, app: TestApp, opts: PageOptions = {}): Promise<OpenPage> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    locale: opts.locale ?? 'en-GB',
    timezoneId: opts.timezoneId ?? 'Europe/Oslo',
    baseURL: baseUrl(app),
    hasTouch: opts.hasTouch ?? false,
  });
  if (opts.user) {
    const [name, value] = opts.user.cookie.slice('cookie:'.length).split('=');
    await context.addCookies([{ name, value, url: baseUrl(app) }]);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  let expecting: { pattern: RegExp; seen: string[] } | null = null;
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (/status of (401|404|409|422|400)/.test(msg.text())) return; // expected API answers, shown in the page
    if (expecting?.pattern.test(msg.text())) { expecting.seen.push(msg.text()); return; }
    errors.push(`console: ${msg.text()}`);
  });
  const expectConsoleErrors = async (pattern: RegExp, act: () => Promise<unknown>, timeoutMs = 5_000) => {
    if (expecting) throw new Error('expectConsoleErrors does not nest');
    const window = { pattern, seen: [] as string[] };
    expecting = window;
    try {
      await act();
      // Console events travel separately from the page's answers: give the expected one time to arrive.
      for (const until = Date.now() + timeoutMs; window.seen.length === 0 && Date.now() < until;) await page.waitForTimeout(50);
      if (window.seen.length === 0) throw new Error(`No console error matching ${pattern} came`);
      return window.seen;
    } finally {
      expecting = null;
    }
  };
  return { context, page, errors, expectConsoleErrors };
}

/** Writes docs/screenshots/<name>.png (the README shows these). */
export async function screenshot(page: Page, name: string, fullPage = true) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage, animations: 'disabled' });
}

/** Presses Tab until the focused element matches, like a keyboard user looking for a control. */
export async function tabTo(page: Page, matches: (el: { tag: string; name: string; type: string }) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a) return { tag: '', name: '', type: '' };
      const labelled = a.getAttribute('aria-label') ?? (a.id ? document.querySelector(`label[for="${a.id}"]`)?.textContent : null) ?? a.closest('label')?.textContent ?? a.textContent ?? '';
      return { tag: a.tagName.toLowerCase(), name: labelled.trim().replace(/\s+/g, ' '), type: (a as HTMLInputElement).type ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error(`Tab never reached the wanted control in ${max} presses`);
}
