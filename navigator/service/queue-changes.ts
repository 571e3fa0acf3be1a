/**
 * What consoles have heard of the queue, so that they are sent changes rather than the whole
 * queue on every arrival: a flood of arrivals then costs each console a few hundred bytes per
 * conversation, once, instead of the whole list again and again.
 */
import type { QueueEntry } from '../../src/handoff/handoff-protocol.js';

/** The queue as last announced, and the difference to a new one. */
export class QueueChanges {
  /** Each entry as last announced, as JSON, by id. */
  private readonly announced = new Map<string, string>();

  /**
   * Entries new or changed since the last call (in the order given), and the ids that left;
   * remembers `entries` as announced.
   */
  changes(entries: readonly QueueEntry[]): { added: QueueEntry[]; removed: string[] } {
    const added: QueueEntry[] = [];
    const present = new Set<string>();
    for (const entry of entries) {
      present.add(entry.id);
      const json = JSON.stringify(entry);
      if (this.announced.get(entry.id) === json) continue;
      this.announced.set(entry.id, json);
      added.push(entry);
    }
    const removed: string[] = [];
    for (const id of this.announced.keys()) {
      if (present.has(id)) continue;
      this.announced.delete(id);
      removed.push(id);
    }
    return { added, removed };
  }
}
