/**
 * The real `varde` command (node bin/varde.js), as a user runs it: help everywhere; channels and
 * posts over the HTTP API of a running test app (VARDE_URL + VARDE_TOKEN); and the local commands
 * (migrate, user create, token create) on a fresh data directory — or, on PostgreSQL, a fresh
 * database — whose token then works against a server started on it.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/logger.js';
import { startVarde } from '../../src/app/start.js';
import { createPostgresDatabase, ENGINES, type TestDatabase } from '../support/databases.js';
import { createTestApp, makePng, type TestApp, type TestUser } from '../support/app.js';
import { startWebhookReceiver, type Receiver } from '../support/webhook-receiver.js';
import { connectWebhook, insertBlueskyChannel, waitForPost } from './fixtures.js';

const BIN = path.resolve('bin/varde.js');
/** The local commands start the embedded engine (a fresh one for migrate): slow on a busy machine. */
const LOCAL_TIMEOUT_MS = 180_000;

// Every test here starts node processes (~0.4 s each when the machine is idle, far more when not).
vi.setConfig({ testTimeout: 90_000 });

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `varde …` with only the environment given (plus PATH/HOME), stdin closed or fed `input`. */
function varde(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath, [BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), LOG_LEVEL: 'warn', ...env }, timeout: 150_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

describe('varde --help', () => {
  const commands: Array<[string[], RegExp[]]> = [
    [[], [/start/, /serve/, /worker/, /migrate/, /user/, /token/, /channels/, /posts/]],
    [['start'], [/embedded database/]],
    [['serve'], [/HTTP API/]],
    [['worker'], [/publishing worker/]],
    [['migrate'], [/--json/]],
    [['user', 'create'], [/--email <email>/, /--name <name>/, /--password-stdin/, /--workspace <name>/]],
    [['token', 'create'], [/--email <email>/, /--name <name>/, /--scopes <list>/, /--workspace <id>/, /--json/]],
    [['channels', 'list'], [/--url <url>/, /--json/]],
    [['posts', 'create'], [/--to <channel>/, /--at <time>/, /--tz <zone>/, /--queue/, /--now/, /--draft/, /--media <file>/, /--alt <text>/, /--link <url>/, /--followup <text>/, /--campaign <campaign>/, /--check/, /--json/]],
    [['posts', 'list'], [/--from <iso>/, /--to <iso>/, /--status <status>/, /--channel <channel>/, /--json/]],
    [['posts', 'show'], [/<id>/, /--json/]],
  ];

  it('exits 0 and lists the options of every command', async () => {
    const results = await Promise.all(commands.map(([cmd]) => varde([...cmd, '--help'])));
    for (const [i, [cmd, patterns]] of commands.entries()) {
      const r = results[i];
      expect(r.code, `varde ${cmd.join(' ')} --help: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/^Usage: varde/);
      for (const p of patterns) expect(r.stdout, `varde ${cmd.join(' ')} --help`).toMatch(p);
    }
  });

  it('exits non-zero on an unknown command, and on a missing token says how to get one', async () => {
    const [unknown, noToken] = await Promise.all([varde(['teleport']), varde(['channels', 'list'], { VARDE_URL: 'http://127.0.0.1:9' })]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command/);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/VARDE_TOKEN/);
    expect(noToken.stderr).toMatch(/varde token create/);
  });
});

describe.each(ENGINES)('varde on %s', (engine) => {
  let app: TestApp;
  let user: TestUser;
  let receiver: Receiver;
  let hook: Awaited<ReturnType<typeof connectWebhook>>;
  let tmp: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    app = await createTestApp({ engine });
    user = await app.signUp();
    receiver = await startWebhookReceiver();
    hook = await connectWebhook(app, user, receiver, { name: 'Launch Hook' });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-cli-'));
    env = { VARDE_URL: app.url, VARDE_TOKEN: user.token };
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('over the API', () => {
    it('channels list --json prints the channels, without secrets', async () => {
      const [r, table] = await Promise.all([varde(['channels', 'list', '--json'], env), varde(['channels', 'list'], env)]);
      expect(r.code, r.stderr).toBe(0);
      const list = JSON.parse(r.stdout);
      expect(list).toEqual([expect.objectContaining({ id: hook.id, name: 'Launch Hook', network: 'webhook', status: 'active' })]);
      expect(r.stdout).not.toContain(hook.secret);
      expect(table.stdout).toMatch(/^ID\s+NETWORK\s+NAME/);
      expect(table.stdout).toContain('Launch Hook');
    });

    it('posts create --now publishes to a channel named by its name', async () => {
      const r = await varde(['posts', 'create', 'Hello from the CLI', '--to', 'launch hook', '--now', '--json'], env);
      expect(r.code, r.stderr).toBe(0);
      const post = JSON.parse(r.stdout);
      expect(post.content.text).toBe('Hello from the CLI');
      expect(post.deliveries).toEqual([expect.objectContaining({ channelId: hook.id })]);
      const done = await waitForPost(app, user, post.id, (p) => p.status === 'published');
      expect(done.deliveries[0].state).toBe('published');
      expect(receiver.events.filter((e) => e.body.data.postId === post.id).map((e) => e.body.data.text)).toEqual(['Hello from the CLI']);
    });

    it('posts create --media --alt uploads the file and attaches it with its alt text', async () => {
      const file = path.join(tmp, 'sunrise.png');
      fs.writeFileSync(file, makePng(16, 9));
      const r = await varde(['posts', 'create', 'With a picture', '--to', hook.id, '--media', file, '--alt', 'A sunrise over the fjord', '--draft', '--json'], env);
      expect(r.code, r.stderr).toBe(0);
      const post = JSON.parse(r.stdout);
      expect(post.status).toBe('draft');
      expect(post.content.media).toEqual([{ mediaId: expect.any(String), alt: 'A sunrise over the fjord' }]);
      const media = await app.api('GET', `${user.ws}/media/${post.content.media[0].mediaId}`, undefined, user.token);
      expect(media.body).toMatchObject({ mime: 'image/png', width: 16, height: 9, filename: 'sunrise.png' });
    });

    it('posts create --at with a local time and --tz schedules it in that zone', async () => {
      const r = await varde(['posts', 'create', 'Local time', '--to', 'Launch Hook', '--at', '2031-07-01T09:00', '--tz', 'Europe/Oslo', '--json'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ status: 'scheduled', scheduledAt: '2031-07-01T07:00:00.000Z' });
    });

    it('posts create --campaign puts the post in the campaign named, and refuses an unknown one', async () => {
      const campaign = (await app.api('POST', `${user.ws}/campaigns`, { name: 'Summer Fair' }, user.token)).body;
      const r = await varde(['posts', 'create', 'In a campaign', '--to', 'Launch Hook', '--campaign', 'summer fair', '--json'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).campaignId).toBe(campaign.id);
      const bad = await varde(['posts', 'create', 'x', '--to', 'Launch Hook', '--campaign', 'Winter'], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('No campaign "Winter". Known: Summer Fair');
    });

    it('posts create --at <past> fails with the server’s message on stderr and saves nothing', async () => {
      const before = (await app.db.db.query(`SELECT count(*)::int AS n FROM posts`))[0].n;
      const r = await varde(['posts', 'create', 'Too late', '--to', 'Launch Hook', '--at', '2020-01-01T09:00:00Z'], env);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('varde: The time 2020-01-01T09:00:00.000Z is in the past; pick a future time, or publish now');
      expect(r.stdout).toBe('');
      expect((await app.db.db.query(`SELECT count(*)::int AS n FROM posts`))[0].n).toBe(before);
    });

    it('posts create with an unknown channel fails naming the known ones', async () => {
      const r = await varde(['posts', 'create', 'x', '--to', 'Nowhere'], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/No channel "Nowhere"\. Known: Launch Hook \(webhook\)/);
    });

    it('posts create --check reports every target’s problems, saving nothing', async () => {
      const bsky = await insertBlueskyChannel(app, user, { name: 'Brand Sky' });
      const before = (await app.db.db.query(`SELECT count(*)::int AS n FROM posts`))[0].n;
      const text = 'z'.repeat(305);
      const [r, json, ok, create] = await Promise.all([
        varde(['posts', 'create', text, '--to', 'Brand Sky', '--to', 'Launch Hook', '--check'], env),
        varde(['posts', 'create', text, '--to', bsky.id, '--check', '--json'], env),
        varde(['posts', 'create', 'short', '--to', 'Brand Sky', '--check'], env),
        // Without --check the same post is refused with the same problem.
        varde(['posts', 'create', text, '--to', 'Brand Sky', '--draft'], env),
      ]);
      expect(r.code).toBe(3);
      expect(r.stdout).toContain('Problems:');
      expect(r.stdout).toContain('[Brand Sky] Bluesky: 305 of 300 characters');
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, targets: [{ channelId: bsky.id, problems: [{ code: 'text.too_long' }] }] });
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('OK: fits every target.');
      expect(create.code).toBe(3);
      expect(create.stderr).toContain('Bluesky: 305 of 300 characters');
      expect((await app.db.db.query(`SELECT count(*)::int AS n FROM posts`))[0].n).toBe(before);
    });

    it('posts list --json and posts show print what the API has', async () => {
      const created = await app.api('POST', `${user.ws}/posts`, { text: 'Listed and shown', targets: [{ channelId: hook.id }], schedule: { mode: 'at', at: '2032-02-02T10:00:00Z' } }, user.token);
      const [list, show, showJson, missing] = await Promise.all([
        varde(['posts', 'list', '--json', '--status', 'scheduled', '--channel', 'Launch Hook', '--from', '2032-02-01T00:00:00Z', '--to', '2032-02-03T00:00:00Z'], env),
        varde(['posts', 'show', created.body.id], env),
        varde(['posts', 'show', created.body.id, '--json'], env),
        varde(['posts', 'show', '00000000-0000-4000-8000-000000000000'], env),
      ]);
      expect(list.code, list.stderr).toBe(0);
      expect(JSON.parse(list.stdout).map((p: any) => p.id)).toEqual([created.body.id]);
      expect(show.code, show.stderr).toBe(0);
      expect(show.stdout).toContain(`Post ${created.body.id} — scheduled, 2032-02-02T10:00:00.000Z`);
      expect(show.stdout).toContain('Listed and shown');
      expect(show.stdout).toMatch(/Launch Hook \(webhook\)\s+scheduled/);
      expect(JSON.parse(showJson.stdout)).toMatchObject({ id: created.body.id, deliveries: [{ state: 'scheduled' }] });
      expect(missing.code).toBe(3);
      expect(missing.stderr).toContain('Post not found');
    });

    it('fails clearly when the server cannot be reached or the token is wrong', async () => {
      const [down, wrong] = await Promise.all([
        varde(['channels', 'list'], { VARDE_URL: 'http://127.0.0.1:9', VARDE_TOKEN: user.token }),
        varde(['channels', 'list'], { VARDE_URL: app.url, VARDE_TOKEN: 'vrd_wrong' }),
      ]);
      expect(down.code).not.toBe(0);
      expect(down.stderr).toMatch(/Cannot reach Varde at http:\/\/127\.0\.0\.1:9/);
      expect(wrong.code).toBe(3);
      expect(wrong.stderr).toMatch(/unknown or revoked/);
    });
  });

  describe('on this machine', () => {
    let localEnv: Record<string, string>;
    let database: TestDatabase | undefined;
    const email = `admin-${crypto.randomBytes(3).toString('hex')}@example.com`;

    beforeAll(async () => {
      const dataDir = path.join(tmp, 'data');
      localEnv = { VARDE_DATA_DIR: dataDir };
      if (engine === 'postgres') {
        // A fresh, empty database for the CLI to migrate.
        database = await createPostgresDatabase();
        await database.db.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
        localEnv.DATABASE_URL = database.url!;
      }
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('migrate applies the migrations once', async () => {
      const first = await varde(['migrate'], localEnv);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^Applied: 0001_spine/);
      const again = await varde(['migrate', '--json'], localEnv);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toEqual({ applied: [] });
    }, LOCAL_TIMEOUT_MS);

    it('user create reads the password from stdin and refuses a short one', async () => {
      const short = await varde(['user', 'create', '--email', 'x@example.com', '--name', 'X', '--password-stdin'], localEnv, 'short\n');
      expect(short.code).toBe(2);
      expect(short.stderr).toContain('at least 10 characters');
      const r = await varde(['user', 'create', '--email', email, '--name', 'Ada Admin', '--workspace', 'Acme', '--password-stdin', '--json'], localEnv, 'a long enough password\n');
      expect(r.code, r.stderr).toBe(0);
      const created = JSON.parse(r.stdout);
      expect(created).toMatchObject({ user: { email, name: 'Ada Admin' }, workspace: { name: 'Acme' } });
      expect(r.stdout).not.toContain('a long enough password');
      const dup = await varde(['user', 'create', '--email', email, '--name', 'Again', '--password-stdin'], localEnv, 'a long enough password\n');
      expect(dup.code).not.toBe(0);
      expect(dup.stderr).toMatch(/already exists/);
    }, LOCAL_TIMEOUT_MS);

    it('token create prints a token, stored hashed, that works against a server on the same data', async () => {
      const bad = await varde(['token', 'create', '--email', email, '--name', 'ci', '--scopes', 'read,root'], localEnv);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/Unknown scope\(s\): root/);
      // (One at a time: the embedded database takes one process at a time.)
      const nobody = await varde(['token', 'create', '--email', 'nobody@example.com', '--name', 'ci'], localEnv);
      expect(nobody.code).toBe(2);
      expect(nobody.stderr).toMatch(/No account with e-mail nobody@example\.com/);

      const r = await varde(['token', 'create', '--email', email, '--name', 'ci', '--json'], localEnv);
      expect(r.code, r.stderr).toBe(0);
      const created = JSON.parse(r.stdout);
      expect(created).toMatchObject({ name: 'ci', scopes: ['read', 'write', 'publish'], token: expect.stringMatching(/^vrd_/) });

      const config = loadConfig({ ...localEnv, HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, { port: 0 });
      const server = await startVarde({ mode: 'serve', config, logger: createLogger('warn', { write: () => {} } as any) });
      try {
        const [row] = await server.ctx.db.query(`SELECT token_hash FROM api_tokens WHERE id = $1`, [created.id]);
        expect(row.token_hash).toBe(crypto.createHash('sha256').update(created.token).digest('hex'));
        const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${created.token}` } });
        expect(me.status).toBe(200);
        expect(await me.json()).toMatchObject({ user: { email }, token: { id: created.id, workspaceId: created.workspaceId } });
      } finally {
        await server.close();
      }
    }, LOCAL_TIMEOUT_MS);
  });
});
