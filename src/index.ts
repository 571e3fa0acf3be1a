/**
 * The npm entry point: the element class and its public types, without registering the tag.
 * Import `referral-assistant/define` to register `<referral-assistant>`.
 */
export { ReferralAssistant } from './referral-assistant.js';
export type { ReferralAssistantEventMap } from './referral-assistant-events.js';
export type { DirectorySnapshot, LocalizedText, NeedCategory, Service, UiLanguage } from './directory/snapshot.js';
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, NEED_CATEGORIES } from './directory/snapshot.js';
