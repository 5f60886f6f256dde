/**
 * The inbox in a browser: items stored through the real ingest path (the service webhooks and
 * polls call) show in the list and in the navigation's count; by keyboard alone j/k move, r goes
 * to the reply box, a reply is sent and published through the worker to the network (which
 * records it), e marks done and the count drops, a assigns to a member; an item arriving while the
 * page is open appears without reloading. Filters live in the address; bulk tagging; saved
 * replies are inserted with their variables filled in; a rule shows its dry run before it is
 * saved; like (offered) but no delete (not offered); a note; a snooze and its waking. A viewer
 * sees no reply box and no actions; on a phone the list and the conversation are separate views.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ingestItems } from '../../src/inbox/ingest.service.js';
import type { InboxItem } from '../../src/providers/contract.js';
import { createTestApp, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { createFakeInbox, fakeItem, FAKE_INBOX, insertChannel, type FakeInbox } from '../inbox/support.js';
import { describeBrowser, openPage, screenshot, startBrowser, tabTo } from './support/browser.js';

describeBrowser('web app: the inbox', () => {
  let app: TestApp;
  let browser: Browser;
  let fake: FakeInbox;
  let owner: TestUser;
  let helper: TestUser;
  let viewer: TestUser;
  let channelId: string;
  let postExternalId: string;

  const ingest = (items: InboxItem[]) =>
    ingestItems(app.varde.ctx, { id: channelId, workspaceId: owner.workspaceId, network: FAKE_INBOX, name: 'Varde Coffee', externalId: 'acct-coffee' }, items, 'webhook');
  const apiItem = async (text: string) => (await app.api('GET', `${owner.ws}/inbox/items?q=${encodeURIComponent(text)}`, undefined, owner.token)).body.items[0];
  const rows = (page: Page) => page.locator('.inbox-row');
  const current = (page: Page) => page.locator('.inbox-row[aria-current="true"] .inbox-row__name').textContent();
  const navCount = (page: Page) => page.getByTestId('inbox-count').locator('[aria-hidden="true"]').textContent();

  beforeAll(async () => {
    fake = createFakeInbox();
    [app, browser] = await Promise.all([createTestApp({ providers: [fake] }), startBrowser()]);
    owner = await app.signUp({ name: 'Olga Owner' });
    helper = await app.signUp({ name: 'Helga Helper' });
    viewer = await app.signUp({ name: 'Vera Viewer' });
    await app.db.db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'editor'), ($1, $3, 'viewer')`, [owner.workspaceId, helper.userId, viewer.userId]);
    channelId = await insertChannel(app.db.db, app.varde.ctx.secrets, owner.workspaceId, { network: FAKE_INBOX, externalId: 'acct-coffee', name: 'Varde Coffee', handle: 'vardecoffee' });
    // A Varde post on the channel, published by the worker: the comments answer it.
    const post = await app.api('POST', `${owner.ws}/posts`, { text: 'Our winter blend is out today.', targets: [{ channelId }], schedule: { mode: 'now' } }, owner.token);
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    const delivery = await waitFor(async () => (await app.api('GET', `${owner.ws}/posts/${post.body.id}`, undefined, owner.token)).body.deliveries.find((d: any) => d.state === 'published'), 20_000, 'the post to be published');
    postExternalId = delivery.externalId;
    const onPost = { conversationId: postExternalId, postExternalId, parentExternalId: postExternalId };
    await ingest([
      fakeItem({ ...onPost, text: 'Is the winter blend available as decaf?', externalId: 'c-ada', author: { id: 'u-ada', handle: 'ada', name: 'Ada Lovelace' }, createdAt: new Date(Date.now() - 3_600_000).toISOString() }),
      fakeItem({ ...onPost, text: 'My order arrived broken, I want a refund!', externalId: 'c-bo', author: { id: 'u-bo', handle: 'bo', name: 'Bo Berg' }, createdAt: new Date(Date.now() - 1_800_000).toISOString() }),
      fakeItem({ text: 'Love this coffee, thank you!', externalId: 'm-cy', kind: 'mention', conversationId: 'm-cy', postExternalId: undefined, parentExternalId: undefined, author: { id: 'u-cy', handle: 'cy', name: 'Cy Chen' }, createdAt: new Date(Date.now() - 600_000).toISOString() }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('works the inbox by keyboard: move, reply, done, assign; a new item appears live', { timeout: 180_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner });
    await page.goto(`/w/${owner.workspaceId}/inbox`);
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(3);
    // Newest first; sentiment and priority in words, not only colour.
    expect(await rows(page).locator('.inbox-row__name').allTextContents()).toEqual(['Cy Chen', 'Bo Berg', 'Ada Lovelace']);
    const bo = rows(page).nth(1);
    await bo.getByText('Negative').waitFor();
    await bo.getByText('High priority').waitFor();
    expect(await navCount(page)).toBe('3');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Inbox.*3 open items/ }).waitFor();

    // j/k move through the list (nothing focused but the page).
    await page.locator('body').press('j');
    await expect.poll(() => current(page)).toBe('Cy Chen');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => current(page)).toBe('Ada Lovelace');
    await page.keyboard.press('k');
    await expect.poll(() => current(page)).toBe('Bo Berg');
    expect(new URL(page.url()).searchParams.get('item')).toBe((await apiItem('refund')).id);
    await page.getByRole('link', { name: 'Open the post in Varde' }).waitFor();
    await page.getByText('Our winter blend is out today.').waitFor();
    // Both comments on the post are in the conversation.
    await page.locator('.inbox-thread .inbox-msg__text', { hasText: 'decaf' }).waitFor();

    // r goes to the reply box; typing there does not trigger shortcuts; Ctrl+Enter sends.
    await page.keyboard.press('r');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inbox-reply');
    await page.keyboard.type('Sorry about that, {{author.name}}! A new bag is on its way — just reply with your order number.');
    expect(await current(page)).toBe('Bo Berg'); // the j, k, e, a typed above moved nothing
    await page.keyboard.press('Control+Enter');
    const sent = page.locator('.inbox-msg--ours', { hasText: 'Sorry about that, Bo Berg!' });
    await sent.waitFor();
    await expect.poll(() => sent.getAttribute('data-state'), { timeout: 30_000 }).toBe('published');
    await sent.getByText('Published').waitFor();
    await page.locator('.inbox-reply__state').getByText('Published').waitFor();
    expect(fake.replies.filter((r) => r.item === 'c-bo').map((r) => r.text)).toEqual(['Sorry about that, Bo Berg! A new bag is on its way — just reply with your order number.']);

    // Escape leaves the box; e marks the item done and the count drops.
    await page.keyboard.press('Escape');
    await page.keyboard.press('e');
    await expect.poll(() => bo.getAttribute('data-state')).toBe('done');
    await expect.poll(() => navCount(page)).toBe('2');
    expect((await apiItem('refund')).state).toBe('done');

    // a opens the assignment; choose Helga with Tab and Enter.
    await page.keyboard.press('k');
    await expect.poll(() => current(page)).toBe('Cy Chen');
    await page.keyboard.press('a');
    await page.getByRole('dialog', { name: 'Assign to' }).waitFor();
    await tabTo(page, (el) => el.tag === 'button' && el.name.includes('Helga Helper'));
    await page.keyboard.press('Enter');
    await rows(page).first().getByText('Assigned to Helga Helper').waitFor();
    expect((await apiItem('thank you')).assigneeId).toBe(helper.userId);

    // The shortcuts are listed behind ?.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Go to the reply box').waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // A new item while the page is open: it appears, and the count grows, without reloading.
    await ingest([fakeItem({ text: 'Do you ship to Tromsø?', externalId: 'm-dag', kind: 'message', conversationId: 'dm-dag', postExternalId: undefined, parentExternalId: undefined, author: { id: 'u-dag', handle: 'dag', name: 'Dag Dahl' } })]);
    await rows(page).filter({ hasText: 'Do you ship to Tromsø?' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => navCount(page), { timeout: 15_000 }).toBe('3');
    await page.keyboard.press('j');
    await expect.poll(() => current(page)).toBe('Bo Berg');
    await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(page, 'inbox', false);
    expect(errors).toEqual([]);
  });

  it('filters through the address, and does bulk changes on the checked items', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner });
    await page.goto(`/w/${owner.workspaceId}/inbox?sentiment=negative`);
    await expect.poll(() => rows(page).locator('.inbox-row__name').allTextContents()).toEqual(['Bo Berg']);
    await page.getByLabel('Kind').selectOption('comment');
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('comment');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Search', { exact: true }).fill('"winter blend" decaf');
    await page.getByLabel('Search', { exact: true }).press('Enter');
    await expect.poll(() => rows(page).locator('.inbox-row__name').allTextContents()).toEqual(['Ada Lovelace']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('"winter blend" decaf');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows(page).count()).toBe(4);

    await page.getByLabel('Select the item from Ada Lovelace').check();
    await page.getByLabel('Select the item from Dag Dahl').check();
    const bulk = page.getByRole('group', { name: 'Change the selected items' });
    await bulk.getByText('2 selected').waitFor();
    await bulk.getByLabel('Tag for the selected items').fill('shipping');
    await bulk.getByRole('button', { name: 'Add tag' }).click();
    await page.getByText('2 items changed').waitFor();
    await page.goto(`/w/${owner.workspaceId}/inbox?tag=shipping`);
    await expect.poll(() => rows(page).locator('.inbox-row__name').allTextContents()).toEqual(['Dag Dahl', 'Ada Lovelace']);
    expect(errors).toEqual([]);
  });

  it('inserts a saved reply with its variables filled in, dry-runs a rule before saving it, likes, notes and snoozes', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner });
    await page.goto(`/w/${owner.workspaceId}/inbox/settings`);
    await page.getByRole('button', { name: 'New saved reply' }).click();
    await page.getByLabel('Name').fill('Decaf');
    await page.getByLabel('Text', { exact: true }).fill('Hi {{author.name}}, yes: every blend comes as decaf too. — {{channel.name}}');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved “Decaf”').waitFor();

    await page.getByRole('button', { name: 'New rule' }).click();
    await page.getByLabel('Name').fill('Refunds to Helga');
    await page.getByLabel('Words or phrases (any of them)').fill('refund, broken');
    await page.getByTestId('dry-run').getByText('This rule would have matched 1 of the 4 most recent items.').waitFor();
    await page.getByTestId('dry-run').getByText('My order arrived broken').waitFor();
    await page.getByLabel('Assign to').selectOption({ label: 'Helga Helper' });
    await page.getByRole('button', { name: 'Save rule' }).click();
    await page.getByText('Rule “Refunds to Helga” saved').waitFor();
    const rules = (await app.api('GET', `${owner.ws}/inbox/rules`, undefined, owner.token)).body.rules;
    expect(rules).toMatchObject([{ name: 'Refunds to Helga', conditions: { keywords: ['refund', 'broken'] }, actions: { assignTo: helper.userId } }]);

    await page.goto(`/w/${owner.workspaceId}/inbox?item=${(await apiItem('decaf')).id}`);
    await page.getByLabel('Saved reply').selectOption({ label: 'Decaf' });
    await page.getByRole('button', { name: 'Insert' }).click();
    await expect.poll(() => page.locator('#inbox-reply').inputValue()).toBe('Hi Ada Lovelace, yes: every blend comes as decaf too. — Varde Coffee');

    // Network actions are offered as the network offers them: this one likes and hides, but does not delete.
    await page.getByRole('button', { name: 'Hide on the network' }).waitFor();
    expect(await page.getByRole('button', { name: 'Delete on the network' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Like' }).click();
    await page.getByRole('button', { name: 'Liked' }).waitFor();
    expect(fake.liked).toContain('c-ada');

    // An internal note, then a snooze: the item leaves the list until it is woken.
    await page.getByLabel('Add a note (only your team sees it)').fill('Ask the roastery about decaf stock');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.locator('.inbox-note', { hasText: 'Ask the roastery about decaf stock' }).waitFor();
    await page.getByRole('button', { name: 'Snooze', exact: true }).click();
    await page.getByRole('button', { name: 'Wake now' }).waitFor();
    await expect.poll(() => rows(page).filter({ hasText: 'Ada Lovelace' }).count()).toBe(0);
    await page.getByLabel('State').selectOption('snoozed');
    await expect.poll(() => rows(page).locator('.inbox-row__name').allTextContents()).toEqual(['Ada Lovelace']);
    await page.getByRole('button', { name: 'Wake now' }).click();
    await expect.poll(async () => (await apiItem('decaf')).snoozedUntil).toBeNull();
    expect(errors).toEqual([]);
  });

  it('shows a viewer the inbox without a reply box or actions', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: viewer });
    const item = await apiItem('decaf');
    await page.goto(`/w/${owner.workspaceId}/inbox?item=${item.id}`);
    await page.locator('.inbox-thread .inbox-msg__text', { hasText: 'decaf' }).first().waitFor();
    await rows(page).first().waitFor();
    expect(await page.locator('#inbox-reply').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mark done' }).count()).toBe(0);
    expect(await page.locator('.inbox-row__check').count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Change the selected items' }).count()).toBe(0);
    await page.locator('body').press('e');
    await page.keyboard.press('a');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect((await apiItem('decaf')).state).toBe('open');
    expect(errors).toEqual([]);
  });

  it('on a phone, in Norwegian: the list, then the conversation as its own view', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, app, { user: owner, width: 375, height: 812, locale: 'nb-NO' });
    await page.goto(`/w/${owner.workspaceId}/inbox`);
    await page.getByRole('heading', { name: 'Innboks', level: 1 }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'mobile-inbox', false);
    await rows(page).filter({ hasText: 'Bo Berg' }).getByRole('link').click();
    await page.getByRole('button', { name: '← Tilbake til listen' }).waitFor();
    expect(await page.locator('.inbox__list').isVisible()).toBe(false);
    await page.locator('.inbox-msg--ours').getByText('Publisert').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('button', { name: '← Tilbake til listen' }).click();
    await rows(page).first().waitFor();
    expect(errors).toEqual([]);
  });
});
