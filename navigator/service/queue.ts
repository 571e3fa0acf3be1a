/**
 * The order navigators see waiting conversations in: a crisis first, then other urgent needs,
 * then everyone else; within each group, whoever has waited longest. Pure.
 */

/** What the order looks at. */
export interface QueueItem {
  id: string;
  urgent: boolean;
  crisis: boolean;
  /** When the conversation joined the queue, epoch milliseconds; kept when it is returned. */
  waitingSince: number;
}

/**
 * Compares two waiting conversations. A crisis outranks a merely urgent need because the
 * widget cannot assess risk; a navigator must.
 */
export function compareQueueItems(a: QueueItem, b: QueueItem): number {
  return tier(a) - tier(b) || a.waitingSince - b.waitingSince || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The queue in order, without changing the input. */
export function orderQueue<T extends QueueItem>(items: readonly T[]): T[] {
  return [...items].sort(compareQueueItems);
}

/** Each waiting conversation's position, from 1, in queue order. */
export function queuePositions(items: readonly QueueItem[]): Map<string, number> {
  return new Map(orderQueue(items).map((item, index) => [item.id, index + 1]));
}

function tier(item: QueueItem): number {
  if (item.crisis) return 0;
  if (item.urgent) return 1;
  return 2;
}
