import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  acknowledge,
  EMPTY_OUTBOX,
  enqueue,
  heldUntil,
  isOverdue,
  markSent,
  nextToSend,
  resetInFlight,
  retryLater,
} from '../../src/handoff/outbox.js';

test('messages go out one at a time, oldest first, each after the previous is acknowledged', () => {
  let outbox = enqueue(enqueue(EMPTY_OUTBOX, 'first', 'uno'), 'second', 'dos');
  assert.equal(nextToSend(outbox, 0)?.clientId, 'first');
  outbox = markSent(outbox, 'first', 0);
  assert.equal(nextToSend(outbox, 0), undefined, 'nothing overtakes a message in flight');
  outbox = acknowledge(outbox, 'first');
  assert.equal(nextToSend(outbox, 0)?.clientId, 'second');
});

test('a message is kept until acknowledged, and sent again after the connection drops', () => {
  let outbox = markSent(enqueue(EMPTY_OUTBOX, 'first', 'uno'), 'first', 0);
  outbox = resetInFlight(outbox);
  assert.deepEqual(nextToSend(outbox, 10), { clientId: 'first', text: 'uno' });
});

test('the same client id is never queued twice, and unknown acknowledgements change nothing', () => {
  const outbox = enqueue(EMPTY_OUTBOX, 'first', 'uno');
  assert.equal(enqueue(outbox, 'first', 'uno'), outbox);
  assert.equal(acknowledge(outbox, 'someone-else'), outbox);
});

test('after a rate-limit refusal the message waits, still ahead of later ones', () => {
  let outbox = markSent(enqueue(enqueue(EMPTY_OUTBOX, 'first', 'uno'), 'second', 'dos'), 'first', 0);
  outbox = retryLater(outbox, 'first', 500);
  assert.equal(nextToSend(outbox, 499), undefined);
  assert.equal(heldUntil(outbox), 500);
  assert.equal(nextToSend(outbox, 500)?.clientId, 'first');
});

test('a message unacknowledged for too long marks the connection as dead', () => {
  const outbox = markSent(enqueue(EMPTY_OUTBOX, 'first', 'uno'), 'first', 1000);
  assert.equal(isOverdue(outbox, 5000, 10_000), false);
  assert.equal(isOverdue(outbox, 11_001, 10_000), true);
  assert.equal(isOverdue(EMPTY_OUTBOX, 11_001, 10_000), false);
});
