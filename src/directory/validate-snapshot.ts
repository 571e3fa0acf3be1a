import { NEED_CATEGORIES, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, WEEKDAYS } from './snapshot.js';
import type { DirectorySnapshot } from './snapshot.js';

/**
 * One thing wrong with a snapshot, worded for the data team that built it. Errors make the
 * widget refuse the whole snapshot, because the rest of the code trusts its types; warnings
 * are reported and the snapshot is still used.
 */
export interface SnapshotProblem {
  /** Where the problem is, e.g. `services[12].phones[0].number`; empty for the file itself. */
  path: string;
  /** The id of the service or area at fault, so the data team can find it in their source. */
  recordId?: string;
  /** What is wrong and what was expected, e.g. `expected an http: or https: address, got "javascript:…"`. */
  message: string;
  /** Errors make the widget refuse the snapshot; warnings do not. */
  severity: 'error' | 'warning';
}

/**
 * The outcome of {@link validateSnapshot}. Lists hold at most {@link MAX_PROBLEMS} problems,
 * errors first; `omitted` counts the ones left out, so a broken file of thousands of services
 * yields a short report rather than megabytes.
 */
export type SnapshotValidation =
  | { ok: true; snapshot: DirectorySnapshot; warnings: SnapshotProblem[]; omitted: number }
  | { ok: false; problems: SnapshotProblem[]; omitted: number };

/** The most problems one validation lists. */
export const MAX_PROBLEMS = 50;

type Check = (value: unknown, path: string) => unknown;
type JsonObject = Record<string, unknown>;
/** Field checks by key; a key ending in `?` is optional. */
type Spec = Record<string, Check>;

// Tags such as <b>, </p>, <br/> or <a href=…>, and entities such as &amp; or &#39;.
const MARKUP = /<\/?[a-z][^<>]*>|&(#\d+|[a-z]+);/i;
const LANGUAGE = /^[a-z]{2,3}$/;
const LANGUAGE_CODE = 'a language code such as "en"';
const DATE = /^\d{4}-\d\d-\d\d$/;

/**
 * Checks a parsed JSON value against the snapshot format in `snapshot.ts` and returns the
 * typed snapshot, or the problems that stop the widget from using it. Pure and
 * dependency-free, because the widget runs it in the browser on every snapshot it loads; the
 * `validate-directory` command runs the same function.
 */
export function validateSnapshot(value: unknown): SnapshotValidation {
  const found = { error: [] as SnapshotProblem[], warning: [] as SnapshotProblem[] };
  const counts = { error: 0, warning: 0 };
  let recordId: string | undefined;

  const report = (path: string, message: string, severity: SnapshotProblem['severity'] = 'error'): false => {
    if (counts[severity]++ < MAX_PROBLEMS) found[severity].push({ path, recordId, message, severity });
    return false;
  };
  const expect = (path: string, what: string, value: unknown) =>
    report(path, value === undefined ? `missing; expected ${what}` : `expected ${what}, got ${describe(value)}`);
  const join = (path: string, key: string | number) =>
    typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

  const fields = (record: JsonObject, path: string, spec: Spec) => {
    for (const key in spec) {
      const name = key.replace('?', '');
      if (name === key || record[name] !== undefined) spec[key]!(record[name], join(path, name));
    }
  };
  /** An object with the given fields; `then` checks how its fields relate. */
  const object =
    (what: string, spec: Spec, then?: (record: JsonObject, path: string) => unknown): Check =>
    (v, path) => {
      if (!isRecord(v)) return expect(path, what, v);
      fields(v, path, spec);
      return then?.(v, path);
    };
  /** A list; `empty` says how serious an empty one is, where that matters. */
  const list =
    (item: Check, empty?: SnapshotProblem['severity']): Check =>
    (v, path) => {
      if (!Array.isArray(v)) return expect(path, 'a list', v);
      if (empty && !v.length) return report(path, 'is empty', empty);
      v.forEach((x, i) => {
        item(x, join(path, i));
      });
    };
  const matching =
    (pattern: RegExp, what: string): Check =>
    (v, path) =>
      (typeof v === 'string' && pattern.test(v)) || expect(path, what, v);
  const oneOf =
    (allowed: readonly unknown[]): Check =>
    (v, path) =>
      allowed.includes(v) || expect(path, `one of ${allowed.join(', ')}`, v);
  const range =
    (min: number, max: number, whole?: boolean): Check =>
    (v, path) =>
      (typeof v === 'number' && v >= min && v <= max && (!whole || Number.isInteger(v))) ||
      expect(path, `a ${whole ? 'whole ' : ''}number from ${min} to ${max}`, v);
  const ordered = (low: string, high: string) => (record: JsonObject, path: string) =>
    typeof record[low] === typeof record[high] &&
    (record[low] as number) > (record[high] as number) &&
    report(path, `${low} must not exceed ${high}`);

  const markup = (text: string, path: string) => MARKUP.test(text) && report(path, 'contains HTML', 'warning');
  const plain: Check = (v, path) => (typeof v === 'string' && v.trim() ? markup(v, path) : expect(path, 'text', v));
  const text: Check = (v, path) => {
    if (!isRecord(v)) return expect(path, 'text by language', v);
    let some = false;
    for (const [language, s] of Object.entries(v)) {
      const at = join(path, language);
      if (!LANGUAGE.test(language)) expect(at, LANGUAGE_CODE, language);
      else if (typeof s !== 'string') expect(at, 'text', s);
      else if (s.trim()) {
        some = true;
        markup(s, at);
      }
    }
    return some || report(path, 'has no text in any language');
  };
  const id = matching(/\S/, 'an id');
  const strings = list(matching(/\S/, 'text'));
  const dateTime: Check = (v, path) =>
    (typeof v === 'string' && DATE.test(v.slice(0, 10)) && !Number.isNaN(Date.parse(v))) ||
    expect(path, 'an ISO date', v);
  const date = matching(DATE, 'an ISO date');
  // `alsoAllowed` lets closing times be 24:00, the end of the day.
  const time = (alsoAllowed = '') =>
    matching(RegExp(`^(([01]\\d|2[0-3]):[0-5]\\d${alsoAllowed})$`), 'a 24-hour time such as 09:30');
  const timeZone: Check = (v, path) => {
    try {
      if (typeof v !== 'string') throw v;
      new Intl.DateTimeFormat('en', { timeZone: v });
    } catch {
      expect(path, 'an IANA time zone such as America/Toronto', v);
    }
  };
  // Exports often write 0, 0 for "unknown", which would put a service in the Atlantic.
  const point = object(
    'a point',
    { lat: range(-90, 90), lon: range(-180, 180) },
    (p, path) => p.lat === 0 && p.lon === 0 && report(path, 'is 0, 0: leave out unknown points', 'warning'),
  );
  const age = range(0, 120, true);

  // Id to the path of the record that has it.
  const areaIds = new Map<string, string>();
  const unique =
    (ids: Map<string, string>): Check =>
    (v, path) => {
      if (id(v, path) === false) return;
      const first = ids.get(v as string);
      first ? report(path, `duplicate id: ${first} has it too`) : ids.set(v as string, path.slice(0, -3));
    };
  const areaRef: Check = (v, path) =>
    typeof v === 'string' && !areaIds.has(v) && report(path, `no area has the id ${describe(v)}`);

  // Each record reports under its id, so a data team can find it in their own source.
  const records = (spec: Spec, empty?: SnapshotProblem['severity']) => {
    const record = object('an object', spec);
    return list((v, path) => {
      recordId = isRecord(v) && typeof v.id === 'string' ? v.id : undefined;
      record(v, path);
      recordId = undefined;
    }, empty);
  };
  const serviceIds = new Map<string, string>();

  if (!isRecord(value)) {
    expect('', 'a directory snapshot (a JSON object)', value);
  } else if (value.format !== SNAPSHOT_FORMAT) {
    expect('format', `"${SNAPSHOT_FORMAT}"`, value.format);
  } else if (value.version !== SNAPSHOT_VERSION) {
    typeof value.version === 'number' && value.version > SNAPSHOT_VERSION
      ? report('version', `${value.version} is newer than this widget reads (${SNAPSHOT_VERSION}): update the widget`)
      : expect('version', String(SNAPSHOT_VERSION), value.version);
  } else {
    fields(value, '', {
      generatedAt: dateTime,
      'source?': object('the source', {
        name: plain,
        kind: oneOf(['hsds-3-json', 'hsds-tabular', 'hand-written']),
        'exportedAt?': dateTime,
      }),
      directory: object('the directory', {
        name: text,
        timeZone,
        region: matching(/^[a-z0-9-]+$/, 'a region id such as ca-on'),
        country: matching(/^[A-Z]{2}$/, 'a country code such as CA'),
        distanceUnit: oneOf(['km', 'mi']),
      }),
      // Areas come before services, so that services can refer to them.
      areas: records({ id: unique(areaIds), name: text, 'centroid?': point, 'postalCodes?': strings }),
      services: records(
        {
          id: unique(serviceIds),
          name: text,
          organization: text,
          description: text,
          categories: list(oneOf(NEED_CATEGORIES), 'warning'),
          taxonomy: strings,
          'keywords?': (v, path) => {
            if (!isRecord(v)) return expect(path, 'word lists by language', v);
            for (const language in v) strings(v[language], join(path, language));
          },
          phones: list(
            object('a phone', {
              number: matching(/^\+?\d{3,15}$/, 'digits with an optional leading +'),
              display: plain,
              'extension?': matching(/^\d{1,10}$/, 'digits'),
              type: oneOf(['voice', 'text', 'fax', 'cell', 'video', 'pager', 'textphone']),
              'description?': text,
            }),
          ),
          'email?': matching(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address'),
          'url?': matching(/^https?:\/\/\S+$/i, 'an http: or https: address'),
          locations: list(
            object('a location', {
              id,
              'name?': text,
              'address?': object('an address', {
                street: plain,
                city: plain,
                region: plain,
                postalCode: plain,
                country: plain,
              }),
              'point?': point,
              'area?': areaRef,
            }),
          ),
          areas: list(areaRef),
          schedule: list(
            object(
              'opening hours',
              {
                days: list(oneOf(WEEKDAYS), 'error'),
                opens: time(),
                closes: time('|24:00'),
                'validFrom?': date,
                'validTo?': date,
              },
              (rule, path) => {
                if (typeof rule.opens === 'string' && rule.opens === rule.closes)
                  report(path, 'opens and closes at the same time');
                ordered('validFrom', 'validTo')(rule, path);
              },
            ),
          ),
          'scheduleNote?': text,
          languages: list(matching(LANGUAGE, LANGUAGE_CODE)),
          'ages?': object('ages such as {"min": 60}', { 'min?': age, 'max?': age }, ordered('min', 'max')),
          'eligibility?': text,
          'fees?': text,
          'free?': oneOf([true, false]),
          'documents?': text,
          'applicationProcess?': text,
        },
        'warning',
      ),
    });
  }

  if (counts.error) {
    const problems = found.error.concat(found.warning).slice(0, MAX_PROBLEMS);
    return { ok: false, problems, omitted: counts.error + counts.warning - problems.length };
  }
  return {
    ok: true,
    snapshot: value as DirectorySnapshot,
    warnings: found.warning,
    omitted: counts.warning - found.warning.length,
  };
}

/**
 * One line for a problem, naming the record by its id:
 * `services[12] (id "food-bank-3"): phones[0].number: expected digits with an optional leading +, got "call us"`.
 */
export function formatProblem(problem: SnapshotProblem): string {
  let where = problem.path;
  if (problem.recordId !== undefined) {
    const cut = where.indexOf('.');
    const id = ` (id ${JSON.stringify(problem.recordId)})`;
    where = cut < 0 ? where + id : `${where.slice(0, cut)}${id}: ${where.slice(cut + 1)}`;
  }
  return (problem.severity === 'warning' ? 'warning: ' : '') + (where ? `${where}: ` : '') + problem.message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Quotes short strings and names other kinds, so a huge or nested value never floods a report.
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  return value && typeof value === 'object' ? 'an object' : String(value);
}
