/**
 * Teams through the API: invitations (link and e-mail, single use, expiring), roles enforced from
 * one table, removing members and transferring ownership, approvals that hold posts back until
 * enough members (or a client's review link) approve, comments with @mentions, and notification
 * e-mails delivered to a real SMTP server with a working unsubscribe link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, waitFor, type TestApp, type TestUser } from '../support/app.js';
import { startSmtp, mailText, type TestSmtp } from '../support/smtp.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { sendQueuedEmails } from '../../src/email/email.service.js';

describe.each(ENGINES)('team on %s', (engine) => {
  let app: TestApp;
  let smtp: TestSmtp;
  let receiver: Receiver;
  let owner: TestUser;

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startWebhookReceiver();
    app = await createTestApp({ engine, env: { VARDE_SIGNUP: 'first', VARDE_SMTP_URL: smtp.url } });
    owner = await app.signUp({ name: 'Olivia Owner' });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await receiver?.close();
  });

  /** Invites by link and joins as a brand-new account; returns that member's session and token. */
  async function join(role: string, name: string): Promise<TestUser> {
    const inv = await app.api('POST', `${owner.ws}/invitations`, { role }, owner.token);
    expect(inv.status).toBe(201);
    const token = inv.body.url.split('/invite/')[1];
    const email = `${name.toLowerCase().replace(/\s+/g, '.')}.${Date.now()}@example.com`;
    const acc = await app.api('POST', `/api/v1/invitations/${token}/accept`, { email, password: 'correct horse battery', name });
    expect(acc.status, JSON.stringify(acc.body)).toBe(201);
    const cookie = `cookie:${String(acc.headers['set-cookie']).split(';')[0]}`;
    const tok = await app.api('POST', `${owner.ws}/tokens`, { name: 't' }, cookie);
    expect(tok.status, JSON.stringify(tok.body)).toBe(201);
    return { userId: acc.body.userId, workspaceId: owner.workspaceId, cookie, token: tok.body.token, ws: owner.ws };
  }

  async function webhookChannel(user: TestUser) {
    const secret = 'whsec_' + Buffer.from(`secret-${Math.random()}`).toString('base64');
    const path = `/team-${Math.random().toString(36).slice(2)}`;
    receiver.setSecret(path, secret);
    const ch = await app.api('POST', `${user.ws}/channels`, { network: 'webhook', url: receiver.url(path), secret }, user.token);
    expect(ch.status).toBe(201);
    return { id: ch.body.id as string, path };
  }

  it('lets an invited person create an account and join with the role given, once', async () => {
    const inv = await app.api('POST', `${owner.ws}/invitations`, { role: 'editor' }, owner.token);
    const token = inv.body.url.split('/invite/')[1];
    const shown = await app.api('GET', `/api/v1/invitations/${token}`);
    expect(shown.body).toMatchObject({ role: 'editor', invitedBy: 'Olivia Owner' });
    expect((await app.api('POST', '/api/v1/auth/signup', { email: 'outsider@example.com', password: 'correct horse battery', name: 'X' })).status).toBe(403);
    const acc = await app.api('POST', `/api/v1/invitations/${token}/accept`, { email: 'eddie@example.com', password: 'correct horse battery', name: 'Eddie' });
    expect(acc.status).toBe(201);
    expect((await app.api('POST', `/api/v1/invitations/${token}/accept`, { email: 'again@example.com', password: 'correct horse battery', name: 'Again' })).status).toBe(409);
    const members = await app.api('GET', `${owner.ws}/members`, undefined, owner.token);
    expect(members.body.members.find((m: any) => m.email === 'eddie@example.com').role).toBe('editor');
  });

  it('e-mails an invitation, refuses another address, and refuses revoked or expired links', async () => {
    const inv = await app.api('POST', `${owner.ws}/invitations`, { role: 'viewer', email: 'vera@example.com' }, owner.token);
    await sendQueuedEmails(app.varde.ctx);
    const mail = await waitFor(() => smtp.messages.find((m) => m.to.includes('vera@example.com')), 10_000, 'the invitation e-mail');
    expect(mailText(mail)).toContain(inv.body.url);
    const token = inv.body.url.split('/invite/')[1];
    expect((await app.api('POST', `/api/v1/invitations/${token}/accept`, { email: 'not-vera@example.com', password: 'correct horse battery', name: 'N' })).status).toBe(403);
    const revoked = await app.api('POST', `${owner.ws}/invitations`, { role: 'viewer' }, owner.token);
    await app.api('DELETE', `${owner.ws}/invitations/${revoked.body.id}`, undefined, owner.token);
    expect((await app.api('GET', `/api/v1/invitations/${revoked.body.url.split('/invite/')[1]}`)).status).toBe(404);
    const expired = await app.api('POST', `${owner.ws}/invitations`, { role: 'viewer' }, owner.token);
    await app.db.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.body.id]);
    expect((await app.api('GET', `/api/v1/invitations/${expired.body.url.split('/invite/')[1]}`)).status).toBe(400);
  });

  it('enforces every role against one table of allowed actions', async () => {
    const users: Record<string, TestUser> = { owner };
    for (const role of ['admin', 'editor', 'contributor', 'viewer']) users[role] = await join(role, `Role ${role}`);
    const { id: channelId } = await webhookChannel(owner);
    const actions: Record<string, (u: TestUser) => Promise<number>> = {
      'read posts': async (u) => (await app.api('GET', `${u.ws}/posts`, undefined, u.cookie)).status,
      'write a draft': async (u) => (await app.api('POST', `${u.ws}/posts`, { text: 'draft', targets: [{ channelId }] }, u.cookie)).status,
      'publish now': async (u) => (await app.api('POST', `${u.ws}/posts`, { text: 'now', targets: [{ channelId }], schedule: { mode: 'now' } }, u.cookie)).status,
      'connect a channel': async (u) => (await app.api('POST', `${u.ws}/channels`, { network: 'webhook', url: 'https://hooks.example.com/a' }, u.cookie)).status,
      'create an API token': async (u) => (await app.api('POST', `${u.ws}/tokens`, { name: 'x' }, u.cookie)).status,
      'create a token with publish rights': async (u) => (await app.api('POST', `${u.ws}/tokens`, { name: 'x', scopes: ['publish'] }, u.cookie)).status,
      'invite a member': async (u) => (await app.api('POST', `${u.ws}/invitations`, { role: 'viewer' }, u.cookie)).status,
      'read the audit log': async (u) => (await app.api('GET', `${u.ws}/audit`, undefined, u.cookie)).status,
      'change settings': async (u) => (await app.api('PUT', `${u.ws}/settings`, { approvals: { required: 'off', approvers: 1 } }, u.cookie)).status,
    };
    const allowed: Record<string, string[]> = {
      'read posts': ['owner', 'admin', 'editor', 'contributor', 'viewer'],
      'write a draft': ['owner', 'admin', 'editor', 'contributor'],
      'publish now': ['owner', 'admin', 'editor'],
      'connect a channel': ['owner', 'admin'],
      'create an API token': ['owner', 'admin', 'editor', 'contributor', 'viewer'],
      'create a token with publish rights': ['owner', 'admin', 'editor'],
      'invite a member': ['owner', 'admin'],
      'read the audit log': ['owner', 'admin'],
      'change settings': ['owner', 'admin'],
    };
    const seen: string[] = [];
    for (const [action, run] of Object.entries(actions)) {
      for (const role of Object.keys(users)) {
        const status = await run(users[role]);
        const ok = status >= 200 && status < 300;
        seen.push(`${action} / ${role}: ${ok ? 'allowed' : status}`);
        expect(ok, `${action} as ${role} answered ${status}`).toBe(allowed[action].includes(role));
        if (!ok) expect(status).toBe(403);
      }
    }
    expect(seen).toHaveLength(45);
  });

  it('removes a member (their tokens stop working) and transfers ownership', async () => {
    const leaving = await join('editor', 'Leaving Larry');
    expect((await app.api('GET', `${owner.ws}/posts`, undefined, leaving.token)).status).toBe(200);
    expect((await app.api('DELETE', `${owner.ws}/members/${leaving.userId}`, undefined, owner.token)).status).toBe(204);
    expect((await app.api('GET', `${owner.ws}/posts`, undefined, leaving.token)).status).toBe(401);
    const heir = await join('admin', 'Heir Hanna');
    expect((await app.api('DELETE', `${owner.ws}/members/${owner.userId}`, undefined, heir.cookie)).status).toBe(409);
    expect((await app.api('POST', `${owner.ws}/transfer-ownership`, { userId: heir.userId }, heir.cookie)).status).toBe(403);
    expect((await app.api('POST', `${owner.ws}/transfer-ownership`, { userId: heir.userId }, owner.cookie)).status).toBe(200);
    const members = (await app.api('GET', `${owner.ws}/members`, undefined, owner.token)).body.members;
    expect(members.find((m: any) => m.userId === heir.userId).role).toBe('owner');
    expect(members.find((m: any) => m.userId === owner.userId).role).toBe('admin');
    expect((await app.api('POST', `${owner.ws}/transfer-ownership`, { userId: owner.userId }, heir.cookie)).status).toBe(200);
  });

  it('holds a contributor’s post until an editor approves it; an edit needs approval again; a rejection returns it to draft', async () => {
    expect((await app.api('PUT', `${owner.ws}/settings`, { approvals: { required: 'contributors', approvers: 1 } }, owner.token)).status).toBe(200);
    const contributor = await join('contributor', 'Carl Contributor');
    const editor = await join('editor', 'Erin Editor');
    const { id: channelId, path } = await webhookChannel(owner);
    const post = await app.api('POST', `${owner.ws}/posts`, { text: 'Please approve me', targets: [{ channelId }], schedule: { mode: 'now' } }, contributor.cookie);
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    expect(post.body).toMatchObject({ status: 'awaiting_approval', approvalStatus: 'pending' });
    const waiting = await app.api('GET', `${owner.ws}/posts?status=awaiting_approval`, undefined, editor.cookie);
    expect(waiting.status).toBe(200);
    expect(waiting.body.posts.map((p: any) => p.id)).toEqual([post.body.id]);
    const asked = await app.api('GET', `${owner.ws}/notifications`, undefined, editor.cookie);
    expect(asked.body.notifications.some((n: any) => n.kind === 'approval.requested' && n.subjectId === post.body.id)).toBe(true);
    await new Promise((r) => setTimeout(r, 600));
    expect(receiver.events.filter((e) => e.path === path)).toHaveLength(0);
    expect((await app.api('POST', `${owner.ws}/posts/${post.body.id}/approve`, {}, contributor.cookie)).status).toBe(403);
    const approved = await app.api('POST', `${owner.ws}/posts/${post.body.id}/approve`, { comment: 'Looks good' }, editor.cookie);
    expect(approved.body.approvalStatus).toBe('approved');
    await waitFor(() => receiver.events.some((e) => e.path === path), 10_000, 'the approved post to be published');
    const told = await app.api('GET', `${owner.ws}/notifications`, undefined, contributor.cookie);
    expect(told.body.notifications.some((n: any) => n.kind === 'approval.decided')).toBe(true);

    const draft = await app.api('POST', `${owner.ws}/posts`, { text: 'v1', targets: [{ channelId }], schedule: { mode: 'at', at: new Date(Date.now() + 3600_000).toISOString() } }, contributor.cookie);
    await app.api('POST', `${owner.ws}/posts/${draft.body.id}/approve`, {}, editor.cookie);
    expect((await app.api('GET', `${owner.ws}/posts/${draft.body.id}`, undefined, owner.token)).body).toMatchObject({ status: 'scheduled', approvalStatus: 'approved' });
    const edited = await app.api('PUT', `${owner.ws}/posts/${draft.body.id}`, { text: 'v2 with changes', targets: [{ channelId }], schedule: { mode: 'at', at: new Date(Date.now() + 3600_000).toISOString() } }, contributor.cookie);
    expect(edited.body).toMatchObject({ status: 'awaiting_approval', approvalStatus: 'pending', revision: 2 });
    const rejected = await app.api('POST', `${owner.ws}/posts/${draft.body.id}/reject`, { comment: 'Off-brand' }, editor.cookie);
    expect(rejected.body.approvalStatus).toBe('rejected');
    expect((await app.api('GET', `${owner.ws}/posts/${draft.body.id}`, undefined, owner.token)).body.status).toBe('draft');
    await app.api('PUT', `${owner.ws}/settings`, { approvals: { required: 'off', approvers: 1 } }, owner.token);
  });

  it('lets a client approve and comment through a review link, and nothing more', async () => {
    await app.api('PUT', `${owner.ws}/settings`, { approvals: { required: 'everyone', approvers: 1 } }, owner.token);
    const { id: channelId } = await webhookChannel(owner);
    const at = new Date(Date.now() + 2 * 3600_000).toISOString();
    const post = await app.api('POST', `${owner.ws}/posts`, { text: 'For the client', targets: [{ channelId, text: 'Client version' }], schedule: { mode: 'at', at } }, owner.token);
    expect(post.body.approvalStatus).toBe('pending');
    const link = await app.api('POST', `${owner.ws}/review-links`, { name: 'December', from: new Date(Date.now()).toISOString(), to: new Date(Date.now() + 86400_000).toISOString() }, owner.token);
    const token = link.body.token;
    const page = await app.api('GET', `/api/v1/review/${token}`);
    expect(page.status).toBe(200);
    const shown = page.body.posts.find((p: any) => p.id === post.body.id);
    expect(shown.targets[0]).toMatchObject({ network: 'webhook', text: 'Client version' });
    expect((await app.api('POST', `/api/v1/review/${token}/posts/${post.body.id}/comments`, { name: 'Cora Client', body: 'Can we add an emoji?' })).status).toBe(201);
    const decided = await app.api('POST', `/api/v1/review/${token}/posts/${post.body.id}/decision`, { name: 'Cora Client', decision: 'approved' });
    expect(decided.body.approvalStatus).toBe('approved');
    expect((await app.api('GET', `/api/v1/review/${token.slice(0, -2)}xx`)).status).toBe(404);
    await app.api('DELETE', `${owner.ws}/review-links/${link.body.id}`, undefined, owner.token);
    expect((await app.api('GET', `/api/v1/review/${token}`)).status).toBe(404);
    const audit = await app.api('GET', `${owner.ws}/audit?action=review`, undefined, owner.token);
    expect(audit.body.entries.some((e: any) => e.actorKind === 'review_link')).toBe(true);
    await app.api('PUT', `${owner.ws}/settings`, { approvals: { required: 'off', approvers: 1 } }, owner.token);
  });

  it('notifies mentioned members in the app and by e-mail, until they unsubscribe from that kind', async () => {
    const mentioned = await join('editor', 'Mia Mention');
    const post = await app.api('POST', `${owner.ws}/posts`, { text: 'draft to discuss' }, owner.token);
    const c = await app.api('POST', `${owner.ws}/posts/${post.body.id}/comments`, { body: '@Mia what do you think?' }, owner.cookie);
    expect(c.status).toBe(201);
    expect(c.body.mentions).toEqual([mentioned.userId]);
    const inApp = await app.api('GET', `${owner.ws}/notifications`, undefined, mentioned.cookie);
    expect(inApp.body.notifications.some((n: any) => n.kind === 'comment.mention')).toBe(true);
    const [me] = await app.db.db.query(`SELECT email FROM users WHERE id = $1`, [mentioned.userId]);
    await sendQueuedEmails(app.varde.ctx);
    const mail = await waitFor(() => smtp.messages.find((m) => m.to.includes(me.email)), 10_000, 'the mention e-mail');
    // The List-Unsubscribe header (unfolded) and the link in the text name the same URL.
    const header = /List-Unsubscribe:\s*<([^>]+)>/i.exec(mail.raw.replace(/\r?\n[ \t]+/g, ' '))![1];
    expect(mailText(mail)).toContain(header);
    const unsubscribe = new URL(header).pathname;
    expect((await app.api('GET', unsubscribe)).status).toBe(200);
    const before = smtp.messages.length;
    await app.api('POST', `${owner.ws}/posts/${post.body.id}/comments`, { body: '@Mia again' }, owner.cookie);
    await sendQueuedEmails(app.varde.ctx);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.slice(before).some((m) => m.to.includes(me.email))).toBe(false);
    const prefs = await app.api('GET', '/api/v1/me/notification-settings', undefined, mentioned.cookie);
    expect(prefs.body.email['comment.mention']).toBe(false);
  });
});
