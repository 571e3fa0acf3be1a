/**
 * A region data file: the emergency number, crisis lines and the community helpline for
 * one place, chosen by the widget's `region` attribute. Files hold facts only (numbers,
 * languages, hours); what the widget says about each line lives in `locales/<lang>/lines.json`
 * under `regions.<region id>.<line id>`, so every sentence a visitor reads is translated.
 */
export interface Region {
  /** File name without extension, e.g. `ca-on` or `us`. */
  id: string;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  distanceUnit: 'km' | 'mi';
  /** Emergency services (police, fire, ambulance). */
  emergency: ContactLine;
  /** The community helpline offered as "talk to a person" before live chat exists: 211. */
  helpline: ContactLine;
  /** Crisis lines, general first; `kinds` limits a line to some kinds of crisis. */
  crisisLines: ContactLine[];
}

/**
 * Where a region's facts were checked, with dates, and each line's web page: for reviewers,
 * kept in `<region id>.sources.json` beside the data so the widget never downloads them.
 */
export interface RegionSources {
  region: string;
  sources: string[];
  /** Each line's own web page per language (chat, where it offers one). */
  web: Record<string, Partial<Record<string, string>>>;
}

/** One line a visitor can call or text. */
export interface ContactLine {
  /** Key under `regions.<region id>` in the lines strings. */
  id: string;
  /** Number for `tel:`, where calling is possible. */
  call?: string;
  /** Number for `sms:`, where texting is possible. */
  text?: string;
  /**
   * Body to pre-fill in the text message per language, e.g. `AYUDA` for 988 in Spanish.
   * Give every language the line should be texted from: there is no fallback, because a
   * keyword like `AYUDA` chooses the language the line answers in.
   */
  textBody?: Partial<Record<string, string>>;
  /** ISO 639-1 codes of the languages a person answers in, without interpretation. */
  languages: string[];
  /** True when interpretation into many other languages is available by phone. */
  interpretation?: boolean;
  /** True when the line answers 24 hours a day, every day. */
  alwaysOpen: boolean;
  /** Crisis kinds this line is specific to; absent means any. */
  kinds?: string[];
  /**
   * The line's own name where it has one in a single language (e.g. "Kids Help Phone"): shown
   * after the translated name in other languages, marked with its language so a screen reader
   * pronounces it right, because it is what the visitor will hear when the line answers.
   */
  officialName?: { text: string; language: string };
}
