/** The shipped English and Spanish phrase lists, compiled for node tests. */
import en from '../../locales/en/crisis.json' with { type: 'json' };
import es from '../../locales/es/crisis.json' with { type: 'json' };
import { type CrisisPhraseFile, compileCrisisPhrases } from '../../src/conversation/crisis-phrases.js';

/** Both languages, as the widget loads them. */
export const bothLanguages = compileCrisisPhrases({ en: en as CrisisPhraseFile, es: es as CrisisPhraseFile });
/** English only: shows what the Spanish lists add. */
export const englishOnly = compileCrisisPhrases({ en: en as CrisisPhraseFile });
