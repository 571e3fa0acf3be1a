/**
 * Needs counting on the service: batches checked value by value, counts kept per day, small
 * cells withheld with their complements, filters that cannot be subtracted to reveal a small
 * count, contact records merged once, rate limits that show on the report, retention.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { WebSocket } from 'ws';
import { NAVIGATOR_SOCKET_PATH } from '../../src/handoff/handoff-protocol.js';
import type { NeedsStep } from '../../src/analytics/needs-count-protocol.js';
import { suppressCells } from '../../navigator/service/cell-suppression.js';
import { DEFAULT_NEEDS_CONFIG } from '../../navigator/service/needs-config.js';
import { incrementsFromBatch, incrementsFromContact } from '../../navigator/service/needs-counts.js';
import { NEEDS_REPORT_PATH, type NeedsReport, type ReportTable } from '../../navigator/service/needs-report-format.js';
import { NeedsCounting } from '../../navigator/service/needs-service.js';
import { NeedsStore } from '../../navigator/service/needs-store.js';
import { type NavigatorService, startNavigatorService } from '../../navigator/service/navigator-service.js';

const NOON = Date.parse('2026-11-10T17:00:00Z');
const TODAY = '2026-11-10';

function counting(settings: Partial<typeof DEFAULT_NEEDS_CONFIG> = {}, now = () => NOON) {
  const store = new NeedsStore(new Database(':memory:'));
  return {
    store,
    counting: new NeedsCounting(store, { ...DEFAULT_NEEDS_CONFIG, ...settings }, 'America/Toronto', now),
  };
}

function batch(...steps: NeedsStep[]) {
  return { v: 1, region: 'ca-on', steps };
}

function table(report: NeedsReport | { problem: string }, id: ReportTable['id']): ReportTable {
  assert.ok(!('problem' in report), 'the report was refused');
  const found = report.tables.find((candidate) => candidate.id === id);
  assert.ok(found, `table ${id}`);
  return found;
}

function value(t: ReportTable, row: string, column: string) {
  return t.rows.find((r) => r.key === row)?.values[t.columns.indexOf(column)];
}

describe('a batch from the widget', () => {
  test('becomes one count per step, with the region of the batch', () => {
    const result = incrementsFromBatch(
      batch(
        { step: 'need', category: 'food', language: 'es' },
        { step: 'results', category: 'food', language: 'es', found: false, area: 'north' },
      ),
    );
    assert.ok('increments' in result);
    assert.deepEqual(
      result.increments.map((i) => [i.measure, i.category, i.language, i.region, i.area, i.detail, i.count]),
      [
        ['need', 'food', 'es', 'ca-on', '', '', 1],
        ['results', 'food', 'es', 'ca-on', 'north', 'none', 1],
      ],
    );
  });

  test('is refused whole when a step carries anything beyond its codes (text, an id, a time)', () => {
    for (const extra of [{ text: 'I lost my job' }, { id: 'abc123' }, { at: 1_700_000_000_000 }]) {
      const result = incrementsFromBatch(
        batch({ step: 'need', category: 'food', language: 'en', ...extra } as NeedsStep),
      );
      assert.ok('problem' in result, `refused with ${Object.keys(extra)[0]}`);
    }
  });

  test('is refused when a value is not on its closed list', () => {
    assert.ok('problem' in incrementsFromBatch(batch({ step: 'need', category: 'pizza', language: 'en' } as never)));
    assert.ok('problem' in incrementsFromBatch(batch({ step: 'need', category: 'food', language: 'xx' } as never)));
    assert.ok(
      'problem' in
        incrementsFromBatch(
          batch({ step: 'results', category: 'food', language: 'en', found: true, area: 'My Street 12' }),
        ),
    );
    assert.ok('problem' in incrementsFromBatch({ v: 1, region: 'Toronto, ON', steps: [] }));
  });
});

describe('suppression', () => {
  test('withholds counts under the threshold and one more cell in any line that would reveal it', () => {
    const result = suppressCells(
      [
        [3, 10, 12],
        [20, 30, 40],
      ],
      5,
      { rows: true, columns: false },
    );
    assert.deepEqual(result, [
      [null, null, 12],
      [20, 30, 40],
    ]);
  });

  test('keeps zeros and counts at the threshold', () => {
    assert.deepEqual(suppressCells([[0, 5, 9]], 5, { rows: true, columns: true }), [[0, 5, 9]]);
  });
});

describe('the report', () => {
  test('shows counts at or above the threshold and withholds smaller ones, with their complements', () => {
    const { counting: c } = counting();
    for (let i = 0; i < 7; i++) c.receiveBatch(batch({ step: 'need', category: 'food', language: 'en' }), `a${i}`);
    for (let i = 0; i < 2; i++) c.receiveBatch(batch({ step: 'need', category: 'housing', language: 'es' }), `b${i}`);
    for (let i = 0; i < 6; i++) c.receiveBatch(batch({ step: 'need', category: 'health', language: 'en' }), `c${i}`);
    const report = c.report(new URLSearchParams({ from: TODAY, to: TODAY }));
    const needs = table(report, 'needs-over-time');
    assert.equal(value(needs, TODAY, 'housing'), null);
    // The day's total is shown, so a second cell is withheld: 15 - 7 - 6 would give housing away.
    assert.equal(needs.rows[0]?.values.filter((v) => v === null).length, 2);
    assert.equal(value(needs, TODAY, 'total'), 15);
    const languages = table(report, 'language-share');
    assert.equal(value(languages, 'es', 'needs'), null);
    assert.equal(value(languages, 'es', 'share'), null);
  });

  test('withholds a filtered cell whose difference from the unfiltered one is small', () => {
    const { counting: c } = counting();
    for (let i = 0; i < 9; i++) c.receiveBatch(batch({ step: 'need', category: 'food', language: 'en' }), `a${i}`);
    for (let i = 0; i < 3; i++) c.receiveBatch(batch({ step: 'need', category: 'food', language: 'es' }), `b${i}`);
    const all = table(c.report(new URLSearchParams({ from: TODAY, to: TODAY })), 'needs-over-time');
    assert.equal(value(all, TODAY, 'food'), 12);
    const english = table(c.report(new URLSearchParams({ from: TODAY, to: TODAY, language: 'en' })), 'needs-over-time');
    assert.equal(value(english, TODAY, 'food'), null, '12 - 9 would reveal the 3 Spanish needs');
  });

  test('computes the unmet rate from searches with no result and "did not help" answers', () => {
    const { counting: c } = counting({ minCell: 1 });
    c.receiveBatch(
      batch(
        { step: 'results', category: 'legal', language: 'en', found: false },
        { step: 'results', category: 'legal', language: 'en', found: true },
        { step: 'results', category: 'legal', language: 'en', found: true },
        { step: 'feedback', category: 'legal', language: 'en', helpful: false },
      ),
      'a',
    );
    const unmet = table(c.report(new URLSearchParams({ from: TODAY, to: TODAY })), 'unmet-by-category');
    assert.deepEqual(unmet.rows, [{ key: 'legal', values: [3, 1, 1, 66.7] }]);
    const gaps = table(c.report(new URLSearchParams({ from: TODAY, to: TODAY })), 'data-gaps');
    assert.deepEqual(gaps.rows, [{ key: 'legal', values: [1, 3, 33.3] }]);
  });

  test('merges a contact record once, even when the navigator corrects it', () => {
    const { counting: c } = counting({ minCell: 1 });
    const first = { needs: ['housing' as const], referrals: [], unmet: [], safetyCheck: 'not-done' };
    const corrected = {
      needs: ['housing' as const],
      referrals: [],
      unmet: [{ category: 'housing' as const, reason: 'waitlist' }],
      safetyCheck: 'safe',
    };
    c.countContact(first, { language: 'es' });
    c.countContact(corrected, { language: 'es' }, first);
    const report = c.report(new URLSearchParams({ from: TODAY, to: TODAY }));
    assert.deepEqual(table(report, 'navigator-records').rows, [{ key: 'housing', values: [1, 0, 1] }]);
    assert.deepEqual(table(report, 'handoffs-and-safety').rows, [{ key: 'safety-check:safe', values: [1] }]);
    assert.deepEqual(
      incrementsFromContact(first, { language: 'es' }, first).reduce((s, i) => s + i.count, 0),
      0,
    );
  });

  test('a script sending too fast is refused, and the refusals show on the report', () => {
    const { counting: c } = counting({ minCell: 1, perAddress: { capacity: 3, perSecond: 0 } });
    const outcomes = Array.from({ length: 5 }, () =>
      c.receiveBatch(batch({ step: 'need', category: 'food', language: 'en' }), 'script'),
    );
    assert.deepEqual(outcomes, ['counted', 'counted', 'counted', 'rate-limited', 'rate-limited']);
    const report = c.report(new URLSearchParams({ from: TODAY, to: TODAY }));
    assert.ok(!('problem' in report));
    assert.equal(report.refused.rateLimited, 2);
    assert.equal(value(table(report, 'needs-over-time'), TODAY, 'food'), 3);
  });

  test('counts past the retention are deleted', () => {
    let now = NOON;
    const { counting: c, store } = counting({ minCell: 1, retentionDays: 30 }, () => now);
    c.receiveBatch(batch({ step: 'need', category: 'food', language: 'en' }), 'a');
    now += 31 * 86_400_000;
    c.sweep();
    assert.equal(store.dayRange(), undefined);
  });
});

describe('the endpoints', () => {
  let service: NavigatorService;
  before(async () => {
    service = await startNavigatorService({
      port: 0,
      dataDir: ':memory:',
      needs: { ...DEFAULT_NEEDS_CONFIG, minCell: 1 },
    });
    await service.addNavigator('ana', 'Ana', 'correct horse battery staple');
  });
  after(() => service.close());

  test('take a plain-text batch from an allowed site without a preflight, and refuse other sites', async () => {
    const body = JSON.stringify(batch({ step: 'need', category: 'food', language: 'en' }));
    const headers = { 'Content-Type': 'text/plain;charset=UTF-8' };
    const allowed = await fetch(`${service.url}/needs/counts`, {
      method: 'POST',
      body,
      headers: { ...headers, Origin: 'http://localhost:8080' },
    });
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://localhost:8080');
    const other = await fetch(`${service.url}/needs/counts`, {
      method: 'POST',
      body,
      headers: { ...headers, Origin: 'https://elsewhere.example.org' },
    });
    assert.equal(other.status, 403);
  });

  test('let an analyst read the report but never open the navigators’ socket', async () => {
    await service.addNavigator('mina', 'Mina', 'correct horse battery staple');
    service.setRole('mina', 'analyst');
    const signIn = await fetch(`${service.url}/navigator/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'mina', password: 'correct horse battery staple', mode: 'token' }),
    });
    const { token, role } = (await signIn.json()) as { token: string; role: string };
    assert.equal(role, 'analyst');
    const report = await fetch(`${service.url}${NEEDS_REPORT_PATH}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(report.status, 200);
    const socket = new WebSocket(`${service.url.replace('http', 'ws')}${NAVIGATOR_SOCKET_PATH}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const refused = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => undefined);
    });
    socket.terminate();
    assert.equal(refused, 401);
  });

  test('serve the report only to signed-in staff', async () => {
    assert.equal((await fetch(`${service.url}${NEEDS_REPORT_PATH}`)).status, 401);
    const signIn = await fetch(`${service.url}/navigator/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'ana', password: 'correct horse battery staple', mode: 'token' }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const report = await fetch(`${service.url}${NEEDS_REPORT_PATH}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(report.status, 200);
    const body = (await report.json()) as NeedsReport;
    assert.ok(body.tables.find((t) => t.id === 'needs-over-time')?.rows.some((r) => r.values.includes(1)));
  });
});
