/**
 * Tells English from Spanish in a short message, so a visitor who writes Spanish on an
 * English page is answered in Spanish without hunting for the switch. Counts common function
 * words of each language; says nothing unless the evidence is clear, because switching a
 * visitor's language by mistake is worse than not switching.
 */
import type { UiLanguage } from '../directory/snapshot.js';
import { foldText } from './fold-text.js';

/** Common words of each language, folded (no accents). */
const words = (list: string) => new Set(list.split(/\s+/));
const SPANISH = words(`de la que el en y a los las del se por un una para con no es mi mis me necesito necesita
  ayuda quiero tengo como pero hay donde puedo estoy hijos hija hijo esposo casa trabajo comida dinero renta luz
  pagar usted nosotros ellos muy bien gracias hola buenos dias tardes favor porque cuando sin ya hoy manana
  despensa comer hambre vivienda desalojo medico dentista muela salud escuela ninos esposa papeles patron
  necesitamos tenemos somos estamos soy vivo agua gas aqui ahora`);
const ENGLISH = words(`the and i my me to for of in is it you need help want have can where with no not are am kids
  children food rent bill pay job work money house home please thanks hello hi how do get a an this that`);

/** The language a message is clearly written in, or undefined when it isn't clear. */
export function detectLanguage(text: string): UiLanguage | undefined {
  let spanish = 0;
  let english = 0;
  for (const word of foldText(text).split(' ')) {
    if (SPANISH.has(word)) spanish++;
    if (ENGLISH.has(word)) english++;
  }
  if (spanish >= 2 && spanish >= english * 2) return 'es';
  if (english >= 2 && english >= spanish * 2) return 'en';
  return undefined;
}
