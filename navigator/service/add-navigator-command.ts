/**
 * `npm run navigator -- add-navigator <username>`: creates a navigator account in the navigator
 * service's database (or sets a new name and password for an existing one). Works while the
 * service runs. The password is asked for on the terminal without echo, or read from standard
 * input for scripts; it never appears in arguments, where other users could see it.
 */
import { DEFAULT_CONFIG, passwordCostFromEnv } from './config.js';
import { hashPassword, passwordProblem, usernameProblem } from './navigator-accounts.js';
import { NavigatorStore } from './store.js';
import type { CliCommand } from '../../src/cli/cli-command.js';
import { readHiddenLine, readPasswordFromStdin } from './read-password.js';

/** The `add-navigator` command. */
export const command: CliCommand = {
  usage: 'add-navigator <username> [--name "<display name>"] [--data <folder>] [--password-stdin]',
  summary:
    'Adds a navigator account (or resets its name and password) in the navigator service data folder (default ./data/navigator or $NAVIGATOR_DATA).',
  async run(args) {
    const options = parseArguments(args);
    if (typeof options === 'string') {
      process.stderr.write(`add-navigator: ${options}\nUsage: npm run navigator -- ${command.usage}\n`);
      return 2;
    }
    const usernameError = usernameProblem(options.username);
    if (usernameError) {
      process.stderr.write(`add-navigator: ${usernameError}\n`);
      return 2;
    }
    let password: string;
    try {
      password = await askPassword(options.passwordStdin);
    } catch (error) {
      process.stderr.write(`add-navigator: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    const passwordError = passwordProblem(password);
    if (passwordError) {
      process.stderr.write(`add-navigator: ${passwordError}\n`);
      return 2;
    }
    const store = new NavigatorStore(options.data);
    try {
      const hash = await hashPassword(password, passwordCostFromEnv(process.env, DEFAULT_CONFIG.passwordCost));
      const result = store.saveNavigator(options.username, options.name, hash, Date.now());
      process.stdout.write(
        result === 'added'
          ? `Added navigator "${options.username}" (${options.name}) in ${options.data}.\n`
          : `Updated navigator "${options.username}" (${options.name}) in ${options.data}; their sessions are ended and open consoles closed.\n`,
      );
      return 0;
    } finally {
      store.close();
    }
  },
};

interface Options {
  username: string;
  name: string;
  data: string;
  passwordStdin: boolean;
}

function parseArguments(args: string[]): Options | string {
  let username: string | undefined;
  let name: string | undefined;
  let data = process.env.NAVIGATOR_DATA ?? DEFAULT_CONFIG.dataDir;
  let passwordStdin = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--name' || arg === '--data') {
      const value = args[++i];
      if (value === undefined || value.trim() === '') return `${arg} needs a value.`;
      if (arg === '--name') name = value.trim();
      else data = value;
    } else if (arg === '--password-stdin') {
      passwordStdin = true;
    } else if (arg.startsWith('-')) {
      return `unknown option "${arg}".`;
    } else if (username === undefined) {
      username = arg;
    } else {
      return `unexpected argument "${arg}".`;
    }
  }
  if (!username) return 'a username is required.';
  return { username, name: name ?? username, data, passwordStdin };
}

async function askPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) return readPasswordFromStdin();
  const first = await readHiddenLine('Password: ');
  const second = await readHiddenLine('Repeat the password: ');
  if (first !== second) throw new Error('The two passwords differ; nothing was changed.');
  return first;
}
