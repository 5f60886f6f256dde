/**
 * Approvals in a real browser, with the policy "contributors need approval": a contributor's
 * schedule button says "Submit for approval", the post waits (marked in the calendar, never
 * published even when due), an editor approves it on the post screen with a comment and the worker
 * publishes it to the webhook; another is rejected from the Approvals screen with a reason; an
 * approved post that is edited needs approval again; and a comment's @mention, picked with the
 * keyboard, notifies the member.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { describeBrowser, openPage, screenshot, startBrowser } from './support/browser.js';
import { joinWorkspace, userWithWebhook, type UserWithChannel } from './support/fixtures.js';

const ZONE = 'Europe/Oslo';

describeBrowser('web app: approvals and comments', () => {
  let app: TestApp;
  let receiver: Receiver;
  let browser: Browser;
  let setup: UserWithChannel;
  let owner: TestUser;
  let contributor: TestUser & { name: string };
  let editor: TestUser & { name: string };

  beforeAll(async () => {
    [app, receiver, browser] = await Promise.all([createTestApp(), startWebhookReceiver(), startBrowser()]);
    setup = await userWithWebhook(app, receiver, { path: '/approved', name: 'Hook' });
    owner = setup.user;
    contributor = await joinWorkspace(app, owner, 'contributor', 'Cody Contributor');
    editor = await joinWorkspace(app, owner, 'editor', 'Erin Editor');
    const policy = await app.api('PUT', `${owner.ws}/settings`, { approvals: { required: 'contributors', approvers: 1 } }, owner.token);
    expect(policy.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await receiver?.close();
  });

  const post = async (id: string) => (await app.api('GET', `${owner.ws}/posts/${id}`, undefined, owner.token)).body;
  const statusOf = (page: Page) => page.locator('.post-head .status').textContent();

  it('holds a contributor’s scheduled post until an editor approves it, then publishes it', { timeout: 180_000 }, async () => {
    const day = DateTime.now().setZone(ZONE).plus({ days: 2 }).startOf('day');
    const asContributor = await openPage(browser, app, { user: contributor });
    const page = asContributor.page;
    await page.goto(`/w/${owner.workspaceId}/compose`);
    await page.getByRole('checkbox', { name: 'Hook' }).check();
    await page.getByLabel('Text', { exact: true }).fill('Spring sale starts Monday');
    await page.getByLabel('Date').fill(day.toISODate()!);
    await page.getByLabel('Time', { exact: true }).fill('10:00');
    await page.getByLabel('Time zone').selectOption(ZONE);
    await page.getByText('Posts you schedule here wait until 1 other member approves them.').waitFor();
    expect(await page.getByRole('button', { name: 'Schedule', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();
    await page.getByText('Submitted for approval').first().waitFor();
    await expect.poll(() => statusOf(page)).toBe('Awaiting approval');
    const postId = page.url().split('/posts/')[1];
    const approval = page.getByRole('region', { name: 'Approval' });
    await approval.getByText('Awaiting approval: 0 of 1 approvals').waitFor();
    await approval.getByText('Your role (contributor) cannot approve posts.').waitFor();
    expect(await approval.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publish now' }).count()).toBe(0);

    // The calendar marks it, and the status filter offers "Awaiting approval".
    await page.goto(`/w/${owner.workspaceId}/calendar?view=month&date=${day.toISODate()}`);
    const event = page.locator(`td[data-date="${day.toISODate()}"] .cal-entry[data-post-id="${postId}"]`);
    await event.waitFor();
    expect(await event.getAttribute('data-status')).toBe('awaiting_approval');
    expect(await event.getAttribute('aria-label')).toMatch(/^Awaiting approval, /);
    expect(await event.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('dashed');
    await page.getByLabel('Status').selectOption({ label: 'Awaiting approval' });
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('awaiting_approval');
    await event.waitFor();

    // Due now, it still does not go out.
    await app.db.db.query(`UPDATE deliveries SET due_at = now(), available_at = now() WHERE post_id = $1`, [postId]);
    await app.db.db.query(`UPDATE posts SET scheduled_at = now() WHERE id = $1`, [postId]);
    app.varde.ctx.wakeWorker();
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.events).toHaveLength(0);
    expect((await post(postId)).deliveries[0].state).toBe('awaiting_approval');

    // The contributor keeps the post open; the editor sees it on the Approvals screen, then approves it on the post screen with a comment.
    await page.goto(`/w/${owner.workspaceId}/posts/${postId}`);
    await page.getByRole('region', { name: 'Approval' }).getByText('Awaiting approval: 0 of 1 approvals').waitFor();
    const asEditor = await openPage(browser, app, { user: editor });
    const ed = asEditor.page;
    await ed.goto(`/w/${owner.workspaceId}/calendar`);
    await ed.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
    const card = ed.locator(`.pending-post[data-post-id="${postId}"]`);
    await card.getByRole('article', { name: /Preview on Hook/ }).getByText('Spring sale starts Monday').waitFor();
    await card.getByText('by Cody Contributor').waitFor();
    await ed.getByText('Admins manage client review links.').waitFor();
    await card.getByRole('link', { name: 'Open post' }).click();
    const edApproval = ed.getByRole('region', { name: 'Approval' });
    await edApproval.getByRole('button', { name: 'Approve' }).click();
    const dialog = ed.getByRole('dialog', { name: 'Approve this post?' });
    await dialog.getByLabel('Comment (optional)').fill('Ship it');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => statusOf(ed), { timeout: 20_000 }).toBe('Published');
    await edApproval.getByText('Approved', { exact: true }).waitFor();
    const entry = edApproval.locator('.review-history__item[data-decision="approved"]');
    await entry.getByText('Erin Editor approved').waitFor();
    await entry.getByText('Ship it').waitFor();
    await waitFor(() => receiver.events.length === 1, 10_000, 'the approved post to reach the webhook');
    expect(receiver.events[0].body.data.text).toBe('Spring sale starts Monday');
    expect(receiver.duplicateIds()).toEqual([]);
    // The contributor's open page follows live, history included.
    await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('Published');
    await page.getByRole('region', { name: 'Approval' }).locator('.review-history__item').getByText('Erin Editor approved').waitFor();
    expect(asContributor.errors).toEqual([]);
    expect(asEditor.errors).toEqual([]);
  });

  it('rejects from the Approvals screen with a reason, and asks again after an approved post is edited', { timeout: 120_000 }, async () => {
    const at = DateTime.now().plus({ days: 3 }).toISO()!;
    const make = async (text: string) => {
      const res = await app.api('POST', `${owner.ws}/posts`, { text, targets: [{ channelId: setup.channelId }], schedule: { mode: 'at', at } }, contributor.cookie);
      expect(res.body.approvalStatus).toBe('pending');
      return res.body.id as string;
    };
    const rejectId = await make('Prices up 50%');
    const { page, errors } = await openPage(browser, app, { user: editor });
    await page.goto(`/w/${owner.workspaceId}/approvals`);
    const card = page.locator(`.pending-post[data-post-id="${rejectId}"]`);
    await card.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject this post?' });
    await dialog.getByRole('button', { name: 'Reject' }).click();
    expect(await dialog.getByLabel('Reason').evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing)).toBe(true);
    expect((await post(rejectId)).approvalStatus).toBe('pending');
    await dialog.getByLabel('Reason').fill('Off-brand: no price talk');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await card.waitFor({ state: 'detached' });
    expect(await post(rejectId)).toMatchObject({ approvalStatus: 'rejected', status: 'draft' });

    const mine = await openPage(browser, app, { user: contributor });
    await mine.page.goto(`/w/${owner.workspaceId}/posts/${rejectId}`);
    const region = mine.page.getByRole('region', { name: 'Approval' });
    await region.getByText(/^Rejected: the post went back to draft/).waitFor();
    await region.locator('.review-history__item[data-decision="rejected"]').getByText('Off-brand: no price talk').waitFor();

    // Approved, then edited: the post screen says it needs approval again.
    const editId = await make('Version one');
    expect((await app.api('POST', `${owner.ws}/posts/${editId}/approve`, {}, editor.cookie)).body.approvalStatus).toBe('approved');
    const edited = await app.api('PUT', `${owner.ws}/posts/${editId}`, { text: 'Version two', targets: [{ channelId: setup.channelId }], schedule: { mode: 'at', at } }, contributor.cookie);
    expect(edited.body).toMatchObject({ approvalStatus: 'pending', revision: 2 });
    await page.goto(`/w/${owner.workspaceId}/posts/${editId}`);
    const again = page.getByRole('region', { name: 'Approval' });
    await again.getByText('Awaiting approval: 0 of 1 approvals').waitFor();
    await again.getByText('It was edited after it was approved, so it needs approval again.').waitFor();
    await again.locator('.review-history__item').getByText('earlier version').waitFor();
    await again.getByRole('button', { name: 'Approve' }).waitFor();

    // With approvals off, a contributor cannot publish: the composer says so and only saves drafts.
    await app.api('PUT', `${owner.ws}/settings`, { approvals: { required: 'off', approvers: 1 } }, owner.token);
    await mine.page.goto(`/w/${owner.workspaceId}/compose`);
    await mine.page.getByText('Your role cannot publish: save a draft, or ask an admin to turn on approvals for contributors.').waitFor();
    expect(await mine.page.getByRole('button', { name: 'Schedule', exact: true }).isDisabled()).toBe(true);
    expect(await mine.page.getByRole('button', { name: 'Save draft' }).isEnabled()).toBe(true);
    await app.api('PUT', `${owner.ws}/settings`, { approvals: { required: 'contributors', approvers: 1 } }, owner.token);
    expect(errors).toEqual([]);
    expect(mine.errors).toEqual([]);
  });

  it('mentions a member picked with the keyboard, highlights the mention and notifies them', { timeout: 120_000 }, async () => {
    const draft = await app.api('POST', `${owner.ws}/posts`, { text: 'Newsletter teaser', targets: [{ channelId: setup.channelId }], schedule: { mode: 'draft' } }, editor.cookie);
    const { page, errors } = await openPage(browser, app, { user: editor });
    await page.goto(`/w/${owner.workspaceId}/posts/${draft.body.id}`);
    const box = page.getByRole('combobox', { name: 'Add a comment' });
    await box.click();
    await box.pressSequentially('Can you check this ');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await box.pressSequentially('@');
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true');
    const options = page.getByRole('listbox', { name: 'Members to mention' }).getByRole('option');
    await expect.poll(() => options.count()).toBe(2); // the owner and the contributor, not the editor herself
    // Escape closes the list without touching the text; typing on reopens it.
    await box.press('Escape');
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('false');
    await box.pressSequentially('c');
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true');
    await box.press('Backspace');
    for (let i = 0; i < 3; i++) {
      const active = await box.getAttribute('aria-activedescendant');
      if (active && (await page.locator(`[id="${active}"]`).textContent())?.includes('Cody Contributor')) break;
      await box.press('ArrowDown');
    }
    const active = await box.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(`[id="${active}"]`).textContent()).toContain('Cody Contributor');
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('Can you check this @"Cody Contributor" ');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await box.pressSequentially('before Friday?');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = page.locator('.comment').filter({ hasText: 'before Friday?' });
    await comment.locator('mark.mention-tag', { hasText: '@"Cody Contributor"' }).waitFor();
    await comment.getByText('Erin Editor').waitFor();
    expect(await box.inputValue()).toBe('');
    await box.pressSequentially('Thanks @');
    await expect.poll(() => options.count()).toBe(2);
    await screenshot(page, 'post-comments');
    await box.press('Escape');

    const told = await app.api('GET', `${owner.ws}/notifications`, undefined, contributor.cookie);
    const mention = told.body.notifications.find((n: any) => n.kind === 'comment.mention' && n.subjectId === draft.body.id);
    expect(mention?.message).toContain('Erin Editor mentioned you');
    const ownerTold = await app.api('GET', `${owner.ws}/notifications`, undefined, owner.cookie);
    expect(ownerTold.body.notifications.some((n: any) => n.kind === 'comment.mention' && n.subjectId === draft.body.id)).toBe(false);
    expect(errors).toEqual([]);
  });
});
