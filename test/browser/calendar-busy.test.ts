/**
 * A busy day in the month grid: the server sends only each day's first posts and every day's
 * count, the grid shows three and "+N more", and that opens the whole day, asked for on its own.
 * Also late evening in Oslo stays on its Oslo day (the days are the browser's days).
 */
import { expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { describeBrowser, screenshot } from './support/browser.js';
import { webhookUserSuite } from './support/fixtures.js';

const ZONE = 'Europe/Oslo';

describeBrowser('web app: a busy day in the month grid', () => {
  const suite = webhookUserSuite({ timezoneId: ZONE });

  it('shows three posts and "+N more", which lists the whole day', { timeout: 120_000 }, async () => {
    const { app, tab: { page, errors }, who: { user, channelId } } = suite;
    // A day well inside next month, so the month view is certain to hold it.
    const day = DateTime.now().setZone(ZONE).plus({ months: 1 }).set({ day: 12 }).startOf('day');
    const schedule = (hour: number, minute = 0) => ({ mode: 'at', at: day.set({ hour, minute }).toISO() });
    for (let i = 0; i < 7; i++) {
      const res = await app.api('POST', `${user.ws}/posts`, { text: `Busy day post ${i + 1}`, targets: [{ channelId }], schedule: schedule(8 + i) }, user.token);
      expect(res.status).toBe(201);
    }
    // 23:30 in Oslo is the next day in UTC: it must still count on the 12th.
    expect((await app.api('POST', `${user.ws}/posts`, { text: 'Busy day post 8, late', targets: [{ channelId }], schedule: schedule(23, 30) }, user.token)).status).toBe(201);

    const answer = page.waitForResponse((r) => r.url().includes('/calendar?') && r.url().includes('perDay=3'));
    await page.goto(`/w/${user.workspaceId}/calendar?view=month&date=${day.toISODate()}`);
    const body = await (await answer).json();
    expect(body.posts).toHaveLength(3);
    expect(body.days).toEqual([{ day: day.toISODate(), count: 8 }]);

    const grid = page.locator('.calendar-grid[data-ready="true"]');
    await expect.poll(() => grid.getAttribute('data-posts')).toBe('8');
    const cell = page.locator(`td.month-day[data-date="${day.toISODate()}"]`);
    await expect.poll(() => cell.locator('[data-post-id]').count()).toBe(3);
    await cell.getByText('Busy day post 1').waitFor();
    const more = cell.getByRole('button', { name: /^5 more posts on .*12/ });
    await expect.poll(() => more.innerText()).toContain('5');
    await screenshot(page, 'calendar-busy');

    await more.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Busy day post 8, late').waitFor();
    await expect.poll(() => dialog.getByRole('listitem').count()).toBe(8);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });
});
