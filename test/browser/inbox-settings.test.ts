/**
 * The inbox's bulk changes beyond done and tag, and the inbox settings' priority keywords and
 * sources, in a browser: read and unread, assign and unassign, tag and untag, snooze until a chosen
 * time and wake, on the checked items (also at 375 px); the owner saves priority keywords (an
 * overlong one is refused with a message naming it) while an editor only reads them; each
 * channel's source shows how it is read, and "Check now" polls them, shows progress and the
 * outcome (a failing network's error, a throttled channel left to wait); a viewer cannot check.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ingestItems } from '../../src/inbox/ingest.service.js';
import type { InboxItem } from '../../src/providers/contract.js';
import { ProviderError } from '../../src/providers/provider-error.js';
import { createTestApp, type TestApp, type TestUser } from '../support/app.js';
import { createFakeInbox, fakeItem, FAKE_INBOX, insertChannel, type FakeInbox } from '../inbox/support.js';
import { describeBrowser, openPage, screenshot, startBrowser } from './support/browser.js';

describeBrowser('web app: inbox bulk changes and inbox settings', () => {
  let app: TestApp;
  let browser: Browser;
  let fake: FakeInbox;
  let owner: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let coffee: string;
  let tea: string;

  const ingest = (items: InboxItem[]) =>
    ingestItems(app.varde.ctx, { id: coffee, workspaceId: owner.workspaceId, network: FAKE_INBOX, name: 'Varde Coffee', externalId: 'acct-coffee' }, items, 'webhook');
  const apiItems = async () => (await app.api('GET', `${owner.ws}/inbox/items?snoozed=include`, undefined, owner.token)).body.items as any[];
  const byName = async (name: string) => (await apiItems()).find((i) => i.author.name === name);
  const rows = (page: Page) => page.locator('.inbox-row');
  const bulkBar = (page: Page) => page.getByRole('group', { name: 'Change the selected items' });
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  beforeAll(async () => {
    fake = createFakeInbox();
    [app, browser] = await Promise.all([createTestApp({ providers: [fake] }), startBrowser()]);
    owner = await app.signUp({ name: 'Olga Owner' });
    editor = await app.signUp({ name: 'Eddie Editor' });
    viewer = await app.signUp({ name: 'Vera Viewer' });
    await app.db.db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'editor'), ($1, $3, 'viewer')`, [owner.workspaceId, editor.userId, viewer.userId]);
    coffee = await insertChannel(app.db.db, app.varde.ctx.secrets, owner.workspaceId, { network: FAKE_INBOX, externalId: 'acct-coffee', name: 'Varde Coffee', handle: 'vardecoffee' });
    tea = await insertChannel(app.db.db, app.varde.ctx.secrets, owner.workspaceId, { network: FAKE_INBOX, externalId: 'acct-tea', name: 'Varde Tea', handle: 'vardetea' });
    await ingest([
      fakeItem({ text: 'Do you roast on Sundays?', externalId: 'a', author: { id: 'u-ada', handle: 'ada', name: 'Ada Lovelace' }, createdAt: new Date(Date.now() - 3_600_000).toISOString() }),
      fakeItem({ text: 'The grinder is fantastic.', externalId: 'b', author: { id: 'u-bo', handle: 'bo', name: 'Bo Berg' }, createdAt: new Date(Date.now() - 1_800_000).toISOString() }),
      fakeItem({ text: 'When does the shop open?', externalId: 'c', author: { id: 'u-cy', handle: 'cy', name: 'Cy Chen' }, createdAt: new Date(Date.now() - 600_000).toISOString() }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('marks read and unread, assigns and unassigns, tags and untags, snoozes until a chosen time and wakes the checked items', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner });
    await page.goto(`/w/${owner.workspaceId}/inbox`);
    await expect.poll(() => rows(page).count()).toBe(3);
    const bulk = bulkBar(page);
    const check = async () => {
      await page.getByLabel('Select the item from Ada Lovelace').check();
      await page.getByLabel('Select the item from Bo Berg').check();
      await bulk.getByText('2 selected').waitFor();
    };
    const changed = async () => {
      await page.getByText('2 items changed').last().waitFor();
      await bulk.getByText('Select all shown').waitFor(); // the selection is cleared after a change
    };
    const both = async () => [await byName('Ada Lovelace'), await byName('Bo Berg')];
    const cy = async () => byName('Cy Chen');

    await check();
    await bulk.getByRole('button', { name: 'Mark read' }).click();
    await changed();
    expect((await both()).map((i) => i.read)).toEqual([true, true]);
    expect((await cy()).read).toBe(false);
    await check();
    await bulk.getByRole('button', { name: 'Mark unread' }).click();
    await changed();
    expect((await both()).map((i) => i.read)).toEqual([false, false]);

    await check();
    await bulk.getByLabel('Assign the selected items to').selectOption({ label: 'Eddie Editor' });
    await bulk.getByRole('button', { name: 'Assign', exact: true }).click();
    await changed();
    expect((await both()).map((i) => i.assigneeId)).toEqual([editor.userId, editor.userId]);
    await check();
    await bulk.getByRole('button', { name: 'Unassign' }).click();
    await changed();
    expect((await both()).map((i) => [i.assigneeId, i.state])).toEqual([[null, 'open'], [null, 'open']]);

    await check();
    await bulk.getByLabel('Tag for the selected items').fill('wholesale');
    await bulk.getByRole('button', { name: 'Add tag' }).click();
    await changed();
    expect((await both()).map((i) => i.tags)).toEqual([['wholesale'], ['wholesale']]);
    await check();
    await bulk.getByLabel('Tag for the selected items').fill('wholesale');
    await bulk.getByRole('button', { name: 'Remove tag' }).click();
    await changed();
    expect((await both()).map((i) => i.tags)).toEqual([[], []]);

    // Snooze until the day after tomorrow at 14:30 in the browser's zone (Europe/Oslo).
    const day = new Date(Date.now() + 2 * 86_400_000);
    const local = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}T14:30`;
    const expected = await page.evaluate((l) => new Date(l).toISOString(), local);
    await check();
    await bulk.getByLabel('Snooze the selected items until').fill(local);
    await bulk.getByRole('button', { name: 'Snooze', exact: true }).click();
    await changed();
    expect((await both()).map((i) => new Date(i.snoozedUntil).toISOString())).toEqual([expected, expected]);
    expect((await cy()).snoozedUntil).toBeNull();
    await expect.poll(() => rows(page).locator('.inbox-row__name').allTextContents()).toEqual(['Cy Chen']);

    await page.getByLabel('State').selectOption('snoozed');
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.getByLabel('Select the item from Ada Lovelace').check();
    await page.getByLabel('Select the item from Bo Berg').check();
    await bulk.getByRole('button', { name: 'Wake now' }).click();
    await page.getByText('2 items changed').last().waitFor();
    expect((await both()).map((i) => i.snoozedUntil)).toEqual([null, null]);
    await expect.poll(() => rows(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('fits the bulk changes on a phone', { timeout: 60_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner, width: 375, height: 812, locale: 'nb-NO' });
    await page.goto(`/w/${owner.workspaceId}/inbox`);
    await expect.poll(() => rows(page).count()).toBe(3);
    await page.getByLabel('Velg alle som vises').check();
    const bulk = page.getByRole('group', { name: 'Endre de valgte elementene' });
    await bulk.getByText('3 valgt').waitFor();
    for (const name of ['Merk som lest', 'Merk som ulest', 'Fjern tildelingen', 'Fjern etikett', 'Utsett', 'Hent tilbake nå']) await bulk.getByRole('button', { name, exact: true }).waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    await bulk.getByRole('button', { name: 'Merk som lest', exact: true }).click();
    await page.getByText('3 elementer endret').waitFor();
    expect((await apiItems()).every((i) => i.read)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('saves the priority keywords for owners, refuses an overlong one with a message, and shows them read-only to an editor', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner });
    await page.goto(`/w/${owner.workspaceId}/inbox/settings`);
    await page.getByRole('heading', { name: 'Inbox settings', level: 1 }).waitFor();
    const keywords = page.getByLabel('Keywords and phrases');
    // The defaults, until the workspace saves its own.
    await expect.poll(() => keywords.inputValue()).toContain('refund');
    await keywords.fill('espresso\nlate delivery, espresso\n\n  grinder   jammed ');
    await page.getByRole('button', { name: 'Save keywords' }).click();
    await page.getByText('3 priority keywords saved').waitFor();
    expect((await app.api('GET', `${owner.ws}/inbox/settings`, undefined, owner.token)).body).toEqual({ priorityKeywords: ['espresso', 'late delivery', 'grinder jammed'] });
    await expect.poll(() => keywords.inputValue()).toBe('espresso\nlate delivery\ngrinder jammed');

    // New items are scored with them.
    await ingest([fakeItem({ text: 'Bought espresso beans today', externalId: 'd', author: { id: 'u-dag', handle: 'dag', name: 'Dag Dahl' } })]);
    expect((await byName('Dag Dahl')).priority).toBe(15); // one keyword; nothing else counts

    // Refused by the server (400): the message names the keyword; nothing changes.
    const long = `decaf${'f'.repeat(100)}`;
    await keywords.fill(`espresso\n${long}`);
    await page.getByRole('button', { name: 'Save keywords' }).click();
    await page.getByRole('alert').filter({ hasText: `is ${long.length} characters long; a keyword may have at most 100` }).waitFor();
    expect((await app.api('GET', `${owner.ws}/inbox/settings`, undefined, owner.token)).body.priorityKeywords).toEqual(['espresso', 'late delivery', 'grinder jammed']);

    // An editor reads them; only owners and admins change them (the server says so too).
    const asEditor = await openPage(browser, app, { user: editor });
    await asEditor.page.goto(`/w/${owner.workspaceId}/inbox/settings`);
    const list = asEditor.page.getByRole('list', { name: 'Keywords and phrases' });
    await list.getByText('grinder jammed').waitFor();
    await asEditor.page.getByText('Owners and admins change the priority keywords.').waitFor();
    expect(await asEditor.page.getByRole('button', { name: 'Save keywords' }).count()).toBe(0);
    expect((await app.api('PUT', `${owner.ws}/inbox/settings`, { priorityKeywords: ['x'] }, editor.cookie)).status).toBe(403);
    expect(errors).toEqual([]);
    expect(asEditor.errors).toEqual([]);
  });

  it('lists each channel’s source, checks now with progress and the outcome (an error, a throttled channel), and offers no check to a viewer', { timeout: 120_000 }, async () => {
    const list = fake.listInbox!.bind(fake);
    // The tea channel's network answers only when the test lets it, and then with an error.
    let answerTea = () => {};
    const teaAnswers = new Promise<void>((resolve) => { answerTea = resolve; });
    fake.listInbox = async (ctx, opts) => {
      if (ctx.account.externalId !== 'acct-tea') return list(ctx, opts);
      await teaAnswers;
      throw new ProviderError('transient', 'tea is down', { networkMessage: 'Upstream said no (503)' });
    };
    try {
      fake.feed.set('acct-coffee', [fakeItem({ text: 'Polled by Check now', externalId: 'polled-1', author: { id: 'u-eli', handle: 'eli', name: 'Eli Ek' } })]);
      const { page, errors } = await openPage(browser, app, { user: owner });
      await page.goto(`/w/${owner.workspaceId}/inbox/settings`);
      const sources = page.getByRole('region', { name: 'Where the inbox comes from' });
      const card = (name: string) => sources.locator('.inbox-source', { hasText: name });
      await card('Varde Coffee').getByText('Checked regularly').waitFor();
      await card('Varde Tea').getByText('Comment, Reply, Mention, Message').waitFor();
      expect(await sources.getByText('Webhook address to register').count()).toBe(0); // this network is not read by webhooks

      await sources.getByRole('button', { name: 'Check now' }).click();
      const outcome = sources.getByRole('status').filter({ hasText: /Check|Asking/ });
      // Progress: the coffee channel is polled, the tea channel's network has not answered yet.
      await outcome.getByText('Checking: 1 of 2 channels done…').waitFor({ timeout: 30_000 });
      expect(await sources.getByRole('button', { name: 'Check now' }).isDisabled()).toBe(true);
      answerTea();
      await outcome.getByText('Checked 2 channels; 1 failed — see the errors below.').waitFor({ timeout: 30_000 });
      await card('Varde Tea').getByText('Upstream said no (503)').waitFor();
      await card('Varde Tea').getByText('1 failed check').waitFor();
      await card('Varde Tea').getByText('Backing off').waitFor();
      expect(await card('Varde Coffee').getByText('Last error').count()).toBe(0);
      expect(await card('Varde Coffee').getByTestId('last-poll').textContent()).not.toBe('Never');
      expect((await byName('Eli Ek'))?.text).toBe('Polled by Check now');

      // A channel the network throttled waits for its reset: shown, and left out of the check.
      await app.db.db.query(`INSERT INTO channel_limits (channel_id, blocked_until, reason) VALUES ($1, now() + interval '1 hour', 'rate limited')`, [tea]);
      await page.reload();
      await card('Varde Tea').getByText('Rate limited').waitFor();
      await card('Varde Tea').getByText(/Not before .* \(the network’s limit\)/).waitFor();
      await sources.getByRole('button', { name: 'Check now' }).click();
      await outcome.getByText('Checked 1 channel. Any new items are in the inbox now.').waitFor({ timeout: 30_000 });
      await screenshot(page, 'inbox-settings');
      expect(errors).toEqual([]);

      // A viewer sees the sources but cannot ask for a check (the server refuses it too).
      const asViewer = await openPage(browser, app, { user: viewer, width: 375, height: 812, locale: 'nb-NO' });
      await asViewer.page.goto(`/w/${owner.workspaceId}/inbox/settings`);
      const nb = asViewer.page.getByRole('region', { name: 'Hvor innboksen henter fra' });
      await nb.locator('.inbox-source', { hasText: 'Varde Tea' }).getByText('Upstream said no (503)').waitFor();
      expect(await asViewer.page.getByRole('button', { name: 'Sjekk nå' }).count()).toBe(0);
      expect(await noSidewaysScroll(asViewer.page)).toBe(true);
      expect((await app.api('POST', `${owner.ws}/inbox/sync`, undefined, viewer.cookie)).status).toBe(403);
      expect(asViewer.errors).toEqual([]);
    } finally {
      answerTea();
      fake.listInbox = list;
      await app.db.db.query(`DELETE FROM channel_limits WHERE channel_id = $1`, [tea]);
    }
  });
});
