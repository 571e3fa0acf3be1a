/**
 * Keeps the conversation in this tab's `sessionStorage` and nowhere else: it survives a page
 * navigation or reload in the same tab, and dies with the tab. Quick exit and "Clear
 * conversation" remove it. Storage can be unavailable (sandboxed frames, some privacy modes);
 * then the widget simply forgets on reload.
 */
import type { Snapshot } from 'xstate';

/** The sessionStorage key. Bump the suffix when a stored shape changes incompatibly. */
export const STORAGE_KEY = 'referral-assistant:v1';

/** What one tab remembers. */
export interface StoredConversation {
  /** The machine's persisted snapshot. */
  snapshot: Snapshot<unknown>;
  /** Whether the panel was open, so it stays open across pages. */
  open: boolean;
}

/** Reads the stored conversation, or undefined if there is none or it is unreadable. */
export function readStoredConversation(storage: Storage | undefined): StoredConversation | undefined {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<StoredConversation>;
    if (!parsed || typeof parsed !== 'object' || !parsed.snapshot) return undefined;
    return { snapshot: parsed.snapshot, open: parsed.open === true };
  } catch {
    return undefined;
  }
}

/** Saves the conversation; a full or blocked storage is not an error worth interrupting for. */
export function writeStoredConversation(storage: Storage | undefined, value: StoredConversation): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Quota exceeded or storage blocked: the conversation still works, it just won't survive a reload.
  }
}

/** Removes everything the widget stored. */
export function clearStoredConversation(storage: Storage | undefined): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear when storage is blocked.
  }
}

/** This tab's sessionStorage, or undefined where the browser refuses access. */
export function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}
