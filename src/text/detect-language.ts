/**
 * Tells which language the widget speaks a short message is written in, so a visitor who
 * writes Spanish or French on an English page is answered in their language without hunting
 * for the picker. Counts common words of each language; says nothing unless the evidence is
 * clear (at least two words, and twice as many as any other language), because switching a
 * visitor's language by mistake is worse than not switching.
 *
 * A word in several languages' lists ("a", "no", "job") counts for none of them; words that
 * Spanish and French share ("de", "en", "que") are listed for Spanish only.
 * A language without a list here is never detected, only chosen (docs/adding-a-language.md).
 */
import type { UiLanguage } from '../i18n/languages.js';
import { foldText } from './fold-text.js';

/** Common words of each language, folded (no accents, apostrophes split). */
const words = (list: string) => new Set(list.trim().split(/\s+/));
const COMMON_WORDS: Partial<Record<UiLanguage, Set<string>>> = {
  en: words(`the and i my me to for of in is it you need help want have can where with no not are am kids
  children food rent bill pay job work money house home please thanks hello hi how do get a an this that`),
  es: words(`de la que el en y a los las del se por un una para con no es mi mis me necesito necesita
  ayuda quiero tengo como pero hay donde puedo estoy hijos hija hijo esposo casa trabajo comida dinero renta luz
  pagar usted nosotros ellos muy bien gracias hola buenos dias tardes favor porque cuando sin ya hoy manana
  despensa comer hambre vivienda desalojo medico dentista muela salud escuela ninos esposa papeles patron
  necesitamos tenemos somos estamos soy vivo agua gas aqui ahora`),
  fr: words(`le les des du une et je j ai suis pas mon ma mes moi vous nous il elle ils sont avons avec pour
  besoin aide aider veux voudrais peux cherche trouver manger nourriture epicerie loyer logement facture
  factures payer travail emploi argent enfants enfant mari femme chum blonde maison medecin bonjour salut
  merci svp sil plait oui non aussi rien ca c est qu qui quoi ou comment aujourd hui chez mais plus etre
  faire avoir peut dois doit notre votre leurs nos vos ecole chauffage bouffe job ont faim chu pu capable
  pis tse mon ta ton`),
};

/** The language a message is clearly written in, or undefined when it isn't clear. */
export function detectLanguage(text: string): UiLanguage | undefined {
  const counts = new Map<UiLanguage, number>();
  const lists = Object.entries(COMMON_WORDS) as [UiLanguage, Set<string>][];
  for (const word of foldText(text).split(' ')) {
    const languages = lists.filter(([, list]) => list.has(word));
    const only = languages.length === 1 ? languages[0]?.[0] : undefined;
    if (only) counts.set(only, (counts.get(only) ?? 0) + 1);
  }
  const [best, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] < 2) return undefined;
  return best[1] >= (second?.[1] ?? 0) * 2 ? best[0] : undefined;
}
