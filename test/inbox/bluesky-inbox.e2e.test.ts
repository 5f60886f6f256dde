/**
 * The inbox end to end on Bluesky, with a real `varde start` process on an embedded database, a
 * real PDS and an AppView (bluesky-network.ts): Varde publishes a post; another account replies to
 * it, quotes it and mentions the account; the items appear in the inbox (by polling
 * listNotifications), threaded under the Varde post. A reply sent with `varde inbox reply` reaches
 * the PDS while the answer is withheld (pds-proxy.ts) and Varde is killed with SIGKILL; after a
 * restart the reply is published — and the PDS holds it exactly once, at the record key derived
 * from the reply's own idempotency key. Then: like (offered), hide (not offered), delete (only
 * Varde's own reply).
 */
import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deriveTid } from '../../src/core/tid.js';
import { openPglite } from '../../src/db/client.js';
import { waitFor } from '../support/app.js';
import { startPdsProxy, type HeldReply, type PdsProxy } from '../publishing/pds-proxy.js';
import { apiClient, spawnVarde, type VardeProcess } from '../publishing/varde-process.js';
import { appviewDatabase, startBlueskyNetwork, type BlueskyNetwork } from './bluesky-network.js';

const BIN = path.resolve('bin/varde.js');
const database = await appviewDatabase();
if ('skip' in database) console.info(`Bluesky inbox end to end skipped: ${database.skip}`);

describe.skipIf('skip' in database)('the inbox on Bluesky, end to end through a varde process', () => {
  let net: BlueskyNetwork;
  let proxy: PdsProxy;
  let dataDir: string;
  let proc: VardeProcess | null = null;
  let env: Record<string, string>;

  beforeAll(async () => {
    net = await startBlueskyNetwork((database as { url: string }).url);
    proxy = await startPdsProxy(net.url);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-inbox-e2e-'));
    const db = await openPglite(path.join(dataDir, 'db'), { loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) });
    await db.close();
    env = {
      VARDE_DATA_DIR: dataDir, VARDE_SECRET_KEY: crypto.randomBytes(32).toString('hex'), VARDE_SIGNUP: 'open',
      VARDE_ALLOW_HOSTS: '127.0.0.1,localhost', VARDE_INBOX_POLL_SECONDS: '1', VARDE_LEASE_SECONDS: '2', VARDE_WORKER_POLL_MS: '50', VARDE_RETRY_BASE_MS: '200',
    };
  });

  afterAll(async () => {
    await proc?.kill('SIGKILL');
    await proxy?.close();
    await net?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads replies, quotes and mentions, threads them under the post, and replies exactly once across a crash', { timeout: 240_000 }, async () => {
    proc = await spawnVarde('start', env);
    const { token, ws } = await signUp(proc.url!);
    const api = <T = any>(method: string, url: string, body?: unknown) => apiClient(proc!.url!, token)<T>(method, url, body);
    const { alice, bob } = net.accounts;

    const channel = await api('POST', `${ws}/channels`, { network: 'bluesky', handle: alice.handle, appPassword: alice.appPassword, pdsUrl: proxy.url });
    expect(channel.status, JSON.stringify(channel.body)).toBe(201);
    const created = await api('POST', `${ws}/posts`, { text: 'Launch day: Varde 1.0 is out', targets: [{ channelId: channel.body.id }], schedule: { mode: 'now' } });
    const post = await waitFor(async () => {
      const p = (await api('GET', `${ws}/posts/${created.body.id}`)).body;
      return p.status === 'published' && p;
    }, 30_000, 'the post to be published');
    const postUri: string = post.deliveries[0].externalId;

    // Bob answers once the post is on the AppView (as people see it): a reply, a quote, and a
    // mention elsewhere. (The AppView indexes repos in parallel: a reply indexed before the post
    // it answers would get no notification.)
    const bobAgent = net.agentFor('bob');
    await waitFor(async () => (await bobAgent.getPosts({ uris: [postUri] })).data.posts.length === 1, 60_000, 'the post to reach the AppView');
    const { data: target } = await bobAgent.com.atproto.repo.getRecord({ repo: alice.did, collection: 'app.bsky.feed.post', rkey: postUri.split('/').pop()! });
    const ref = { uri: target.uri, cid: target.cid! };
    const reply = await bobAgent.post({ text: 'Congratulations! Does it support threads?', reply: { root: ref, parent: ref } });
    await bobAgent.post({ text: 'Worth a look', embed: { $type: 'app.bsky.embed.record', record: ref } });
    const mentionText = `Hey @${alice.handle}, great work`;
    const start = Buffer.byteLength('Hey ');
    await bobAgent.post({ text: mentionText, facets: [{ index: { byteStart: start, byteEnd: start + alice.handle.length + 1 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: alice.did }] }] });

    const items = await waitFor(async () => {
      const list = (await api('GET', `${ws}/inbox/items?sort=oldest`)).body.items as any[];
      return list.length >= 3 && list;
    }, 90_000, 'three inbox items from the notifications').catch(async (err) => {
      const seen = { items: (await api('GET', `${ws}/inbox/items`)).body, sources: (await api('GET', `${ws}/inbox/sources`)).body };
      throw new Error(`${(err as Error).message}; the inbox has ${JSON.stringify(seen).slice(0, 3000)}`);
    });
    const kinds = Object.fromEntries(items.map((i) => [i.kind, i]));
    expect(Object.keys(kinds).sort()).toEqual(['mention', 'quote', 'reply']);
    expect(kinds.reply).toMatchObject({ externalId: reply.uri, postId: post.id, conversationId: postUri, source: 'poll', author: { id: bob.did, handle: bob.handle } });
    expect(kinds.quote).toMatchObject({ postId: post.id, conversationId: postUri });
    expect(kinds.mention).toMatchObject({ postId: null, text: mentionText });
    const thread = (await api('GET', `${ws}/inbox/items/${kinds.reply.id}/conversation`)).body;
    expect(thread.post).toMatchObject({ id: post.id, text: 'Launch day: Varde 1.0 is out' });
    expect(thread.items.map((i: any) => i.kind).sort()).toEqual(['quote', 'reply']);
    expect((await api('GET', `${ws}/inbox/items?postId=${post.id}`)).body.total).toBe(2);

    // The reply reaches the PDS; its answer is withheld; Varde is killed before it hears back.
    let held: HeldReply | null = null;
    void proxy.holdNextReply().then((h) => (held = h));
    const cli = await varde(['inbox', 'reply', kinds.reply.id, 'Thanks {{author.handle}} — yes, threads too!', '--json'], { VARDE_URL: proc.url!, VARDE_TOKEN: token });
    expect(cli.code, cli.stderr).toBe(0);
    const queued = JSON.parse(cli.stdout);
    await waitFor(() => held, 30_000, 'the reply to reach the PDS');
    expect(held!.status).toBe(200);
    expect((await proc.kill('SIGKILL')).signal).toBe('SIGKILL');

    proc = await spawnVarde('start', env);
    const sent = await waitFor(async () => {
      const replies = (await api('GET', `${ws}/inbox/items/${kinds.reply.id}/conversation`)).body.replies as any[];
      return replies.find((r) => r.id === queued.id && r.state === 'published');
    }, 60_000, 'the reply to be published after the restart');
    const delivery = (await api('GET', `${ws}/posts/${sent.postId}`)).body.deliveries[0];
    expect(delivery.attempts.map((a: any) => a.outcome)).toEqual(['interrupted', 'published']);

    const records = (await net.agentFor('alice').com.atproto.repo.listRecords({ repo: alice.did, collection: 'app.bsky.feed.post', limit: 100 })).data.records;
    const replies = records.filter((r) => (r.value as any).text === `Thanks @${bob.handle} — yes, threads too!`);
    expect(replies).toHaveLength(1);
    expect(replies[0].uri).toBe(`at://${alice.did}/app.bsky.feed.post/${deriveTid(delivery.idempotencyKey, 0)}`);
    expect(held!.rkey).toBe(deriveTid(delivery.idempotencyKey, 0));
    expect((replies[0].value as any).reply).toMatchObject({ root: { uri: postUri }, parent: { uri: reply.uri } });
    expect(sent.url).toMatch(/^https:\/\/bsky\.app\/profile\/alice\.test\/post\//);

    // Varde's own reply is not an inbox item, and replies never show among the posts.
    const list = await varde(['inbox', 'list', '--json'], { VARDE_URL: proc.url!, VARDE_TOKEN: token });
    expect(JSON.parse(list.stdout).total).toBe(3);
    expect((await api('GET', `${ws}/posts`)).body.posts.map((p: any) => p.id)).toEqual([post.id]);
    // Liking works on Bluesky; hiding is not offered.
    expect((await api('POST', `${ws}/inbox/items/${kinds.reply.id}/like`)).body.liked).toBe(true);
    const hide = await api('POST', `${ws}/inbox/items/${kinds.reply.id}/hide`, { hidden: true });
    expect(hide.status).toBe(400);
    expect(hide.body.error.message).toBe('Hiding comments is not offered by Bluesky');
    // Varde's own reply can be deleted from the network; Bob's post is Bob's.
    expect((await api('POST', `${ws}/inbox/items/${kinds.reply.id}/delete`)).status).toBe(422);
    const removed = await api('POST', `${ws}/inbox/replies/${sent.id}/delete`);
    expect(removed.body).toMatchObject({ id: sent.id, state: 'deleted' });
    const after = (await net.agentFor('alice').com.atproto.repo.listRecords({ repo: alice.did, collection: 'app.bsky.feed.post', limit: 100 })).data.records;
    expect(after.map((r) => r.uri)).not.toContain(replies[0].uri);
  });
});

/** Signs up on the child over HTTP and makes an API token. */
async function signUp(url: string) {
  const res = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `inbox-${crypto.randomBytes(3).toString('hex')}@example.com`, password: 'correct horse battery', name: 'Inbox Tester' }),
  });
  const body = await res.json();
  const ws = `/api/v1/workspaces/${body.workspace.id}`;
  const tok = await fetch(`${url}${ws}/tokens`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: String(res.headers.get('set-cookie')).split(';')[0], origin: url },
    body: JSON.stringify({ name: 'inbox', scopes: ['read', 'write', 'publish', 'admin'] }),
  });
  return { ws, token: (await tok.json()).token as string };
}

function varde(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), LOG_LEVEL: 'warn', ...env }, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}
