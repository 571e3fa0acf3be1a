/**
 * The progress line of a long import: on a terminal, one stderr line rewritten in place and
 * at most ten times a second; anywhere else (CI logs, pipes) nothing, so logs stay readable.
 */

/** Something to report progress to. */
export interface ImportProgress {
  /** Shows a phase ("reading services") or a count within it. */
  update(message: string): void;
  /** Clears the line before the summary is printed. */
  done(): void;
}

/** A progress line on `stream` when it is a TTY, otherwise a silent one. */
export function createImportProgress(stream: NodeJS.WriteStream = process.stderr): ImportProgress {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    update(message) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const width = Math.max(20, (stream.columns || 80) - 1);
      stream.write(`\r\u001b[2K${message.slice(0, width)}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
