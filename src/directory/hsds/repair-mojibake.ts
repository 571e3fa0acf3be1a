/**
 * Repairs text that was UTF-8, read as code page 437 and then squeezed into Latin-1, the way
 * the 211 Miami export arrives: `’` became `GÇÖ`, `é` became `+¬`, `®` became `-«`. Box-drawing
 * characters were flattened on the way (`Γ` to `G`, `├` to `+`, `┬` to `-`, `⌐` to `¬`,
 * `▒ │ ║` all to `¦`), so the repair works on those flattened forms. Also repairs the more
 * common Windows-1252 form (`â€™`, `Ã©`).
 */

/** Code page 437, bytes 0x80 to 0xBF, as the characters they display as. */
const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐';

/** Windows-1252, bytes 0x80 to 0x9F (the rest of 0xA0 to 0xBF is Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const cp437Byte = new Map<string, number>();
for (let i = 0; i < CP437_HIGH.length; i++) cp437Byte.set(CP437_HIGH[i] as string, 0x80 + i);
// The flattened forms of box-drawing characters seen in exports.
cp437Byte.set('¬', 0xa9);

const cp1252Byte = new Map<string, number>();
for (let i = 0; i < CP1252_HIGH.length; i++) cp1252Byte.set(CP1252_HIGH[i] as string, 0x80 + i);
for (let b = 0xa0; b <= 0xbf; b++) cp1252Byte.set(String.fromCharCode(b), b);

const decoder = new TextDecoder('utf-8', { fatal: true });

/** U+2000 to U+203F, written `GÇ` (or `ΓÇ`) plus one code page 437 character. */
const GENERAL_PUNCTUATION = /[GΓ]Ç([ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»])/g;
/** Latin-1 letters U+00C0 to U+00FF, written `+` (for `├`) plus one code page 437 character. */
const LATIN_LETTER = /\+([ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»¦])/g;
/** A few symbols U+0080 to U+00BF, written `-` (for `┬`) plus one character. Kept to the
 * forms seen in real exports, because a hyphen before an accented letter is also real text. */
const LATIN_SYMBOL = /-([á¬«æÆôöûùà])/g;
/** The Windows-1252 forms: `â€™` for `’`, `Ã©` for `é`, `Â ` for a no-break space. */
const WINDOWS_THREE_BYTE = /â€([€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u00a0-\u00bf])/g;
const WINDOWS_TWO_BYTE = /([ÂÃ])([€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u00a0-\u00bf])/g;

/** Characters the repair produces that read better as their plain forms. */
const PLAIN_FORMS: Record<string, string> = {
  '\u2011': '-', // non-breaking hyphen
  '\u200b': '', // zero-width space
  '\u00a0': ' ',
};

/**
 * Returns the repaired text and how many garbled sequences were fixed. Text without
 * garbling comes back unchanged with a count of 0.
 */
export function repairMojibake(text: string): { text: string; repairs: number } {
  let repairs = 0;
  const count = (replacement: string | undefined, original: string): string => {
    if (replacement === undefined) return original;
    repairs++;
    return PLAIN_FORMS[replacement] ?? replacement;
  };
  let result = text;
  if (result.includes('Ç')) {
    result = result.replace(GENERAL_PUNCTUATION, (match, ch: string) =>
      count(decodeBytes([0xe2, 0x80, cp437Byte.get(ch) ?? 0]), match),
    );
  }
  if (result.includes('+')) {
    result = result.replace(LATIN_LETTER, (match, ch: string, offset: number, whole: string) =>
      count(latinLetter(ch, whole, offset + match.length), match),
    );
  }
  if (result.includes('-')) {
    result = result.replace(LATIN_SYMBOL, (match, ch: string) => count(latinSymbol(ch), match));
  }
  if (result.includes('â€')) {
    result = result.replace(WINDOWS_THREE_BYTE, (match, ch: string) =>
      count(decodeBytes([0xe2, 0x80, cp1252Byte.get(ch) ?? 0]), match),
    );
  }
  if (/[ÂÃ]/.test(result)) {
    result = result.replace(WINDOWS_TWO_BYTE, (match, lead: string, ch: string) =>
      count(decodeBytes([lead === 'Â' ? 0xc2 : 0xc3, cp1252Byte.get(ch) ?? 0]), match),
    );
  }
  return { text: result, repairs };
}

/**
 * `+` plus a character is `Ã` plus a byte: U+00C0 + (byte - 0x80). `¦` stands for any of
 * three flattened box characters, i.e. `ñ`, `ó` or `ú`; Spanish word shapes pick one.
 */
function latinLetter(ch: string, whole: string, next: number): string | undefined {
  if (ch === '¦') {
    const following = whole.slice(next, next + 2);
    if (/^n(?![\p{L}])/u.test(following)) return 'ó';
    const before = whole[next - 3];
    if (before === undefined || !/\p{L}/u.test(before)) return 'ú';
    return 'ñ';
  }
  const byte = cp437Byte.get(ch);
  if (byte === undefined || byte > 0xbf) return undefined;
  return String.fromCharCode(0xc0 + (byte - 0x80));
}

/** `-` plus a character is `Â` plus a byte; bytes 0x80 to 0x9F were meant as Windows-1252. */
function latinSymbol(ch: string): string | undefined {
  const byte = cp437Byte.get(ch);
  if (byte === undefined) return undefined;
  if (byte < 0xa0) return CP1252_HIGH[byte - 0x80];
  return String.fromCharCode(byte);
}

function decodeBytes(bytes: number[]): string | undefined {
  try {
    return decoder.decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}
