import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reconnectDelay } from '../../src/handoff/reconnect-backoff.js';

const options = { initialMs: 500, maxMs: 15_000 };

test('the wait doubles with each failed attempt, within its jitter range', () => {
  for (const [attempt, step] of [
    [0, 500],
    [1, 1000],
    [2, 2000],
    [3, 4000],
  ] as const) {
    assert.equal(
      reconnectDelay(attempt, options, () => 0),
      step / 2,
    );
    assert.equal(
      reconnectDelay(attempt, options, () => 1),
      step,
    );
  }
});

test('the wait stops growing at the maximum, even after very many attempts', () => {
  assert.equal(
    reconnectDelay(10, options, () => 1),
    15_000,
  );
  assert.equal(
    reconnectDelay(10_000, options, () => 1),
    15_000,
  );
});

test('jitter spreads widgets that lost the service at the same moment', () => {
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const delays = new Set(Array.from({ length: 100 }, () => reconnectDelay(3, options, random)));
  assert.ok(delays.size > 90, `expected spread-out delays, got ${delays.size} distinct values`);
  for (const delay of delays) assert.ok(delay >= 2000 && delay <= 4000);
});
