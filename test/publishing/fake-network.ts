/**
 * A scripted network that cannot deduplicate (`idempotentPublish: false`), for testing the rules
 * that only apply to such networks: reconcile before any new publish when an outcome is unknown,
 * `needs_attention` when nobody can tell, `needs_reconnect` on expired auth. Each channel names
 * its script in `settings.script`; every call is logged so tests can assert what was (not) called.
 */
import crypto from 'node:crypto';
import type { Queryable } from '../../src/db/client.js';
import type { Secrets } from '../../src/app/secrets.js';
import type { NetworkSlug } from '../../src/core/networks.js';
import type { Provider, PublishResult, ReconcileOutcome } from '../../src/providers/contract.js';
import { ProviderError, type ProviderErrorKind } from '../../src/providers/provider-error.js';

/** Not a real network: the channels table takes any slug, the registry looks providers up by it. */
export const FAKE_NETWORK = 'faux' as NetworkSlug;

export type PublishStep = 'ok' | ProviderErrorKind;
export type ReconcileStep = ReconcileOutcome['status'];

export interface FakeCall {
  op: 'publish' | 'reconcile';
  script: string;
  idempotencyKey: string;
}

export interface FakeNetwork extends Provider {
  calls: FakeCall[];
  /** Steps are consumed one per call; an exhausted script publishes fine and finds nothing. */
  script(name: string, steps: { publish?: PublishStep[]; reconcile?: ReconcileStep[] }): void;
  callsFor(name: string): Array<FakeCall['op']>;
}

const MESSAGES: Record<ProviderErrorKind, string> = {
  auth_expired: 'The access token expired and could not be refreshed',
  rate_limited: 'Too many requests',
  rejected: 'The network refused the post',
  transient: 'The network had a hiccup',
  unknown_outcome: 'The connection dropped after the post was sent',
};

function result(key: string): PublishResult {
  const externalId = `faux-${key}`;
  const url = `https://faux.example/p/${key}`;
  return { externalId, url, parts: [{ externalId, url }] };
}

export function createFakeNetwork(): FakeNetwork {
  const scripts = new Map<string, { publish: PublishStep[]; reconcile: ReconcileStep[] }>();
  const calls: FakeCall[] = [];
  const stepsOf = (settings: Record<string, unknown>) => {
    const name = String(settings.script);
    if (!scripts.has(name)) scripts.set(name, { publish: [], reconcile: [] });
    return { name, steps: scripts.get(name)! };
  };
  return {
    network: FAKE_NETWORK,
    idempotentPublish: false,
    calls,
    script(name, steps) {
      scripts.set(name, { publish: [...(steps.publish ?? [])], reconcile: [...(steps.reconcile ?? [])] });
    },
    callsFor: (name) => calls.filter((c) => c.script === name).map((c) => c.op),
    async connect() {
      throw new ProviderError('rejected', 'Channels of the fake network are inserted directly by the tests');
    },
    async publish(ctx) {
      const { name, steps } = stepsOf(ctx.settings);
      calls.push({ op: 'publish', script: name, idempotencyKey: ctx.idempotencyKey });
      const step = steps.publish.shift() ?? 'ok';
      if (step === 'ok') return result(ctx.idempotencyKey);
      throw new ProviderError(step, MESSAGES[step], { networkMessage: step === 'auth_expired' ? 'Token has expired' : undefined });
    },
    async reconcile(ctx) {
      const { name, steps } = stepsOf(ctx.settings);
      calls.push({ op: 'reconcile', script: name, idempotencyKey: ctx.idempotencyKey });
      const step = steps.reconcile.shift() ?? 'not_found';
      if (step === 'published') return { status: 'published', result: result(ctx.idempotencyKey) };
      if (step === 'unknown') return { status: 'unknown', evidence: 'the timeline could not be read (HTTP 503)' };
      return { status: 'not_found' };
    },
  };
}

/** Inserts an active channel of the fake network whose calls follow the script `name`. */
export async function insertFakeChannel(db: Queryable, secrets: Secrets, workspaceId: string, name: string): Promise<string> {
  const id = crypto.randomUUID();
  await db.query(
    `INSERT INTO channels (id, workspace_id, network, name, external_id, handle, credentials, settings)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [id, workspaceId, FAKE_NETWORK, `Fake ${name}`, `acct-${name}`, `@${name}`, secrets.encrypt({ token: 'secret' }), JSON.stringify({ script: name })],
  );
  return id;
}
