/**
 * Reads a password for the command line: typed on a terminal without echo, or piped in on
 * standard input (first line) for scripts.
 */

/** Reads the first line of standard input (for `--password-stdin` and pipes). */
export async function readPasswordFromStdin(input: NodeJS.ReadStream = process.stdin): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * Prompts on the terminal and reads a line without echoing it. Backspace works; Ctrl-C and
 * Ctrl-D abandon (rejects).
 */
export function readHiddenLine(
  prompt: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(prompt);
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    let line = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return finish();
        if (character === '\u0003' || character === '\u0004') return finish(new Error('Cancelled.'));
        if (character === '\u007f' || character === '\b') line = [...line].slice(0, -1).join('');
        else if (character >= ' ') line += character;
      }
    };
    input.on('data', onData);
  });
}
