import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { DeliveryQueue } from '../../src/handoff/delivery-queue.js';
import { TypingSignal } from '../../src/handoff/typing-signal.js';

/** A queue over a fake channel that records what was sent and whether it was declared dead. */
function queueOverChannel() {
  const sent: string[] = [];
  const channel = { open: true, overdue: 0 };
  const queue = new DeliveryQueue({
    canSend: () => channel.open,
    send: ({ clientId }) => {
      if (!channel.open) return false;
      sent.push(clientId);
      return true;
    },
    onOverdue: () => {
      channel.overdue++;
    },
    ackTimeoutMs: 1000,
  });
  return { queue, sent, channel };
}

describe('delivery queue', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 }));
  afterEach(() => mock.timers.reset());

  it('sends one message at a time, the next only after the first is acknowledged', () => {
    const { queue, sent } = queueOverChannel();
    queue.add('a', 'first');
    queue.add('b', 'second');
    assert.deepEqual(sent, ['a']);
    assert.equal(queue.acknowledge('a'), true);
    queue.flush();
    assert.deepEqual(sent, ['a', 'b']);
    assert.equal(queue.acknowledge('a'), false, 'a second acknowledgement changes nothing');
  });

  it('resends the message in flight on the next connection', () => {
    const { queue, sent, channel } = queueOverChannel();
    queue.add('a', 'first');
    channel.open = false;
    queue.connectionLost();
    queue.flush();
    assert.deepEqual(sent, ['a']);
    channel.open = true;
    queue.flush();
    assert.deepEqual(sent, ['a', 'a']);
  });

  it('holds a rate-limited message back, then sends it again; drops a refused one and moves on', () => {
    const { queue, sent } = queueOverChannel();
    queue.add('a', 'first');
    queue.add('b', 'second');
    assert.equal(queue.refuse('b', 500), null, 'only the message in flight can be refused');
    assert.equal(queue.refuse('a', 500), 'held');
    queue.flush();
    assert.deepEqual(sent, ['a']);
    mock.timers.tick(500);
    assert.deepEqual(sent, ['a', 'a']);
    assert.equal(queue.refuse('a', null), 'dropped');
    queue.flush();
    assert.deepEqual(sent, ['a', 'a', 'b']);
    assert.deepEqual(
      queue.pending.map((entry) => entry.clientId),
      ['b'],
    );
  });

  it('calls the connection dead when an acknowledgement does not come in time', () => {
    const { queue, channel } = queueOverChannel();
    queue.add('a', 'first');
    mock.timers.tick(999);
    assert.equal(channel.overdue, 0);
    mock.timers.tick(1);
    assert.equal(channel.overdue, 1);
  });

  it('gives back every pending message when cleared, and sends nothing more', () => {
    const { queue, sent, channel } = queueOverChannel();
    queue.add('a', 'first');
    queue.add('b', 'second');
    assert.deepEqual(
      queue.clear().map((entry) => entry.clientId),
      ['a', 'b'],
    );
    mock.timers.tick(5000);
    assert.equal(channel.overdue, 0);
    assert.deepEqual(sent, ['a']);
  });
});

describe('typing signal', () => {
  it('sends changes, and "still typing" at most once per interval', () => {
    const frames: boolean[] = [];
    const signal = new TypingSignal(3000);
    const send = (typing: boolean) => {
      frames.push(typing);
      return true;
    };
    signal.update(true, send, 0);
    signal.update(true, send, 1000);
    signal.update(true, send, 3000);
    signal.update(false, send, 3100);
    signal.update(false, send, 3200);
    assert.deepEqual(frames, [true, true, false]);
    signal.update(true, send, 3300);
    signal.reset();
    signal.update(false, send, 3400);
    assert.deepEqual(frames, [true, true, false, true], 'after a reset the other side shows nothing to clear');
  });
});
