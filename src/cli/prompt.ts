/** Reading a secret: from standard input when asked, else a prompt that does not echo. */
import readline from 'node:readline';
import { CliError } from './output.js';

export async function readSecret(question: string, fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    if (!fromStdin) throw new CliError('No terminal to ask for the password: pipe it in with --password-stdin', 2);
    let data = '';
    for await (const chunk of process.stdin) data += chunk;
    return data.replace(/\r?\n$/, '');
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  (rl as any)._writeToOutput = (s: string) => {
    if (s.includes(question)) process.stdout.write(question);
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}
