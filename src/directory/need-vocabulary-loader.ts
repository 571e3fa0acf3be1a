/**
 * Loads a language's need vocabulary on demand. Each language is its own dynamic import, so
 * the bundler puts it in its own chunk and a visitor downloads only the vocabulary of the
 * language they write in; the other arrives if they switch.
 */
import type { NeedVocabulary, NeedVocabularyData } from './need-vocabulary.js';
import { importLocaleFile } from '../i18n/locale-files.js';
import type { UiLanguage } from './snapshot.js';

const loaded = new Map<UiLanguage, Promise<NeedVocabulary>>();

/** The compiled vocabulary of a language, imported and compiled once. */
export function loadNeedVocabulary(language: UiLanguage): Promise<NeedVocabulary> {
  let vocabulary = loaded.get(language);
  if (!vocabulary) {
    // The reading code comes with the data: neither is needed until a visitor types.
    vocabulary = Promise.all([import('./need-vocabulary.js'), importLocaleFile(language, 'needs')]).then(
      ([{ compileNeedVocabulary }, data]) => compileNeedVocabulary(data as NeedVocabularyData),
    );
    loaded.set(language, vocabulary);
  }
  return vocabulary;
}
