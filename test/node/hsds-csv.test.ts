import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv } from '../../src/directory/hsds/csv.js';

describe('CSV parser (RFC 4180)', () => {
  it('keeps newlines, commas and doubled quotes inside quoted fields', () => {
    const table = parseCsv('id,description\n1,"Line one\nLine two, with a comma and ""quotes"""\n2,plain\n');
    assert.deepEqual(
      table.records.map((record) => record.values),
      [
        { id: '1', description: 'Line one\nLine two, with a comma and "quotes"' },
        { id: '2', description: 'plain' },
      ],
    );
    assert.deepEqual(table.problems, []);
  });

  it('numbers each record by the file line where it starts, counting quoted newlines', () => {
    const table = parseCsv('id,text\r\na,"x\r\ny\r\nz"\r\nb,ok\r\n');
    assert.deepEqual(
      table.records.map((record) => [record.values.id, record.line]),
      [
        ['a', 2],
        ['b', 5],
      ],
    );
  });

  it('reads a UTF-8 byte order mark, CR-only line ends, a missing final newline and empty fields', () => {
    const table = parseCsv('\ufeffid,a,b\r1,,\r2,"",x');
    assert.deepEqual(table.header, ['id', 'a', 'b']);
    assert.deepEqual(
      table.records.map((record) => record.values),
      [
        { id: '1', a: '', b: '' },
        { id: '2', a: '', b: 'x' },
      ],
    );
  });

  it('skips blank lines', () => {
    assert.equal(parseCsv('id\n1\n\n2\n\n').records.length, 2);
  });

  it('reports rows with too many or too few fields at their line, and pads short rows', () => {
    const table = parseCsv('id,name\n1,a,extra\n2\n');
    assert.deepEqual(
      table.problems.map((problem) => [problem.kind, problem.line]),
      [
        ['csv-field-count', 2],
        ['csv-field-count', 3],
      ],
    );
    assert.deepEqual(table.records[1]?.values, { id: '2', name: '' });
  });

  it('reports a quoted field that is never closed instead of silently eating the file', () => {
    const table = parseCsv('id,text\n1,"never closed\n2,next\n');
    assert.equal(table.problems[0]?.kind, 'csv-unterminated-quote');
    assert.equal(table.problems[0]?.line, 2);
  });

  it('keeps and reports stray quotes', () => {
    const table = parseCsv('id,text\n1,5" pipe\n2,"quoted"tail\n');
    assert.equal(table.records[0]?.values.text, '5" pipe');
    assert.equal(table.records[1]?.values.text, 'quotedtail');
    assert.deepEqual(
      table.problems.map((problem) => [problem.kind, problem.line]),
      [
        ['csv-stray-quote', 2],
        ['csv-stray-quote', 3],
      ],
    );
  });
});
