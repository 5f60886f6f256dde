/**
 * A local Bluesky network with an AppView, for reading replies and mentions back: a PLC directory,
 * an AppView (`TestBsky` from @atproto/dev-env, indexing the PDS's firehose into PostgreSQL) and a
 * PDS that proxies `app.bsky.*` to it — the arrangement of bsky.social. The bare PDS the other
 * tests use (test/support/pds.ts) has no AppView, and without one `listNotifications` answers
 * 502 UpstreamFailure: notifications are an AppView's, not a PDS's. dev-env's full `TestNetwork`
 * also needs Redis and an Ozone moderation service; the inbox needs neither, so this starts only
 * the three parts (about 3 s). The AppView's tables go in a schema of their own, dropped on close.
 *
 * PostgreSQL: VARDE_TEST_APPVIEW_DATABASE_URL, else VARDE_TEST_DATABASE_URL, else the local
 * server at postgres://postgres@127.0.0.1:5432/postgres when it answers (else: skip, with a note).
 */
import crypto from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { AtpAgent } from '@atproto/api';
import { mockNetworkUtilities, TestBsky, TestPds, TestPlc } from '@atproto/dev-env';
import { freePort } from '../support/app.js';
import type { AccountName, PdsAccount } from '../support/pds.js';

export interface BlueskyNetwork {
  /** The PDS, `http://localhost:<port>` */
  url: string;
  accounts: Record<AccountName, PdsAccount>;
  agentFor(name: AccountName): AtpAgent;
  close(): Promise<void>;
}

/** The PostgreSQL server for the AppView, or null (with the reason) when none answers. */
export async function appviewDatabase(): Promise<{ url: string } | { skip: string }> {
  const url = process.env.VARDE_TEST_APPVIEW_DATABASE_URL ?? process.env.VARDE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { url };
  } catch (err) {
    return { skip: `no PostgreSQL for the Bluesky AppView at ${url.replace(/\/\/[^@]*@/, '//…@')} (${(err as Error).message}); set VARDE_TEST_APPVIEW_DATABASE_URL` };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function startBlueskyNetwork(dbUrl: string): Promise<BlueskyNetwork> {
  const dir = await mkdtemp(join(tmpdir(), 'varde-bsky-'));
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = dir; // dev-env writes its blobs under os.tmpdir() and never removes them
  const schema = `appview_varde_${crypto.randomBytes(6).toString('hex').replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)])}`;
  const parts: { close(): Promise<void> }[] = [];
  const close = async () => {
    for (const p of parts.reverse()) await p.close().catch(() => {});
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => c.end());
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const plc = await TestPlc.create({});
    parts.push(plc);
    const pdsPort = await freePort();
    const bsky = await TestBsky.create({ plcUrl: plc.url, pdsPort, repoProvider: `ws://localhost:${pdsPort}`, dbPostgresUrl: dbUrl, dbPostgresSchema: schema, redisHost: 'unused' } as Parameters<typeof TestBsky.create>[0]);
    parts.push(bsky);
    const pds = await TestPds.create({ port: pdsPort, didPlcUrl: plc.url, bskyAppViewUrl: bsky.url, bskyAppViewDid: bsky.ctx.cfg.serverDid });
    parts.splice(1, 0, pds); // closed before the AppView that reads its firehose
    mockNetworkUtilities(pds, bsky);
    const agents = {} as Record<AccountName, AtpAgent>;
    const accounts = {} as Record<AccountName, PdsAccount>;
    for (const name of ['alice', 'bob'] as const) {
      const agent = new AtpAgent({ service: pds.url });
      const password = `${name}-password`;
      const { data } = await agent.createAccount({ handle: `${name}.test`, email: `${name}@varde.test`, password });
      const app = await agent.com.atproto.server.createAppPassword({ name: 'varde' });
      agents[name] = agent;
      accounts[name] = { did: data.did, handle: data.handle, appPassword: app.data.password, password };
    }
    return { url: pds.url, accounts, agentFor: (name) => agents[name], close };
  } catch (err) {
    await close();
    throw err;
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  }
}
