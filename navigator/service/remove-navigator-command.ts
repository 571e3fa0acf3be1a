/**
 * `npm run navigator -- remove-navigator <username>`: deletes a navigator account. Their
 * sessions end at once (a running service closes their open consoles within a second or two),
 * and the conversations they held go back to the queue. Works while the service runs.
 */
import type { CliCommand } from '../../src/cli/cli-command.js';
import { DEFAULT_CONFIG } from './config.js';
import { NavigatorStore } from './store.js';

/** The `remove-navigator` command. */
export const command: CliCommand = {
  usage: 'remove-navigator <username> [--data <folder>]',
  summary:
    'Deletes a navigator account, ends its sessions and returns its conversations to the queue (default ./data/navigator or $NAVIGATOR_DATA).',
  async run(args) {
    let username: string | undefined;
    let data = process.env.NAVIGATOR_DATA ?? DEFAULT_CONFIG.dataDir;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as string;
      if (arg === '--data') {
        const value = args[++i];
        if (value === undefined || value.trim() === '') return usage('--data needs a value.');
        data = value;
      } else if (arg.startsWith('-')) {
        return usage(`unknown option "${arg}".`);
      } else if (username === undefined) {
        username = arg;
      } else {
        return usage(`unexpected argument "${arg}".`);
      }
    }
    if (!username) return usage('a username is required.');
    const store = new NavigatorStore(data);
    try {
      if (!store.removeNavigator(username, Date.now())) {
        process.stderr.write(`remove-navigator: there is no navigator "${username}" in ${data}.\n`);
        return 1;
      }
      process.stdout.write(`Removed navigator "${username}" from ${data}; their sessions are ended.\n`);
      return 0;
    } finally {
      store.close();
    }
  },
};

function usage(problem: string): number {
  process.stderr.write(`remove-navigator: ${problem}\nUsage: npm run navigator -- ${command.usage}\n`);
  return 2;
}
