/** One `referral-assistant` sub-command. */
export interface CliCommand {
  /** One line: the command with its arguments, e.g. `search <snapshot.json> "<query>" [--lang en|es]`. */
  usage: string;
  /** One sentence: what it does. */
  summary: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}
