/** `varde inbox list` and `varde inbox reply <item-id> "text"`, over the HTTP API (VARDE_URL + VARDE_TOKEN). */
import crypto from 'node:crypto';
import { Command } from 'commander';
import { connectApi } from './api-client.js';
import { CliError, printJson, printTable } from './output.js';

const apiOptions = (c: Command) =>
  c.option('--url <url>', 'Varde server (default: $VARDE_URL or http://localhost:8080)').option('--workspace <id>', 'workspace id (default: the token’s)').option('--json', 'machine-readable output');

const FILTERS = ['state', 'channelId', 'network', 'tag', 'assignee', 'sentiment', 'kind', 'priority', 'sort', 'limit'] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function registerInboxCommands(program: Command) {
  const inbox = program.command('inbox').description('The unified inbox: comments, replies, mentions, quotes and messages (over the API)');

  apiOptions(
    inbox
      .command('list')
      .description('List inbox items, newest first')
      .option('--state <state>', 'open, assigned or done')
      .option('--channel <id>', 'only this channel (id)')
      .option('--network <slug>', 'only this network, e.g. bluesky')
      .option('--tag <tag>', 'only items with this tag')
      .option('--assignee <who>', '"me", "none" or a user id')
      .option('--sentiment <s>', 'positive, neutral, negative or unscored')
      .option('--kind <kind>', 'comment, reply, mention, quote or message')
      .option('--priority <level>', 'high, medium or low')
      .option('--search <words>', 'full-text search')
      .option('--unread', 'only unread items')
      .option('--sort <order>', 'newest, oldest or priority', 'newest')
      .option('--limit <n>', 'at most this many', '50'),
  ).action(async (o) => {
    const api = await connectApi(o);
    const q = new URLSearchParams();
    for (const key of FILTERS) {
      const value = key === 'channelId' ? o.channel : o[key];
      if (value !== undefined) q.set(key, String(value));
    }
    if (o.search) q.set('q', o.search);
    if (o.unread) q.set('unread', 'true');
    const res = await api.call<any>('GET', `/api/v1/workspaces/${api.workspaceId}/inbox/items?${q}`);
    if (o.json) return printJson(res);
    printTable(
      res.items.map((i: any) => ({ id: i.id, when: i.createdAt, network: i.network, kind: i.kind, from: i.author.handle ? `@${i.author.handle}` : i.author.name ?? i.author.id, state: i.state, sentiment: i.sentiment, priority: i.priorityLevel, text: i.text })),
      ['id', 'when', 'network', 'kind', 'from', 'state', 'sentiment', 'priority', 'text'],
    );
    if (res.total > res.items.length) process.stderr.write(`${res.items.length} of ${res.total} shown; use --limit or filters\n`);
  });

  apiOptions(
    inbox
      .command('reply')
      .description('Reply to an item, exactly once (sent by the publishing worker)')
      .argument('<item-id>', 'the inbox item to answer')
      .argument('[text]', 'the reply; may use {{author.name}}, {{author.handle}}, {{channel.name}}')
      .option('--saved <id>', 'send this saved reply instead of text')
      .option('--wait', 'wait until the reply is published (or has failed)'),
  ).action(async (itemId: string, text: string | undefined, o) => {
    if (!text === !o.saved) throw new CliError('Give the reply text, or --saved <id>', 2);
    const api = await connectApi(o);
    const body = o.saved ? { savedReplyId: o.saved } : { text };
    // One key per invocation: a request the network dropped and the client resent is one reply.
    let reply = await api.call<any>('POST', `/api/v1/workspaces/${api.workspaceId}/inbox/items/${encodeURIComponent(itemId)}/reply`, body, { 'idempotency-key': crypto.randomUUID() });
    for (let i = 0; o.wait && i < 120 && !['published', 'failed', 'needs_attention'].includes(reply.state); i++) {
      await sleep(500);
      const conv = await api.call<any>('GET', `/api/v1/workspaces/${api.workspaceId}/inbox/items/${encodeURIComponent(itemId)}/conversation`);
      reply = conv.replies.find((r: any) => r.id === reply.id) ?? reply;
    }
    if (o.json) return printJson(reply);
    process.stdout.write(`Reply ${reply.id}: ${reply.state}${reply.url ? ` — ${reply.url}` : ''}${reply.error ? ` — ${reply.error.networkMessage ?? reply.error.message}` : ''}\n`);
    if (['failed', 'needs_attention'].includes(reply.state)) process.exitCode = 3;
  });
}
