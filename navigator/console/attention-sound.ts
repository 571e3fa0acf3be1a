/**
 * A short, soft two-note chime made with Web Audio: no sound file to fetch, nothing for a
 * strict Content Security Policy to block. Played only when the navigator turned sound on.
 */

let context: AudioContext | undefined;

/** Plays the chime. Browsers allow it once the navigator has interacted with the page. */
export function playAttentionSound(): void {
  const AudioContextClass = globalThis.AudioContext;
  if (!AudioContextClass) return;
  context ??= new AudioContextClass();
  const start = context.currentTime;
  for (const [offset, frequency] of [
    [0, 660],
    [0.18, 880],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.3);
  }
}
