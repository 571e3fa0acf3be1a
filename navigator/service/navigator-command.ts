#!/usr/bin/env node
/**
 * `npm run navigator -- <command>`: the navigator service's own command line, for the 211's
 * administrators. It lives with the service, not in the widget's published package, because
 * its commands open the service's database (better-sqlite3), which a site embedding the widget
 * never needs.
 */
import type { CliCommand } from '../../src/cli/cli-command.js';

const commands: Record<string, () => Promise<{ command: CliCommand }>> = {
  'add-navigator': () => import('./add-navigator-command.js'),
  'remove-navigator': () => import('./remove-navigator-command.js'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = ['Usage: npm run navigator -- <command> [options]', '', 'Commands:'];
    for (const load of Object.values(commands)) {
      const { command } = await load();
      lines.push(`  ${command.usage}`, `      ${command.summary}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return name ? 0 : 1;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`navigator: unknown command "${name}". Run "npm run navigator -- help".\n`);
    return 2;
  }
  const { command } = await load();
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`navigator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
