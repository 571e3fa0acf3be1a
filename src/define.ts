/**
 * Registers `<referral-assistant>`, once: partners paste snippets twice, and a second
 * `customElements.define` of the same name throws.
 */
import { ReferralAssistant } from './referral-assistant.js';

if (!customElements.get('referral-assistant')) customElements.define('referral-assistant', ReferralAssistant);

export { ReferralAssistant };
