/**
 * Merges a translations file into built services: each row sets one field of one service
 * (or the name of one organization) in one language. The source language stays as it is,
 * so a translation can add Spanish but never erase the English a navigator relies on.
 */
import type { LocalizedText, Service } from '../snapshot.js';
import { cleanText } from './clean-text.js';
import type { ImportReport } from './import-report.js';
import type { TranslationRow } from './read-translations.js';

/**
 * Applies rows to services in place. `organizationIds` maps an organization id to the ids of
 * its services, so a row about an organization reaches each of them.
 */
export function applyTranslations(
  services: Service[],
  rows: TranslationRow[],
  organizationIds: Map<string, string[]>,
  file: string,
  report: ImportReport,
): void {
  const byId = new Map(services.map((service) => [service.id, service]));
  for (const row of rows) {
    const ref = { file, line: row.line };
    const { text, changes } = cleanText(row.text, { singleLine: row.field === 'name' || row.field === 'organization' });
    for (const change of changes)
      report.warn(change.kind, change.detail, ref, { recordId: row.id, field: row.field, value: row.text });
    if (text === '') continue;

    const service = byId.get(row.id);
    if (row.field === 'organization' || (!service && organizationIds.has(row.id))) {
      const targets = (organizationIds.get(row.id) ?? (service ? [service.id] : []))
        .map((id) => byId.get(id))
        .filter((target): target is Service => target !== undefined);
      if (targets.length === 0) {
        report.warn('translation-invalid', `no service or organization has id "${row.id}"`, ref, {
          recordId: row.id,
          field: row.field,
        });
        continue;
      }
      if (row.field !== 'organization' && row.field !== 'name') {
        report.warn(
          'translation-invalid',
          `organizations can only have their name translated, not "${row.field}"`,
          ref,
          {
            recordId: row.id,
            field: row.field,
          },
        );
        continue;
      }
      for (const target of targets) target.organization = { ...target.organization, [row.language]: text };
      continue;
    }
    if (!service) {
      report.warn('translation-invalid', `no service or organization has id "${row.id}"`, ref, {
        recordId: row.id,
        field: row.field,
      });
      continue;
    }
    if (row.field === 'keywords') {
      const words = text.split(/\s*;\s*/).filter(Boolean);
      const keywords = service.keywords ?? {};
      keywords[row.language] = [...new Set([...(keywords[row.language] ?? []), ...words])];
      service.keywords = keywords;
      continue;
    }
    const current: LocalizedText | undefined = service[row.field];
    service[row.field] = { ...current, [row.language]: text };
  }
}
