/** Commands that talk to a running Varde over its HTTP API: channels list, posts create/list/show. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { connectApi, formatTargetProblems, type ApiClient } from './api-client.js';
import { CliError, printJson, printTable } from './output.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];
const apiOptions = (c: Command) =>
  c.option('--url <url>', 'Varde server (default: $VARDE_URL or http://localhost:8080)').option('--workspace <id>', 'workspace id (default: the token’s)').option('--json', 'machine-readable output');

async function resolveChannels(api: ApiClient, refs: string[]): Promise<any[]> {
  const { channels } = await api.call<any>('GET', `/api/v1/workspaces/${api.workspaceId}/channels`);
  return refs.map((ref) => {
    const r = ref.replace(/^@/, '').toLowerCase();
    const found = channels.filter((c: any) => c.id === ref || c.name.toLowerCase() === r || (c.handle ?? '').toLowerCase() === r);
    if (found.length === 1) return found[0];
    if (found.length > 1) throw new CliError(`"${ref}" matches several channels; use its id`, 2);
    throw new CliError(`No channel "${ref}". Known: ${channels.map((c: any) => `${c.name} (${c.network})`).join(', ') || 'none — connect one first'}`, 2);
  });
}

async function resolveCampaign(api: ApiClient, ref: string): Promise<string> {
  const { campaigns } = await api.call<any>('GET', `/api/v1/workspaces/${api.workspaceId}/campaigns`);
  const found = campaigns.find((c: any) => c.id === ref || c.name.toLowerCase() === ref.toLowerCase());
  if (found) return found.id;
  throw new CliError(`No campaign "${ref}". Known: ${campaigns.map((c: any) => c.name).join(', ') || 'none — create one in the web app or with POST …/campaigns'}`, 2);
}

async function uploadMedia(api: ApiClient, files: string[], json: boolean) {
  const ids: string[] = [];
  for (const [i, file] of files.entries()) {
    const bytes = await fs.readFile(file).catch(() => {
      throw new CliError(`Cannot read ${file}`, 2);
    });
    if (!json) process.stderr.write(`Uploading ${i + 1}/${files.length}: ${path.basename(file)} (${(bytes.length / 1e6).toFixed(2)} MB)… `);
    const m = await api.call<any>('POST', `/api/v1/workspaces/${api.workspaceId}/media?filename=${encodeURIComponent(path.basename(file))}`, new Uint8Array(bytes), { 'content-type': 'application/octet-stream' });
    if (!json) process.stderr.write(`done (${m.mime}${m.width ? `, ${m.width}×${m.height}` : ''})\n`);
    ids.push(m.id);
  }
  return ids;
}

function scheduleFrom(o: any) {
  const modes = [o.at && 'at', o.queue && 'queue', o.now && 'now', o.draft && 'draft'].filter(Boolean);
  if (modes.length > 1) throw new CliError('Choose one of --at, --queue, --now, --draft', 2);
  if (o.at) return /[zZ]|[+-]\d\d:?\d\d$/.test(o.at) ? { mode: 'at', at: o.at } : { mode: 'at', localTime: o.at, timezone: o.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone };
  if (o.queue) return { mode: 'queue' };
  if (o.now) return { mode: 'now' };
  return { mode: 'draft' };
}

function printPost(p: any) {
  process.stdout.write(`Post ${p.id} — ${p.status}${p.scheduledAt ? `, ${new Date(p.scheduledAt).toISOString()}` : ''}\n${p.content.text}\n\n`);
  printTable(p.deliveries.map((d: any) => ({ channel: d.channel ? `${d.channel.name} (${d.channel.network})` : d.channelId, state: d.state, due: d.dueAt, attempts: d.attemptCount, url: d.url ?? '', error: d.error ? d.error.networkMessage ?? d.error.message : '' })), ['channel', 'state', 'due', 'attempts', 'url', 'error']);
}

export function registerRemoteCommands(program: Command) {
  const channels = program.command('channels').description('Channels of a workspace (over the API)');
  apiOptions(channels.command('list').description('List connected channels')).action(async (o) => {
    const api = await connectApi(o);
    const { channels: list } = await api.call<any>('GET', `/api/v1/workspaces/${api.workspaceId}/channels`);
    if (o.json) return printJson(list);
    printTable(list.map((c: any) => ({ id: c.id, network: c.network, name: c.name, handle: c.handle, status: c.status, slots: c.schedule.slots.length ? `${c.schedule.slots.length} slots (${c.schedule.timezone})` : '' })), ['id', 'network', 'name', 'handle', 'status', 'slots']);
  });

  const posts = program.command('posts').description('Posts (over the API)');
  apiOptions(
    posts
      .command('create')
      .description('Write a post once and send it to one or more channels')
      .argument('[text]', 'the text (or use --text-file, or pipe it in)')
      .option('--text-file <file>', 'read the text from a file')
      .requiredOption('--to <channel>', 'target channel: id, name or handle (repeat for several)', collect)
      .option('--at <time>', 'ISO time with offset, or local "YYYY-MM-DDTHH:mm" with --tz')
      .option('--tz <zone>', 'IANA time zone for a local --at time')
      .option('--queue', "each channel's next free slot")
      .option('--now', 'publish now')
      .option('--draft', 'save as a draft (the default)')
      .option('--media <file>', 'attach an image or video (repeat for several)', collect)
      .option('--alt <text>', 'alt text for the media, in order (repeat)', collect)
      .option('--link <url>', 'a link to show as a card')
      .option('--followup <text>', 'a follow-up post in the thread (repeat)', collect)
      .option('--campaign <campaign>', 'the campaign the post belongs to (id or name)')
      .addOption(new Option('--check', 'only check the post against every target’s rules; save nothing')),
  ).action(async (text: string | undefined, o) => {
    const api = await connectApi(o);
    let body = text ?? (o.textFile ? await fs.readFile(o.textFile, 'utf8') : undefined);
    if (body === undefined && !process.stdin.isTTY && !o.media) {
      body = '';
      for await (const chunk of process.stdin) body += chunk;
    }
    const targets = (await resolveChannels(api, o.to)).map((c) => ({ channelId: c.id }));
    const mediaIds = o.media ? await uploadMedia(api, o.media, o.json) : [];
    const alts: string[] = o.alt ?? [];
    const input = {
      text: (body ?? '').replace(/\n$/, ''),
      media: mediaIds.map((id, i) => ({ mediaId: id, alt: alts[i] ?? null })),
      link: o.link ?? null,
      followups: (o.followup ?? []).map((t: string) => ({ text: t, media: [] })),
      targets,
      schedule: scheduleFrom(o),
      campaignId: o.campaign ? await resolveCampaign(api, o.campaign) : undefined,
    };
    if (o.check) {
      const report = await api.call<any>('POST', `/api/v1/workspaces/${api.workspaceId}/posts/check`, input);
      if (o.json) return printJson(report);
      process.stdout.write(report.ok ? 'OK: fits every target.\n' : 'Problems:\n');
      process.stdout.write(`${formatTargetProblems(report).trimStart()}\n`);
      if (!report.ok) process.exitCode = 3;
      return;
    }
    const post = await api.call<any>('POST', `/api/v1/workspaces/${api.workspaceId}/posts`, input);
    if (o.json) return printJson(post);
    printPost(post);
  });

  apiOptions(
    posts
      .command('list')
      .description('List posts')
      .option('--from <iso>', 'scheduled at or after')
      .option('--to <iso>', 'scheduled before')
      .option('--status <status>', 'draft, scheduled, publishing, published, partially_failed, failed, needs_attention, cancelled')
      .option('--channel <channel>', 'only posts to this channel (id, name or handle)')
      .option('--limit <n>', 'at most this many', '100'),
  ).action(async (o) => {
    const api = await connectApi(o);
    const q = new URLSearchParams({ limit: o.limit });
    if (o.from) q.set('from', o.from);
    if (o.to) q.set('to', o.to);
    if (o.status) q.set('status', o.status);
    if (o.channel) q.set('channelId', (await resolveChannels(api, [o.channel]))[0].id);
    const { posts: list } = await api.call<any>('GET', `/api/v1/workspaces/${api.workspaceId}/posts?${q}`);
    if (o.json) return printJson(list);
    printTable(list.map((p: any) => ({ id: p.id, status: p.status, when: p.scheduledAt, channels: p.deliveries.length, text: p.content.text })), ['id', 'status', 'when', 'channels', 'text']);
  });

  apiOptions(posts.command('show').description('One post with every delivery').argument('<id>', 'post id')).action(async (id: string, o) => {
    const api = await connectApi(o);
    const post = await api.call<any>('GET', `/api/v1/workspaces/${api.workspaceId}/posts/${encodeURIComponent(id)}`);
    if (o.json) return printJson(post);
    printPost(post);
  });
}
