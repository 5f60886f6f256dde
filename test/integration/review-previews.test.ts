/**
 * What the people deciding on a post are shown, through the API: a client's review page and the
 * members' list of posts waiting for approval preview each channel's own content, say of every file
 * whether it is an image or a video (from the stored file's type), and carry each follow-up with its
 * own files, at addresses that serve those files to their audience (and no webhook address to a client).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { createTestApp, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { makeMp4 } from '../support/mp4.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';

describe.each(ENGINES)('review and approval previews on %s', (engine) => {
  let app: TestApp;
  let receiver: Receiver;
  let owner: TestUser;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    app = await createTestApp({ engine });
    owner = await app.signUp();
    expect((await app.api('PUT', `${owner.ws}/settings`, { approvals: { required: 'everyone', approvers: 1 } }, owner.token)).status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  async function webhookChannel(name: string) {
    const path = `/${name.toLowerCase()}`;
    receiver.setSecret(path, receiver.secret);
    const ch = await app.api('POST', `${owner.ws}/channels`, { network: 'webhook', url: receiver.url(path), secret: receiver.secret, name }, owner.token);
    expect(ch.status).toBe(201);
    return ch.body.id as string;
  }
  async function uploadVideo() {
    const res = await app.api('POST', `${owner.ws}/media?filename=clip.mp4`, Buffer.from(makeMp4()), owner.token, { 'content-type': 'video/mp4' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  /** GETs a file's address as a browser would (a session is only sent when given). */
  const fetchFile = (url: string, auth?: string) => fetch(new URL(url, app.url), { headers: auth ? { authorization: `Bearer ${auth}` } : {} });

  it('gives every file its kind and every follow-up its own files, per channel', async () => {
    const [plain, own] = [await webhookChannel('Plain'), await webhookChannel('Own')]; // shown by name: Own, then Plain
    const [photo, still, clip, otherClip] = [await uploadPng(app, owner), await uploadPng(app, owner), await uploadVideo(), await uploadVideo()];
    const post = await app.api('POST', `${owner.ws}/posts`, {
      text: 'Part one', media: [{ mediaId: photo, alt: 'A harbour' }],
      followups: [{ text: 'Part two', media: [{ mediaId: still, alt: 'Boats at dawn' }, { mediaId: clip, alt: 'The ferry leaving' }] }, { text: 'Part three' }],
      targets: [{ channelId: plain }, { channelId: own, followups: [{ text: 'Own part two', media: [{ mediaId: otherClip }] }] }],
      schedule: { mode: 'at', at: new Date(Date.now() + 3 * 3600_000).toISOString() },
    }, owner.token);
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    expect(post.body.approvalStatus).toBe('pending');

    const image = (alt: string | null) => ({ url: expect.any(String), alt, kind: 'image' });
    const video = (alt: string | null) => ({ url: expect.any(String), alt, kind: 'video' });
    const expected = [
      { network: 'webhook', channel: 'Own', text: 'Part one', media: [image('A harbour')], followups: [{ text: 'Own part two', media: [video(null)] }] },
      { network: 'webhook', channel: 'Plain', text: 'Part one', media: [image('A harbour')], followups: [{ text: 'Part two', media: [image('Boats at dawn'), video('The ferry leaving')] }, { text: 'Part three', media: [] }] },
    ];

    // The client's review page: files at signed addresses that work without an account.
    const link = await app.api('POST', `${owner.ws}/review-links`, { name: 'Kinds', from: new Date().toISOString(), to: new Date(Date.now() + 86400_000).toISOString() }, owner.token);
    expect(link.status).toBe(201);
    const page = await app.api('GET', `/api/v1/review/${link.body.token}`);
    expect(page.status).toBe(200);
    const shown = page.body.posts.find((p: { id: string }) => p.id === post.body.id);
    expect(shown.media).toEqual([image('A harbour')]);
    expect(shown.targets).toMatchObject(expected);
    expect(shown.targets.map((t: { handle: string | null }) => t.handle)).toEqual([null, null]); // a webhook's receiver is not the client's business
    const clientVideo = shown.targets[1].followups[0].media[1].url as string;
    expect(clientVideo).toMatch(/\/media\/s\//);
    const served = await fetchFile(clientVideo);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('video/mp4');

    // The members' list of posts waiting for approval: the same previews, at the workspace's own addresses.
    const awaiting = await app.api('GET', `${owner.ws}/approvals`, undefined, owner.token);
    expect(awaiting.status).toBe(200);
    const waiting = awaiting.body.posts.find((p: { id: string }) => p.id === post.body.id);
    expect(waiting).toMatchObject({ status: 'awaiting_approval', approvalStatus: 'pending', createdBy: owner.userId, revision: 1, targets: expected });
    expect(waiting.targets[0].handle).toEqual(expect.any(String));
    const memberVideo = waiting.targets[0].followups[0].media[0].url as string;
    expect(memberVideo).toBe(`/api/v1/workspaces/${owner.workspaceId}/media/${otherClip}/content`);
    expect((await fetchFile(memberVideo, owner.token)).headers.get('content-type')).toBe('video/mp4');
    expect((await fetchFile(memberVideo)).status).toBe(401);

    // Someone from another workspace gets nothing; approved, the post leaves the list.
    const other = await app.signUp();
    expect([403, 404]).toContain((await app.api('GET', `${owner.ws}/approvals`, undefined, other.token)).status);
    expect((await app.api('POST', `/api/v1/review/${link.body.token}/posts/${post.body.id}/decision`, { name: 'Cora Client', decision: 'approved' })).body).toEqual({ approvalStatus: 'approved' });
    expect((await app.api('GET', `${owner.ws}/approvals`, undefined, owner.token)).body.posts.map((p: { id: string }) => p.id)).not.toContain(post.body.id);
  });
});
