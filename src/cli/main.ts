/**
 * `varde`: start the server and worker, run migrations, create users and tokens on this machine,
 * and — over the HTTP API with VARDE_URL and VARDE_TOKEN — list channels and create, list and
 * show posts.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../app/config.js';
import { VERSION } from '../app/version.js';
import { registerLocalCommands } from './local.commands.js';
import { registerRemoteCommands } from './remote.commands.js';
import { registerInboxCommands } from './inbox.commands.js';
import { CliError } from './output.js';

const program = new Command('varde')
  .description('Varde — plan once, publish to every network exactly once.')
  .version(VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerLocalCommands(program);
registerRemoteCommands(program);
registerInboxCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else if (err instanceof ConfigError || err instanceof CliError) {
    process.stderr.write(`varde: ${err.message}\n`);
    process.exitCode = err instanceof CliError ? err.exitCode : 2;
  } else {
    process.stderr.write(`varde: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
