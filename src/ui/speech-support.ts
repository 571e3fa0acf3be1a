/** Whether the browser can read aloud: decides if the "read aloud" buttons are shown at all. */
export function speechSupported(): boolean {
  return typeof globalThis.speechSynthesis !== 'undefined' && typeof globalThis.SpeechSynthesisUtterance === 'function';
}
