/** Commands that run on the server's machine, against its database: start, serve, worker, migrate, user, token. */
import type { Command } from 'commander';
import { loadConfig } from '../app/config.js';
import type { Mode } from '../app/start.js';
import type { Db } from '../db/client.js';
import { TOKEN_SCOPES, type TokenScope } from '../auth/scopes.js';
import { CliError, printJson } from './output.js';
import { readSecret } from './prompt.js';

// The server, the database engines and argon2 are loaded by the commands that use them, so that
// `varde --help` and the API commands start in a fraction of the time.

async function run(mode: Mode) {
  const config = loadConfig();
  const { startVarde } = await import('../app/start.js');
  const { countUsers } = await import('../auth/auth.repository.js');
  const varde = await startVarde({ mode, config });
  const log = varde.ctx.logger;
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${config.dataDir}`;
  if (varde.url) process.stdout.write(`Varde ${mode === 'all' ? 'is running' : 'API is running'} on ${varde.url} — database: ${where}${varde.worker ? ', worker: on' : ''}\n`);
  else process.stdout.write(`Varde worker ${varde.worker?.id} is running — database: ${where}\n`);
  if (varde.server && (await countUsers(varde.ctx.db)) === 0) {
    process.stdout.write(
      `\nNo account yet. Create the first one (it owns the first workspace):\n` +
        `  in the browser:  ${varde.url}  (sign up; the API reference is at ${varde.url}/api/docs)\n` +
        `  or here:         npx varde user create --email you@example.com --name "Your Name"\n\n`,
    );
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      process.stderr.write('Forced exit.\n');
      process.exit(130);
    }
    stopping = true;
    process.stdout.write(`\n${signal}: finishing in-flight deliveries and closing the database…\n`);
    try {
      await varde.close();
      process.stdout.write('Stopped cleanly.\n');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Opens the configured database, migrated first unless `migrateFirst` is false, for one command. */
async function withDb<T>(fn: (db: Db) => Promise<T>, opts: { migrateFirst?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const { openDatabase } = await import('../db/client.js');
  const { migrate } = await import('../db/migrate.js');
  const db = await openDatabase(config);
  try {
    if (opts.migrateFirst !== false) await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

export function registerLocalCommands(program: Command) {
  program.command('start').description('API, web app and worker in one process (embedded database unless DATABASE_URL is set)').action(() => run('all'));
  program.command('serve').description('Only the HTTP API (scale out: run workers separately against the same DATABASE_URL)').action(() => run('serve'));
  program.command('worker').description('Only the publishing worker; run as many as you like against one DATABASE_URL').action(() => run('worker'));

  program.command('migrate').description('Apply database migrations and exit').option('--json', 'machine-readable output').action(async (o) => {
    const { migrate } = await import('../db/migrate.js');
    const applied = await withDb((db) => migrate(db), { migrateFirst: false });
    if (o.json) printJson({ applied });
    else process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
  });

  const user = program.command('user').description('Manage accounts on this server');
  user
    .command('create')
    .description('Create an account with its own workspace (prompts for the password, or reads it from stdin)')
    .requiredOption('--email <email>', 'e-mail address to log in with')
    .requiredOption('--name <name>', 'display name')
    .option('--workspace <name>', 'name of the first workspace')
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'machine-readable output')
    .action(async (o) => {
      const password = await readSecret('Password (at least 10 characters): ', Boolean(o.passwordStdin));
      if (password.length < 10) throw new CliError('The password must be at least 10 characters', 2);
      const { createUser } = await import('../auth/auth.service.js');
      const created = await withDb((db) => createUser(db, { email: o.email, name: o.name, password, workspaceName: o.workspace }));
      if (o.json) printJson(created);
      else process.stdout.write(`Created ${created.user.email} with workspace "${created.workspace.name}" (${created.workspace.id}).\n`);
    });

  const token = program.command('token').description('Manage API tokens');
  token
    .command('create')
    .description('Create an API token for a user in one of their workspaces; the token is shown once')
    .requiredOption('--email <email>', "the token acts as this user")
    .requiredOption('--name <name>', 'what the token is for, e.g. "ci"')
    .option('--workspace <id>', 'workspace id (default: the user’s first workspace)')
    .option('--scopes <list>', `comma-separated: ${TOKEN_SCOPES.join(', ')}`, 'read,write,publish')
    .option('--json', 'machine-readable output')
    .action(async (o) => {
      const scopes = String(o.scopes).split(',').map((s) => s.trim()).filter(Boolean);
      const bad = scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
      if (bad.length) throw new CliError(`Unknown scope(s): ${bad.join(', ')}; choose from ${TOKEN_SCOPES.join(', ')}`, 2);
      const { createApiToken } = await import('../auth/auth.service.js');
      const { findUserByEmail } = await import('../auth/auth.repository.js');
      const { listWorkspacesForUser } = await import('../workspaces/workspaces.repository.js');
      const created = await withDb(async (db) => {
        const u = await findUserByEmail(db, o.email);
        if (!u) throw new CliError(`No account with e-mail ${o.email}`, 2);
        const workspaces = await listWorkspacesForUser(db, u.id);
        const ws = o.workspace ? workspaces.find((w) => w.id === o.workspace) : workspaces[0];
        if (!ws?.role) throw new CliError(o.workspace ? `${o.email} is not a member of workspace ${o.workspace}` : `${o.email} has no workspace`, 2);
        const t = await createApiToken(db, { workspaceId: ws.id, role: ws.role, principal: { userId: u.id, via: 'session', scopes: [...TOKEN_SCOPES] } }, { name: o.name, scopes: scopes as TokenScope[] });
        return { ...t, workspaceId: ws.id };
      });
      if (o.json) printJson(created);
      else process.stdout.write(`${created.token}\n\nThis is the only time the token is shown. Use it as:\n  export VARDE_TOKEN=${created.token}\n`);
    });
}
