/**
 * The webhook receiver in its own process, so that verifying 1,000+ signed requests a second does
 * not compete with Varde's worker for the event loop. Driven over IPC by receiver-client.ts:
 * every message `{ id, cmd, args }` gets `{ id, ok, result | error }`.
 */
import { startWebhookReceiver, type Receiver } from '../../test/support/webhook-receiver.js';

type Command =
  | { cmd: 'setSecrets'; args: Record<string, string> }
  | { cmd: 'count' }
  | { cmd: 'stats' }
  | { cmd: 'reset' }
  | { cmd: 'close' };

let receiver: Receiver;

function handle(msg: Command): unknown {
  switch (msg.cmd) {
    case 'setSecrets':
      for (const [path, secret] of Object.entries(msg.args)) receiver.setSecret(path, secret);
      return null;
    case 'count':
      return { accepted: receiver.acceptedCount(), requests: receiver.requests.length };
    case 'stats': {
      const rejected = receiver.requests.filter((r) => r.status !== 200).length;
      return { accepted: receiver.acceptedCount(), uniqueIds: receiver.uniqueIds(), duplicateIds: receiver.duplicateIds(), rejected };
    }
    case 'reset':
      receiver.reset();
      return null;
    case 'close':
      return receiver.close().then(() => setImmediate(() => process.exit(0)));
  }
}

async function main() {
  receiver = await startWebhookReceiver();
  process.on('message', async (raw: { id: number } & Command) => {
    try {
      const result = await handle(raw);
      process.send!({ id: raw.id, ok: true, result: result ?? null });
    } catch (err) {
      process.send!({ id: raw.id, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ ready: true, port: receiver.port, secret: receiver.secret });
}

void main();
