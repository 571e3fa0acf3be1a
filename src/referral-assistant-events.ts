/**
 * The DOM events the widget fires for host pages (analytics, their own UI). Details carry
 * categories and answers, never anything the visitor typed: a host page must not be able to
 * log a crisis disclosure.
 */
import type { HandoffReason } from './conversation/handoff-rules.js';
import type { NeedCategory, UiLanguage } from './directory/snapshot.js';

/** Every event, its name and its detail. */
export interface ReferralAssistantEventMap {
  'referral-assistant-open': { language: UiLanguage };
  'referral-assistant-close': { language: UiLanguage };
  /** A need was chosen or understood. */
  /** `count: 0` when nothing in the directory fits: an unmet need. */
  'referral-assistant-need': { categories: NeedCategory[]; language: UiLanguage; count?: 0 };
  /** Services were shown. */
  'referral-assistant-results': { categories: NeedCategory[]; count: number; language: UiLanguage };
  /** "Did this help?" answered. */
  'referral-assistant-feedback': { categories: NeedCategory[]; helpful: boolean };
  /** The visitor was offered or given a person. */
  'referral-assistant-handoff': { reason: HandoffReason; language: UiLanguage };
  /** Quick exit was used. */
  'referral-assistant-exit': Record<string, never>;
}

/** Fires one of the widget's events from an element: bubbling, composed, typed. */
export function emit<K extends keyof ReferralAssistantEventMap>(
  target: EventTarget,
  name: K,
  detail: ReferralAssistantEventMap[K],
): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'referral-assistant-open': CustomEvent<ReferralAssistantEventMap['referral-assistant-open']>;
    'referral-assistant-close': CustomEvent<ReferralAssistantEventMap['referral-assistant-close']>;
    'referral-assistant-need': CustomEvent<ReferralAssistantEventMap['referral-assistant-need']>;
    'referral-assistant-results': CustomEvent<ReferralAssistantEventMap['referral-assistant-results']>;
    'referral-assistant-feedback': CustomEvent<ReferralAssistantEventMap['referral-assistant-feedback']>;
    'referral-assistant-handoff': CustomEvent<ReferralAssistantEventMap['referral-assistant-handoff']>;
    'referral-assistant-exit': CustomEvent<ReferralAssistantEventMap['referral-assistant-exit']>;
  }
}
