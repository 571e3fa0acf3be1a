/**
 * A small concurrency limit for password hashing. scrypt runs on libuv's shared thread pool
 * (four threads by default), the same threads that read static files and resolve names:
 * unthrottled, a hundred parallel sign-ins stall everything else for seconds. A few slots,
 * a short line, and a refusal beyond it keep the rest of the service responsive.
 */

/** Runs at most `slots` tasks at once, with at most `line` waiting. */
export class HashingSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly line: number,
  ) {}

  /** Runs `task` in a slot; resolves `undefined` at once, without running it, when the line is full. */
  async run<T>(task: () => Promise<T>): Promise<T | undefined> {
    if (this.running >= this.slots) {
      if (this.waiting.length >= this.line) return undefined;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line; otherwise it is free.
      if (next) next();
      else this.running--;
    }
  }
}
