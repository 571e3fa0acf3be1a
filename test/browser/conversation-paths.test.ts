import { expect } from '@open-wc/testing';
import { conversationPaths, restingStates } from './conversation-path-model.js';

describe('conversation paths (xstate/graph)', () => {
  it('reaches every state of the machine', () => {
    const reached = new Set(conversationPaths.map((path) => String(path.state.value)));
    expect([...reached].sort()).to.deep.equal([...restingStates].sort());
  });

  it('has no dead end: every resting state offers a way forward, and a person is always one tap away', () => {
    for (const path of conversationPaths) {
      const snapshot = path.state;
      const where = `${String(snapshot.value)} after ${path.steps.map((s) => s.event.type).join(' → ')}`;
      expect(snapshot.can({ type: 'TALK_TO_PERSON' }), where).to.equal(true);
      expect(snapshot.can({ type: 'START_OVER' }), where).to.equal(true);
      if (!snapshot.hasTag('busy')) {
        expect(snapshot.context.replies.length, where).to.be.greaterThan(0);
      }
    }
  });
});
