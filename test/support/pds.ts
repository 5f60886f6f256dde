/**
 * A real Bluesky PDS (and PLC directory) on local ports, from @atproto/dev-env, with two accounts
 * that have app passwords. Start it once per test file (beforeAll) and close it after (afterAll):
 * start-up takes well under a second, each account a few hundred ms (password hashing).
 * Handles end in `.test` and resolve through the PDS itself (com.atproto.identity.resolveHandle).
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { JWT_SECRET, TestNetworkNoAppView } from '@atproto/dev-env';

export interface PdsAccount {
  did: string;
  handle: string;
  appPassword: string;
  /** The account password (never given to Varde; used by test agents). */
  password: string;
}

export type AccountName = 'alice' | 'bob';

export interface TestPds {
  /** `http://localhost:<port>` */
  url: string;
  port: number;
  accounts: Record<AccountName, PdsAccount>;
  /** An @atproto/api agent logged in as the account, for reading and arranging test data. */
  agentFor(name: AccountName): AtpAgent;
  /** A copy of `jwt` with claims changed (e.g. `exp` in the past), signed with the PDS's secret. */
  resignJwt(jwt: string, claims: Record<string, unknown>): string;
  close(): Promise<void>;
}

/** Starts the PDS (ports picked automatically) and creates alice.test and bob.test. */
export async function startPds(): Promise<TestPds> {
  // dev-env makes its data and blob directories under os.tmpdir() and never removes them: point
  // the temp dir at one of ours while it starts, and remove that on close.
  const dir = await mkdtemp(join(tmpdir(), 'varde-pds-'));
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  let network: TestNetworkNoAppView;
  try {
    network = await TestNetworkNoAppView.create({});
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  }
  const close = async () => {
    await network.close();
    await rm(dir, { recursive: true, force: true });
  };
  const url = network.pds.url;
  try {
    const agents = {} as Record<AccountName, AtpAgent>;
    const accounts = {} as Record<AccountName, PdsAccount>;
    await Promise.all(
      (['alice', 'bob'] as const).map(async (name) => {
        const agent = new AtpAgent({ service: url });
        const password = `${name}-password`;
        const { data } = await agent.createAccount({ handle: `${name}.test`, email: `${name}@varde.test`, password });
        const app = await agent.com.atproto.server.createAppPassword({ name: 'varde' });
        agents[name] = agent;
        accounts[name] = { did: data.did, handle: data.handle, appPassword: app.data.password, password };
      }),
    );
    return {
      url,
      port: network.pds.port,
      accounts,
      agentFor: (name) => agents[name],
      resignJwt,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

function resignJwt(jwt: string, claims: Record<string, unknown>): string {
  const [header, payload] = jwt.split('.');
  const merged = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), ...claims };
  const body = `${header}.${Buffer.from(JSON.stringify(merged)).toString('base64url')}`;
  return `${body}.${createHmac('sha256', JWT_SECRET).update(body).digest('base64url')}`;
}
