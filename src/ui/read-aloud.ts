/**
 * Reading messages aloud through the Web Speech API, for visitors who read with difficulty.
 * Nothing leaves the device: the browser's own voices speak. Where the API is missing, the
 * buttons are not shown at all.
 */

/** True where the browser can speak. */
export function speechSupported(): boolean {
  return typeof globalThis.speechSynthesis !== 'undefined' && typeof globalThis.SpeechSynthesisUtterance === 'function';
}

/** The best voice for a language: same language and the browser's default first, then any in the language. */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice | undefined {
  const inLanguage = voices.filter((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === language);
  return inLanguage.find((voice) => voice.default) ?? inLanguage.find((voice) => voice.localService) ?? inLanguage[0];
}

/** Speaks texts one after another in a language, interrupting whatever was being read. */
export function speak(texts: string[], language: string): void {
  if (!speechSupported()) return;
  const synthesis = globalThis.speechSynthesis;
  synthesis.cancel();
  const voice = pickVoice(synthesis.getVoices(), language);
  for (const text of texts) {
    if (!text.trim()) continue;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language;
    if (voice) utterance.voice = voice;
    synthesis.speak(utterance);
  }
}

/** The text of a rendered message as a listener should hear it: visible text, without controls. */
export function speakableText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const control of copy.querySelectorAll('button, .visually-hidden')) control.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Reads the message a "read aloud" button belongs to. */
export function speakMessageOf(button: Element, language: string): void {
  const message = button.closest('.message');
  if (message) speak([speakableText(message)], language);
}

/** Reads every assistant message of a history since the visitor last said something. */
export function speakLatestTurn(history: Element | null | undefined, language: string): void {
  const messages = [...(history?.querySelectorAll(':scope > .message') ?? [])];
  const lastVisitor = messages.findLastIndex((m) => m.classList.contains('from-visitor'));
  speak(messages.slice(lastVisitor + 1).map(speakableText), language);
}
