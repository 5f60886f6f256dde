/**
 * Account security and notifications in a real browser: two-factor log-in set up from the QR
 * code's key, then a log-out and a log-in that asks for the code (computed here as an
 * authenticator app would); recovery codes saved when turning it on, one used to log in (and
 * refused the second time), then a new set made; another session logged out from the sessions
 * list, and all others at once; e-mail and in-app notifications switched off for one kind; and
 * the bell counting a failed delivery's notification until it is marked read.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { totpCode } from '../../src/auth/totp.js';
import { describeBrowser, openPage, screenshot, startBrowser } from './support/browser.js';
import { userWithWebhook } from './support/fixtures.js';

describeBrowser('web app: sessions, two-factor log-in and notifications', () => {
  let app: TestApp;
  let browser: Browser;
  let receiver: Receiver;

  beforeAll(async () => {
    [app, browser, receiver] = await Promise.all([createTestApp(), startBrowser(), startWebhookReceiver()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
  });

  it('logs out another session from the sessions list', { timeout: 60_000 }, async () => {
    const email = `sam.${Date.now()}@example.com`;
    const user = await app.signUp({ email, name: 'Sam Sessions' });
    const other = await app.api('POST', '/api/v1/auth/login', { email, password: 'correct horse battery' }, undefined, { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1' });
    expect(other.status).toBe(200);
    const otherCookie = `cookie:${String(other.headers['set-cookie']).split(';')[0]}`;

    const { page, errors } = await openPage(browser, app, { user });
    await page.goto(`/w/${user.workspaceId}/account`);
    const sessions = page.getByRole('list', { name: 'Sessions' });
    await sessions.getByRole('listitem', { name: /this session/ }).waitFor();
    const phone = sessions.getByRole('listitem', { name: 'Safari, iOS' });
    await phone.waitFor();
    await phone.getByRole('button', { name: /^Log out Safari, iOS/ }).click();
    await page.getByRole('dialog', { name: 'Log out this session?' }).getByRole('button', { name: 'Log out' }).click();
    await page.getByText('Session logged out').waitFor();
    await expect.poll(() => sessions.getByRole('listitem').count()).toBe(1);
    expect((await app.api('GET', '/api/v1/me', undefined, otherCookie)).status).toBe(401);
    expect((await app.api('GET', '/api/v1/me', undefined, user.cookie)).status).toBe(200);

    // E-mail per kind of notification (the in-app ones always show).
    const failedByEmail = page.getByRole('checkbox', { name: 'E-mail me about: Post failed' });
    expect(await failedByEmail.isChecked()).toBe(true);
    await failedByEmail.uncheck();
    await expect.poll(async () => (await app.api('GET', '/api/v1/me/notification-settings', undefined, user.cookie)).body.email['delivery.failed']).toBe(false);
    await page.reload();
    expect(await page.getByRole('checkbox', { name: 'E-mail me about: Post failed' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'E-mail me about: Approval requested' }).isChecked()).toBe(true);

    // In the app, per kind too: a muted kind leaves the list.
    const failedInApp = page.getByRole('checkbox', { name: 'Show in the app: Post failed' });
    expect(await failedInApp.isChecked()).toBe(true);
    await failedInApp.uncheck();
    await expect.poll(async () => (await app.api('GET', '/api/v1/me/notification-settings', undefined, user.cookie)).body.inApp['delivery.failed']).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'E-mail me about: Post failed' }).isChecked()).toBe(false);

    // All other sessions at once, in one call.
    const more = await Promise.all([1, 2].map(() => app.api('POST', '/api/v1/auth/login', { email, password: 'correct horse battery' })));
    await page.reload();
    await expect.poll(() => sessions.getByRole('listitem').count()).toBe(3);
    await page.getByRole('button', { name: 'Log out all other sessions' }).click();
    const calls: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/me/sessions')) calls.push(`${r.method()} ${new URL(r.url()).pathname}`); });
    await page.getByRole('dialog', { name: 'Log out all other sessions' }).getByRole('button', { name: 'Log out' }).click();
    await page.getByText('2 sessions logged out').waitFor();
    await expect.poll(() => sessions.getByRole('listitem').count()).toBe(1);
    expect(calls.filter((c) => c.startsWith('POST') || c.startsWith('DELETE'))).toEqual(['POST /api/v1/me/sessions/log-out-others']);
    for (const m of more) expect((await app.api('GET', '/api/v1/me', undefined, `cookie:${String(m.headers['set-cookie']).split(';')[0]}`)).status).toBe(401);
    expect((await app.api('GET', '/api/v1/me', undefined, user.cookie)).status).toBe(200);
    expect(errors).toEqual([]);
  });

  it('sets up two-factor log-in from the QR code’s key, then asks for a code at log-in', { timeout: 90_000 }, async () => {
    const email = `tove.${Date.now()}@example.com`;
    const user = await app.signUp({ email, name: 'Tove Totp' });
    const { page, errors } = await openPage(browser, app, { user });
    await page.goto(`/w/${user.workspaceId}/account`);
    await page.getByText('Off: your password alone logs you in.').waitFor();
    await page.getByRole('button', { name: 'Set up two-factor log-in' }).click();
    const qr = page.getByRole('img', { name: 'QR code to scan with an authenticator app' });
    await qr.waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await qr.getAttribute('data-value')).toBe(`otpauth://totp/Varde:${encodeURIComponent(email)}?secret=${secret}&issuer=Varde&algorithm=SHA1&digits=6&period=30`);
    expect((await qr.locator('path').getAttribute('d'))!.length).toBeGreaterThan(1000); // drawn modules, not an empty box

    const wrong = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    await page.getByLabel('6-digit code').fill(wrong);
    await page.getByRole('button', { name: 'Turn on two-factor log-in' }).click();
    await page.getByText('That code is wrong or has expired').waitFor();
    expect((await app.api('GET', '/api/v1/me/totp', undefined, user.cookie)).body.enabled).toBe(false);
    await page.getByLabel('6-digit code').fill(totpCode(secret));
    expect(await page.getByText('That code is wrong or has expired').count()).toBe(0);
    await screenshot(page, 'security');
    await page.getByRole('button', { name: 'Turn on two-factor log-in' }).click();
    await page.getByText(/^On since/).waitFor();

    // The recovery codes, shown once: downloaded as a text file, then put away.
    const shown = page.getByRole('region', { name: 'Your recovery codes' });
    await shown.waitFor();
    const listed = (await shown.getByTestId('recovery-codes').locator('code').allTextContents()).map((c) => c.trim());
    expect(listed).toHaveLength(10);
    const [download] = await Promise.all([page.waitForEvent('download'), shown.getByRole('link', { name: 'Download as .txt' }).click()]);
    expect(download.suggestedFilename()).toBe('varde-recovery-codes.txt');
    const saved = fs.readFileSync((await download.path())!, 'utf8');
    for (const c of listed) expect(saved).toContain(c);
    await screenshot(page, 'security-recovery-codes');
    await shown.getByRole('button', { name: 'I have saved them' }).click();
    expect(await shown.count()).toBe(0);
    await page.getByText('10 recovery codes left.').waitFor();

    await page.locator('header').getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    const code = page.getByLabel('Authenticator code');
    await code.waitFor();
    await code.fill(wrong);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('That code is wrong or has expired').waitFor();
    await code.fill(totpCode(secret));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`**/w/${user.workspaceId}/**`);
    await page.locator('header').getByRole('button', { name: 'Log out' }).waitFor();

    // Without the phone: a saved recovery code logs in once; the same code fails the second time.
    const logInWithRecovery = async (recoveryCode: string) => {
      await page.locator('header').getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL('**/login');
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByLabel('Authenticator code').waitFor();
      await page.getByRole('button', { name: 'Use a recovery code' }).click();
      await page.getByLabel('Recovery code').fill(recoveryCode);
      await page.getByRole('button', { name: 'Log in' }).click();
    };
    await logInWithRecovery(listed[0]);
    await page.waitForURL(`**/w/${user.workspaceId}/**`);
    await page.goto(`/w/${user.workspaceId}/account`);
    await page.getByText('9 recovery codes left.').waitFor();
    await logInWithRecovery(listed[0]);
    await page.getByText('That recovery code is wrong or has already been used.').waitFor();
    expect(page.url()).toMatch(/\/login/);
    await page.getByLabel('Recovery code').fill(listed[1]);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`**/w/${user.workspaceId}/**`);

    // A new set, proven with the current code; the old codes stop working.
    await page.goto(`/w/${user.workspaceId}/account`);
    await page.getByText('8 recovery codes left.').waitFor();
    await page.getByLabel('Password or authenticator code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Make new recovery codes' }).click();
    const fresh = page.getByRole('region', { name: 'Your recovery codes' });
    await fresh.waitFor();
    const renewed = (await fresh.getByTestId('recovery-codes').locator('code').allTextContents()).map((c) => c.trim());
    expect(renewed).toHaveLength(10);
    expect(renewed).not.toContain(listed[2]);
    await page.getByText('10 recovery codes left.').waitFor();
    const old = await app.api('POST', '/api/v1/auth/login', { email, password: 'correct horse battery', recoveryCode: listed[2] });
    expect(old.status).toBe(401);
    expect(errors).toEqual([]);
  });

  it('counts a failed delivery under the bell, links to the post, and clears when marked read', { timeout: 90_000 }, async () => {
    const setup = await userWithWebhook(app, receiver, { path: '/refusing', name: 'Refusing hook' });
    receiver.script([{ path: '/refusing', status: 422, body: JSON.stringify({ error: 'No thanks' }) }]);
    const { page, errors } = await openPage(browser, app, { user: setup.user });
    await page.goto(`/w/${setup.user.workspaceId}/calendar`);
    const bell = page.locator('header').getByRole('button', { name: /^Notifications/ });
    await bell.waitFor();
    expect(await bell.getAttribute('aria-label')).toBe('Notifications');

    const created = await app.api('POST', `${setup.user.ws}/posts`, { text: 'This one will bounce', targets: [{ channelId: setup.channelId }], schedule: { mode: 'now' } }, setup.user.token);
    expect(created.status).toBe(201);
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 40_000 }).toBe('Notifications, 1 unread');
    expect(await page.getByTestId('bell-count').textContent()).toBe('1');

    await bell.click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    const item = panel.getByRole('listitem').filter({ hasText: 'Post failed' });
    const link = item.getByRole('link', { name: /Refusing hook/ });
    expect(await link.getAttribute('href')).toBe(`/w/${setup.user.workspaceId}/posts/${created.body.id}`);
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');
    expect(await page.getByTestId('bell-count').count()).toBe(0);
    expect(await item.getByRole('button', { name: /^Mark read/ }).count()).toBe(0);
    const unread = await app.api('GET', `${setup.user.ws}/notifications?unread=true`, undefined, setup.user.token);
    expect(unread.body.notifications).toEqual([]);

    await link.click();
    await page.waitForURL(`**/posts/${created.body.id}`);
    expect(errors).toEqual([]);
  });
});
