/**
 * What the importer found wrong and what it did about it. Every dropped record and every
 * changed field becomes one {@link ImportProblem} naming the file, CSV line (or JSON path),
 * record id and field, so a data team can fix the source instead of guessing.
 */

/** `error` stops the build (nothing is written); `warning` is cleaned or dropped and reported. */
export type ProblemSeverity = 'error' | 'warning';

/**
 * Every kind of problem, with the sentence the summary prints for it. Kept in one table so
 * that the summary, the docs and the tests agree on the names.
 */
export const PROBLEM_KINDS = {
  'input-unreadable': 'An input file could not be read or parsed',
  'input-unrecognised': 'A JSON document is not an HSDS service, organization, service_at_location or taxonomy term',
  'time-zone-missing': 'The directory time zone is neither in the data nor given with --time-zone',
  'time-zone-invalid': 'A time zone is not a valid IANA name',
  'time-zone-from-offset': 'The data gives the time zone only as a UTC offset (daylight saving is not modelled)',
  'time-zone-conflict': 'The data and --time-zone disagree',
  'categories-invalid': 'The category map file is malformed',
  'datapackage-missing': 'No datapackage.json; tables were found by their usual file names',
  'datapackage-resource-missing': 'datapackage.json lists a table whose file is absent',
  'table-missing': 'A table the importer needs is absent',
  'csv-field-count': 'A CSV row has the wrong number of fields',
  'csv-unterminated-quote': 'A quoted CSV field is never closed',
  'csv-stray-quote': 'A quote character in the wrong place in a CSV field',
  'csv-duplicate-header': 'A CSV header names a column twice',
  'directory-name-guessed': 'No usable directory name; pass --name',
  'country-inferred': 'The country is blank and was inferred from the states or provinces',
  'country-filled': 'A blank address country was filled with the directory country',
  'region-guessed': 'The region data file was chosen from the country; pass --region to change it',
  'missing-id': 'A record has no id',
  'missing-name': 'A service has no name',
  'duplicate-id': 'Two records share an id; the first is kept',
  'duplicate-link': 'The same link (service to taxonomy term, language, ...) appears more than once',
  'service-inactive': 'A service whose status is not active',
  'dangling-reference': 'A row refers to a record id that does not exist',
  'organization-missing': "A service has no organization name; its location's or its own name is used",
  'description-missing': 'A service has no description; its name is used',
  'address-incomplete':
    'An address missing its street, city, state or postal code was left out (the point, if any, is kept)',
  'marker-removed': 'Internal markers such as ###MON### were removed from text',
  'mojibake-repaired': 'Garbled characters (such as GÇÖ for a right quote) were repaired',
  'html-stripped': 'HTML tags were removed from text (the text is kept)',
  'escaped-newline': 'Literal \\n sequences in text became line breaks',
  'whitespace-trimmed': 'Leading or trailing spaces were removed',
  'control-characters-removed': 'Invisible control characters were removed',
  'url-unsafe': 'A URL with a scheme other than http(s) (javascript:, data:, ...) was removed',
  'url-invalid': 'A URL that cannot be parsed was removed',
  'url-scheme-added': 'A URL without a scheme (www.example.org) became https://',
  'email-invalid': 'An e-mail address that does not look like one was removed',
  'phone-invalid': 'A phone number without enough digits was removed',
  'phone-extension-moved': 'An extension written in the number (x123, ext. 123) was moved to the extension',
  'phone-type-unknown': 'A phone type HSDS does not define; voice was used',
  'phone-cleaned': 'A phone number had stray characters (quotes, letters) removed',
  'schedule-time-invalid': 'An opening time that cannot be read; the raw value is kept in the schedule note',
  'schedule-meridiem-guessed': 'A time without am/pm; am or pm was inferred from the other time',
  'schedule-weekday-invalid': 'A weekday that cannot be read; the raw value is kept in the schedule note',
  'schedule-extra-text': 'A time had words around it; the directory text is kept in the schedule note',
  'schedule-unsupported': 'A recurrence the widget cannot compute (monthly, every other week, ...); kept as a note',
  'schedule-expired': 'A schedule whose valid_to date has passed',
  'schedule-merged': 'Different schedules of several locations were merged into the service schedule',
  'language-unknown': 'A language name that could not be mapped to an ISO 639-1 code',
  'language-note': 'Language text that is not a language (e.g. "interpreters available"); not listed as a language',
  'eligibility-unlinked': 'An eligibility row has no service id, so its text and ages cannot be attached',
  'ages-conflict': 'minimum_age is above maximum_age; the ages were not used',
  'coordinates-invalid': 'A latitude or longitude out of range or not a number; the point was dropped',
  'coordinates-outlier': 'A location lies far from the others in its city; kept, but not used for the city centroid',
  'taxonomy-unknown': 'A taxonomy code that is not in the taxonomy table; kept without a name',
  'taxonomy-unmapped': 'A service none of whose taxonomy codes maps to a need category',
  'service-area-unmatched':
    'A service area that matches none of the derived areas; the service is treated as directory-wide',
  'translation-invalid': 'A translations row that cannot be used',
} as const;

/** A kind of problem. */
export type ProblemKind = keyof typeof PROBLEM_KINDS;

/** One thing the importer found, with where it found it. */
export interface ImportProblem {
  severity: ProblemSeverity;
  kind: ProblemKind;
  message: string;
  /** Input file, relative to the input folder where there is one. */
  file?: string;
  /** 1-based line where the CSV record starts. */
  line?: number;
  /** Where in a JSON document, e.g. `services[0].phones[1]`. */
  path?: string;
  /** The id of the record the problem is about (service, location, phone, ...). */
  recordId?: string;
  field?: string;
  /** The offending value, shortened. */
  value?: string;
  /** Set when the problem made the importer drop a whole service. */
  droppedService?: boolean;
}

/** Where a record came from, copied into every problem about it. */
export interface SourceRef {
  file?: string;
  line?: number;
  path?: string;
}

/** Counts for the end-of-build summary. */
export interface ImportSummary {
  servicesRead: number;
  servicesWritten: number;
  /** Dropped services by reason (problem kind). */
  dropped: Partial<Record<ProblemKind, number>>;
  /** All problems by severity and kind. */
  errors: Partial<Record<ProblemKind, number>>;
  warnings: Partial<Record<ProblemKind, number>>;
}

const VALUE_LIMIT = 120;

/** Collects problems during an import. The only mutable piece of the importer. */
export class ImportReport {
  readonly problems: ImportProblem[] = [];
  servicesRead = 0;
  servicesWritten = 0;
  // An organization or location shared by many services is cleaned once per service; its
  // problems are reported once.
  private readonly seen = new Set<string>();

  /** Records a warning about a record at `ref`. */
  warn(kind: ProblemKind, message: string, ref: SourceRef, details: ProblemDetails = {}): void {
    this.add(makeProblem('warning', kind, message, ref, details));
  }

  /** Records an error: the build will not write a snapshot. */
  error(kind: ProblemKind, message: string, ref: SourceRef = {}, details: ProblemDetails = {}): void {
    this.add(makeProblem('error', kind, message, ref, details));
  }

  private add(problem: ImportProblem): void {
    const key = [
      problem.severity,
      problem.kind,
      problem.file,
      problem.line,
      problem.path,
      problem.recordId,
      problem.field,
      problem.message,
    ].join('\u0000');
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push(problem);
  }

  /** True when at least one error was recorded. */
  get failed(): boolean {
    return this.problems.some((problem) => problem.severity === 'error');
  }

  /** Counts by kind for the summary. */
  summarize(): ImportSummary {
    const summary: ImportSummary = {
      servicesRead: this.servicesRead,
      servicesWritten: this.servicesWritten,
      dropped: {},
      errors: {},
      warnings: {},
    };
    for (const problem of this.problems) {
      const bucket = problem.severity === 'error' ? summary.errors : summary.warnings;
      bucket[problem.kind] = (bucket[problem.kind] ?? 0) + 1;
      if (problem.droppedService) summary.dropped[problem.kind] = (summary.dropped[problem.kind] ?? 0) + 1;
    }
    return summary;
  }
}

/** Optional facts about a problem besides where it is. */
export interface ProblemDetails {
  recordId?: string;
  field?: string;
  value?: unknown;
  droppedService?: boolean;
}

function makeProblem(
  severity: ProblemSeverity,
  kind: ProblemKind,
  message: string,
  ref: SourceRef,
  details: ProblemDetails,
): ImportProblem {
  const problem: ImportProblem = { severity, kind, message };
  if (ref.file !== undefined) problem.file = ref.file;
  if (ref.line !== undefined) problem.line = ref.line;
  if (ref.path !== undefined) problem.path = ref.path;
  if (details.recordId !== undefined) problem.recordId = details.recordId;
  if (details.field !== undefined) problem.field = details.field;
  if (details.value !== undefined && details.value !== null) problem.value = shorten(String(details.value));
  if (details.droppedService) problem.droppedService = true;
  return problem;
}

function shorten(value: string): string {
  return value.length > VALUE_LIMIT ? `${value.slice(0, VALUE_LIMIT - 1)}…` : value;
}
