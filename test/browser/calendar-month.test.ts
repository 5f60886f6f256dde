/**
 * The month grid beyond the happy path of the publishing flow: entries carry their campaign's
 * colour and name, a drag cancelled with Escape changes nothing, arrow keys move between days,
 * Enter opens the post, and the week view (FullCalendar, loaded on demand) shows the same posts
 * and moves one by dragging it to another hour.
 */
import { expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { describeBrowser, screenshot } from './support/browser.js';
import { webhookUserSuite } from './support/fixtures.js';

const ZONE = 'Europe/Oslo';

describeBrowser('web app: the month grid', () => {
  const suite = webhookUserSuite({ timezoneId: ZONE });

  it('colours entries by campaign, cancels a drag on Escape, moves by arrow keys, starts a post on a day, and drags by the hour in the week view', { timeout: 120_000 }, async () => {
    const { app, tab: { page, errors }, who: { user, channelId } } = suite;
    // A Wednesday well inside next month: the days either side are in the same week row.
    let day = DateTime.now().setZone(ZONE).plus({ months: 1 }).set({ day: 14 }).startOf('day');
    while (day.weekday !== 3) day = day.plus({ days: 1 });
    const campaign = await app.api('POST', `${user.ws}/campaigns`, { name: 'Autumn sale', colour: '#c2410c' }, user.token);
    expect(campaign.status).toBe(201);
    const create = async (text: string, at: DateTime, campaignId?: string) => {
      const res = await app.api('POST', `${user.ws}/posts`, { text, targets: [{ channelId }], schedule: { mode: 'at', at: at.toISO() }, ...(campaignId ? { campaignId } : {}) }, user.token);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const inCampaign = await create('Sale starts', day.set({ hour: 9 }), campaign.body.id);
    const nextDay = await create('Second day', day.plus({ days: 1 }).set({ hour: 11 }));

    await page.goto(`/w/${user.workspaceId}/calendar?view=month&date=${day.toISODate()}`);
    const entry = page.locator(`td[data-date="${day.toISODate()}"] .cal-entry[data-post-id="${inCampaign}"]`);
    await entry.waitFor();
    // The campaign: a dot in its colour, and its name in the entry's spoken label.
    expect(await entry.locator('.cal-entry__campaign').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(194, 65, 12)');
    expect(await entry.getAttribute('aria-label')).toMatch(/^Scheduled, .*Hook, campaign Autumn sale: Sale starts$/);

    // A drag to the next day, cancelled with Escape: nothing is sent and the entry stays.
    let reschedules = 0;
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/reschedule')) reschedules++; });
    const from = (await entry.boundingBox())!;
    const to = (await page.locator(`td[data-date="${day.plus({ days: 1 }).toISODate()}"]`).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
    await page.locator(`td.month-day--drop[data-date="${day.plus({ days: 1 }).toISODate()}"]`).waitFor();
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await page.locator('td.month-day--drop').waitFor({ state: 'detached' });
    await page.waitForTimeout(300);
    expect(reschedules).toBe(0);
    expect(page.url()).toContain('/calendar');
    await entry.waitFor();
    expect(await entry.evaluate((el) => el.style.transform)).toBe('');

    // Arrow keys move from day to day (to each day's "+"), Tab on into its posts.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-post-id') ?? document.activeElement?.getAttribute('aria-label'));
    await entry.focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatch(new RegExp(`^New post on .*\\b${day.plus({ days: 1 }).day}\\b`));
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(nextDay);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatch(new RegExp(`^New post on .*\\b${day.plus({ days: 8 }).day}\\b`));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toMatch(new RegExp(`^New post on .*\\b${day.day}\\b`));
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(inCampaign);

    // Enter opens the post.
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/posts/${inCampaign}`);
    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();
    await page.goBack();

    // A day's "+" starts a post on that day, at 09:00.
    await page.locator(`td[data-date="${day.plus({ days: 2 }).toISODate()}"] .month-day__add`).click();
    await page.waitForURL('**/compose?at=*');
    await expect.poll(() => page.getByLabel('Date', { exact: true }).inputValue()).toBe(day.plus({ days: 2 }).toISODate());
    expect(await page.getByLabel('Time', { exact: true }).inputValue()).toBe('09:00');
    await page.goBack();
    await entry.waitFor();

    // The week view (FullCalendar, loaded now) shows both posts in their hours, with the campaign's dot.
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    const weekEntry = page.locator(`.calendar-grid--week .fc-event[data-post-id="${inCampaign}"]`);
    await weekEntry.waitFor();
    await page.locator(`.calendar-grid--week .fc-event[data-post-id="${nextDay}"]`).waitFor();
    expect(await weekEntry.locator('.cal-entry__campaign').count()).toBe(1);
    expect(await weekEntry.getAttribute('aria-label')).toContain('campaign Autumn sale');
    expect(reschedules).toBe(0);

    // Dragged three hours down in the week's hour grid: 11:00 becomes 14:00 the same day.
    const second = page.locator(`.calendar-grid--week .fc-event[data-post-id="${nextDay}"]`);
    await second.scrollIntoViewIfNeeded();
    const box = (await second.boundingBox())!;
    const hour = (await page.locator('.fc-timegrid-slot-lane').first().boundingBox())!.height;
    await page.mouse.move(box.x + box.width / 2, box.y + 4);
    await page.mouse.down();
    await page.waitForTimeout(100);
    await page.mouse.move(box.x + box.width / 2, box.y + 14, { steps: 5 });
    await page.mouse.move(box.x + box.width / 2, box.y + 4 + 3 * hour, { steps: 15 });
    await page.waitForTimeout(100);
    await page.mouse.up();
    await page.getByText(/^Moved to/).waitFor();
    await expect.poll(async () => {
      const res = await app.api('GET', `${user.ws}/posts/${nextDay}`, undefined, user.token);
      return DateTime.fromISO(res.body.scheduledAt).setZone(ZONE).toFormat('yyyy-MM-dd HH:mm');
    }).toBe(`${day.plus({ days: 1 }).toISODate()} 14:00`);
    expect(reschedules).toBe(1);
    await screenshot(page, 'calendar-week');
    expect(errors).toEqual([]);
  });
});
