/**
 * The translations file: HSDS has no way to translate text, so Spanish (or any other
 * language's) text comes in a CSV beside the export, one row per record, field and language:
 * `id,field,language,text`. See docs/importing-hsds.md.
 */
import { parseCsv } from './csv.js';
import type { ImportReport } from './import-report.js';

/** One usable translations row. */
export interface TranslationRow {
  id: string;
  field: TranslatableField;
  language: string;
  text: string;
  line: number;
}

/** The fields a translation may set, with the spellings accepted for each. */
export const TRANSLATABLE_FIELDS = {
  name: ['name'],
  description: ['description'],
  eligibility: ['eligibility', 'eligibility_description'],
  fees: ['fees', 'fees_description'],
  applicationProcess: ['application_process', 'applicationprocess'],
  documents: ['documents', 'required_documents', 'required_document'],
  scheduleNote: ['schedule_note', 'schedulenote', 'schedule'],
  keywords: ['keywords', 'alternate_name'],
  organization: ['organization', 'organization_name'],
} as const;

/** A field a translation may set. */
export type TranslatableField = keyof typeof TRANSLATABLE_FIELDS;

const FIELD_BY_SPELLING = new Map<string, TranslatableField>();
for (const [field, spellings] of Object.entries(TRANSLATABLE_FIELDS) as Array<[TranslatableField, readonly string[]]>) {
  for (const spelling of spellings) FIELD_BY_SPELLING.set(spelling, field);
}

/**
 * Parses the translations CSV. Rows with an unknown field, a language that is not a
 * two-letter code or no text are reported and skipped.
 */
export function readTranslations(text: string, file: string, report: ImportReport): TranslationRow[] {
  const table = parseCsv(text);
  for (const problem of table.problems) report.warn(problem.kind, problem.message, { file, line: problem.line });
  for (const column of ['id', 'field', 'language', 'text']) {
    if (!table.header.includes(column)) {
      report.error(
        'translation-invalid',
        `the translations file has no "${column}" column (expected id,field,language,text)`,
        { file, line: 1 },
      );
      return [];
    }
  }
  const rows: TranslationRow[] = [];
  for (const record of table.records) {
    const { id = '', field = '', language = '', text: value = '' } = record.values;
    const ref = { file, line: record.line };
    const canonical = FIELD_BY_SPELLING.get(
      field
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
    );
    const code = language.trim().toLowerCase();
    if (id.trim() === '') {
      report.warn('translation-invalid', 'row without an id', ref, { field });
    } else if (!canonical) {
      report.warn(
        'translation-invalid',
        `unknown field "${field}" (use one of ${Object.keys(TRANSLATABLE_FIELDS).join(', ')})`,
        ref,
        { recordId: id, field },
      );
    } else if (!/^[a-z]{2}$/.test(code)) {
      report.warn('translation-invalid', `language "${language}" is not an ISO 639-1 code such as es`, ref, {
        recordId: id,
        field,
      });
    } else if (value.trim() === '') {
      report.warn('translation-invalid', 'row without text', ref, { recordId: id, field });
    } else {
      rows.push({ id: id.trim(), field: canonical, language: code, text: value, line: record.line });
    }
  }
  return rows;
}
