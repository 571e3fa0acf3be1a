#!/usr/bin/env node
/**
 * `referral-assistant`: the command line for 211 data teams (directories and triage). The navigator
 * service has its own command (`npm run navigator`), so this package needs no database driver.
 * Each command lives in its own module and is imported only when asked for, so that
 * `search` does not load the HSDS importer and `triage` does not open a database.
 */
import type { CliCommand } from './cli-command.js';

const commands: Record<string, () => Promise<{ command: CliCommand }>> = {
  'build-directory': () => import('./build-directory-command.js'),
  'validate-directory': () => import('./validate-directory-command.js'),
  search: () => import('./search-command.js'),
  triage: () => import('./triage-command.js'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await printUsage();
    return name ? 0 : 1;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`referral-assistant: unknown command "${name}". Run "referral-assistant help".\n`);
    return 2;
  }
  const { command } = await load();
  return command.run(rest);
}

async function printUsage(): Promise<void> {
  const lines = ['Usage: referral-assistant <command> [options]', '', 'Commands:'];
  for (const load of Object.values(commands)) {
    const { command } = await load();
    lines.push(`  ${command.usage}`, `      ${command.summary}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`referral-assistant: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
