/**
 * "Typing…" as sent to the other side of a chat: sent when it changes, and repeated as
 * "still typing" at most once per interval, so a fast typist costs a frame every few seconds,
 * not one per key.
 */
export class TypingSignal {
  private shown = false;
  private sentAt = 0;

  constructor(private readonly intervalMs: number) {}

  /** Sends `typing` through `send` when the other side should hear it; `send` is false when it could not. */
  update(typing: boolean, send: (typing: boolean) => boolean, now = Date.now()): void {
    if (typing && this.shown && now - this.sentAt < this.intervalMs) return;
    if (!typing && !this.shown) return;
    if (send(typing)) {
      this.shown = typing;
      this.sentAt = now;
    }
  }

  /** A new connection: the other side shows nothing yet. */
  reset(): void {
    this.shown = false;
  }
}
