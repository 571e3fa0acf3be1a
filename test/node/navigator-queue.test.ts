import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderQueue, type QueueItem, queuePositions } from '../../navigator/service/queue.js';

const item = (id: string, waitingSince: number, flags: Partial<QueueItem> = {}): QueueItem => ({
  id,
  waitingSince,
  urgent: false,
  crisis: false,
  ...flags,
});

test('the visitor who has waited longest is first when nobody is urgent', () => {
  const queue = orderQueue([item('late', 300), item('early', 100), item('middle', 200)]);
  assert.deepEqual(
    queue.map((i) => i.id),
    ['early', 'middle', 'late'],
  );
});

test('an urgent need goes ahead of longer waits, and a crisis ahead of both', () => {
  const queue = orderQueue([
    item('waited-long', 100),
    item('urgent-housing', 300, { urgent: true }),
    item('crisis', 400, { crisis: true, urgent: true }),
    item('urgent-earlier', 200, { urgent: true }),
  ]);
  assert.deepEqual(
    queue.map((i) => i.id),
    ['crisis', 'urgent-earlier', 'urgent-housing', 'waited-long'],
  );
});

test('a crisis flag counts even when the urgent flag was not set', () => {
  assert.deepEqual(
    orderQueue([item('urgent', 100, { urgent: true }), item('crisis', 200, { crisis: true })]).map((i) => i.id),
    ['crisis', 'urgent'],
  );
});

test('positions start at 1 and follow the order; the input is left alone', () => {
  const items = [item('b', 200), item('a', 100), item('c', 50, { urgent: true })];
  assert.deepEqual(
    [...queuePositions(items)],
    [
      ['c', 1],
      ['a', 2],
      ['b', 3],
    ],
  );
  assert.deepEqual(
    items.map((i) => i.id),
    ['b', 'a', 'c'],
  );
});

test('equal waits are ordered the same way every time', () => {
  const one = orderQueue([item('y', 100), item('x', 100)]);
  const two = orderQueue([item('x', 100), item('y', 100)]);
  assert.deepEqual(one, two);
});
